"""Whole runs: a folder of good and bad inputs, a run killed with SIGKILL and finished by a re-run."""
from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from io import BytesIO

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.pipeline import Pipeline
from communique.schema import InputRecord
from communique.store import connect, ingest

pytestmark = pytest.mark.model

ARTICLE = ("{a} and {b} signed an agreement on {topic} in {city} on Tuesday, officials from both "
           "governments said.\n\nThe accord follows months of talks between the two countries and "
           "will be reviewed by their ministers next year.\n\nBusiness groups in {city} welcomed the "
           "deal, saying it would make trade across the border easier.")
PAIRS = [("Kenya", "Uganda"), ("Peru", "Chile"), ("Norway", "Sweden"), ("Ghana", "Togo"), ("Laos", "Vietnam"),
         ("Nepal", "India"), ("Spain", "Portugal"), ("Egypt", "Sudan")]
TOPICS = ["water sharing", "fishing rights", "rail links", "energy trade", "customs rules"]
CITIES = ["Nairobi", "Lima", "Oslo", "Accra", "Vientiane", "Kathmandu", "Madrid", "Cairo"]


def article(n: int) -> str:
    a, b = PAIRS[n % len(PAIRS)]
    return ARTICLE.format(a=a, b=b, topic=TOPICS[n // len(PAIRS) % len(TOPICS)], city=CITIES[n % len(CITIES)])


def write_warc(path, pages, *, cut=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode()),
                                                      http_headers=headers))
    data = buf.getvalue()
    if cut:  # keep the first record whole, cut the second one short
        data = data[: len(data) - 200]
    path.write_bytes(data)


def page(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Copyright 2014</footer></body></html>")


@pytest.fixture
def shared_resources(resources, monkeypatch):
    """In-process runs reuse the session's loaded model instead of loading their own."""
    monkeypatch.setattr("communique.pipeline.load_resources", lambda **_: resources)
    return resources


def test_mixed_folder_bad_inputs_reported_good_ones_stored(tmp_path, shared_resources):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(article(0))
    (src / "page.html").write_text(page("Trade pact", article(1)))
    (src / "docs.jsonl").write_text('{"id": "j1", "text": %s}\n{"id": "j2", "text": %s}\n'
                                    % tuple(__import__("json").dumps(article(i)) for i in (2, 3)))
    (src / "wire.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Deal</title>'
        '<link>http://news.example/4</link><description>%s</description></item></channel></rss>'
        % article(4).replace("\n\n", " "))
    write_warc(src / "news.warc.gz", [("http://news.example/5", page("Deal", article(5)))])
    write_warc(src / "broken.warc.gz", [("http://news.example/6", page("Deal", article(6))),
                                        ("http://news.example/7", page("Deal", article(7)))], cut=True)
    latin = article(8).replace("officials", "café owners and officials") + "\n\nZürich banks took note."
    (src / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 200)
    (src / "empty.txt").write_text("")
    with open(src / "big.txt", "wb") as f:
        f.write(b"The quick brown fox jumps over the lazy dog. " * 1_150_000)  # about 50 MB
    (src / "french.txt").write_text(
        "Le Kenya et l'Ouganda ont signé mardi à Nairobi un accord sur le partage de l'eau, ont indiqué "
        "les deux gouvernements.\n\nL'accord fait suite à des mois de négociations entre les deux pays.")
    db = tmp_path / "mixed.duckdb"

    res = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "-j", "1"])

    assert res.exit_code == 1, res.output
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    expected = {"binary.txt": "not text", "empty.txt": "empty", "big.txt": "too large",
                "broken.warc.gz": "not a readable web archive", "french.txt": "not in English"}
    for name, reason in expected.items():
        assert any(name in e and reason in e for e in errors), (name, errors)
    assert len(errors) == len(expected)
    assert "13 read, 8 stored, 0 skipped (already stored), 5 failed" in res.stderr

    con = connect(db, read_only=True)
    stored = con.execute("SELECT origin, text FROM articles ORDER BY origin").fetchall()
    assert len(stored) == 8
    assert {o.rsplit("/", 1)[-1].split("#")[0].split(":")[0] for o, _ in stored} == \
        {"good.txt", "page.html", "docs.jsonl", "wire.rss", "news.warc.gz", "broken.warc.gz", "latin1.txt"}
    assert any("café owners" in t and "Zürich" in t for _, t in stored)
    errs = {(o.rsplit("/", 1)[-1].split("#")[0], stage, code)
            for o, stage, code in con.execute("SELECT origin, stage, code FROM errors").fetchall()}
    assert errs == {("binary.txt", "ingest", "E001"), ("empty.txt", "ingest", "E002"), ("big.txt", "ingest", "E008"),
                    ("broken.warc.gz", "ingest", "E009"), ("french.txt", "clean", "E021")}
    con.close()

    # the same folder again: nothing new stored, the failures are still failures (not duplicated)
    res = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "-j", "1", "-q"])
    assert res.exit_code == 1
    assert "13 read, 0 stored, 8 skipped (already stored), 5 failed" in res.stderr
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*), max(times) FROM errors").fetchone() == (5, 2)
    con.close()


