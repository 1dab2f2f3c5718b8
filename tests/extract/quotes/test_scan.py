"""``Attributor.scan`` looks only at the tokens ``_cue_candidates`` picks from the doc's arrays: it
must find every cue that looking at each token finds."""
from __future__ import annotations

import pytest

from communique.extract.quotes.assemble import Attributor, _cue_candidates, _heads_of_right_ccomp
from communique.extract.quotes.cues import according_found, noun_found, that_clause_found, verb_found
from communique.extract.quotes.marks import find_quotations, is_quotation, paragraphs

pytestmark = pytest.mark.model

TEXT = (
    "The minister said on Monday that talks would resume, according to officials in Geneva. "
    "\"We are ready,\" she told reporters. Critics pointed out that nothing had changed.\n\n"
    "In the words of one diplomat, the plan is dead. The claim that it failed was denied by "
    "the ministry, which Says it will Announce a decision. He made clear that he would go on.\n\n"
    "Officials warned of a crisis and urged both sides to attend; the agency reported it. "
    "According to a statement, the talks were called \"a disaster\" by her aides. We accord "
    "in principle, he insisted, and the report claims no such thing."
)


def _every_token_scan(att: Attributor) -> list[tuple]:
    """The scan as it was before candidates: every token, the same tests in the same order."""
    lex, doc, text = att.lexicon, att.doc, att.text
    first_words = {p[0] for p in lex.phrases}
    out = []
    for t in doc:
        if t.is_space or t.is_punct or att.in_speech(t.idx):
            continue
        lemma = lex.verb_lemma(t)
        if lemma is not None:
            f = verb_found(t, lemma, lex, text, att.para_of(t.idx)[1])
        elif t.lower_ in first_words:
            f = according_found(t, lex)
        elif t.pos_ == "NOUN" and t.lemma_.lower() in lex.nouns:
            f = noun_found(t, lex)
        elif t.pos_ == "VERB":
            f = that_clause_found(t)
        else:
            f = None
        if f is not None:
            out.append((t.i, [c.i for c in f.cue], f.frame, f.source.i if f.source is not None else None))
    return out


def _attributor(doc, text, lexicon) -> Attributor:
    quotations = find_quotations(text)
    speech = [q for q in quotations if is_quotation(q, text)]
    return Attributor(doc, text, lexicon, quotations, speech, paragraphs(text))


def test_scan_finds_what_looking_at_every_token_finds(parsed, lexicon):
    p = parsed(TEXT)
    att = _attributor(p.doc, p.text, lexicon)
    expected = _every_token_scan(att)
    got = [(f.cue[0].i, [c.i for c in f.cue], f.frame, f.source.i if f.source is not None else None)
           for f in att.scan()]
    assert len(expected) >= 8          # the text exercises verbs, nouns, phrases and bare clauses
    # ``scan`` also drops sources inside quotation marks and trims pieces; cue, frame and order agree.
    assert [g[:3] for g in got] == [e[:3] for e in expected]


def test_candidates_cover_each_kind_of_cue(parsed, lexicon):
    doc = parsed(TEXT).doc
    picked = set(_cue_candidates(doc, lexicon, _heads_of_right_ccomp(doc)))
    words = {t.i: t.text for t in doc}
    for i in picked:
        assert not doc[i].is_punct
    texts = {words[i] for i in picked}
    assert {"said", "told", "pointed", "according", "According", "In", "claim", "Says"} <= texts
    assert not texts & {"the", "Geneva", "ready", "both"}   # nothing that cannot hold a cue


def test_no_candidates_in_an_empty_doc(lexicon, vocab):
    from spacy.tokens import Doc

    doc = Doc(vocab, words=[])
    assert _cue_candidates(doc, lexicon, _heads_of_right_ccomp(doc)) == []
