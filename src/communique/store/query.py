"""Reading the database: raw SQL, and the common event filters without SQL.

Everything here runs on a read-only connection. Filter values always travel as parameters.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb

from ..schema import EVENT_TYPES


@dataclass
class Rows:
    """A result: its column names and a stream of tuples."""

    columns: list[str]
    rows: Iterator[tuple]


def _stream(cur: duckdb.DuckDBPyConnection, size: int = 2048) -> Iterator[tuple]:
    while batch := cur.fetchmany(size):
        yield from batch


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Rows:
    cur = con.execute(sql, params or [])
    return Rows(columns=[d[0] for d in cur.description or []], rows=_stream(cur))


COMPACT_COLUMNS = ("day", "event_type", "cameo", "status", "actor_code", "actor_name", "recipient_code",
                   "recipient_name", "place_name", "num_articles")
"""What fits a terminal: the event list's columns a reader scans first."""


def filter_events(con: duckdb.DuckDBPyConnection, *, actor: str | None = None,
                  event_type: str | None = None, country: str | None = None,
                  since: dt.date | None = None, until: dt.date | None = None,
                  limit: int | None = None, columns: tuple[str, ...] | None = None) -> Rows:
    """Canonical events (``event_list``) matching every filter given, oldest first.

    ``actor``: a code (``USA``, ``IGO``) or part of a name, on either side of the event.
    ``event_type``: a PLOVER type (``PROTEST``) or a CAMEO code prefix (``14``, ``0441``).
    ``country``: ISO3 of the actor, the recipient or the place.
    """
    where, params = [], []
    if actor:
        where.append("(actor_code = ? OR recipient_code = ? OR actor_name ILIKE ? ESCAPE '\\' OR recipient_name ILIKE ? ESCAPE '\\')")
        pattern = f"%{_escape_like(actor)}%"
        params += [actor.upper(), actor.upper(), pattern, pattern]
    if event_type:
        if event_type.isdigit():
            where.append("starts_with(cameo, ?)")
            params.append(event_type)
        else:
            if event_type.upper() not in EVENT_TYPES:
                raise ValueError(f"unknown event type {event_type!r}; choose from {', '.join(EVENT_TYPES)}"
                                 " or give a CAMEO code prefix")
            where.append("event_type = ?")
            params.append(event_type.upper())
    if country:
        where.append("(actor_code = ? OR recipient_code = ? OR country_code = ?)")
        params += [country.upper()] * 3
    if since:
        where.append("day >= ?")
        params.append(since)
    if until:
        where.append("day <= ?")
        params.append(until)
    # Column names come from our own constant, never from the caller's text.
    select = ", ".join(c for c in COMPACT_COLUMNS if c in (columns or ())) if columns else "*"
    sql = f"SELECT {select} FROM event_list"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY day NULLS LAST, event_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return run_sql(con, sql, params)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