@pytest.mark.slow
def test_killed_ingest_is_finished_by_a_rerun_with_every_article_once(tmp_path, resources):
    n = 40
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join('{"id": "n%02d", "text": %s}\n' % (i, __import__("json").dumps(article(i)))
                              for i in range(n)))
    db = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "communique.cli", "ingest", str(corpus), "--db", str(db), "-j", "1",
           "--commit-every", "3", "--stages", "times", "--no-count"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    committed = 0
    deadline = time.monotonic() + 300
    for line in proc.stderr:
        m = re.match(r"committed (\d+)", line)
        if m and int(m[1]) > 0:
            committed = int(m[1])
            os.killpg(proc.pid, signal.SIGKILL)
            break
        assert time.monotonic() < deadline, "ingest never committed"
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    con = connect(db)  # reopening replays DuckDB's log of committed transactions
    before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert committed <= before < n  # nothing committed is lost, and the run was cut short

    pipeline = Pipeline(resources, stages=["times"])
    stats = ingest([str(corpus)], db=db, workers=1, pipeline=pipeline)
    assert (stats.read, stats.skipped, stats.stored, stats.failed) == (n, before, n - before, 0)

    con = connect(db, read_only=True)
    q = lambda sql: con.execute(sql).fetchone()  # noqa: E731
    assert q("SELECT count(*), count(DISTINCT article_id), count(DISTINCT doc_id) FROM articles") == (n, n, n)
    assert q("SELECT count(*) FROM inputs") == (n,)
    # every article came with all its rows: exactly the times the pipeline finds in it
    stored_times = dict(con.execute("SELECT a.doc_id, count(t.article_id) FROM articles a "
                                    "LEFT JOIN times t USING (article_id) GROUP BY 1").fetchall())
    expected = {f"n{i:02d}": len(pipeline.run(InputRecord(id=f"n{i:02d}", text=article(i))).times)
                for i in range(n)}
    assert stored_times == expected
    assert q("SELECT count(*) FROM times t WHERE NOT EXISTS "
             "(SELECT 1 FROM articles a WHERE t.article_id = a.article_id)") == (0,)
    assert q("SELECT count(*) FROM runs WHERE finished_at IS NULL") == (1,)  # the killed one
    con.close()


def test_console_listener_writes_errors_and_commit_lines_when_not_a_terminal():
    from communique.errors import InputError
    from communique.store import IngestStats
    from communique.store.progress import ConsoleListener

    buf = io.StringIO()
    with ConsoleListener(total=5, stream=buf) as listener:
        listener.error(InputError("E002", origin="empty.txt"))
        listener.progress(IngestStats(read=2, stored=1, failed=1, total=5))
        listener.committed(IngestStats(read=2, stored=1, failed=1, total=5, committed=2))
    assert buf.getvalue().splitlines() == [
        "error: empty.txt: input is empty (E002)",
        "committed 2/5 (stored 1 skipped 0 failed 1)",
    ]


def test_a_database_another_process_holds_is_a_clear_error_and_is_kept(tmp_path):
    # DuckDB lets one process write a file, or several read it: an ingest while `communique serve`
    # reads (or a query while an ingest writes) must say so, not crash, and change nothing
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(article(0))
    db = tmp_path / "held.duckdb"
    res = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "-j", "1", "-q"])
    assert res.exit_code == 0, res.output
    for mode, cmds in (("True", [["ingest", str(src), "--db", str(db), "-j", "1", "-q"]]),
                       ("False", [["query", "--db", str(db)], ["export", "--db", str(db), "-f", "gdelt"]])):
        holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, sys, time\n"
                                   f"con = duckdb.connect({str(db)!r}, read_only={mode})\n"
                                   f"print('held', flush=True)\ntime.sleep(60)"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "held"
            for cmd in cmds:
                res = CliRunner().invoke(main, cmd)
                assert res.exit_code == 1, (cmd, res.output)
                assert res.exception is None or isinstance(res.exception, SystemExit)
                assert "held.duckdb [store]: cannot open the database: another process" in res.output
                assert f"(PID {holder.pid})" in res.output and "Traceback" not in res.output
        finally:
            holder.kill()
            holder.wait()
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    con.close()
