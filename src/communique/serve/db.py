"""The explorer's only way into the database: a read-only DuckDB connection, one cursor a query.

The file is opened with ``read_only=True``, external file access is switched off and the
configuration is locked, so nothing a request does can write the store or read another file.
DuckDB connections are not safe to share between threads; FastAPI runs the page functions in a
thread pool, so every query takes a fresh cursor (a cheap child connection of the same database).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import CommuniqueError


class DatabaseUnavailable(CommuniqueError):
    """The store cannot be opened for reading (missing, locked by a writer, not a store)."""

    def __init__(self, detail: str) -> None:
        super().__init__("E090", stage="serve", detail=detail)


class Database:
    """A read-only view of a communique store."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseUnavailable(f"no database at {self.path}")
        try:
            self.con = duckdb.connect(str(self.path), read_only=True, config={
                "enable_external_access": False, "lock_configuration": True})
        except duckdb.Error as e:
            raise DatabaseUnavailable(f"cannot open {self.path} read-only ({e}); "
                                      "is an ingest still writing it?") from None
        self.tables = {name for (name,) in self.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        missing = {"articles", "events", "event_mentions", "actors", "quotes"} - self.tables
        if missing:
            self.con.close()
            raise DatabaseUnavailable(f"{self.path} is not a communique store "
                                      f"(no {', '.join(sorted(missing))} table)")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name; ``sql`` is our own text, values are bound."""
        cur = self.con.cursor()
        try:
            result = cur.execute(sql, list(params))
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        finally:
            cur.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.con.cursor()
        try:
            row = cur.execute(sql, list(params)).fetchone()
            return row[0] if row else None
        finally:
            cur.close()

    def close(self) -> None:
        self.con.close()
