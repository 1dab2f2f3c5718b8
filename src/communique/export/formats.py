"""Query results to a stream: an aligned table for people, CSV, JSON or JSON Lines for programs."""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
from collections.abc import Iterable

FORMATS = ("table", "csv", "json", "jsonl")


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def write_rows(columns: list[str], rows: Iterable[tuple], fmt: str, out) -> int:
    """Write ``rows`` to the text stream ``out``; returns how many."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([json.dumps(_plain(v)) if isinstance(v, (list, dict)) else v for v in row])
            n += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: _plain(v) for c, v in zip(columns, row)}, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "json":
        out.write("[")
        for row in rows:
            out.write(("," if n else "") + "\n " + json.dumps({c: _plain(v) for c, v in zip(columns, row)},
                                                             ensure_ascii=False))
            n += 1
        out.write("\n]\n" if n else "]\n")
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False, header_style="bold")
        for row in rows:
            table.add_row(*("" if v is None else str(_plain(v)) for v in row))
            n += 1
        Console(file=out, width=max(120, 16 * len(columns)) if not out.isatty() else None).print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return n
