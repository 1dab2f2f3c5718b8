"""PLOVER JSONL: one line per event as coded from one article, with the PLOVER manual's names.

Each record is an event *mention* (PLOVER codes events from texts); ``link`` -- PLOVER's
"common reference across multiple related events" -- carries the canonical event id, so the
reports of one real-world event share a ``link``. Names follow the manual's JSON table:
``id date actor recipient event event_loc event_text quad_code event_scale mode context link
text_info cite_info coder coded_date``; entity and location objects use its entity and
Mordecai/GeoNames names. ``date`` is the event's day (YYYY-MM-DD, as the manual asks) and
``date_coded`` the date as coded (a TIMEX value that may be coarser). Our own extras keep the
names of ``schema.Event``: ``cameo status confidence trigger reason``. ``event_scale`` holds the CAMEO Goldstein score (the manual
designs PLOVER scores to splice with it). ``read_plover`` turns the lines back into records.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import duckdb
import msgspec

from .. import __version__
from ..schema import Event
from ..store.query import run_sql
from ..store.rows import event_from_row

CODER = f"communique {__version__}"

_SQL = """
    SELECT m.*, a.doc_id, a.url, a.title, a.language, a.source, a.published, a.ingested_at
    FROM event_mentions m JOIN articles a USING (article_id)
    ORDER BY a.ingested_at, m.article_id, m.position
"""


@dataclass(frozen=True)
class PloverEvent:
    """A PLOVER line read back: the event record and where it came from."""

    id: str
    article_id: str
    link: str
    event: Event


def plover_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict]:
    result = run_sql(con, _SQL)
    for values in result.rows:
        yield to_plover(dict(zip(result.columns, values)))


def to_plover(row: dict) -> dict:
    event = event_from_row(row)
    return {
        "id": row["mention_id"],
        # PLOVER wants YYYY-MM-DD: the day the event was matched on (its own full date, or the
        # publication day for an undated one); the value as coded is kept in ``date_coded``.
        "date": row["day"].isoformat() if row.get("day") else event.date,
        "date_coded": event.date,
        "actor": msgspec.to_builtins(event.actor),
        "recipient": msgspec.to_builtins(event.recipient),
        "event": event.event,
        "event_loc": msgspec.to_builtins(event.event_loc) if event.event_loc else None,
        "event_text": event.event_text,
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "mode": event.mode,
        "context": event.context,
        "link": str(row["event_id"]),
        "text_info": msgspec.to_builtins(event.text_info) if event.text_info else None,
        "cite_info": {
            "citation": row["article_id"], "url": row.get("url"), "title": row.get("title"),
            "language": row.get("language"), "publication": row.get("source"),
            "coder": CODER,
        },
        "coder": CODER,
        "coded_date": row["ingested_at"].date().isoformat() if row.get("ingested_at") else None,
        "cameo": event.cameo,
        "status": event.status,
        "confidence": event.confidence,
        "trigger": msgspec.to_builtins(event.trigger) if event.trigger else None,
        "reason": event.reason,
    }


_encoder = msgspec.json.Encoder()


def write_plover(con: duckdb.DuckDBPyConnection, out) -> int:
    """Write every event mention as a PLOVER JSONL line to the binary stream ``out``."""
    n = 0
    for record in plover_records(con):
        out.write(_encoder.encode(record) + b"\n")
        n += 1
    return n


def read_plover(lines: Iterable[bytes | str]) -> Iterator[PloverEvent]:
    """PLOVER JSONL written by ``write_plover`` back into ``schema.Event`` records."""
    for line in lines:
        if not line.strip():
            continue
        obj = msgspec.json.decode(line)
        article_id, _, local_id = obj["id"].partition("/")
        row = {
            **obj, "local_id": local_id, "date": obj.get("date_coded", obj.get("date")),
            "quad_class": obj.get("quad_code"),
            "goldstein": obj.get("event_scale"),
            "sentence_start": (obj.get("text_info") or {}).get("start"),
            "sentence_end": (obj.get("text_info") or {}).get("end"),
        }
        yield PloverEvent(id=obj["id"], article_id=article_id, link=obj["link"], event=event_from_row(row))
