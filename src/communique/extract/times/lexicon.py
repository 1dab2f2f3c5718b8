"""The words of English time expressions, as tables: the grammar builds its patterns from these
and the interpreter reads their meanings from them. Keys are lower case.
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also common English words: matched only capitalised, and alone only in a
# date-like context ("in May", "May 5"), never as "may" the modal or "march" the verb.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

# TIMEX3 season codes.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# TIMEX3 part-of-day codes.
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Period nouns -> (TIMEX3 duration letter, whether it goes after the "T").
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("C", False),
    "millennium": ("ML", False),
}
UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}
# Counted decades and centuries are written in years (TimeBank writes "two decades" as P20Y).
UNIT_FACTORS = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}

UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
TEENS_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
               "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}
# Vague quantities: the count is unknown ("X" in a TIMEX3 value); some imply a modifier.
VAGUE_QUANTITIES = {"several": None, "a few": None, "few": None, "many": None,
                    "a couple of": "APPROX", "a couple": "APPROX", "couple of": "APPROX"}
COUPLE = frozenset({"a couple of", "a couple", "couple of"})

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31,
}

# Quantity modifiers of durations and "ago" dates -> TIMEX3 mod (TimeML guidelines).
QUANTITY_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "LESS_THAN", "just under": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}

# The first word of a phrase that picks part of a period -> TIMEX3 mod. "first half" and
# "second half" are halves (H1/H2) when the period is a year, START/END otherwise.
PART_MODS = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "first": "START", "mid": "MID", "middle": "MID", "late": "END", "later": "END",
    "latter": "END", "end": "END", "close": "END", "second": "END", "rest": None,
    "remainder": None, "balance": None,
}

# Deictic words for days, as offsets from the publication day.
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

# Modifiers of period nouns ("last week", "next month", "that year") -> offset in periods from
# the publication date; the ``ANAPHORIC`` ones count from the date the text last spoke of.
RELATIVE_WORDS = {
    "last": -1, "past": -1, "this past": -1,
    "this": 0, "current": 0, "present": 0,
    "next": 1, "coming": 1, "this coming": 1, "upcoming": 1,
    "previous": -1, "preceding": -1, "prior": -1, "that": 0, "same": 0, "following": 1,
}
ANAPHORIC = frozenset({"previous", "preceding", "prior", "that", "same", "following"})

# Words for an unspecified present, past or future (TIMEX3 reference values). Words that
# TimeBank annotates only rarely ("then", "once", "previously", "former") are left out: they
# cost more precision than they win recall.
REFERENCE_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "recent": "PAST_REF",
    "the past": "PAST_REF", "the distant past": "PAST_REF", "the recent past": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "someday": "FUTURE_REF",
    "a later date": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}

# Set adverbs -> TIMEX3 value of the period. ("quarterly" and "annual" are left out: in news
# they mostly qualify money -- "quarterly dividend" -- and TimeBank does not annotate that.)
SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}

# Fixed-date holidays (month, day); movable ones are computed in calendar.holiday_date.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "independence day": (7, 4), "halloween": (10, 31),
    "veterans day": (11, 11), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26), "may day": (5, 1), "bastille day": (7, 14),
}
MOVABLE_HOLIDAYS = ("thanksgiving day", "thanksgiving", "easter sunday", "easter monday",
                    "easter", "good friday", "labor day", "memorial day", "mother's day",
                    "father's day")


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, a space matching any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


def number_value(text: str) -> float | None:
    """The number a numeral spells ("twenty-four", "a hundred", "180", "2 1/2"); None if vague."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in COUPLE:
        return 2
    if t in VAGUE_QUANTITIES or not t:
        return None
    total = current = 0.0
    for w in t.split():
        if w == "and":
            continue
        if w in ("a", "an"):
            current += 1
        elif w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TEENS_WORDS:
            current += TEENS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w in ("1/2", "½"):
            current += 0.5
        elif re.fullmatch(r"\d+(?:[.,]\d+)?", w):
            current += float(w.replace(",", "")) if "," not in w or len(w.split(",")[1]) == 3 \
                else float(w.replace(",", "."))
        else:
            return None
    return total + current


def spelled_year(text: str) -> int | None:
    """The year of "nineteen ninety-six", "nineteen eighty", "two thousand one"."""
    words = text.lower().replace("-", " ").split()
    if len(words) < 2:
        return None
    head, rest = words[0], " ".join(words[1:])
    if head in TEENS_WORDS or (head == "twenty" and words[1] not in ("thousand",)):
        century = TEENS_WORDS.get(head, 20)
        if rest == "hundred":
            return century * 100
        low = number_value(rest.removeprefix("oh "))
        return None if low is None or low >= 100 else century * 100 + int(low)
    value = number_value(text)
    return int(value) if value is not None and 1000 <= value <= 2999 else None
