"""The DuckDB store: one writer, whole articles per transaction, idempotent by content hash.

``Store`` is the only thing that writes. ``add_document`` and ``add_error`` only check and
buffer; ``commit`` writes the whole buffer -- every article with all its rows (actors, places,
times, quotes, event mentions, the canonical events they create, its ``inputs`` row) -- in one
transaction of a few multi-row statements. A transaction therefore only ever holds whole
articles, and a process killed at any moment leaves each article fully stored or absent.

If DuckDB refuses the batch (it aborts the whole transaction; it has no savepoints), the batch is
written again one article per transaction, and the articles it refuses come back from
``commit`` as failures, so one bad record costs only itself. Values always travel as query
parameters; SQL text is built only from this module's column names and the types DuckDB
reports for them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import msgspec

from ..errors import CommuniqueError, DocumentError
from ..schema import Document
from . import rows as R
from .dedup import DAY_WINDOW, Candidate, MatchKey, canonical_id, choose, match_key
from .migrations import migrate

_json = msgspec.json.Encoder()

_ARTICLE_TABLES = ("articles", "actors", "places", "times", "quotes", "events", "event_mentions", "inputs")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class StoreUnavailable(CommuniqueError):
    """The database file is held by another process (DuckDB allows one writer, or readers only)."""

    def __init__(self, path: str | Path, detail: str) -> None:
        super().__init__("E090", origin=str(path), stage="store", detail=detail)


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the database at ``path``; a writable one is migrated to the newest schema.

    A file another process holds (an ingest writing it, or ``communique serve`` reading it while
    an ingest wants to write) raises ``StoreUnavailable`` naming the file; nothing is changed."""
    if read_only:
        if not Path(path).exists():
            raise FileNotFoundError(f"no database at {path}")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" not in str(e).lower():
            raise StoreUnavailable(path, str(e)) from None
        pid = re.search(r"\(PID (\d+)\)", str(e))
        doing = ("another process is writing it" if read_only else
                 "another process has it open (an ingest, or `communique serve` reading it)")
        raise StoreUnavailable(path, f"{doing}{f' (PID {pid.group(1)})' if pid else ''}; wait for it "
                               "or stop it, then run again (what is stored is kept)") from None
    if not read_only:
        migrate(con)
    return con


@dataclass
class _Pending:
    doc: Document
    aid: str
    new: bool
    input_key: str | None
    origin: str | None
    input_id: str | None
    now: dt.datetime


@dataclass
class _Batch:
    docs: list[_Pending] = field(default_factory=list)
    errors: list[tuple[CommuniqueError, str | None, dt.datetime]] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


