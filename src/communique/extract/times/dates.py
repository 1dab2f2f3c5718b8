"""Interpreters of calendar expressions: explicit dates ("January 22", "March 1998", "the third
quarter"), deictic ones counted from the publication date ("yesterday", "last week", "Monday",
"two days ago") and anaphoric ones counted from the date the text last spoke of ("the following
year", "a year earlier", "the quarter"). A weekday or a month without a year goes back or forward
by the tense of its verb (``Context.direction``).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import (SEASON_START, Period, containing, duration_value, holiday_date, nearest_year,
                       safe_date, season_near, weekday_near)
from .checks import word_before
from .lexicon import (ANAPHORIC, DAY_WORDS, FIXED_HOLIDAYS, PARTS_OF_DAY, RELATIVE_WORDS, SEASONS,
                      WEEKDAYS, number_value, spelled_year)
from .reading import (GRAN, TARGET_WORDS, UNANCHORED, Context, G, Reading, date_reading,
                      day_number, month_number, part_mod, quantity_mod, rel_direction, unit_of,
                      words)
from .tense import FUTURE


# ---- explicit calendar dates -------------------------------------------------------------------

def numeric_date(g: G, ctx: Context) -> Reading | None:
    d = safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
    if d is None:
        return None
    if g.get("hour"):
        return Reading("TIME", f"{d.isoformat()}T{g['hour']}:{g['minute']}", None,
                       Period("day", d), True)
    return date_reading(Period("day", d))


def slash_date(g: G, ctx: Context) -> Reading | None:
    first, second = int(g["first"]), int(g["second"])
    month, day = (second, first) if first > 12 else (first, second)
    d = safe_date(int(g["year"]), month, day)
    return date_reading(Period("day", d)) if d else None


def month_day(g: G, ctx: Context) -> Reading | None:
    month, day = month_number(g["month"]), day_number(g["day"])
    if not 1 <= day <= 31:
        return None
    if g.get("year"):
        d = safe_date(int(g["year"]), month, day)
        return date_reading(Period("day", d)) if d else None
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}")
    if g.get("weekday"):
        # "Friday, Oct. 11": the year in which that date falls on that weekday, nearest first.
        wd = WEEKDAYS[g["weekday"].lower()]
        years = sorted((ctx.dct.year + k for k in (0, -1, 1, -2, 2)),
                       key=lambda y: abs(y - ctx.dct.year))
        for y in years:
            d = safe_date(y, month, day)
            if d and d.isoweekday() == wd:
                return date_reading(Period("day", d))
    direction = rel_direction(words(g, "rel"))
    if direction is None:
        direction = -1 if _untensed_far_ahead(ctx, month) else ctx.date_direction()
    year = nearest_year(ctx.dct, month, day, direction)
    d = safe_date(year, month, day)
    return date_reading(Period("day", d)) if d else None


def month_year(g: G, ctx: Context) -> Reading | None:
    month = month_number(g["month"])
    if g.get("year"):
        year = int(g["year"]) if g["year"].isdigit() else spelled_year(g["year"])
    elif ctx.dct is not None:
        year = ctx.dct.year + RELATIVE_WORDS[g["yrel"].lower()]
    else:
        return Reading("DATE", f"XXXX-{month:02d}", part_mod(g.get("part"))[0])
    if year is None:
        return None
    return date_reading(Period("month", date(year, month, 1)), part_mod(g.get("part"))[0])


def month(g: G, ctx: Context) -> Reading | None:
    m = month_number(g["month"])
    mod = part_mod(g.get("part"))[0]
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{m:02d}", mod)
    direction = rel_direction(words(g, "rel"))
    cur = ctx.dct.month
    if direction == -1:    # "last March": the one before this month
        year = ctx.dct.year if m < cur else ctx.dct.year - 1
    elif direction == 1:
        year = ctx.dct.year if m > cur else ctx.dct.year + 1
    elif direction == 0:
        year = ctx.dct.year
    else:
        year = nearest_year(ctx.dct, m, None,
                            -1 if _untensed_far_ahead(ctx, m) else ctx.date_direction())
    return date_reading(Period("month", date(year, m, 1)), mod)


def _untensed_far_ahead(ctx: Context, month: int) -> bool:
    """With no verb to read (a bare "from $29.75 in March", "the Oct. 23 slaying"), news looks
    back: TimeBank puts most months named without a year on or before the publication date,
    unless the month is just ahead ("protests in early March" written in January) or follows a
    deadline word ("by May")."""
    return (ctx.dct is not None and ctx.tense is None and (month - ctx.dct.month) % 12 > 3
            and word_before(ctx.text, ctx.start) not in TARGET_WORDS)


def year(g: G, ctx: Context) -> Reading | None:
    text = g["year"]
    y = int(text) if text.isdigit() else spelled_year(text)
    if y is None:
        return None
    mod, half = part_mod(g.get("part"))
    if half:
        return date_reading(Period("half", date(y, 1 + 6 * (half - 1), 1)))
    ormore = (g.get("ormore") or "").lower()
    if ormore:
        mod = "ON_OR_AFTER" if ormore in ("later", "after") else "ON_OR_BEFORE"
    return date_reading(Period("year", date(y, 1, 1)), mod)


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


def decade(g: G, ctx: Context) -> Reading | None:
    mod = part_mod(g.get("part"))[0]
    if g.get("decade"):
        start = int(g["decade"])
    else:
        short = g.get("short") or g.get("bare")
        tens = int(short) if short else _DECADE_WORDS[g["word"].lower()]
        now = ctx.dct.year if ctx.dct else 1999
        # The latest such decade that has begun by the publication date.
        start = (now // 100) * 100 + tens
        if start > now:
            start -= 100
    return date_reading(Period("decade", date(max(start, 1), 1, 1)), mod)


def century(g: G, ctx: Context) -> Reading | None:
    n = day_number(g["ordinal"])
    if not 1 <= n <= 30:
        return None
    return Reading("DATE", f"{n - 1:02d}", part_mod(g.get("part"))[0],
                   Period("century", date(max((n - 1) * 100, 1), 1, 1)), True)


def season(g: G, ctx: Context) -> Reading | None:
    code = SEASONS[g["season"].lower()]
    mod = part_mod(g.get("part"))[0]
    if g.get("year"):
        y = int(g["year"]) if g["year"].isdigit() else spelled_year(g["year"])
        return date_reading(Period("season", date(y, SEASON_START[code], 1)), mod) if y else None
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-{code}", mod)
    step = rel_direction(words(g, "rel"))
    step = ctx.direction(0) if step is None else step
    return date_reading(season_near(ctx.dct, code, step), mod, anchors=False)


_ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2,
              "3rd": 3, "4th": 4}


def quarter(g: G, ctx: Context) -> Reading | None:
    n = _ORDINAL_Q[g["ordinal"].lower()]
    unit = g["unit"].lower()
    if unit == "half" and n > 2:
        return None
    gran = "quarter" if unit == "quarter" else "half"
    size = 3 if gran == "quarter" else 6
    explicit = g.get("year") or g.get("qyear")
    rel = g.get("yrel") or g.get("ofrel")
    if explicit:
        y = int(explicit)
    elif ctx.dct is None:
        return Reading("DATE", f"XXXX-{'Q' if gran == 'quarter' else 'H'}{n}")
    elif rel:
        y = ctx.dct.year + RELATIVE_WORDS[rel.lower()]
    else:
        y = ctx.dct.year
        current = (ctx.dct.month - 1) // size + 1
        # A quarter not yet begun is last year's unless spoken of as ahead.
        if n > current and ctx.tense != FUTURE:
            y -= 1
        if g.get("yago"):
            y -= 1
    return date_reading(Period(gran, date(y, 1 + size * (n - 1), 1)), anchors=not g.get("yago"))


def period_ref(g: G, ctx: Context) -> Reading | None:
    """ "the quarter", "the latest period", "the year-ago quarter", "this quarter"."""
    unit = g["unit"].lower()
    det = g.get("which") or ""
    first = re.split(r"\W+", ctx.text[ctx.start:ctx.end].lower())[0]
    which = det.lower()
    has_ref = ctx.ref is not None and ctx.ref.gran in ("quarter", "half")
    if unit == "period" and not (has_ref or g.get("pyear") or g.get("ago") or which in (
            "year-ago", "year-earlier", "comparable", "corresponding")):
        return None
    if ctx.dct is None:
        return Reading("DATE", "XXXX-QX")
    current = containing(ctx.dct, "quarter")
    if first == "this" or which == "current":
        base = current
    elif first == "next":
        base = current.shift(1)
    elif first == "last" or which in ("previous", "prior"):
        base = (ctx.ref if has_ref else current).shift(-1)
    elif which.startswith("latest") or which == "recent":
        # "the latest quarter" is the last one reported, whatever quarter was spoken of before.
        base = current.shift(-1)
    else:
        base = ctx.ref if has_ref else current.shift(-1)
    if g.get("pyear"):
        y = int(g["pyear"])
        # "the 1988 period": the quarter spoken of, in 1988
        base = (Period(base.gran, base.start.replace(year=y)) if has_ref
                else Period("year", date(y, 1, 1)))
    if which in ("year-ago", "year-earlier", "comparable", "corresponding") or g.get("ago"):
        return date_reading(base.shift_by("year", -1), anchors=False)
    return date_reading(base, anchors=unit == "quarter")


def holiday(g: G, ctx: Context) -> Reading | None:
    name = " ".join(g["holiday"].lower().split())
    if g.get("year"):
        years = [int(g["year"])]
    elif ctx.dct is None:
        md = FIXED_HOLIDAYS.get(name)
        return Reading("DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}" if md else "XXXX-XX-XX")
    else:
        years = [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]

    def when(y: int) -> date | None:
        md = FIXED_HOLIDAYS.get(name)
        return safe_date(y, *md) if md else holiday_date(name, y)

    days = [d for d in (when(y) for y in years) if d]
    if not days:
        return None
    if len(days) > 1:
        direction = rel_direction(words(g, "rel"))
        direction = ctx.direction(0) if direction is None else direction
        past = [d for d in days if d <= ctx.dct]
        future = [d for d in days if d >= ctx.dct]
        if direction < 0 and past:
            days = [max(past)]
        elif direction > 0 and future:
            days = [min(future)]
        else:
            days = [min(days, key=lambda d: abs((d - ctx.dct).days))]
    return date_reading(Period("day", days[0]))


# ---- deictic and anaphoric dates ---------------------------------------------------------------

def day_word(g: G, ctx: Context) -> Reading | None:
    word = " ".join(g["word"].lower().split())
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word)
    offset = DAY_WORDS[word] if offset is None else offset
    mod = part_mod(g.get("part"))[0]
    if ctx.dct is None:
        return Reading("TIME" if word == "tonight" else "DATE",
                       "XXXX-XX-XXTNI" if word == "tonight" else "XXXX-XX-XX", mod)
    day = Period("day", ctx.dct + timedelta(days=offset))
    if word == "tonight":
        return Reading("TIME", f"{day.value}TNI", mod, day)
    return date_reading(day, mod, anchors=False)


def part_of_day(g: G, ctx: Context) -> Reading | None:
    rel = g["rel"].lower()
    code = PARTS_OF_DAY[g["pod"].lower()]
    mod = part_mod(g.get("part"))[0]
    if ctx.dct is None:
        return Reading("TIME", f"XXXX-XX-XXT{code}", mod)
    if rel == "that" and ctx.ref and ctx.ref.gran == "day":
        day = ctx.ref.start
    else:
        day = ctx.dct + timedelta(days={"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0))
    if rel == "last" and code != "NI":
        day = ctx.dct - timedelta(days=1)
    return Reading("TIME", f"{day.isoformat()}T{code}", mod, Period("day", day))


def weekday(g: G, ctx: Context) -> Reading | None:
    wd = WEEKDAYS[g["weekday"].lower()]
    mod = part_mod(g.get("part"))[0]
    if ctx.dct is None:
        return Reading("DATE", f"XXXX-WXX-{wd}", mod)
    direction = rel_direction(words(g, "rel"))
    if direction is not None:
        direction *= 2     # "last Monday" is never today, "next Monday" never today either
    elif re.match(r"\s*'s\b", ctx.after(4)):
        direction = -1     # "Wednesday's ruling" is mostly one already made
    elif re.search(r"\bas\s+(?:soon|early)\s+as\s+$", ctx.before(20)):
        direction = 1      # "as soon as Tuesday" is ahead
    else:
        # News reports the past: the last such day (today included) unless the verb looks
        # ahead ("will meet Monday" is the next Monday).
        direction = 2 if ctx.tense == FUTURE else -1
    d = weekday_near(ctx.dct, wd, direction)
    # "Friday night": TempEval-3's newswire annotation mostly gives the day itself, as a DATE
    # (in TimeBank/AQUAINT 23 of 29 are DATE, half of them without the part of the day).
    return date_reading(Period("day", d), mod, anchors=False)


def _weekend(ctx: Context, step: int | None) -> Period:
    """The week whose weekend is meant: by ``step`` from this week's, or by tense if None."""
    if step is None:
        sat = weekday_near(ctx.dct, 6, 1 if ctx.tense == FUTURE else -1)
        return containing(sat, "week")
    if step < 0 and ctx.dct.isoweekday() < 6:
        step += 1  # on a weekday, "last weekend" is the one just past
    return containing(ctx.dct, "week").shift(step - 1 if step < 0 else step)


