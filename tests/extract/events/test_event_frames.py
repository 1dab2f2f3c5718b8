"""Frames on hand-built parses: composition, status and conditions without the model."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from communique.extract.events.frames import frames_of

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """rows: (word, pos, tag, dep, head index, lemma)."""
    words, pos, tags, deps, heads, lemmas = map(list, zip(*rows))
    return Doc(VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)


def frames(doc: Doc, cb):
    return frames_of(doc[:], cb)[0]


def test_agree_to_meet_composes(codebook):
    doc = parse([("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("agreed", "VERB", "VBD", "ROOT", 1, "agree"),
                 ("to", "PART", "TO", "aux", 3, "to"), ("meet", "VERB", "VB", "xcomp", 1, "meet"),
                 (".", "PUNCT", ".", "punct", 1, ".")])
    (f,) = frames(doc, codebook)
    assert f.head.text == "agreed" and f.code == "036" and f.gov_class == "intent"


def test_negation_and_future(codebook):
    doc = parse([("Rebels", "NOUN", "NNS", "nsubj", 3, "rebel"), ("will", "AUX", "MD", "aux", 3, "will"),
                 ("not", "PART", "RB", "neg", 3, "not"), ("attack", "VERB", "VB", "ROOT", 3, "attack"),
                 ("Homs", "PROPN", "NNP", "dobj", 3, "Homs"), (".", "PUNCT", ".", "punct", 3, ".")])
    (f,) = frames(doc, codebook)
    assert f.code.startswith("19") and f.st.negated and f.st.future
    assert f.st.status() == "negated"


def test_if_clause_is_a_condition(codebook):
    # "Iran will talk if Israel attacks ." -- "attacks" is the condition, not an event
    doc = parse([("Iran", "PROPN", "NNP", "nsubj", 2, "Iran"), ("will", "AUX", "MD", "aux", 2, "will"),
                 ("meet", "VERB", "VB", "ROOT", 2, "meet"), ("if", "SCONJ", "IN", "mark", 5, "if"),
                 ("Israel", "PROPN", "NNP", "nsubj", 5, "Israel"), ("attacks", "VERB", "VBZ", "advcl", 2, "attack"),
                 (".", "PUNCT", ".", "punct", 2, ".")])
    fs = frames(doc, codebook)
    assert [f.head.text for f in fs] == ["meet"]
    assert fs[0].st.conditional and fs[0].st.future


def test_call_for_a_truce_is_a_demand(codebook):
    doc = parse([("They", "PRON", "PRP", "nsubj", 1, "they"), ("called", "VERB", "VBD", "ROOT", 1, "call"),
                 ("for", "ADP", "IN", "prep", 1, "for"), ("a", "DET", "DT", "det", 4, "a"),
                 ("truce", "NOUN", "NN", "pobj", 2, "truce"), (".", "PUNCT", ".", "punct", 1, ".")])
    (f,) = frames(doc, codebook)
    assert f.code == "1056" and codebook.cameo[f.code].event == "REQUEST"


def test_a_light_verb_carries_a_noun_counted_in_a_measure(codebook):
    # "Japan sent 500 tons of food aid ." -- the verb acts on "tons", whose content is the aid
    doc = parse([("Japan", "PROPN", "NNP", "nsubj", 1, "Japan"), ("sent", "VERB", "VBD", "ROOT", 1, "send"),
                 ("500", "NUM", "CD", "nummod", 3, "500"), ("tons", "NOUN", "NNS", "dobj", 1, "ton"),
                 ("of", "ADP", "IN", "prep", 3, "of"), ("food", "NOUN", "NN", "compound", 6, "food"),
                 ("aid", "NOUN", "NN", "pobj", 4, "aid"), (".", "PUNCT", ".", "punct", 1, ".")])
    (f,) = frames(doc, codebook)
    assert f.head.text == "sent" and f.code == "073" and f.trigger.token.text == "aid"
    # a noun that is not counted in a measure is not carried: "sent the head of food aid"
    doc = parse([("Japan", "PROPN", "NNP", "nsubj", 1, "Japan"), ("sent", "VERB", "VBD", "ROOT", 1, "send"),
                 ("the", "DET", "DT", "det", 3, "the"), ("head", "NOUN", "NN", "dobj", 1, "head"),
                 ("of", "ADP", "IN", "prep", 3, "of"), ("food", "NOUN", "NN", "compound", 6, "food"),
                 ("aid", "NOUN", "NN", "pobj", 4, "aid"), (".", "PUNCT", ".", "punct", 1, ".")])
    assert not frames(doc, codebook)


def _noun_doc(words, heads, deps, ents=()):
    pos = ["NOUN" if d in ("pobj", "nsubj", "dobj", "ROOT") or w[0].isupper() else "ADP" if d == "prep" else "DET"
           for w, d in zip(words, deps)]
    lemmas = [w.lower()[:-1] if w.endswith("s") else w.lower() for w in words]
    doc = Doc(VOCAB, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
    if ents:
        from spacy.tokens import Span
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_a_release_of_things_is_no_release_of_people(codebook):
    from communique.extract.events.triggers import noun_trigger
    # "the release of results" / "the release of prisoners"
    things = _noun_doc(["the", "release", "of", "results"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"])
    people = _noun_doc(["the", "release", "of", "prisoners"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"])
    assert noun_trigger(things[1], codebook) is None
    assert noun_trigger(people[1], codebook) is not None


def test_an_event_word_inside_a_bodys_name_is_no_event(codebook):
    from communique.extract.events.triggers import noun_trigger
    words = ["the", "Bureau", "of", "Investigation"]
    named = _noun_doc(words, [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], ents=[(1, 4, "ORG")])
    plain = _noun_doc(["the", "start", "of", "investigation"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"])
    assert noun_trigger(named[3], codebook) is None
    assert noun_trigger(plain[3], codebook) is not None
