"""Publication dates as pages write them ("January 13, 2014", "13.01.2014", "2014-01-13T09:12Z")."""
from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|date|last updated|first published)\s*(?:on|:)?\s*)?" + _WEEKDAY +
    r"(?:" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"           # January 13, 2014
    r"|\d{1,2}(?:st|nd|rd|th)?\.?\s+" + _MONTHS + r",?\s+\d{4}"           # 13 January 2014
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})" + _TIME + r"\s*$",
    re.IGNORECASE,
)


def parse_date_line(line: str) -> str | None:
    """ISO date of a line that is only a date (with optional "Published" and time), else None."""
    if not DATE_LINE.match(line):
        return None
    body = re.sub(r"^\s*(?:published|updated|posted|date|last updated|first published)\s*(?:on|:)?\s*", "",
                  line, flags=re.I)
    return parse_date(body)


def parse_date(value: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) in a date string, or None when there is none."""
    value = value.strip()
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        dt = dateparser.parse(value, dayfirst=bool(re.match(r"^\d{1,2}\.\d{1,2}\.\d{4}", value)),
                              default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if dt.year == 1900:
        return None
    return dt.date().isoformat()