class Store:
    """Writes documents and errors; ``commit`` at article boundaries, ``close`` at the end."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.con = connect(path)
        self._types: dict[str, dict[str, str]] = {}
        self._batch = _Batch()
        self.run_id: str | None = None

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        if exc_type is not None:
            self._batch = _Batch()  # an interrupted run keeps only what it had committed
        self.close()

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, *, inputs: Iterable[str], workers: int, stages: Iterable[str],
                  version: str) -> str:
        self.run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, version, inputs, workers, stages) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [self.run_id, _now(), version, [str(i) for i in inputs], workers, sorted(stages)])
        return self.run_id

    def finish_run(self, *, read: int, stored: int, skipped: int, failed: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, n_read = ?, n_stored = ?, n_skipped = ?, n_failed = ? "
            "WHERE run_id = ?", [_now(), read, stored, skipped, failed, self.run_id])

    # -- reading back what a re-run needs -----------------------------------------------------

    def seen_inputs(self, keys: Iterable[str]) -> set[str]:
        """The input keys already stored (or found to duplicate a stored article)."""
        keys = list(keys)
        if not keys:
            return set()
        found = self.con.execute(
            "SELECT input_key FROM inputs WHERE input_key IN (SELECT unnest(?))", [keys]).fetchall()
        return {k for (k,) in found}

    def has_article(self, aid: str) -> bool:
        if aid in self._batch.articles:
            return True
        return self.con.execute(
            "SELECT count(*) FROM articles WHERE article_id = ?", [aid]).fetchone()[0] > 0

    # -- buffering ----------------------------------------------------------------------------

    def add_document(self, doc: Document, *, input_key: str | None = None, origin: str | None = None,
                     input_id: str | None = None) -> bool:
        """Queue ``doc`` with all its rows for the next commit; False if the article is already stored.

        Raises ``DocumentError`` (stage ``store``) for a record the tables cannot hold, such as
        two actors with one id.
        """
        aid = R.article_id(doc.text)
        new = not self.has_article(aid)
        if new:
            problem = _check(doc)
            if problem:
                raise DocumentError("E030", origin=origin, doc_id=doc.id, stage="store", detail=problem)
            self._batch.articles.add(aid)
        self._batch.docs.append(_Pending(doc, aid, new, input_key, origin, input_id, _now()))
        return new

    def add_error(self, err: CommuniqueError, *, input_key: str | None = None) -> None:
        """Queue a failed input; the same failure seen again updates its row instead of adding one."""
        self._batch.errors.append((err, input_key, _now()))

    @property
    def pending(self) -> int:
        return len(self._batch.docs) + len(self._batch.errors)

    # -- writing ------------------------------------------------------------------------------

    def commit(self) -> list[tuple[str | None, DocumentError, bool]]:
        """Write what is queued in one transaction; returns (input key, error, was it new) for
        each document the database refused (not stored: record them with ``add_error``)."""
        batch, self._batch = self._batch, _Batch()
        if not batch.docs and not batch.errors:
            return []
        try:
            self._transaction(lambda: (self._write_docs(batch.docs), self._write_errors(batch.errors)))
            return []
        except duckdb.Error:
            pass
        failures = []
        for p in batch.docs:
            try:
                self._transaction(lambda p=p: self._write_docs([p]))
            except duckdb.Error as e:
                failures.append((p.input_key, DocumentError(
                    "E030", origin=p.origin, doc_id=p.doc.id, stage="store",
                    detail=f"{type(e).__name__}: {_first_line(e)}"), p.new))
        self._transaction(lambda: self._write_errors(batch.errors))
        return failures

    def _transaction(self, work) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            work()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _write_docs(self, pending: list[_Pending]) -> None:
        rows: dict[str, list[dict]] = defaultdict(list)
        new = [p for p in pending if p.new]
        for p in new:
            rows["articles"].append(R.article_row(p.doc, aid=p.aid, origin=p.origin, run_id=self.run_id, now=p.now))
            rows["actors"] += R.actor_rows(p.doc, p.aid)
            rows["places"] += R.place_rows(p.doc, p.aid)
            rows["times"] += R.time_rows(p.doc, p.aid)
            rows["quotes"] += R.quote_rows(p.doc, p.aid)
        self._match_events(new, rows)
        for p in pending:
            if p.input_key is not None:
                rows["inputs"].append({
                    "input_key": p.input_key, "origin": p.origin, "input_id": p.input_id or p.doc.id,
                    "article_id": p.aid, "status": "stored" if p.new else "duplicate",
                    "run_id": self.run_id, "seen_at": p.now})
        for table in _ARTICLE_TABLES:
            self._insert(table, rows[table])
        keys = [p.input_key for p in pending if p.input_key is not None]
        if keys:
            # A failure recorded by an earlier run is resolved once the input goes in.
            self.con.execute("DELETE FROM errors WHERE input_key IN (SELECT unnest(?))", [keys])

    def _match_events(self, new: list[_Pending], rows: dict[str, list[dict]]) -> None:
        """Give each event mention its canonical event, in input order (dedup.py has the rule)."""
        keyed = [(p, pos, ev, match_key(ev, published=p.doc.published))
                 for p in new for pos, ev in enumerate(p.doc.events)]
        index = self._candidates([k for *_, k in keyed if k.mergeable])
        for p, pos, ev, key in keyed:
            mid = R.mention_id(p.aid, ev)
            group = index[_group(key)] if key.mergeable else []
            chosen = choose(key, group) if key.mergeable else None
            if chosen is not None:
                event_id = chosen.event_id
            else:
                event_id = canonical_id(mid)
                rows["events"].append(R.canonical_row(ev, event_id=event_id, key=key, first_mention=mid,
                                                      run_id=self.run_id, now=p.now))
                if key.mergeable:
                    group.append(Candidate(event_id=event_id, day=key.day, geonameid=key.geonameid,
                                           country=key.country, date_added=p.now))
            rows["event_mentions"].append(R.mention_row(ev, aid=p.aid, position=pos, event_id=event_id, key=key))

    def _candidates(self, keys: list[MatchKey]) -> dict[tuple, list[Candidate]]:
        """The stored canonical events that may match ``keys``: one query for the whole batch."""
        index: dict[tuple, list[Candidate]] = defaultdict(list)
        if not keys:
            return index
        groups = sorted({_group(k) for k in keys}, key=str)
        window = dt.timedelta(days=DAY_WINDOW)
        found = self.con.execute(
            "SELECT e.event_type, e.status, e.actor_key, e.recipient_key, e.event_id, e.day, e.geonameid, "
            "e.country_code, e.date_added FROM events e "
            "JOIN (SELECT unnest(?::STRUCT(t VARCHAR, s VARCHAR, a VARCHAR, r VARCHAR)[], recursive := true)) k "
            "ON e.event_type = k.t AND e.status = k.s AND e.actor_key IS NOT DISTINCT FROM k.a "
            "AND e.recipient_key IS NOT DISTINCT FROM k.r "
            "WHERE e.day BETWEEN ? AND ?",
            [[{"t": g[0], "s": g[1], "a": g[2], "r": g[3]} for g in groups],
             min(k.day for k in keys) - window, max(k.day for k in keys) + window]).fetchall()
        for t, s, a, r, event_id, day, geonameid, country, added in found:
            index[(t, s, a, r)].append(Candidate(event_id=event_id, day=day, geonameid=geonameid,
                                                 country=country, date_added=added))
        return index

    def _write_errors(self, errors: list[tuple[CommuniqueError, str | None, dt.datetime]]) -> None:
        seen: Counter[str] = Counter()
        latest: dict[str, tuple] = {}
        for err, input_key, now in errors:
            ident = "\x1f".join(str(x) for x in (input_key or err.origin, err.doc_id, err.stage, err.code))
            error_id = "e" + hashlib.blake2b(ident.encode("utf-8"), digest_size=10).hexdigest()
            seen[error_id] += 1
            latest[error_id] = (error_id, input_key, err.origin, err.doc_id, err.stage or "ingest", err.code,
                                err.reason, self.run_id, now, now, seen[error_id])
        for values in latest.values():
            self.con.execute(
                "INSERT INTO errors (error_id, input_key, origin, doc_id, stage, code, reason, run_id, "
                "first_seen, last_seen, times) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (error_id) DO UPDATE SET last_seen = excluded.last_seen, "
                "reason = excluded.reason, run_id = excluded.run_id, times = errors.times + excluded.times",
                list(values))

    def _insert(self, table: str, rows: list[dict]) -> None:
        """All ``rows`` in one statement, passed as one JSON parameter that DuckDB casts to the
        table's row type: an order of magnitude faster than binding nested values one by one."""
        if not rows:
            return
        types = self._column_types(table)
        cols = list(rows[0])
        row_type = "STRUCT(" + ", ".join(f"{_quote(c)} {types[c]}" for c in cols) + ")"
        self.con.execute(
            f"INSERT INTO {table} ({', '.join(_quote(c) for c in cols)}) "
            f"SELECT r.* FROM (SELECT unnest(CAST(CAST(? AS JSON) AS {row_type}[])) AS r)",
            [_json.encode(rows).decode("utf-8")])

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            described = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
                [table]).fetchall()
            self._types[table] = dict(described)
        return self._types[table]


def _group(key: MatchKey) -> tuple:
    return (key.event_type, key.status, key.actor, key.recipient)


def _check(doc: Document) -> str | None:
    """Why the tables cannot hold ``doc`` (ids must be unique within an article), or None."""
    for kind, items in (("actor", doc.actors), ("place", doc.places), ("quote", doc.quotes),
                        ("event", doc.events)):
        dup = [i for i, n in Counter(x.id for x in items).items() if n > 1]
        if dup:
            return f"two {kind}s with the id {dup[0]!r}"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
