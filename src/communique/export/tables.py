"""CSV and Parquet for pandas, R and friends, written by DuckDB itself.

``events`` is the flat ``event_list`` view (one row per canonical event, with its counts); the
other names are the stored tables. Parquet keeps the nested columns (mentions, actor lists,
locations) as Parquet structs and lists; CSV has no such types, so they are written as JSON text.
"""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb

TABLES = {
    "events": "event_list",
    "mentions": "event_mentions",
    "articles": "articles",
    "actors": "actors",
    "places": "places",
    "quotes": "quotes",
    "times": "times",
    "errors": "errors",
}

_NESTED = ("STRUCT", "MAP", "UNION", "[]")


def _select(con: duckdb.DuckDBPyConnection, table: str, *, flat: bool) -> str:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    source = TABLES[table]
    cols = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [source]).fetchall()
    parts = []
    for name, dtype in cols:
        q = '"' + name.replace('"', '""') + '"'
        nested = any(mark in dtype for mark in _NESTED)
        parts.append(f"CAST(to_json({q}) AS VARCHAR) AS {q}" if flat and nested else q)
    return f"SELECT {', '.join(parts)} FROM {source}"


def export_table(con: duckdb.DuckDBPyConnection, table: str, fmt: str, path: str | Path) -> None:
    """Write ``table`` as ``fmt`` (csv or parquet) to the file ``path`` with DuckDB's writers."""
    rel = con.sql(_select(con, table, flat=fmt == "csv"))
    if fmt == "csv":
        rel.write_csv(str(path), header=True)
    elif fmt == "parquet":
        rel.write_parquet(str(path))
    else:
        raise ValueError(f"unknown format {fmt!r}; choose csv or parquet")


def write_table_csv(con: duckdb.DuckDBPyConnection, table: str, out) -> int:
    """``table`` as CSV to the text stream ``out`` (for stdout, where DuckDB cannot write)."""
    cur = con.execute(_select(con, table, flat=True))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([d[0] for d in cur.description])
    n = 0
    while batch := cur.fetchmany(2048):
        writer.writerows(batch)
        n += len(batch)
    return n
