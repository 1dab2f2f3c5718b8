"""Exports: PLOVER JSONL round trip, the GDELT 2.0 TSV columns, CSV and Parquet via DuckDB."""
from __future__ import annotations

import csv
import io
import json

import duckdb
import msgspec
import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.export import GDELT_COLUMNS, export_table, read_plover, write_gdelt, write_plover
from communique.store import Store, connect

DOCS = [
    ("r1", "Kerry met Lavrov in Paris on Monday.", {}),
    ("r2", "Kerry and Lavrov talked in Paris on Monday.", {}),
    ("x1", "Kerry met Wang Yi in Paris on Monday.", {"recipient": "CHN"}),
    ("x2", "Kerry warned Lavrov in Paris on Monday.", {"event_type": "THREATEN", "cameo": "1382", "loc": None}),
]


@pytest.fixture
def db(tmp_path, make):
    path = tmp_path / "x.duckdb"
    with Store(path) as s:
        for doc_id, text, kw in DOCS:
            s.add_document(make(doc_id, text, **kw))
    return path


@pytest.fixture
def con(db):
    c = connect(db, read_only=True)
    yield c
    c.close()


def test_plover_jsonl_uses_the_manual_names_and_reloads_with_the_same_events(con, make):
    buf = io.BytesIO()
    assert write_plover(con, buf) == 4
    lines = buf.getvalue().splitlines()
    first = json.loads(lines[0])
    for name in ("id", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code",
                 "event_scale", "mode", "context", "link", "text_info", "cite_info", "coder", "coded_date"):
        assert name in first, name
    assert set(first["actor"][0]) >= {"code", "sector", "identifier_text"}
    assert set(first["event_loc"]) >= {"extracted_place", "resolved_place", "geonameid", "lat", "lon",
                                       "country_code", "feature_code"}
    assert first["cite_info"]["url"] == "http://example.com/r1"
    assert (first["date"], first["date_coded"]) == ("2014-01-13", None)  # undated: the publication day

    reloaded = list(read_plover(lines))
    expected = {doc_id: make(doc_id, text, **kw).events[0] for doc_id, text, kw in DOCS}
    by_doc = dict(con.execute("SELECT article_id, doc_id FROM articles").fetchall())
    assert {by_doc[p.article_id]: p.event for p in reloaded} == expected
    links = {by_doc[p.article_id]: p.link for p in reloaded}
    assert links["r1"] == links["r2"] and len(set(links.values())) == 3  # one event, two reports


def test_gdelt_tsv_has_the_61_documented_columns(con):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    for name in ("Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Type3Code", "IsRootEvent", "EventCode",
                 "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                 "NumArticles", "AvgTone", "Actor1Geo_ADM2Code", "ActionGeo_Lat", "ActionGeo_FeatureID"):
        assert name in GDELT_COLUMNS
    buf = io.StringIO()
    assert write_gdelt(con, buf) == 3
    rows = list(csv.reader(io.StringIO(buf.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert all(len(r) == 61 for r in rows)
    recs = [dict(zip(GDELT_COLUMNS, r)) for r in rows[1:]]
    merged = next(r for r in recs if r["NumMentions"] == "2")
    assert (merged["Day"], merged["MonthYear"], merged["Year"]) == ("20140113", "201401", "2014")
    assert (merged["Actor1Code"], merged["Actor1CountryCode"], merged["Actor1Type1Code"]) == ("USAGOV", "USA", "GOV")
    assert merged["Actor1Name"] == "JOHN KERRY" and merged["Actor2CountryCode"] == "RUS"
    assert (merged["NumArticles"], merged["NumSources"], merged["IsRootEvent"]) == ("2", "1", "1")
    assert (merged["ActionGeo_Type"], merged["ActionGeo_CountryCode"], merged["ActionGeo_FeatureID"]) == \
        ("4", "FR", "2988507")
    assert merged["ActionGeo_ADM1Code"] == "FR" and merged["Actor1CountryCode"] == "USA"
    assert merged["SOURCEURL"] == "http://example.com/r1" and len(merged["DATEADDED"]) == 14
    threat = next(r for r in recs if r["EventCode"] == "1382")
    assert (threat["EventBaseCode"], threat["EventRootCode"]) == ("138", "13")
    assert threat["ActionGeo_Type"] == "" and threat["AvgTone"] == ""


def test_gdelt_geography_uses_fips_codes():
    from communique.export.gdelt import fips_code

    assert (fips_code("DEU"), fips_code("GBR"), fips_code("USA"), fips_code("CHE")) == ("GM", "UK", "US", "SZ")
    assert fips_code(None) is None and fips_code("IGO") == "IGO"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("table,n", [("events", 3), ("mentions", 4), ("articles", 4), ("quotes", 4)])
def test_csv_and_parquet_reload_with_every_row(con, tmp_path, fmt, table, n):
    path = tmp_path / f"{table}.{fmt}"
    export_table(con, table, fmt, path)
    reader = "read_csv" if fmt == "csv" else "read_parquet"
    back = duckdb.execute(f"SELECT * FROM {reader}(?)", [str(path)])
    assert len(back.fetchall()) == n


def test_parquet_keeps_nested_columns_and_csv_writes_them_as_json(con, tmp_path):
    export_table(con, "mentions", "parquet", tmp_path / "m.parquet")
    export_table(con, "mentions", "csv", tmp_path / "m.csv")
    actor = duckdb.execute("SELECT actor FROM read_parquet(?) LIMIT 1", [str(tmp_path / "m.parquet")]).fetchone()[0]
    assert actor[0]["code"] == "USA"
    row = next(csv.DictReader(open(tmp_path / "m.csv")))
    assert json.loads(row["actor"])[0]["code"] == "USA"


def test_export_command(db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--db", str(db), "-f", "gdelt", "--no-header"])
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) == 3 and res.stdout.splitlines()[0].count("\t") == 60
    res = runner.invoke(main, ["export", "--db", str(db)])
    assert [msgspec.json.decode(x)["event"] for x in res.stdout_bytes.splitlines()][-1] == ["THREATEN"]
    res = runner.invoke(main, ["export", "--db", str(db), "-f", "csv", "--table", "articles"])
    assert res.stdout.splitlines()[0].startswith("article_id,doc_id")
    out = tmp_path / "e.parquet"
    assert runner.invoke(main, ["export", "--db", str(db), "-f", "parquet", "-o", str(out)]).exit_code == 0
    assert duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()[0] == 3
    assert runner.invoke(main, ["export", "--db", str(db), "-f", "parquet"]).exit_code == 2
    assert runner.invoke(main, ["export", "--db", str(db), "-f", "csv", "--table", "nope"]).exit_code == 2


@pytest.mark.parametrize("fmt, name", [("plover", "e.jsonl"), ("gdelt", "e.tsv"), ("csv", "e.csv"),
                                       ("parquet", "e.parquet")])
def test_an_output_that_cannot_be_written_is_a_clear_error(db, tmp_path, fmt, name):
    out = tmp_path / "no-such-folder" / name
    res = CliRunner().invoke(main, ["export", "--db", str(db), "-f", fmt, "-o", str(out)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.output
    assert f"cannot write {out}" in res.output and "No such file or directory" in res.output
