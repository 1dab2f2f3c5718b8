"""Codings remembered across documents are the codings the phrase would get anew."""
from communique.extract.actors import coder
from communique.extract.actors.coder import code_phrase, code_phrase_memo, words_of

from .conftest import make_kb

# phrases of role nouns and places only: their coding cannot depend on the document
GENERAL = ["Russian soldiers", "the police", "rebel leaders", "Syrian protesters"]
# a dictionary name: its code depends on the date (Kerry a senator, then Secretary of State)
NAMED = "Secretary of State John Kerry"


def _key(ws):
    base = ws[0].start
    return tuple((w.text, w.start - base, w.end - base, w.label) for w in ws)


def test_remembered_codings_equal_fresh_ones(monkeypatch):
    kb = make_kb()
    for text in GENERAL:
        ws = words_of(text)
        fresh = code_phrase(kb, ws, date="2014-01-13", context=frozenset({"SYR"}))
        first = code_phrase_memo(kb, ws, _key(ws), date="2014-01-13", context=frozenset({"SYR"}))
        again = code_phrase_memo(kb, ws, _key(ws), date="1990-01-01", context=frozenset())
        assert first == fresh and again is first
        assert again == code_phrase(kb, ws, date="1990-01-01", context=frozenset())
    assert len(kb.phrase_memo) == len(GENERAL)
    monkeypatch.setattr(coder, "PHRASE_MEMO_SIZE", 0)
    forgetting = make_kb()
    ws = words_of(GENERAL[0])
    code_phrase_memo(forgetting, ws, _key(ws), date=None, context=frozenset())
    assert not forgetting.phrase_memo  # the bound holds


def test_phrase_with_a_dictionary_name_is_coded_per_document():
    kb = make_kb()
    ws = words_of(NAMED)
    old = code_phrase_memo(kb, ws, _key(ws), date="1990-01-01", context=frozenset())
    new = code_phrase_memo(kb, ws, _key(ws), date="2014-01-13", context=frozenset())
    assert not kb.phrase_memo
    assert old.code_detail != new.code_detail  # a senator (USAGOVLEG), then USAGOV
    assert new == code_phrase(kb, ws, date="2014-01-13")
