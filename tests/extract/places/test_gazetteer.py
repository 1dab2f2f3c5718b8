"""The gazetteer: name folding, the SQLite loader, lookups, fuzzy matching, data validation."""
from __future__ import annotations

import gzip
import pickle
import sqlite3

import pytest

from communique.errors import DataError
from communique.extract.places import gazetteer as gz
from communique.extract.places.gazetteer import ABBR, ALT, CODE, MAIN, fold


@pytest.mark.parametrize("written, key", [
    ("St. John's", "st johns"), ("Montréal", "montreal"), ("Winston-Salem", "winston salem"),
    ("U.S.", "us"), ("  São   Paulo ", "sao paulo"), ("Côte d\u2019Ivoire", "cote divoire"),
])
def test_fold(written, key):
    assert fold(written) == key


def test_lookup_orders_by_population_and_keeps_name_kinds(tiny_gazetteer):
    found = tiny_gazetteer.lookup("Springfield")
    assert [e.admin1 for e in found] == ["MO", "IL"]
    assert all(e.kind == MAIN for e in found)
    assert tiny_gazetteer.lookup("Big Town")[0].kind == ALT
    assert tiny_gazetteer.lookup("St. Louis")[0].name == "Saint Louis"


def test_province_abbreviations_and_codes_are_kept_apart(tiny_gazetteer):
    assert [(e.name, e.kind) for e in tiny_gazetteer.lookup("Ill.")] == [("Illinois", ABBR)]
    assert [(e.name, e.kind) for e in tiny_gazetteer.lookup("IL")] == [("Illinois", CODE)]
    # a country's own short names are its names, not codes
    assert tiny_gazetteer.lookup("US")[0].kind == MAIN


def test_lookup_many_matches_lookup(tiny_gazetteer):
    many = tiny_gazetteer.lookup_many({"springfield", "illinois", "nowhere at all"})
    assert set(many) == {"springfield", "illinois"}
    assert many["springfield"] == tiny_gazetteer.lookup("Springfield")


def test_remembered_lookups_equal_fresh_ones_and_are_not_shared(tiny_gazetteer, monkeypatch):
    g = pickle.loads(pickle.dumps(tiny_gazetteer))  # a copy travels without what it remembers
    assert g._memo == {}
    first = g.lookup_many({"springfield", "nowhere"})
    first["springfield"].clear()  # the caller owns the lists it gets
    again = g.lookup_many({"springfield", "nowhere", "illinois"})
    assert set(again) == {"springfield", "illinois"}
    assert again["springfield"] == tiny_gazetteer.lookup("Springfield") != []
    monkeypatch.setattr(gz, "LOOKUP_MEMO_SIZE", 2)
    for keys in ({"missouri", "springfield"}, {"illinois", "big town"}, {"springfield"}):
        got = g.lookup_many(keys)
        assert {k: v for k, v in got.items()} == {k: g.lookup(k) for k in keys if g.lookup(k)}
        assert len(g._memo) <= 2 + len(keys)


def test_remembered_fuzzy_matches_equal_fresh_ones(tiny_gazetteer):
    g = pickle.loads(pickle.dumps(tiny_gazetteer))
    first = g.fuzzy("Springfielld")
    assert first and first[0][0].name == "Springfield"
    first.clear()
    assert g.fuzzy("Springfielld") == tiny_gazetteer._fuzzy("springfielld", 92.0, 5000)


def test_admin1_and_country_tables(tiny_gazetteer):
    assert tiny_gazetteer.admin1("US", "MO").name == "Missouri"
    assert tiny_gazetteer.country("US").fcode == "PCLI"
    assert tiny_gazetteer.iso3("US") == "USA"
    assert tiny_gazetteer.admin1_name("US", "IL") == "Illinois"
    assert tiny_gazetteer.neighbours("US") == ["CA", "MX"]


def test_packaged_gazetteer_knows_capitals_and_areas(gazetteer):
    paris = gazetteer.lookup("Paris")[0]
    assert (paris.cc, paris.fcode) == ("FR", "PPLC")
    assert gazetteer.lookup("Switzerland")[0].fcode == "PCLI"
    assert any(e.fcode == "ADM1" and e.cc == "US" for e in gazetteer.lookup("Illinois"))
    assert any(e.fcode.startswith("ADM2") for e in gazetteer.lookup("Rapides Parish"))
    assert gazetteer.lookup("Gaza Strip")


def test_fuzzy_finds_misspellings_but_not_ordinary_words(gazetteer):
    assert gazetteer.fuzzy("Montreaux")[0][0].name == "Montreux"
    assert gazetteer.fuzzy("Helmet") == []
    assert gazetteer.fuzzy("Rome") == []  # too short to guess at


def test_missing_data_is_a_data_error(tmp_path, monkeypatch):
    monkeypatch.setattr(gz, "_data_dir", lambda: tmp_path)
    with pytest.raises(DataError) as e:
        gz.load_gazetteer()
    assert e.value.code == "E040"


def test_bad_header_is_a_data_error(tmp_path):
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as f:
        f.write("id\tplace\n1\tX\n")
    with pytest.raises(DataError):
        gz._fill(sqlite3.connect(":memory:"), bad)


def test_too_few_places_is_a_data_error(tmp_path, tsv_writer):
    small = tmp_path / "small.tsv.gz"
    tsv_writer(small, [(1, "A", 0, 0, "XX", "PPL", "", "", 1, "")])
    with pytest.raises(DataError):
        gz._fill(sqlite3.connect(":memory:"), small)


def test_cache_is_built_once_and_reused(tmp_path, data_dir, monkeypatch):
    monkeypatch.setattr(gz, "_data_dir", lambda: data_dir)
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path / "cache"))
    g = gz.load_gazetteer()
    files = list((tmp_path / "cache").glob("gazetteer-*.sqlite"))
    assert len(files) == 1 and g.lookup("Town7")[0].gid == 8
    stamp = files[0].stat().st_mtime_ns
    assert gz.load_gazetteer().lookup("Town8")[0].gid == 9
    assert files[0].stat().st_mtime_ns == stamp


def test_unwritable_cache_falls_back_to_memory(tmp_path, data_dir, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(gz, "_data_dir", lambda: data_dir)
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(blocker / "cache"))
    assert gz.load_gazetteer().lookup("Town3")[0].gid == 4


def test_invalid_context_is_a_data_error(data_dir, monkeypatch):
    (data_dir / "context.json").write_text('{"countries": {}}', encoding="utf-8")
    monkeypatch.setattr(gz, "_data_dir", lambda: data_dir)
    with pytest.raises(DataError):
        gz.load_gazetteer()
