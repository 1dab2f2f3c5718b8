"""Helpers for the times tests: run the stage over a blank-tokenizer Doc (no model), or over a
hand-built Doc with tags and a parse when a test needs the tense."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.times import extract_times
from communique.nlp import ParsedDoc
from communique.schema import CleanDoc


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


@pytest.fixture
def times(blank):
    """``times("text", published="2014-01-13")`` -> [(text, value, type, mod)] on a blank Doc."""

    def run(text: str, *, published: str | None = "2014-01-13") -> list[tuple]:
        parsed = ParsedDoc(clean=CleanDoc(id="t", text=text, published=published), doc=blank(text))
        return [(t.text, t.value, t.type, t.mod) for t in extract_times(parsed)]

    return run


@pytest.fixture
def value_of(times):
    """The value of the one expression whose text is ``span`` in ``text``."""

    def run(text: str, span: str, *, published: str | None = "2014-01-13") -> str:
        found = {t[0]: t[1] for t in times(text, published=published)}
        assert span in found, f"{span!r} not found in {found}"
        return found[span]

    return run


@pytest.fixture
def hand_doc(blank):
    """A ParsedDoc over a hand-built Doc with tags and a dependency parse (heads are absolute):
    ``hand_doc(words, heads=, deps=, tags=, pos=, lemmas=, published=)``."""

    def make(words, *, heads, deps, tags, pos, lemmas=None, published="2014-01-13"):
        doc = Doc(blank.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
                  lemmas=lemmas or [w.lower() for w in words])
        return ParsedDoc(clean=CleanDoc(id="t", text=doc.text, published=published), doc=doc)

    return make
