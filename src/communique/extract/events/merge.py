"""One event, one record: mentions of the same event within a document are merged.

Two mentions are the same event when

- their types agree: the same main type, or -- when one is in the headline, which sums up the
  lead in its own words ("Peru and Bolivia agree joint border patrols" / "signed an agreement")
  -- a shared type or the same type family (``FAMILIES``);
- their status agrees (a headline's tense is loose: only a negation there must agree);
- their dates do not conflict: a date taken from the publication date for want of one in the
  text conflicts with nothing, and a coarser date ("this year") agrees with a finer one within it;
- their places do not conflict;
- each role is either unknown on one side or shares a party: the same actor, the same text, or
  -- with a headline, which names parties loosely ("Seoul protests" / "South Korea lodged a
  protest") -- the same country code. Body mentions need the same party: two condemnations by
  two Russian officials are two events.

The record kept is the most complete body mention (a headline's only when there is no other);
the others fill its gaps and add their trigger words, and the merge is written into ``reason``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...schema import EntityRef, Event


@dataclass(frozen=True, slots=True)
class Mention:
    """What the merge needs to know about an event beyond its record."""

    headline: bool = False
    dated: bool = True
    """False when the date is the publication date, taken for want of one in the text."""


_PLAIN = Mention()
FAMILIES = (frozenset({"AGREE", "SUPPORT"}), frozenset({"COOPERATE", "AID"}))
"""Types a headline may use for its lead's event: "agree" a deal the lead says was signed (PLOVER
SUPPORT), "send" what the lead calls cooperation."""


def _keys(ents: list[EntityRef]) -> set[str]:
    return {e.ref or (e.entity_text or "").lower() for e in ents} - {""}


def _codes(ents: list[EntityRef]) -> set[str]:
    """Codes of the named parties (one implied by the place, "an armed group in Iraq", names none)."""
    return {e.code for e in ents if e.code and (e.ref or e.entity_text)}


_ARTICLES = {"the", "a", "an", "of", "s"}


def _words(e: EntityRef) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", (e.entity_text or "").lower())) - _ARTICLES


def _texts_meet(a: list[EntityRef], b: list[EntityRef]) -> bool:
    """A party outside the actor list named within the other's words: "Thousands" / "Thousands
    of people" (two listed actors are two parties, whatever their names)."""
    for x in a:
        for y in b:
            wx, wy = _words(x), _words(y)
            if (not x.ref or not y.ref) and wx and wy and (wx <= wy or wy <= wx):
                return True
    return False


def _role(a: list[EntityRef], b: list[EntityRef], by_code: bool) -> str:
    """How one role of two mentions compares: "unknown" (unsaid on a side), "shared" (a party in
    common), "implied" (only parties implied by the place, with a code in common) or "apart"."""
    if not a or not b:
        return "unknown"
    if _keys(a) & _keys(b) or _texts_meet(a, b) or (by_code and _codes(a) & _codes(b)):
        return "shared"
    ca, cb = {e.code for e in a if e.code}, {e.code for e in b if e.code}
    if not _keys(a) and not _keys(b) and ca & cb:
        return "implied"
    return "apart"


def _place_key(e: Event) -> str | None:
    if e.event_loc is None:
        return None
    return str(e.event_loc.geonameid or (e.event_loc.resolved_place or e.event_loc.extracted_place).lower())


def _places_agree(a: Event, b: Event) -> bool:
    """The same place, or a country and a place within it ("in Colombo", "in Sri Lanka")."""
    pa, pb = _place_key(a), _place_key(b)
    if not (pa and pb) or pa == pb:
        return True
    la, lb = a.event_loc, b.event_loc
    wide = [x for x in (la, lb) if (x.feature_code or "").startswith("PCL")]
    return bool(wide) and bool(la.country_code) and la.country_code == lb.country_code


def _dates_agree(a: Event, b: Event, ma: Mention, mb: Mention) -> bool:
    if not (a.date and b.date) or not (ma.dated and mb.dated):
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _types_agree(a: Event, b: Event, headline: bool) -> bool:
    if a.event[0] == b.event[0]:
        return True
    if not headline:
        return False
    return bool(set(a.event[:2]) & set(b.event[:2])) or any(
        a.event[0] in f and b.event[0] in f for f in FAMILIES)


