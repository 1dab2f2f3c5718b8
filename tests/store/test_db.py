"""The store: migrations, whole-article transactions, idempotence, one event from many reports."""
from __future__ import annotations

import duckdb
import msgspec
import pytest

from communique.errors import DocumentError, InputError
from communique.store import Store, connect
from communique.store.migrations import MIGRATIONS
from communique.store.rows import event_from_row

TEXT = "Kerry met Lavrov in Paris on Monday to discuss the Syria peace conference."


def count(con, table):
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_migrations_are_named_ordered_and_applied_once(db_path):
    with Store(db_path) as s:
        rows = s.con.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    with Store(db_path) as s:  # opening again applies nothing new
        assert count(s.con, "migrations") == len(MIGRATIONS)


def test_a_document_is_stored_with_all_its_rows_and_once_only(db_path, make):
    doc = make("d1", TEXT)
    with Store(db_path) as s:
        assert s.add_document(doc, input_key="k1", origin="a.txt") is True
        # the same clean text again (other id, other whitespace): not stored twice
        again = make("d2", TEXT.replace(" on ", "  on\n"))
        assert s.add_document(again, input_key="k2", origin="b.txt") is False
        s.commit()
        con = s.con
        for table, n in [("articles", 1), ("actors", 1), ("places", 1), ("times", 1), ("quotes", 1),
                         ("events", 1), ("event_mentions", 1), ("inputs", 2)]:
            assert count(con, table) == n, table
        assert con.execute("SELECT status FROM inputs ORDER BY input_key").fetchall() == [("stored",), ("duplicate",)]
        title, words, authors = con.execute("SELECT title, n_words, authors FROM articles").fetchone()
        assert (title, words, authors) == ("Title of d1", len(TEXT.split()), ["A. Writer"])
        assert s.seen_inputs(["k1", "k2", "k3"]) == {"k1", "k2"}


def test_event_rows_read_back_into_the_same_event(db_path, make):
    doc = make("d1", TEXT)
    with Store(db_path) as s:
        s.add_document(doc)
        s.commit()
        cur = s.con.execute("SELECT * FROM event_mentions")
        row = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    assert event_from_row(row) == doc.events[0]


def test_reports_of_one_event_become_one_canonical_event_with_all_mentions(db_path, make):
    with Store(db_path) as s:
        s.add_document(make("r1", "Kerry met Lavrov in Paris on Monday.", event_date="2014-01-13"))
        s.add_document(make("r2", "Kerry and Lavrov talked in Paris yesterday.", published="2014-01-14",
                            event_date=None))  # undated: its publication day, one day later
        s.add_document(make("r3", "The two ministers met Monday in Paris.", event_date="2014-01-13", loc=None))
        # not the same event: other recipient; other type; a week later; other place
        s.add_document(make("x1", "Kerry met Wang Yi in Paris on Monday.", recipient="CHN"))
        s.add_document(make("x2", "Kerry criticised Lavrov in Paris on Monday.", event_type="ACCUSE", cameo="111"))
        s.add_document(make("x3", "Kerry met Lavrov in Paris again a week later.", event_date="2014-01-20"))
        from .sample_docs import PARIS
        import msgspec
        berlin = msgspec.structs.replace(PARIS, extracted_place="Berlin", resolved_place="Berlin",
                                         geonameid=2950159, country_code="DEU")
        s.add_document(make("x4", "Kerry met Lavrov in Berlin on Monday.", loc=berlin))
        s.commit()
        con = s.con
        assert count(con, "events") == 5
        merged = con.execute("SELECT num_mentions, num_articles, num_sources FROM event_list "
                             "ORDER BY num_mentions DESC LIMIT 1").fetchone()
        assert merged == (3, 3, 1)  # all three from the one source example.com
        groups = con.execute("""SELECT list(a.doc_id ORDER BY a.doc_id) FROM event_mentions m
                                JOIN articles a USING (article_id) GROUP BY m.event_id ORDER BY 1""").fetchall()
        assert [g[0] for g in groups] == [["r1", "r2", "r3"], ["x1"], ["x2"], ["x3"], ["x4"]]


