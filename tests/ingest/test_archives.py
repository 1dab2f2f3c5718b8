"""Web archives and feeds: what becomes an article, what is passed over, what is reported."""
from __future__ import annotations

from io import BytesIO

import pytest

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.archives import fragment_text
from communique.schema import InputRecord

warcio = pytest.importorskip("warcio", reason="warcio reads WARC files")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = ("<html><head><title>Pact</title></head><body><article><p>Kenya and Uganda signed a trade "
        "pact in Nairobi on Monday, officials in both capitals said.</p></article></body></html>")


def write_warc(path, records, *, gzip=True):
    """records: (url, status, content_type, body bytes)."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        for url, status, ctype, body in records:
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("gzip,name", [(True, "a.warc.gz"), (False, "a.warc")])
def test_warc_html_responses_become_articles_and_the_rest_is_passed_over(tmp_path, gzip, name):
    latin = PAGE.replace("Nairobi", "Nairobi’s café").encode("utf-8")
    write_warc(tmp_path / name, [
        ("http://news.example/pact", "200", "text/html; charset=utf-8", latin),
        ("http://news.example/old", "301", "text/html", b""),
        ("http://news.example/logo.png", "200", "image/png", b"\x89PNG..."),
        ("http://news.example/fr", "200", "text/html; charset=iso-8859-1", "<p>Genève é</p>".encode("latin-1")),
    ], gzip=gzip)
    results = list(read_inputs([tmp_path]))
    assert all(isinstance(r, InputRecord) for r in results)
    assert [r.url for r in results] == ["http://news.example/pact", "http://news.example/fr"]
    assert "café" in results[0].html and "Genève" in results[1].html
    assert results[0].origin.startswith(str(tmp_path / name) + "#")
    assert results[0].origin != results[1].origin
    assert results[0].published is None  # the crawl date is not the publication date


def test_truncated_warc_keeps_the_records_before_the_damage_and_reports_it(tmp_path):
    good = tmp_path / "good.warc.gz"
    write_warc(good, [(f"http://news.example/{i}", "200", "text/html", PAGE.encode()) for i in range(3)])
    data = good.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: int(len(data) * 0.6)] + b"\x00garbage" * 20)
    results = list(read_inputs([broken]))
    records = [r for r in results if isinstance(r, InputRecord)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert 1 <= len(records) < 3
    assert len(errors) == 1 and errors[0].code == "E009"
    assert "not a readable web archive" in errors[0].message and "broken.warc.gz" in errors[0].message


def test_a_file_that_is_not_a_warc_is_one_clear_error(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"this is not an archive at all\n" * 10)
    (err,) = read_inputs([tmp_path / "junk.warc"])
    assert isinstance(err, InputError) and err.code == "E009"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Pact signed</title><link>http://news.example/1</link><guid>g-1</guid>
<pubDate>Mon, 13 Jan 2014 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Kenya and Uganda signed a trade pact.&lt;/p&gt;&lt;p&gt;Officials  cheered.&lt;/p&gt;</description></item>
<item><title>Only a link</title><link>http://news.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id><updated>2014-01-13T10:00:00Z</updated>
<entry><title>Talks</title><id>urn:e1</id><link href="http://news.example/e1"/>
<updated>2014-01-13T10:00:00Z</updated><summary>short teaser</summary>
<content type="html">&lt;p&gt;The foreign ministers met in Paris.&lt;/p&gt;</content></entry>
</feed>"""


def test_feed_entries_with_a_body_become_text_articles(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "wire.atom").write_text(ATOM)
    atom, rss = read_inputs([tmp_path])  # sorted: wire.atom, wire.rss
    assert (rss.id, rss.title, rss.url) == ("g-1", "Pact signed", "http://news.example/1")
    assert rss.text == "Kenya and Uganda signed a trade pact.\n\nOfficials cheered."
    assert rss.published == "2014-01-14T04:30:00Z"  # normalised to UTC
    assert atom.text == "The foreign ministers met in Paris."  # content wins over the summary
    assert atom.origin.endswith("wire.atom#1")


def test_unreadable_feed_is_reported(tmp_path):
    (tmp_path / "bad.rss").write_text("<<< this is { not a feed")
    (err,) = read_inputs([tmp_path / "bad.rss"])
    assert isinstance(err, InputError) and err.code == "E010"


def test_fragment_text_keeps_paragraphs_and_drops_scripts():
    html = "<p>One <b>bold</b>\n  word.</p><p>Two &amp; three.<br>Four</p><script>x()</script>"
    assert fragment_text(html) == "One bold word.\n\nTwo & three.\nFour"
