"""Helpers for the places tests: the packaged gazetteer (data only, no model), a tiny hand-made
gazetteer, and hand-built Docs with entities so that most tests run without the spaCy model."""
from __future__ import annotations

import gzip
import json
import sqlite3

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.places import extract_places, load_gazetteer
from communique.extract.places.gazetteer import Gazetteer, _fill
from communique.nlp import ParsedDoc
from communique.schema import CleanDoc

TINY_ROWS = [
    # gid, name, lat, lon, cc, fcode, admin1, admin2, pop, alternates
    (1, "Springfield", 39.80, -89.64, "US", "PPLA", "IL", "167", 114394, ""),
    (2, "Springfield", 37.21, -93.29, "US", "PPLA2", "MO", "077", 170188, ""),
    (3, "Illinois", 40.0, -89.2, "US", "ADM1", "IL", "", 12000000, "Ill.|IL"),
    (4, "Missouri", 38.4, -92.4, "US", "ADM1", "MO", "", 6000000, "Mo.|MO"),
    (5, "United States", 39.8, -98.5, "US", "PCLI", "", "", 327000000, "U.S.|US|America"),
    (6, "Saint Louis", 38.63, -90.2, "US", "PPLA2", "MO", "510", 300000, "St. Louis"),
    (7, "Bolshoy Gorod", 55.0, 37.0, "RU", "PPL", "48", "", 900, "Big Town"),
]
TINY_CONTEXT = {
    "countries": {"US": {"iso3": "USA", "name": "United States", "neighbours": ["CA", "MX"]},
                  "RU": {"iso3": "RUS", "name": "Russia", "neighbours": []}},
    "admin1": {"US.IL": "Illinois", "US.MO": "Missouri", "RU.48": "Moscow"},
    "demonyms": {"American": "US"},
    "common_words": [],
}


def write_tsv(path, rows) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("# test\ngid\tname\tlat\tlon\tcc\tfcode\tadmin1\tadmin2\tpop\talternates\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")


@pytest.fixture
def tsv_writer():
    """``tsv_writer(path, rows)``: write rows in the shipped gazetteer's TSV format."""
    return write_tsv


@pytest.fixture
def data_dir(tmp_path):
    """A data folder like the package's, holding 1,200 made-up towns ("Town0" has id 1)."""
    d = tmp_path / "data"
    d.mkdir()
    write_tsv(d / "gazetteer.tsv.gz",
              [(i + 1, f"Town{i}", 1.0, 2.0, "XX", "PPL", "", "", 600, "") for i in range(1200)])
    (d / "context.json").write_text(json.dumps(TINY_CONTEXT), encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def tiny_gazetteer(tmp_path_factory) -> Gazetteer:
    """A seven-place gazetteer built by the real loader code from a hand-written TSV."""
    d = tmp_path_factory.mktemp("gaz")
    tsv = d / "tiny.tsv.gz"
    rows = TINY_ROWS + [(100 + i, f"Filler{i}", 0.0, 0.0, "XX", "PPL", "", "", 500, "") for i in range(1000)]
    write_tsv(tsv, rows)
    conn = sqlite3.connect(d / "tiny.sqlite")
    _fill(conn, tsv)
    conn.close()
    return Gazetteer(str(d / "tiny.sqlite"), TINY_CONTEXT)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The packaged gazetteer (its SQLite cache is built on first use)."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


@pytest.fixture
def hand_parsed(blank):
    """A ParsedDoc over a hand-built Doc: ``hand_parsed(words, ents=[(label, start, end)],
    spaces=None, pos=None)`` (token offsets, end exclusive)."""

    def make(words, *, ents=(), spaces=None, pos=None, sent_starts=None):
        doc = Doc(blank.vocab, words=words, spaces=spaces, pos=pos, sent_starts=sent_starts,
                  ents=_iob(len(words), ents))
        return ParsedDoc(clean=CleanDoc(id="t", text=doc.text), doc=doc)

    return make


def _iob(n: int, ents) -> list[str]:
    tags = ["O"] * n
    for label, start, end in ents:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


@pytest.fixture
def places_of(hand_parsed, gazetteer):
    """``places_of(words, ents=...)`` -> {text as written: Place} on a hand-built Doc."""

    def run(words, **kw):
        found = extract_places(hand_parsed(words, **kw), gazetteer=gazetteer)
        return {m.text: p for p in found for m in p.mentions}

    return run
