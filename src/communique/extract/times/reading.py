"""What an interpreter reads (``Context``) and returns (``Reading``), and the small helpers the
interpreters of ``dates`` and ``measures`` share.

An interpreter takes a grammar match's named groups and a ``Context`` -- the publication date,
the tense around the expression, and the date the text last spoke of -- and returns a
``Reading`` (TIMEX3 type, value and mod), or None when the match turns out to be no time
expression.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

from .calendar import Period
from .checks import word_before
from .lexicon import (MONTH_ABBREVIATIONS, MONTHS, ORDINALS, PART_MODS, QUANTITY_MODS,
                      RELATIVE_WORDS, UNIT_PLURALS, UNITS)
from .tense import FUTURE, PAST, tense_of

G = dict  # the named groups of a match

_SINCE = re.compile(r"\bsince(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
TARGET_WORDS = frozenset({"to", "until", "till", "through", "thru", "by", "effective", "payable",
                          "due", "before", "expires", "expire", "record"})


@dataclass(frozen=True)
class Reading:
    type: str
    value: str
    mod: str | None = None
    period: Period | None = None
    """The calendar period meant, when there is one."""
    anchors: bool = False
    """Whether later anaphora ("the following year", "the quarter") may count from this one."""


@dataclass
class Context:
    text: str
    doc: Doc
    start: int
    end: int
    dct: date | None
    ref: Period | None = None

    @cached_property
    def tense(self) -> str | None:
        return tense_of(self.doc, self.start, self.end)

    def direction(self, default: int) -> int:
        """-1 (on or before the publication date) in the past tense, +1 in the future."""
        t = self.tense
        return -1 if t == PAST else 1 if t == FUTURE else default

    def date_direction(self) -> int:
        """For a month or a day of a month without a year: the tense decides, except after words
        that name a deadline or target ("extended to Nov. 20", "payable Dec. 7", "until May"),
        which the reporting verb's tense says nothing about; then the nearest one is meant."""
        if word_before(self.text, self.start) in TARGET_WORDS:
            return 0
        if _SINCE.search(self.text[max(0, self.start - 30):self.start]):
            return -1  # "since the Oct. 23 slaying", "since shortly after June 4": before now
        return self.direction(0)

    def after(self, n: int = 30) -> str:
        return self.text[self.end:self.end + n]

    def before(self, n: int = 30) -> str:
        return self.text[max(0, self.start - n):self.start]


# ---- helpers -----------------------------------------------------------------------------------

def words(g: G, name: str) -> str:
    """A group's text, lower case, single-spaced ("" when it did not match)."""
    return " ".join((g.get(name) or "").lower().split())


def rel_direction(rel: str) -> int | None:
    """-1 for "last"/"past"/"previous", +1 for "next"/"coming"/"following", 0 for "this",
    None for no modifier."""
    if not rel:
        return None
    step = RELATIVE_WORDS.get(rel, 0)
    return -1 if step < 0 else 1 if step > 0 else 0


def month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


def day_number(word: str) -> int:
    w = word.lower()
    return ORDINALS[w] if w in ORDINALS else int(re.sub(r"\D", "", w))


def part_mod(part: str | None) -> tuple[str | None, int | None]:
    """The mod of a part phrase ("late" -> END), and the half it names ("first half of" -> 1)."""
    if not part:
        return None, None
    tokens = [w for w in part.lower().replace("-", " ").split() if w != "the"]
    half = None
    if len(tokens) > 1 and tokens[1] == "half":
        half = 1 if tokens[0] == "first" else 2 if tokens[0] == "second" else None
    return PART_MODS.get(tokens[0]), half


def unit_of(word: str) -> str:
    w = word.lower().replace("-", " ").split()[-1]
    w = UNIT_PLURALS.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def date_reading(period: Period, mod: str | None = None, *, anchors: bool = True) -> Reading:
    return Reading("DATE", period.value, mod, period, anchors)


def quantity_mod(g: G) -> str | None:
    q = g.get("qmod")
    return QUANTITY_MODS.get(" ".join(q.lower().split())) if q else None


# The calendar granularity of each period noun, and its value when there is no anchor date.
GRAN = {"day": "day", "week": "week", "weekend": "week", "fortnight": "week", "month": "month",
        "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}
UNANCHORED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
              "year": "XXXX", "decade": "XXX", "century": "XX", "season": "XXXX-XX"}
