"""The gazetteer: GeoNames places and their names, queried lazily from an SQLite file.

The package ships ``data/places/gazetteer.tsv.gz`` (about 250k places, 6 MB). Parsing it into
Python objects would cost ~1.5 s and ~250 MB per worker, so the first load turns it into an
indexed SQLite file in a cache folder (``$COMMUNIQUE_CACHE``, else ``$XDG_CACHE_HOME/communique``,
else ``~/.cache/communique``; a few seconds, logged once); every later load opens that file
read-only in milliseconds, and each lookup is one indexed query. The file name carries a hash of
the shipped data, so a rebuilt gazetteer never meets a stale cache. Where no cache folder is
writable the database is built in memory instead (slower start, same answers).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from ...errors import DataError

log = logging.getLogger(__name__)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

SCHEMA_VERSION = 4
LOOKUP_MEMO_SIZE = 20_000
"""How many looked-up keys (found or not) a gazetteer remembers; emptied when full."""
# Name kinds: the place's own name, an alternate name, a two-letter code trusted only after
# "Town, ", an abbreviation trusted only when written with its full stop ("Ill." but not "ill").
MAIN, ALT, CODE, ABBR = 0, 1, 2, 3


# Recognition folds every candidate name of every article, and the same names recur.
@lru_cache(maxsize=1 << 15)
def fold(name: str) -> str:
    """The matching key: no accents, case or punctuation ("St. John's" -> "st johns")."""
    if name.isascii():
        s = name.lower().replace("'", "").replace(".", "")
        return " ".join(_NON_ALNUM.sub(" ", s).split())
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("'", "").replace("\u2019", "").replace(".", "")
    s = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place (``gid`` < 0: a hand-listed region without a GeoNames id)."""

    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    fcode: str
    admin1: str
    admin2: str
    pop: int
    kind: int = MAIN
    """How the looked-up name matched: MAIN, ALT or CODE."""

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")


