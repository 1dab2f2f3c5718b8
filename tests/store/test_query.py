"""Event filters without SQL (parameters only) and the query command."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.store import Store, connect
from communique.store.query import filter_events


@pytest.fixture
def db(db_path, make):
    with Store(db_path) as s:
        s.add_document(make("r1", "Kerry met Lavrov in Paris on Monday.", event_date="2014-01-13"))
        s.add_document(make("r2", "Kerry met Wang Yi in Paris on Friday.", event_date="2014-01-17", recipient="CHN"))
        s.add_document(make("r3", "Protesters marched through Paris on Sunday.", event_date="2014-02-02",
                            event_type="PROTEST", cameo="141", actor=None, recipient=None))
    return db_path


def ids(rows):
    return [r[0] for r in rows.rows]


def test_filters_combine_and_travel_as_parameters(db):
    con = connect(db, read_only=True)
    everything = filter_events(con)
    assert everything.columns[:3] == ["event_id", "day", "event_type"]
    assert len(list(everything.rows)) == 3
    days = lambda res: [r[1] for r in res.rows]  # noqa: E731
    assert days(filter_events(con, actor="CHN")) == [dt.date(2014, 1, 17)]
    assert days(filter_events(con, actor="kerry")) == [dt.date(2014, 1, 13), dt.date(2014, 1, 17)]
    assert days(filter_events(con, event_type="protest")) == [dt.date(2014, 2, 2)]
    assert days(filter_events(con, event_type="14")) == [dt.date(2014, 2, 2)]
    assert days(filter_events(con, country="fra", since=dt.date(2014, 1, 14), until=dt.date(2014, 1, 31))) == \
        [dt.date(2014, 1, 17)]
    assert days(filter_events(con, limit=1)) == [dt.date(2014, 1, 13)]
    # values that would break formatted SQL are just strings that match nothing
    assert days(filter_events(con, actor="x' OR 1=1 --")) == []
    assert days(filter_events(con, actor="100%")) == []
    with pytest.raises(ValueError, match="unknown event type"):
        filter_events(con, event_type="BOMBARD")
    con.close()


def test_query_command_formats_and_usage_errors(db):
    runner = CliRunner()
    res = runner.invoke(main, ["query", "--db", str(db), "--type", "CONSULT", "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["recipient_code"] for r in rows] == ["RUS", "CHN"] and rows[0]["day"] == "2014-01-13"
    res = runner.invoke(main, ["query", "--db", str(db), "SELECT doc_id FROM articles ORDER BY 1", "-f", "csv"])
    assert res.stdout.splitlines() == ["doc_id", "r1", "r2", "r3"]
    res = runner.invoke(main, ["query", "--db", str(db), "SELECT count(*) AS n FROM events"])
    assert res.exit_code == 0 and "n" in res.stdout and "3" in res.stdout
    assert runner.invoke(main, ["query", "--db", str(db), "DROP TABLE articles"]).exit_code == 2
    assert runner.invoke(main, ["query", "--db", str(db), "SELECT 1", "--actor", "USA"]).exit_code == 2
    assert runner.invoke(main, ["query", "--db", str(db), "--type", "BOMBARD"]).exit_code == 2
