"""Interpreters of durations ("three years", "the past two months"), sets ("every week",
"daily"), reference words ("now", "recently", "the future") and clock times ("3 p.m.", "noon
Thursday"), whose day is found by the date interpreters.
"""
from __future__ import annotations

import re

from . import dates
from .calendar import duration_value
from .lexicon import (DAY_WORDS, MONTHS, PARTS_OF_DAY, REFERENCE_WORDS, SEASONS, SET_ADVERBS,
                      VAGUE_QUANTITIES, WEEKDAYS, number_value)
from .reading import Context, G, Reading, quantity_mod, unit_of
from .tense import PAST


# ---- durations and sets ------------------------------------------------------------------------

def duration(g: G, ctx: Context) -> Reading | None:
    if g.get("old"):
        return None
    unit = unit_of(g["unit"])
    num_text = " ".join(g["num"].lower().split())
    n = number_value(num_text)
    mod = quantity_mod(g) or VAGUE_QUANTITIES.get(num_text)
    if n is not None and g.get("half"):
        n += 0.5
    return Reading("DURATION", duration_value(n, unit), mod)


def vague_duration(g: G, ctx: Context) -> Reading | None:
    unit = unit_of(g["unit"])
    mod = quantity_mod(g) or ("APPROX" if g.get("or") == "or" else None)
    if g.get("long") and unit in ("decade", "century"):
        unit = "year"
    return Reading("DURATION", duration_value(None, unit), mod)


def set_adverb(g: G, ctx: Context) -> Reading | None:
    return Reading("SET", SET_ADVERBS[g["adverb"].lower()])


def set_every(g: G, ctx: Context) -> Reading | None:
    what = g["what"].lower()
    if what in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[what]}")
    if what in MONTHS:
        return Reading("SET", f"XXXX-{MONTHS[what]:02d}")
    if what in SEASONS:
        return Reading("SET", f"XXXX-{SEASONS[what]}")
    if what in PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what == "weekend":
        return Reading("SET", "XXXX-WXX-WE")
    n = number_value(g["num"]) if g.get("num") else (2 if g.get("other") else 1)
    return Reading("SET", duration_value(n, unit_of(what)))


def set_weekday(g: G, ctx: Context) -> Reading | None:
    pod = PARTS_OF_DAY.get((g.get("pod") or g.get("pods") or "").lower())
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()]}" + (f"T{pod}" if pod else ""))


def set_frequency(g: G, ctx: Context) -> Reading | None:
    return Reading("SET", duration_value(1, unit_of(g["unit"])))


def reference(g: G, ctx: Context) -> Reading | None:
    word = " ".join(g["ref"].lower().split())
    if word == "soon" and ctx.tense == PAST:
        return None  # "he was soon released": soon after the events told, not in the future
    return Reading("DATE", REFERENCE_WORDS[word])


# ---- clock times -------------------------------------------------------------------------------

_CLOCK = re.compile(r"(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ampm>[ap])?", re.I)


def clock(g: G, ctx: Context) -> Reading | None:
    text = " ".join(g["clock"].lower().split())
    if text in ("noon", "midday"):
        hh, mm = 12, 0
    elif text == "midnight":
        hh, mm = 24, 0
    else:
        words = text.split()
        if re.fullmatch(r"\d{4}", words[0]):       # "1500 GMT"
            hh, mm = int(words[0][:2]), int(words[0][2:])
        elif not words[0][0].isdigit():
            hh, mm = int(number_value(words[0]) or 0), 0
        else:
            m = _CLOCK.match(text)
            hh, mm = int(m["h"]), int(m["m"] or 0)
        ampm = ("p" if re.search(r"p\.?m|afternoon|evening", text)
                else "a" if re.search(r"a\.?m|morning", text) else None)
        if ampm == "p" and hh < 12:
            hh += 12
        elif ampm == "a" and hh == 12:
            hh = 0
        if hh > 24 or mm > 59:
            return None
    if g.get("anchor"):
        day = _resolve_anchor(g["anchor"], ctx)   # "10 p.m. Wednesday", "5 p.m. EST, Nov. 6"
        if day is None:
            return None
    else:
        day = ctx.dct.isoformat() if ctx.dct is not None else "XXXX-XX-XX"
    return Reading("TIME", f"{day}T{hh:02d}:{mm:02d}", quantity_mod(g))


def _resolve_anchor(anchor: str, ctx: Context) -> str | None:
    a = " ".join(anchor.lower().split())
    if a in WEEKDAYS:
        r = dates.weekday({"weekday": a}, ctx)
    elif a in DAY_WORDS:
        r = dates.day_word({"word": a}, ctx)
        if r is not None and a == "tonight":
            return r.value[:-3]
    else:
        m = re.match(r"(?P<month>[a-z]+\.?)\s+(?P<day>\d+\w*)(?:,\s+(?P<year>\d{4}))?", a)
        r = dates.month_day(m.groupdict(), ctx) if m else None
    return r.value if r else None
