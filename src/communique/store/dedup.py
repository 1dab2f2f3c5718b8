"""One event, many reports: the rule that decides whether two event mentions are the same event.

GDELT keeps an *events* table of real-world events and a *mentions* table of every article
that reported one; this is the same split. A new mention joins an existing canonical event when

1. both have the same main PLOVER type (``event[0]``) and the same ``status``;
2. both have the same actor key and the same recipient key, where a role's key is the ``code``
   of its first entity (ISO3; for IGO / NGO / MNC the code with the lower-cased name, as these
   codes cover many organisations), else its lower-cased ``identifier_text`` or ``entity_text``
   prefixed with ``~``, else nothing -- and at least one of the two keys is known (two events
   with nobody on either side are never merged);
3. their days are at most ``DAY_WINDOW`` apart. A mention's day is its ``date`` when that is a
   full ``YYYY-MM-DD``; the article's publication day when ``date`` is empty or
   ``PRESENT_REF``; otherwise (a month, a year, ``PAST_REF``...) it has no day and is never merged;
4. their places agree: the same GeoNames id, or -- when one side lacks an id -- no conflicting
   country (an unknown place agrees with any place).

Among several candidates the one with the same GeoNames id wins, then the closest day, then the
oldest. Sectors are not compared: the same official is ``GOV`` in one report and unmarked in
another. The canonical event keeps the attributes of its first mention.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from ..schema import EntityRef, Event, Location

DAY_WINDOW = 1
"""Days either side: time zones and "yesterday" resolved against a late publication date."""

_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class MatchKey:
    event_type: str
    status: str
    actor: str | None
    recipient: str | None
    day: dt.date | None
    geonameid: int | None
    country: str | None

    @property
    def mergeable(self) -> bool:
        return self.day is not None and (self.actor is not None or self.recipient is not None)


@dataclass(frozen=True)
class Candidate:
    """An existing canonical event, as the store hands it to ``choose``."""

    event_id: int
    day: dt.date
    geonameid: int | None
    country: str | None
    date_added: dt.datetime | None = None


def parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _FULL_DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def event_day(event: Event, published: str | None) -> dt.date | None:
    if event.date in (None, "", "PRESENT_REF"):
        return parse_day(published)
    return parse_day(event.date)


_NON_STATE = {"IGO", "NGO", "MNC"}


def role_key(refs: list[EntityRef]) -> str | None:
    if not refs:
        return None
    first = refs[0]
    name = first.identifier_text or first.entity_text
    name = " ".join(name.lower().split()) if name and name.strip() else None
    if first.code:
        code = first.code.upper()
        # "IGO" alone would make the UN and NATO one actor; a country code is specific enough.
        return f"{code}~{name}" if code in _NON_STATE and name else code
    return f"~{name}" if name else None


def match_key(event: Event, *, published: str | None) -> MatchKey:
    loc: Location | None = event.event_loc
    return MatchKey(
        event_type=event.event[0] if event.event else "", status=event.status,
        actor=role_key(event.actor), recipient=role_key(event.recipient),
        day=event_day(event, published),
        geonameid=loc.geonameid if loc else None,
        country=(loc.country_code or None) if loc else None,
    )


def places_agree(key: MatchKey, cand: Candidate) -> bool:
    if key.geonameid is not None and cand.geonameid is not None:
        return key.geonameid == cand.geonameid
    return key.country is None or cand.country is None or key.country == cand.country


def choose(key: MatchKey, candidates: list[Candidate]) -> Candidate | None:
    """The canonical event ``key`` belongs to among ``candidates`` (same type, status, roles)."""
    if not key.mergeable:
        return None
    fits = [c for c in candidates
            if abs((c.day - key.day).days) <= DAY_WINDOW and places_agree(key, c)]
    if not fits:
        return None
    return min(fits, key=lambda c: (
        not (key.geonameid is not None and c.geonameid == key.geonameid),
        abs((c.day - key.day).days),
        c.date_added or dt.datetime.min,
        c.event_id,
    ))


def canonical_id(mention_id: str) -> int:
    """A positive 60-bit integer (GDELT's GlobalEventID is an integer) from the first mention."""
    return int(hashlib.blake2b(mention_id.encode("utf-8"), digest_size=8).hexdigest()[:15], 16)