def test_a_failure_inside_an_article_leaves_none_of_its_rows(db_path, make, monkeypatch):
    s = Store(db_path)
    s.add_document(make("ok", "Kerry met Lavrov in Geneva on Monday."), input_key="k0")
    s.commit()
    real_insert = s._insert

    def failing(table, rows):
        if table == "event_mentions":
            raise RuntimeError("disk full")
        real_insert(table, rows)

    monkeypatch.setattr(s, "_insert", failing)
    with pytest.raises(RuntimeError):
        with s:
            s.add_document(make("bad", TEXT), input_key="k1")
    with Store(db_path) as s2:
        assert s2.con.execute("SELECT doc_id FROM articles").fetchall() == [("ok",)]
        for table in ("actors", "places", "times", "quotes", "events", "event_mentions", "inputs"):
            assert count(s2.con, table) == 1, table


def test_a_document_the_tables_cannot_hold_fails_alone(db_path, make, monkeypatch):
    import msgspec

    bad = make("bad", TEXT)
    bad = msgspec.structs.replace(bad, actors=bad.actors * 2)  # a stage bug: two actors, one id
    with Store(db_path) as s:
        s.add_document(make("before", "Kerry met Lavrov in Geneva on Monday."), input_key="k0")
        with pytest.raises(DocumentError) as info:  # caught before it reaches the database
            s.add_document(bad, input_key="k1", origin="bad.txt")
        assert info.value.stage == "store" and "bad.txt" in info.value.message
        assert "two actors with the id 'A1'" in info.value.message

        # had it reached the database, the batch is written again article by article
        monkeypatch.setattr("communique.store.db._check", lambda doc: None)
        s.add_error(InputError("E002", origin="empty.txt"))
        s.add_document(bad, input_key="k1", origin="bad.txt")
        s.add_document(make("after", "Kerry met Lavrov in Vienna on Monday."), input_key="k2")
        ((key, err, was_new),) = s.commit()
        assert (key, was_new, err.stage) == ("k1", True, "store") and "Constraint" in err.reason
    with Store(db_path) as s:
        assert s.con.execute("SELECT doc_id FROM articles ORDER BY 1").fetchall() == [("after",), ("before",)]
        assert count(s.con, "errors") == 1 and count(s.con, "actors") == 2 and count(s.con, "inputs") == 2


def test_errors_are_recorded_once_per_input_and_cleared_when_it_succeeds(db_path, make):
    err = DocumentError("E021", origin="fr.txt", doc_id="fr", stage="clean", detail="fr")
    with Store(db_path) as s:
        s.add_error(err, input_key="kfr")
        s.add_error(err, input_key="kfr")
        s.add_error(InputError("E002", origin="empty.txt"))
        s.commit()
        rows = s.con.execute("SELECT origin, stage, code, times FROM errors ORDER BY origin").fetchall()
        assert rows == [("empty.txt", "ingest", "E002", 1), ("fr.txt", "clean", "E021", 2)]
        s.add_document(make("fr", TEXT), input_key="kfr")
        s.commit()
        assert s.con.execute("SELECT origin FROM errors").fetchall() == [("empty.txt",)]


def test_read_only_connection_refuses_writes(db_path, make):
    with Store(db_path) as s:
        s.add_document(make("d1", TEXT))
    con = connect(db_path, read_only=True)
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM articles")
    con.close()
    with pytest.raises(FileNotFoundError):
        connect(db_path.parent / "missing.duckdb", read_only=True)


def test_analysis_depth_is_stored(db_path, make):
    full = make("d1", TEXT)
    light = msgspec.structs.replace(make("d2", "Shares rose in Tokyo on Monday."), analysis="light", events=[])
    with Store(db_path) as s:
        s.add_document(full, input_key="k1", origin="a.txt")
        s.add_document(light, input_key="k2", origin="b.txt")
        s.commit()
        rows = s.con.execute("SELECT doc_id, analysis FROM articles ORDER BY doc_id").fetchall()
    assert rows == [("d1", "full"), ("d2", "light")]
