"""Stage *quotes* (placeholder interface: being built)."""
from __future__ import annotations

from ...nlp import ParsedDoc
from ...schema import Actor, Quote


class CueLexicon:
    pass


def load_cue_lexicon() -> CueLexicon:
    return CueLexicon()


def extract_quotes(parsed: ParsedDoc, *, actors: list[Actor], lexicon: CueLexicon) -> list[Quote]:
    return []
