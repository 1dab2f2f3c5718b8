"""Stage *places* (placeholder interface: being built)."""
from __future__ import annotations

from ...nlp import ParsedDoc
from ...schema import Place


class Gazetteer:
    pass


def load_gazetteer() -> Gazetteer:
    return Gazetteer()


def extract_places(parsed: ParsedDoc, *, gazetteer: Gazetteer) -> list[Place]:
    return []