def same_event(a: Event, b: Event, ma: Mention = _PLAIN, mb: Mention = _PLAIN) -> bool:
    headline = ma.headline or mb.headline
    if not _types_agree(a, b, headline):
        return False
    if a.status != b.status and (not headline or "negated" in (a.status, b.status)):
        return False
    if not _dates_agree(a, b, ma, mb):
        return False
    if not _places_agree(a, b):
        return False
    if not (a.actor or a.recipient) and not (b.actor or b.recipient):
        return a.cameo == b.cameo or a.date == b.date or headline
    by_code = headline
    if "CONSULT" in (a.event[0], b.event[0]):  # all parties of a meeting are alike
        roles = [_role(a.actor + a.recipient, b.actor + b.recipient, by_code)]
    else:
        roles = [_role(a.actor, b.actor, by_code), _role(a.recipient, b.recipient, by_code)]
    if "apart" in roles:
        return False
    # parties all implied by the place ("an armed group in Iraq" against Iraq) are no evidence
    return any(r != "implied" for r in roles) or headline


def _completeness(e: Event, m: Mention) -> tuple:
    coded = sum(1 for x in e.actor + e.recipient if x.code)
    return (not m.headline, coded, len(e.actor) > 0, len(e.recipient) > 0, m.dated,
            e.date is not None, e.event_loc is not None, e.confidence)


def _union(a: list[EntityRef], b: list[EntityRef]) -> list[EntityRef]:
    seen = _keys(a)
    codes = _codes(a)
    implied = {e.code for e in a if e.code and not (e.ref or e.entity_text)}
    out = list(a)
    for x in b:
        k = x.ref or (x.entity_text or "").lower()
        if k in seen or (not x.ref and not x.entity_text and x.code in codes | implied):
            continue  # an implied party already named
        if not x.ref and _texts_meet(out, [x]):
            continue  # "Thousands" beside "Thousands of people"
        seen.add(k)
        out.append(x)
    return out


def merge_events(events: list[Event], mentions: dict[str, Mention] | None = None) -> list[Event]:
    meta = mentions or {}
    groups: list[list[Event]] = []
    for e in events:
        me = meta.get(e.id, _PLAIN)
        for g in groups:
            if all(same_event(e, x, me, meta.get(x.id, _PLAIN)) for x in g):
                g.append(e)
                break
        else:
            groups.append([e])
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        ranked = sorted(g, key=lambda x: _completeness(x, meta.get(x.id, _PLAIN)), reverse=True)
        base, others = ranked[0], ranked[1:]
        actor, recipient = list(base.actor), list(base.recipient)
        date, loc = base.date, base.event_loc
        if not meta.get(base.id, _PLAIN).dated:
            date = next((x.date for x in others if x.date and meta.get(x.id, _PLAIN).dated), date)
        words = list(base.event_text)
        for x in others:
            actor = _union(actor, x.actor)
            recipient = _union(recipient, x.recipient)
            date = date or x.date
            loc = loc or x.event_loc
            words += [w for w in x.event_text if w not in words]
        ids = {a.ref for a in actor if a.ref}
        recipient = [r for r in recipient if not r.ref or r.ref not in ids]
        events_list = list(base.event)
        for x in others:
            for t in x.event[1:2]:
                if t not in events_list and len(events_list) < 2 and x.event[0] == base.event[0]:
                    events_list.append(t)
        note = f"merged with {len(others)} other mention(s): " + ", ".join(
            f"'{x.trigger.text}'" + (" (headline)" if meta.get(x.id, _PLAIN).headline else "")
            for x in others if x.trigger)
        out.append(Event(
            id=base.id, event=events_list, mode=base.mode, context=base.context, cameo=base.cameo,
            quad_class=base.quad_class, goldstein=base.goldstein, actor=actor, recipient=recipient,
            date=date, event_loc=loc, status=base.status, event_text=words, trigger=base.trigger,
            text_info=base.text_info, confidence=min(0.95, max(x.confidence for x in g) + 0.05),
            reason=(base.reason or "") + "; " + note,
        ))
    return sorted(out, key=lambda e: (e.trigger.start if e.trigger else 0))
