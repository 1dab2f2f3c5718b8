"""Calendar periods and their TIMEX3 values: a day, week, month, quarter, half, season, year,
decade or century, shifted and anchored.

A ``Period`` is a granularity plus the date it starts on; its ``value`` is the TIMEX3 string
("2014-01-13", "2014-W03", "2014-01", "2014-Q1", "2014-H1", "2014-SU", "2014", "201", "20").
When there is no anchor date the interpreters write underspecified values instead ("XXXX-01-22").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from .lexicon import UNIT_FACTORS, UNITS

GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
_MONTHS_PER = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120,
               "century": 1200}
# First month of each season, and the season a month belongs to (winter starts in December and
# is written with the year it starts in).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                    9: "FA", 10: "FA", 11: "FA", 12: "WI"}


@dataclass(frozen=True)
class Period:
    gran: str
    start: date

    @property
    def value(self) -> str:
        d = self.start
        if self.gran == "day":
            return d.isoformat()
        if self.gran == "week":
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.gran == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran == "season":
            return f"{d.year:04d}-{_SEASON_OF_MONTH[d.month]}"
        if self.gran == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == "half":
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if self.gran == "year":
            return f"{d.year:04d}"
        if self.gran == "decade":
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"

    def shift(self, n: int) -> Period:
        """The period ``n`` steps later (earlier when negative) at the same granularity."""
        if self.gran == "day":
            return Period("day", self.start + timedelta(days=n))
        if self.gran == "week":
            return Period("week", self.start + timedelta(weeks=n))
        if self.gran == "season":
            return Period("season", self.start + relativedelta(years=n))
        return Period(self.gran, self.start + relativedelta(months=n * _MONTHS_PER[self.gran]))

    def shift_by(self, unit: str, n: int) -> Period:
        """The period moved by ``n`` ``unit``s ("a year earlier" than a quarter is a quarter)."""
        if unit == self.gran:
            return self.shift(n)
        if unit in ("day", "week"):
            days = n * (7 if unit == "week" else 1)
            return containing(self.start + timedelta(days=days), self.gran)
        if unit in _MONTHS_PER and unit != "season":
            return containing(self.start + relativedelta(months=n * _MONTHS_PER[unit]), self.gran)
        return self

    def coarsen(self, gran: str) -> Period:
        return containing(self.start, gran)


def containing(d: date, gran: str) -> Period:
    """The period of granularity ``gran`` that contains day ``d``."""
    if gran == "day":
        return Period("day", d)
    if gran == "week":
        return Period("week", d - timedelta(days=d.isoweekday() - 1))
    if gran == "month":
        return Period("month", d.replace(day=1))
    if gran == "season":
        season = _SEASON_OF_MONTH[d.month]
        year = d.year - 1 if d.month < 3 else d.year
        return Period("season", date(year, SEASON_START[season], 1))
    if gran == "quarter":
        return Period("quarter", date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if gran == "half":
        return Period("half", date(d.year, (d.month - 1) // 6 * 6 + 1, 1))
    if gran == "year":
        return Period("year", date(d.year, 1, 1))
    if gran == "decade":
        return Period("decade", date(max(1, d.year // 10 * 10), 1, 1))
    return Period("century", date(max(1, d.year // 100 * 100), 1, 1))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The date of ISO ``weekday`` near ``anchor``.

    direction -1: on or before the anchor; -2: strictly before; +1: on or after; +2: strictly
    after; 0: in the anchor's ISO week.
    """
    delta = weekday - anchor.isoweekday()
    if direction == 0:
        return anchor + timedelta(days=delta)
    if direction < 0:
        back = (-delta) % 7
        if back == 0 and direction == -2:
            back = 7
        return anchor - timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == 2:
        ahead = 7
    return anchor + timedelta(days=ahead)


_FAR, _NEAR = 300, 45


