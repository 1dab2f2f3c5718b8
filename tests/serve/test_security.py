"""Markup in the data stays text, filter values never change SQL, the store is only read, and
malformed or oversized requests get a 4xx (never a 500)."""
import hashlib
import re
from html.parser import HTMLParser

import duckdb
import pytest

from .handmade import XSS_MARKS

ALLOWED_SCRIPTS = {'<script src="/static/explorer.js" defer>', '<script type="application/json" id="data">',
                   '<script src="/static/article.js" defer>', '<script src="/static/timeline.js" defer>',
                   '<script src="/static/network.js" defer>', '<script src="/static/map.js" defer>'}


def hostile_article(client) -> dict:
    found = client.get("/articles.json?q=Hostile title").json()["rows"]
    assert len(found) == 1
    return found[0]


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """Only our own scripts, no event-handler attribute, no javascript: URL, none of the raw marks."""
    assert set(re.findall(r"<script\b[^>]*>", html)) <= ALLOWED_SCRIPTS
    parser = Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert tag not in ("img", "svg", "iframe", "object", "embed"), (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json"
    for mark in XSS_MARKS:
        assert mark not in html


def test_markup_in_the_store_is_shown_as_text_on_every_page(client):
    article = hostile_article(client)
    pages = [f"/articles/{article['article_id']}", "/articles?q=Hostile", "/events?q=condemned", "/actors?q=Evil",
             "/quotes?q=script", "/search?q=script", "/network", "/timeline", "/map", "/"]
    event_id = client.get("/events.json?q=condemned").json()["rows"][0]["event_id"]
    pages.append(f"/events/{event_id}")
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.text)
    page = client.get(f"/articles/{article['article_id']}").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.__xss = 2&#34;&gt;" in page
    assert "<b>evil</b>" not in page and "&lt;b&gt;evil&lt;/b&gt;" in page


def test_embedded_json_cannot_close_its_script_element(client):
    page = client.get("/network?actor=Evil").text
    block = page.split('<script type="application/json" id="data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "Evil \\u003cimg src=x onerror" in block


def test_query_values_are_echoed_escaped(client):
    response = client.get("/events", params={"q": '"><script>window.__xss=8</script>', "actor": "<svg onload=x>"})
    assert response.status_code == 200
    assert_inert(response.text)
    assert "&lt;svg onload=x&gt;" in response.text


def test_every_response_carries_the_security_headers(client):
    for path in ["/", "/events.json", "/static/style.css", "/nope", "/events?quad=9", "/world.json"]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in client.get("/x" * 600).headers


INJECTIONS = ["' OR 1=1 --", "'; DROP TABLE events; --", '" OR ""="', "%", "e_u", "\\",
              "%' UNION SELECT * FROM articles --", "ECU') OR ('1'='1", "\u0000", "Norway\u0000' OR 1=1"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("path,param", [("/events.json", "q"), ("/events.json", "actor"), ("/articles.json", "q"),
                                        ("/articles.json", "source"), ("/actors.json", "q"), ("/quotes.json", "actor"),
                                        ("/events.json", "actor_key"), ("/network.json", "q"), ("/map.json", "actor")])
def test_injection_attempts_match_nothing_or_are_refused(client, path, param, value):
    response = client.get(path, params={param: value})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        data = response.json()
        assert data.get("total", 0) == 0 and not data.get("edges") and not data.get("points")


@pytest.mark.parametrize("query", ["country=ECU' OR '1'='1", "sort=day; DROP TABLE events", "sort=event_id",
                                   "order=asc, (SELECT 1)", "type=AID' OR '1'='1", "quad=1 OR 1=1",
                                   "since=2021-01-01' OR '1'='1", "cameo=1%' --", "bbox=0,0,1,1); DROP TABLE x; --"])
def test_structured_filters_refuse_anything_but_their_own_values(client, query):
    response = client.get("/events.json?" + query)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid parameters"


def test_like_wildcards_are_literal(client):
    assert client.get("/events.json", params={"q": "%"}).json()["total"] == 0
    assert client.get("/articles.json", params={"q": "e_u"}).json()["total"] == 0  # unescaped, it matches Ecuador
    assert client.get("/articles.json", params={"q": "ecu"}).json()["total"] > 0


def test_the_database_is_opened_read_only(app, handmade_db):
    db = app.state.db
    assert db.value("SELECT current_setting('access_mode')") == "read_only"
    with pytest.raises(duckdb.Error):
        db.value("CREATE TABLE intruder (x INTEGER)")
    with pytest.raises(duckdb.Error):
        db.value("DELETE FROM events")
    with pytest.raises(duckdb.Error):  # no reading other files through the connection either
        db.value("SELECT * FROM read_csv('/etc/hostname')")
    with pytest.raises(duckdb.Error):
        db.value("SET enable_external_access = true")


def test_requests_leave_the_file_unchanged(client, handmade_db):
    before = hashlib.sha256(handmade_db.read_bytes()).hexdigest()
    for path in ["/", "/events?sort=mentions", "/articles?q=water", "/actors", "/quotes", "/timeline", "/network",
                 "/map", "/search?q=a"]:
        client.get(path)
    assert hashlib.sha256(handmade_db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("request_line,status", [
    ("/events.json?q=" + "a" * 3000, 414),
    ("/" + "a" * 600, 414),
    ("/events.json?q=" + "a" * 201, 422),
    ("/events.json?actor=" + "a" * 101, 422),
    ("/events.json?size=501", 422),
    ("/events.json?size=0", 422),
    ("/events.json?page=0", 422),
    ("/events.json?page=10001", 422),
    ("/events.json?page=two", 422),
    ("/events.json?since=2021-02-30", 422),
    ("/events.json?until=yesterday", 422),
    ("/events.json?quad=5", 422),
    ("/events.json?type=BOGUS", 422),
    ("/events.json?" + "&".join(["type=AID"] * 17), 422),
    ("/events.json?bbox=1,2,3", 422),
    ("/events.json?bbox=nan,0,1,1", 422),
    ("/events.json?bbox=200,0,1,1", 422),
    ("/network.json?edges=100000", 422),
    ("/map.json?points=-1", 422),
    ("/timeline.json?bucket=century", 422),
    ("/events/-1.json", 422),
    ("/events/99999999999999999999999.json", 422),
    ("/events/12.json", 404),
    ("/articles/a'--.json", 422),
    ("/articles/nope.json", 404),
    ("/nowhere.json", 404),
])
def test_malformed_requests_get_a_4xx(client, request_line, status):
    response = client.get(request_line)
    assert response.status_code == status, response.text[:300]
    if request_line.split("?")[0].endswith(".json") and status in (404, 422):
        assert response.json()["status"] == status


def test_html_errors_are_pages_that_name_the_problem(client):
    response = client.get("/events?since=not-a-day")
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "<code>since</code>" in response.text


def test_only_reading_is_allowed(client):
    assert client.post("/events.json").status_code == 405
    assert client.delete("/events.json").status_code == 405
    assert client.request("GET", "/events.json", content=b"x" * 10).status_code == 413
    assert client.get("/events.json", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/events.json", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_odd_but_harmless_values_are_not_server_errors(client):
    for query in ["q=%ZZ", "q=%C3%28", "q=%F0%9F%98%80", "actor=%00", "q=" + "%25" * 50]:
        assert client.get("/events.json?" + query).status_code in (200, 422), query