class Gazetteer:
    """Name -> places lookups over the SQLite gazetteer, plus the country and admin1 tables."""

    def __init__(self, db_path: str | None, context: dict, *, memory_db: sqlite3.Connection | None = None):
        self._path = db_path
        self._memory = memory_db
        self._conn: sqlite3.Connection | None = memory_db
        self._pid = os.getpid()
        self.countries: dict[str, dict] = context["countries"]
        self.admin1_names: dict[str, str] = context["admin1"]
        self.demonyms: dict[str, str] = context["demonyms"]
        self.common_words: frozenset[str] = frozenset(context["common_words"])
        self._iso3 = {cc: v["iso3"] for cc, v in self.countries.items()}
        # Articles ask for the same names ("Washington", and capitalised words that are no
        # place at all) again and again: the answers of earlier queries, by folded key.
        self._memo: dict[str, tuple[Entry, ...]] = {}
        self._fuzzy_memo: dict[tuple, tuple[tuple[Entry, float], ...]] = {}

    # -- connection: opened lazily, and again after a fork (an SQLite handle must not cross one)
    def _db(self) -> sqlite3.Connection:
        if self._conn is None or (self._path and self._pid != os.getpid()):
            self._conn = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def __getstate__(self) -> dict:
        if self._path is None:
            raise TypeError("an in-memory gazetteer cannot be sent to another process")
        state = dict(self.__dict__)
        state["_conn"] = None
        state["_memo"] = {}
        state["_fuzzy_memo"] = {}
        return state

    # -- lookups
    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (folded), best-known first."""
        key = fold(name)
        if not key:
            return []
        rows = self._db().execute(
            "SELECT p.gid, p.name, p.lat, p.lon, p.cc, p.fcode, p.admin1, p.admin2, p.pop, min(n.kind) "
            "FROM names n JOIN places p ON p.gid = n.gid WHERE n.key = ? GROUP BY p.gid "
            "ORDER BY p.pop DESC", (key,)).fetchall()
        return [Entry(*r) for r in rows]

    def lookup_many(self, keys: set[str]) -> dict[str, list[Entry]]:
        """``lookup`` for many folded keys in a few queries: key -> entries, known keys only."""
        out: dict[str, list[Entry]] = {}
        todo = []
        for k in keys:
            if not k:
                continue
            hit = self._memo.get(k)
            if hit is None:
                todo.append(k)
            elif hit:
                out[k] = list(hit)
        if len(self._memo) + len(todo) > LOOKUP_MEMO_SIZE:
            self._memo.clear()
        for k, entries in self._query_many(todo).items():
            out[k] = entries
            self._memo[k] = tuple(entries)
        for k in todo:
            self._memo.setdefault(k, ())
        return out

    def _query_many(self, keys: list[str]) -> dict[str, list[Entry]]:
        found: dict[str, dict[int, Entry]] = {}
        keys = sorted(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows = self._db().execute(
                "SELECT n.key, p.gid, p.name, p.lat, p.lon, p.cc, p.fcode, p.admin1, p.admin2, p.pop, "
                f"n.kind FROM names n JOIN places p ON p.gid = n.gid WHERE n.key IN ({','.join('?' * len(chunk))})",
                chunk).fetchall()
            for key, *r in rows:
                have = found.setdefault(key, {})
                if r[0] not in have or have[r[0]].kind > r[-1]:
                    have[r[0]] = Entry(*r)
        return {k: sorted(v.values(), key=lambda e: (-e.pop, e.gid)) for k, v in found.items()}

    def fuzzy(self, name: str, *, min_score: float = 92.0, min_pop: int = 5000) -> list[tuple[Entry, float]]:
        """Places whose name is a near spelling of ``name`` ("Montreaux" -> Montreux).

        Only names sharing the first three letters and of about the same length are compared, and
        small places are left out, so an ordinary word does not find some hamlet's name.
        """
        key = fold(name)
        if len(key) < 5:
            return []
        memo = (key, min_score, min_pop)
        hit = self._fuzzy_memo.get(memo)
        if hit is None:
            if len(self._fuzzy_memo) >= LOOKUP_MEMO_SIZE:
                self._fuzzy_memo.clear()
            hit = self._fuzzy_memo[memo] = tuple(self._fuzzy(key, min_score, min_pop))
        return list(hit)

    def _fuzzy(self, key: str, min_score: float, min_pop: int) -> list[tuple[Entry, float]]:
        lo, hi = key[:3], key[:3] + "\uffff"
        rows = self._db().execute(
            "SELECT p.gid, p.name, p.lat, p.lon, p.cc, p.fcode, p.admin1, p.admin2, p.pop, n.kind, n.key "
            "FROM names n JOIN places p ON p.gid = n.gid WHERE n.key >= ? AND n.key < ? "
            "AND n.len BETWEEN ? AND ? AND n.kind IN (0, 1) AND (p.pop >= ? OR p.fcode IN "
            "('PCLI', 'PCLD', 'ADM1', 'CONT'))",
            (lo, hi, len(key) - 2, len(key) + 2, min_pop)).fetchall()
        best: dict[int, tuple[Entry, float]] = {}
        for *r, k in rows:
            score = fuzz.ratio(key, k)
            if score >= min_score and (r[0] not in best or best[r[0]][1] < score):
                best[r[0]] = (Entry(*r), score)
        return sorted(best.values(), key=lambda es: (-es[1], -es[0].pop))

    def admin1(self, cc: str, code: str) -> Entry | None:
        row = self._db().execute(
            "SELECT gid, name, lat, lon, cc, fcode, admin1, admin2, pop, 0 FROM places "
            "WHERE cc = ? AND admin1 = ? AND fcode = 'ADM1'", (cc, code)).fetchone()
        return Entry(*row) if row else None

    def country(self, cc: str) -> Entry | None:
        row = self._db().execute(
            "SELECT gid, name, lat, lon, cc, fcode, admin1, admin2, pop, 0 FROM places "
            "WHERE cc = ? AND fcode LIKE 'PCL%'", (cc,)).fetchone()
        return Entry(*row) if row else None

    def capital(self, cc: str) -> Entry | None:
        """The capital of the country with ISO2 code ``cc`` ("the Sri Lankan capital")."""
        row = self._db().execute(
            "SELECT gid, name, lat, lon, cc, fcode, admin1, admin2, pop, 0 FROM places "
            "WHERE cc = ? AND fcode = 'PPLC' ORDER BY pop DESC LIMIT 1", (cc,)).fetchone()
        return Entry(*row) if row else None

    def iso3(self, cc: str) -> str | None:
        return self._iso3.get(cc)

    def admin1_name(self, cc: str, code: str) -> str | None:
        return self.admin1_names.get(f"{cc}.{code}")

    def neighbours(self, cc: str) -> list[str]:
        return self.countries.get(cc, {}).get("neighbours", [])


# -- loading -----------------------------------------------------------------------------------

def _data_dir() -> Path:
    return Path(str(resources.files("communique") / "data" / "places"))


def _cache_dir() -> Path:
    if os.environ.get("COMMUNIQUE_CACHE"):
        return Path(os.environ["COMMUNIQUE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "communique"


def _rows(tsv_gz: Path) -> Iterator[tuple[tuple, list[tuple]]]:
    """Each place of the shipped TSV with its (key, gid, kind, length) name rows; validated."""
    with gzip.open(tsv_gz, "rt", encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                if cols[:3] != ["gid", "name", "lat"] or len(cols) != 10:
                    raise DataError("E040", detail=f"{tsv_gz} (unexpected header {cols})")
                continue
            if len(cols) != 10:
                raise DataError("E040", detail=f"{tsv_gz} (bad row {cols[:2]})")
            gid, fcode = int(cols[0]), cols[5]
            # A country's or province's other names are its own English names ("Britain",
            # "Ill."), not the stray spellings that towns collect.
            official = gid < 0 or fcode.startswith("PCL") or fcode in ("ADM1", "CONT")
            names, seen = [], set()
            for i, n in enumerate([cols[1], *(cols[9].split("|") if cols[9] else [])]):
                k = fold(n)
                if not k or k in seen:
                    continue
                seen.add(k)
                kind = (MAIN if i == 0 else CODE if len(n) == 2 and n.isupper() and fcode == "ADM1" else
                        ABBR if official and n.endswith(".") and "." not in n[:-1] else
                        MAIN if official else ALT)
                names.append((k, gid, kind, len(k)))
            yield (gid, cols[1], float(cols[2]), float(cols[3]), cols[4], fcode, cols[6], cols[7],
                   int(cols[8])), names


def _fill(conn: sqlite3.Connection, tsv_gz: Path, *, batch: int = 20_000) -> None:
    """Create and fill the tables from the shipped TSV, a batch at a time (low memory)."""
    conn.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
        "CREATE TABLE places (gid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT, "
        "fcode TEXT, admin1 TEXT, admin2 TEXT, pop INTEGER);"
        "CREATE TABLE names (key TEXT, gid INTEGER, kind INTEGER, len INTEGER);")
    places, names, n = [], [], 0
    for place, place_names in _rows(tsv_gz):
        places.append(place)
        names.extend(place_names)
        if len(places) >= batch:
            n += _flush(conn, places, names)
    n += _flush(conn, places, names)
    if n < 1000:
        raise DataError("E040", detail=f"{tsv_gz} (only {n} places)")
    conn.executescript("CREATE INDEX names_key ON names (key, len); "
                       "CREATE INDEX places_area ON places (cc, fcode, admin1);")
    conn.commit()


def _flush(conn: sqlite3.Connection, places: list, names: list) -> int:
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT INTO names VALUES (?,?,?,?)", names)
    n = len(places)
    places.clear()
    names.clear()
    return n


def _stamp(tsv_gz: Path) -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update(str(SCHEMA_VERSION).encode())
    with open(tsv_gz, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the SQLite cache (built from the shipped data on first use)."""
    data = _data_dir()
    tsv_gz, ctx_path = data / "gazetteer.tsv.gz", data / "context.json"
    if not tsv_gz.is_file() or not ctx_path.is_file():
        raise DataError("E040", detail=f"{data}/gazetteer.tsv.gz or context.json (run scripts/build_gazetteer.py)")
    try:
        context = json.loads(ctx_path.read_text(encoding="utf-8"))
        if not {"countries", "admin1", "demonyms", "common_words"} <= context.keys():
            raise ValueError("missing tables")
    except ValueError as e:
        raise DataError("E040", detail=f"{ctx_path} ({e})") from e

    db = _cache_dir() / f"gazetteer-{_stamp(tsv_gz)}.sqlite"
    if not db.is_file():
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
            log.warning("building the places gazetteer cache %s (once, a few seconds)", db)
            fd, tmp = tempfile.mkstemp(dir=db.parent, suffix=".tmp")
            os.close(fd)
            try:
                conn = sqlite3.connect(tmp)
                _fill(conn, tsv_gz)
                conn.close()
                os.replace(tmp, db)  # atomic: concurrent workers never see half a file
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as e:
            log.warning("no writable cache for the gazetteer (%s); building it in memory", e)
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            _fill(conn, tsv_gz)
            return Gazetteer(None, context, memory_db=conn)
    return Gazetteer(str(db), context)
