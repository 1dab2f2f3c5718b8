"""Shared fixtures. Unit tests build spaCy Docs by hand or with a blank pipeline; tests marked
``model`` load the real en_core_web_sm once per session; tests marked ``shared`` read ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from communique.evaluate import find_shared

# Property tests check what the code returns, never how fast: no per-example deadline, which on
# a shared machine fails a test whenever a neighbour takes the core (test_slots did so).
settings.register_profile("communique", deadline=None)
settings.load_profile("communique")


@pytest.fixture(scope="session")
def shared() -> Path:
    try:
        return find_shared()
    except FileNotFoundError:
        pytest.skip("../shared is not beside this checkout")


@pytest.fixture(scope="session")
def reference_article(shared: Path) -> Path:
    return shared / "fixtures" / "dw-2014-01-13-lavrov-kerry-syria.txt"


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resources(nlp):
    from communique import pipeline

    return pipeline.load_resources(nlp=nlp)


@pytest.fixture(scope="session")
def pipe(resources):
    from communique import Pipeline

    return Pipeline(resources)


@pytest.fixture
def parsed(nlp):
    """Parse a text with the real model into a ParsedDoc: ``parsed("text", published="2014-01-13")``."""
    from communique.nlp import parse
    from communique.schema import CleanDoc

    def make(text: str, *, published: str | None = None, doc_id: str = "t") -> object:
        return parse(CleanDoc(id=doc_id, text=text, published=published), nlp)

    return make
