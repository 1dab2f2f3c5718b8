"""Cue rules on hand-built parses (no model needed)."""
from communique.extract.quotes import extract_quotes
from communique.extract.quotes.cues import according_found, subject_of, verb_found
from communique.nlp import ParsedDoc
from communique.schema import CleanDoc


def found(doc, i, lexicon):
    verb = doc[i]
    return verb_found(verb, lexicon.verb_lemma(verb), lexicon, doc.text, len(doc.text))


def piece_texts(doc, f):
    return [doc.text[s:e] for s, e in f.pieces]


def test_that_clause(lexicon, make_doc):
    doc = make_doc([("Lavrov", 1, "nsubj", "PROPN", "NNP", "Lavrov"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
                    ("that", 6, "mark", "SCONJ", "IN", "that"), ("this", 6, "nsubj", "PRON", "DT", "this"),
                    ("should", 6, "aux", "AUX", "MD", "should"), ("not", 6, "neg", "PART", "RB", "not"),
                    ("be", 1, "ccomp", "AUX", "VB", "be"), ("a", 8, "det", "DET", "DT", "a"),
                    ("precondition", 6, "attr", "NOUN", "NN", "precondition"), (".", 1, "punct", "PUNCT", ".", ".")])
    f = found(doc, 1, lexicon)
    assert f.frame == "clause" and f.source.text == "Lavrov"
    assert piece_texts(doc, f) == ["that this should not be a precondition"]


def test_complement_before_the_cue_must_end_at_a_comma(lexicon, make_doc):
    rows = [("Talks", 1, "nsubj", "NOUN", "NNS", "talk"), ("failed", 4, "ccomp", "VERB", "VBD", "fail"),
            (",", 4, "punct", "PUNCT", ",", ","), ("he", 4, "nsubj", "PRON", "PRP", "he"),
            ("said", 4, "ROOT", "VERB", "VBD", "say"), (".", 4, "punct", "PUNCT", ".", ".")]
    f = found(make_doc(rows), 4, lexicon)
    assert f.frame == "clause"
    # A colon makes the clause before a statement of the writer's, not the source's.
    rows[2] = (":", 4, "punct", "PUNCT", ":", ":")
    f = found(make_doc(rows), 4, lexicon)
    assert f.frame == "bare" and not f.pieces


def test_passive_without_agent_has_no_source(lexicon, make_doc):
    doc = make_doc([("It", 2, "nsubjpass", "PRON", "PRP", "it"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
                    ("reported", 2, "ROOT", "VERB", "VBN", "report"), ("that", 5, "mark", "SCONJ", "IN", "that"),
                    ("talks", 5, "nsubj", "NOUN", "NNS", "talk"), ("failed", 2, "ccomp", "VERB", "VBD", "fail")])
    assert subject_of(doc[2]) == (None, False)
    f = found(doc, 2, lexicon)
    assert f.source is None and piece_texts(doc, f) == ["that talks failed"]


def test_participle_inherits_the_subject(lexicon, make_doc):
    doc = make_doc([("Lavrov", 1, "nsubj", "PROPN", "NNP", "Lavrov"), ("agreed", 1, "ROOT", "VERB", "VBD", "agree"),
                    (",", 1, "punct", "PUNCT", ",", ","), ("saying", 1, "advcl", "VERB", "VBG", "say"),
                    ("they", 5, "nsubj", "PRON", "PRP", "they"), ("planned", 3, "ccomp", "VERB", "VBD", "plan"),
                    ("to", 7, "aux", "PART", "TO", "to"), ("go", 5, "xcomp", "VERB", "VB", "go")])
    f = found(doc, 3, lexicon)
    assert f.source.text == "Lavrov" and piece_texts(doc, f) == ["they planned to go"]


def test_according_to(lexicon, make_doc):
    doc = make_doc([("The", 1, "det", "DET", "DT", "the"), ("talks", 2, "nsubj", "NOUN", "NNS", "talk"),
                    ("failed", 2, "ROOT", "VERB", "VBD", "fail"), (",", 2, "punct", "PUNCT", ",", ","),
                    ("according", 2, "prep", "VERB", "VBG", "accord"), ("to", 4, "prep", "ADP", "IN", "to"),
                    ("officials", 5, "pobj", "NOUN", "NNS", "official"), (".", 2, "punct", "PUNCT", ".", ".")])
    f = according_found(doc[4], lexicon)
    assert f.source.text == "officials"
    assert piece_texts(doc, f) == ["The talks failed"]


def test_direct_quote_from_a_hand_built_parse(lexicon, make_doc):
    rows = [('"', 7, "punct", "PUNCT", "``", '"'), ("We", 3, "nsubj", "PRON", "PRP", "we"),
            ("will", 3, "aux", "AUX", "MD", "will"), ("go", 7, "ccomp", "VERB", "VB", "go"),
            (",", 3, "punct", "PUNCT", ",", ","), ('"', 7, "punct", "PUNCT", "''", '"'),
            ("he", 7, "nsubj", "PRON", "PRP", "he"), ("said", 7, "ROOT", "VERB", "VBD", "say"),
            (".", 7, "punct", "PUNCT", ".", ".")]
    doc = make_doc(rows, spaces=[False, True, True, False, False, True, True, False, False])
    assert doc.text == '"We will go," he said.'
    quotes = extract_quotes(ParsedDoc(clean=CleanDoc(id="d", text=doc.text), doc=doc), actors=[], lexicon=lexicon)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.kind, q.text, q.cue, q.speaker.entity_text) == ("direct", "We will go", "said", "he")
    assert doc.text[q.start:q.end] == q.text


def test_an_unparsed_doc_yields_nothing_and_does_not_fail(lexicon, vocab):
    from spacy.tokens import Doc

    text_words = ['"', "unbalanced", "quote", "he", "said"]
    doc = Doc(vocab, words=text_words)
    assert extract_quotes(ParsedDoc(clean=CleanDoc(id="d", text=doc.text), doc=doc), actors=[], lexicon=lexicon) == []
