"""Stage *times* (placeholder interface: being built)."""
from __future__ import annotations

from ...nlp import ParsedDoc
from ...schema import TimeExpr


def extract_times(parsed: ParsedDoc) -> list[TimeExpr]:
    return []
