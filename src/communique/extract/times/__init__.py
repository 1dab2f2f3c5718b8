"""Stage *times*: find every temporal expression and normalise it TIMEX3-style.

``ParsedDoc`` -> ``list[TimeExpr]``, in text order. The method, HeidelTime's in outline:

1. ``grammar``: one regular expression per kind of expression (dates, months, years, weekdays,
   "last week", "two days ago", "the third quarter", durations, sets, clock times, "now"...),
   built from the word tables of ``lexicon``; ``checks`` veto matches by context ("May" the
   modal, "1990 shares", "37 years old"); of overlapping matches the longest wins.
2. ``dates`` and ``measures`` interpret each match (``reading``): a type, value and mod.
   Deictic expressions count from the publication date (``parsed.clean.published``);
   ambiguous ones (a weekday, a month without a year) go back or forward by the tense of the
   verb that governs them (``tense``); anaphoric ones ("the following year", "a year earlier",
   "the quarter") count from the last date the text spoke of. Without a publication date the
   values stay underspecified ("XXXX-01-22"), as TIMEX3 leaves them.

No data files: the word tables are small and live in ``lexicon``; everything runs on the spaCy
``Doc`` already made (tags and parse for the tense, entities to veto a few numbers) and on a
blank tokenizer too (then without tense).
"""
from __future__ import annotations

from datetime import date

from ...nlp import ParsedDoc
from ...schema import TimeExpr
from .grammar import find, select
from .reading import Context

__all__ = ["extract_times", "publication_date"]


def publication_date(published: str | None) -> date | None:
    """The date part of an ISO date or datetime; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def extract_times(parsed: ParsedDoc) -> list[TimeExpr]:
    text, doc = parsed.text, parsed.doc
    dct = publication_date(parsed.clean.published)
    candidates = [c for c in find(text)
                  if c.rule.check is None or c.rule.check(c.match, text, doc)]
    out: list[TimeExpr] = []
    ref = None
    for c in select(candidates):
        context = Context(text, doc, c.start, c.end, dct, ref)
        reading = c.rule.interpret(c.match.groupdict(), context)
        if reading is None:
            continue
        if reading.anchors and reading.period is not None:
            ref = reading.period
        out.append(TimeExpr(text=text[c.start:c.end], value=reading.value, type=reading.type,
                            start=c.start, end=c.end, mod=reading.mod))
    return out
