"""One event, one record: mentions of the same event within a document are merged.

Two events are the same when their main type and status agree, their dates and places do not
conflict, and each role is either unknown on one side or shares an actor (by ``ref``, else by
text). The record kept is the most complete one; the others fill its gaps and add their trigger
words, and the merge is written into ``reason``.
"""
from __future__ import annotations

from ...schema import EntityRef, Event


def _keys(ents: list[EntityRef]) -> set[str]:
    return {e.ref or (e.entity_text or "").lower() for e in ents}


def _roles_agree(a: list[EntityRef], b: list[EntityRef]) -> bool:
    if not a or not b:
        return True
    return bool(_keys(a) & _keys(b))


def _place_key(e: Event) -> str | None:
    if e.event_loc is None:
        return None
    return str(e.event_loc.geonameid or (e.event_loc.resolved_place or e.event_loc.extracted_place).lower())


def same_event(a: Event, b: Event) -> bool:
    if a.event[0] != b.event[0] or a.status != b.status:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    pa, pb = _place_key(a), _place_key(b)
    if pa and pb and pa != pb:
        return False
    if not (a.actor or a.recipient) and not (b.actor or b.recipient):
        return a.cameo == b.cameo or a.date == b.date
    return _roles_agree(a.actor, b.actor) and _roles_agree(a.recipient, b.recipient)


def _completeness(e: Event) -> tuple:
    coded = sum(1 for x in e.actor + e.recipient if x.code)
    return (coded, len(e.actor) > 0, len(e.recipient) > 0, e.date is not None, e.event_loc is not None,
            e.confidence)


def _union(a: list[EntityRef], b: list[EntityRef]) -> list[EntityRef]:
    seen = _keys(a)
    out = list(a)
    for x in b:
        k = x.ref or (x.entity_text or "").lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def merge_events(events: list[Event]) -> list[Event]:
    groups: list[list[Event]] = []
    for e in events:
        for g in groups:
            if all(same_event(e, x) for x in g):
                g.append(e)
                break
        else:
            groups.append([e])
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
            continue
        base = max(g, key=_completeness)
        others = [x for x in g if x is not base]
        actor, recipient = list(base.actor), list(base.recipient)
        date, loc = base.date, base.event_loc
        words = list(base.event_text)
        for x in sorted(others, key=_completeness, reverse=True):
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
                if t not in events_list and len(events_list) < 2:
                    events_list.append(t)
        note = f"merged with {len(others)} other mention(s): " + ", ".join(
            f"'{x.trigger.text}'" for x in others if x.trigger)
        out.append(Event(
            id=base.id, event=events_list, mode=base.mode, context=base.context, cameo=base.cameo,
            quad_class=base.quad_class, goldstein=base.goldstein, actor=actor, recipient=recipient,
            date=date, event_loc=loc, status=base.status, event_text=words, trigger=base.trigger,
            text_info=base.text_info, confidence=min(0.95, max(x.confidence for x in g) + 0.05),
            reason=(base.reason or "") + "; " + note,
        ))
    return sorted(out, key=lambda e: (e.trigger.start if e.trigger else 0))
