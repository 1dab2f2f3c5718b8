"""``Document`` records to table rows (dicts keyed by column name), and back for events.

Pure functions: no database here. Column names are those of ``migrations.py``; nested records
(mentions, entity lists, locations, spans) become DuckDB STRUCTs and LISTs with PLOVER's names,
so a row reads back into the same msgspec record (``event_from_row``).
"""
from __future__ import annotations

import datetime as dt
import hashlib

import msgspec

from ..schema import Document, EntityRef, Event, Location, Span, TextInfo
from .dedup import MatchKey, parse_day


def article_id(text: str) -> str:
    """The article's identity: a hash of its clean text with whitespace runs collapsed."""
    norm = " ".join(text.split())
    return "a" + hashlib.blake2b(norm.encode("utf-8"), digest_size=10).hexdigest()


def input_key(field: str, body: str) -> str:
    """An input's identity before cleaning, so a re-run skips it without analysing it again."""
    return "i" + hashlib.blake2b(f"{field}\x1f{body}".encode("utf-8"), digest_size=10).hexdigest()


def mention_id(article: str, event: Event) -> str:
    return f"{article}/{event.id}"


def _b(obj):
    return msgspec.to_builtins(obj) if obj is not None else None


def article_row(doc: Document, *, aid: str, origin: str | None, run_id: str | None,
                now: dt.datetime) -> dict:
    return {
        "article_id": aid, "doc_id": doc.id, "origin": origin, "url": doc.url, "title": doc.title,
        "published": doc.published, "published_day": parse_day(doc.published), "source": doc.source,
        "authors": list(doc.authors), "agencies": list(doc.agencies), "language": doc.language,
        "analysis": doc.analysis, "text": doc.text, "n_chars": len(doc.text), "n_words": len(doc.text.split()),
        "run_id": run_id, "ingested_at": now,
    }


def actor_rows(doc: Document, aid: str) -> list[dict]:
    return [{
        "article_id": aid, "actor_id": a.id, "entity_text": a.entity_text,
        "identifier_text": a.identifier_text, "identifier_id": a.identifier_id, "kind": a.kind,
        "code": a.code, "sector": a.sector, "office": a.office, "code_detail": a.code_detail,
        "resolution": a.resolution, "mentions": _b(a.mentions),
    } for a in doc.actors]


def place_rows(doc: Document, aid: str) -> list[dict]:
    return [{
        "article_id": aid, "place_id": p.id, "extracted_place": p.extracted_place,
        "resolved_place": p.resolved_place, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
        "country_code": p.country_code, "feature_code": p.feature_code, "admin1": p.admin1,
        "mentions": _b(p.mentions),
    } for p in doc.places]


def time_rows(doc: Document, aid: str) -> list[dict]:
    return [{
        "article_id": aid, "time_n": n, "text": t.text, "value": t.value, "type": t.type,
        "start": t.start, "end": t.end, "mod": t.mod,
    } for n, t in enumerate(doc.times)]


def quote_rows(doc: Document, aid: str) -> list[dict]:
    rows = []
    for q in doc.quotes:
        sp = q.speaker
        rows.append({
            "article_id": aid, "quote_id": q.id, "kind": q.kind, "text": q.text,
            "start": q.start, "end": q.end, "cue": q.cue,
            "cue_start": q.cue_span.start if q.cue_span else None,
            "cue_end": q.cue_span.end if q.cue_span else None,
            "speaker_ref": sp.ref if sp else None,
            "speaker_refs": list(sp.refs) if sp else [],
            "speaker_identifier_text": sp.identifier_text if sp else None,
            "speaker_entity_text": sp.entity_text if sp else None,
            "speaker_start": sp.start if sp else None, "speaker_end": sp.end if sp else None,
            "spans": _b(q.spans), "reason": q.reason,
        })
    return rows


def mention_row(event: Event, *, aid: str, position: int, event_id: int, key: MatchKey) -> dict:
    return {
        "mention_id": mention_id(aid, event), "event_id": event_id, "article_id": aid,
        "local_id": event.id, "position": position, "event": list(event.event),
        "mode": list(event.mode), "context": list(event.context), "cameo": event.cameo,
        "quad_class": event.quad_class, "goldstein": event.goldstein,
        "actor": _b(event.actor), "recipient": _b(event.recipient), "date": event.date,
        "day": key.day, "event_loc": _b(event.event_loc), "status": event.status,
        "event_text": list(event.event_text), "trigger": _b(event.trigger),
        "sentence_start": event.text_info.start if event.text_info else None,
        "sentence_end": event.text_info.end if event.text_info else None,
        "confidence": event.confidence, "reason": event.reason,
    }


def canonical_row(event: Event, *, event_id: int, key: MatchKey, first_mention: str,
                  run_id: str | None, now: dt.datetime) -> dict:
    actor = event.actor[0] if event.actor else None
    recipient = event.recipient[0] if event.recipient else None
    loc = event.event_loc
    return {
        "event_id": event_id, "event_type": key.event_type, "cameo": event.cameo,
        "quad_class": event.quad_class, "goldstein": event.goldstein, "status": event.status,
        "day": key.day, "actor_key": key.actor, "recipient_key": key.recipient,
        "actor_code": actor.code if actor else None, "actor_sector": actor.sector if actor else None,
        "actor_name": _name(actor),
        "recipient_code": recipient.code if recipient else None,
        "recipient_sector": recipient.sector if recipient else None,
        "recipient_name": _name(recipient),
        "place_name": (loc.resolved_place or loc.extracted_place) if loc else None,
        "geonameid": loc.geonameid if loc else None, "country_code": loc.country_code if loc else None,
        "feature_code": loc.feature_code if loc else None, "admin1": loc.admin1 if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "first_mention_id": first_mention, "run_id": run_id, "date_added": now,
    }


def _name(ref: EntityRef | None) -> str | None:
    return (ref.identifier_text or ref.entity_text) if ref else None


def event_from_row(row: dict) -> Event:
    """An ``event_mentions`` row (as a dict) back into the ``Event`` record it was stored from."""
    trigger = row.get("trigger")
    start, end = row.get("sentence_start"), row.get("sentence_end")
    return Event(
        id=row["local_id"], event=list(row["event"]), mode=list(row.get("mode") or []),
        context=list(row.get("context") or []), cameo=row.get("cameo"),
        quad_class=row.get("quad_class"), goldstein=row.get("goldstein"),
        actor=[msgspec.convert(a, EntityRef) for a in row.get("actor") or []],
        recipient=[msgspec.convert(r, EntityRef) for r in row.get("recipient") or []],
        date=row.get("date"),
        event_loc=msgspec.convert(row["event_loc"], Location) if row.get("event_loc") else None,
        status=row["status"], event_text=list(row.get("event_text") or []),
        trigger=msgspec.convert(trigger, Span) if trigger else None,
        text_info=TextInfo(start=start, end=end) if start is not None and end is not None else None,
        confidence=row.get("confidence") or 0.0, reason=row.get("reason"),
    )
