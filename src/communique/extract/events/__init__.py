"""Stage *events* (placeholder interface: being built)."""
from __future__ import annotations

from ...nlp import ParsedDoc
from ...schema import Actor, Event, Place, TimeExpr


class Codebook:
    pass


def load_codebook() -> Codebook:
    return Codebook()


def extract_events(parsed: ParsedDoc, *, actors: list[Actor], times: list[TimeExpr],
                   places: list[Place], codebook: Codebook) -> list[Event]:
    return []