def relative_period(g: G, ctx: Context) -> Reading | None:
    unit = " ".join(g["unit"].lower().split())
    rel = " ".join((g.get("rel") or "").lower().split())
    mod, half = part_mod(g.get("part"))
    if unit in ("fiscal year", "full year"):
        if not rel:
            if unit == "fiscal year":
                return Reading("DURATION", "P1Y")
            if ctx.dct is None:
                return Reading("DATE", "XXXX")
            return date_reading(containing(ctx.dct, "year"), mod, anchors=False)
        unit = "year"
    if not rel:
        if unit == "year" and re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.after()):
            return Reading("DURATION", "P1Y")
        if unit == "day" and not g.get("part"):
            return None
    gran = GRAN[unit]
    if ctx.dct is None:
        value = UNANCHORED[gran] + ("-WE" if unit == "weekend" else "")
        return Reading("DATE", value, mod)
    if unit == "weekend":
        step = RELATIVE_WORDS.get(rel) if rel and rel not in ANAPHORIC else None
        return Reading("DATE", _weekend(ctx, step).value + "-WE", mod)
    anaphoric = rel in ANAPHORIC or not rel
    if anaphoric and ctx.ref is not None and _finer_or_equal(ctx.ref.gran, gran):
        base = ctx.ref.coarsen(gran)
    else:
        base = containing(ctx.dct, gran)
    period = base.shift(RELATIVE_WORDS.get(rel, 0))
    if half and gran == "year":
        return date_reading(Period("half", date(period.start.year, 1 + 6 * (half - 1), 1)))
    return date_reading(period, mod, anchors=False)