def nearest_year(anchor: date, month: int, day: int | None, direction: int) -> int:
    """The year that puts month (and day) nearest ``anchor``: -1 on or before it, +1 on or after,
    0 whichever is closer (ties go to the past)."""
    def when(year: int) -> date:
        return safe_date(year, month, day or 1) or date(year, month, 28)

    if day is None:
        # A month counts as "on or before" while the anchor is inside it.
        before = anchor.year if month <= anchor.month else anchor.year - 1
        after = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        before = anchor.year if when(anchor.year) <= anchor else anchor.year - 1
        after = anchor.year if when(anchor.year) >= anchor else anchor.year + 1
    ref = anchor.replace(day=1) if day is None else anchor
    gap_before, gap_after = (ref - when(before)).days, (when(after) - ref).days
    # The tense wins, but not against the calendar: "on January 22" in a past-tense sentence of
    # January 13 is nine days ahead, not a year back.
    if direction < 0 and not (gap_before > _FAR and gap_after <= _NEAR):
        return before
    if direction > 0 and not (gap_after > _FAR and gap_before <= _NEAR):
        return after
    return min((before, after), key=lambda y: (abs((when(y) - ref).days), y != before))


def season_near(anchor: date, season: str, direction: int) -> Period:
    """The season (SP/SU/FA/WI) of ``anchor``'s year (0: the current one if it is that season),
    or its last occurrence before the current season (-1), or its next one after it (+1)."""
    current = containing(anchor, "season")
    if direction == 0:
        if current.value.endswith(season):
            return current
        return Period("season", date(anchor.year, SEASON_START[season], 1))
    candidate = Period("season", date(current.start.year, SEASON_START[season], 1))
    if direction < 0:
        while candidate.start >= current.start:
            candidate = candidate.shift(-1)
        while candidate.shift(1).start < current.start:
            candidate = candidate.shift(1)
    else:
        while candidate.start <= current.start:
            candidate = candidate.shift(1)
    return candidate


def holiday_date(name: str, year: int) -> date | None:
    """The date of a movable holiday (US usage where countries differ)."""
    if name.startswith("easter"):
        return easter(year) + timedelta(days=1 if name == "easter monday" else 0)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name == "labor day":
        return _nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 1, -1)
    if name == "mother's day":
        return _nth_weekday(year, 5, 7, 2)
    if name == "father's day":
        return _nth_weekday(year, 6, 7, 3)
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, 1) + relativedelta(months=1, days=-1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def duration_value(count: int | float | None, unit: str) -> str:
    """A TIMEX3 duration: ``duration_value(3, "year")`` -> "P3Y"; count None -> "PXY"."""
    letter, timeish = UNITS[unit]
    if count is not None and unit in UNIT_FACTORS:
        count *= UNIT_FACTORS[unit]
        letter, timeish = ("W", False) if unit == "fortnight" else ("Y", False)
    prefix = "PT" if timeish else "P"
    if count is None:
        return f"{prefix}X{letter}"
    if count != int(count):
        return _fractional(count, unit) or f"{prefix}{count:g}{letter}"
    return f"{prefix}{int(count)}{letter}"


def _fractional(count: float, unit: str) -> str | None:
    """Halves written out in the next smaller unit: 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M."""
    whole, frac = int(count), count - int(count)
    smaller = {"year": (12, "M", ""), "hour": (60, "M", "T"), "minute": (60, "S", "T"),
               "day": (24, "H", "T"), "month": None, "week": (7, "D", "")}.get(unit)
    if not smaller or abs(frac * smaller[0] - round(frac * smaller[0])) > 1e-6:
        return None
    per, letter, t = smaller
    big = {"year": "Y", "hour": "H", "minute": "M", "day": "D", "week": "W"}[unit]
    head = "PT" if unit in ("hour", "minute") else "P"
    parts = f"{whole}{big}" if whole else ""
    sep = "T" if t and head == "P" else ""
    return f"{head}{parts}{sep}{round(frac * per)}{letter}"