def _finer_or_equal(a: str, b: str) -> bool:
    order = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
    return order.index(a) <= order.index(b) if a in order and b in order else False


def year_end(g: G, ctx: Context) -> Reading | None:
    """ "year-end" (the end of the year), "year-ago"/"year-earlier" as adjectives."""
    unit = g["unit"].lower()
    edge = g["edge"].lower()
    if ctx.dct is None:
        return Reading("DATE", UNANCHORED[unit], "END" if edge == "end" else None)
    if edge == "end":
        base = containing(ctx.dct, unit).shift(RELATIVE_WORDS.get((g.get("rel") or "").lower(), 0))
        return date_reading(base, "END", anchors=False)
    if unit != "year":
        return None
    base = ctx.ref if ctx.ref is not None and ctx.ref.gran in ("quarter", "half", "year") \
        else containing(ctx.dct, "year")
    return date_reading(base.shift_by("year", -1), anchors=False)


def ago(g: G, ctx: Context) -> Reading | None:
    unit = unit_of(g["unit"])
    direction = " ".join(g["dir"].lower().split())
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    n = number_value(g["num"])
    mod = quantity_mod(g)
    if re.search(r"\bor\s+so\b", ctx.text[ctx.start:ctx.end], re.I):
        mod = "APPROX"
    if not deictic_word(direction) and unit in ("second", "minute", "hour", "day", "week",
                                                "fortnight", "month"):
        # TimeBank reads "three days later" as the duration "three days" (with "later" a
        # signal) but "a year earlier" as a date: the year (or quarter) it points at.
        return Reading("DURATION", duration_value(n, unit), mod)
    if n is None:
        return Reading("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod)
    if unit not in GRAN:
        unit = "day"
    gran = GRAN[unit]
    if ctx.dct is None:
        return Reading("DATE", UNANCHORED[gran], mod)
    deictic = deictic_word(direction)
    ref = ctx.ref
    if unit == "year" and ref is not None and ref.gran in ("quarter", "half"):
        # Company results: "a year ago" is the same quarter of the year before.
        base = ref
    elif not deictic and ref is not None and ref.gran != "century":
        # Counted from the date spoken of, at its granularity: "a year earlier" than a day is
        # a day, than a quarter a quarter.
        base = ref
    else:
        base = containing(ctx.dct, gran)
    steps = int(n) * sign
    if unit == "fortnight":
        unit, steps = "week", steps * 2
    try:
        return date_reading(base.shift_by(unit, steps), mod, anchors=False)
    except (ValueError, OverflowError):
        # Beyond the calendar's years 1-9999 ("5,000 years ago"): only the direction is known.
        return Reading("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod)


def deictic_word(direction: str) -> bool:
    """ "ago" counts from the publication date, "earlier" from the date spoken of."""
    return direction in ("ago", "back", "from now", "hence")
