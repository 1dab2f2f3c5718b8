"""The JSON API and the pages over a hand-made store (tests/serve/handmade.py): what each
filter keeps, sorting, paging, the twins, the OpenAPI document."""
import pytest

PAGES = ["/events", "/articles", "/actors", "/quotes", "/timeline", "/network", "/map", "/search"]


def rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("path", PAGES + ["/"])
def test_every_page_has_a_json_twin(client, path):
    page = client.get(path)
    twin = client.get("/index.json" if path == "/" else path + ".json")
    assert page.status_code == twin.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert twin.headers["content-type"] == "application/json"
    assert f'href="{"/index.json" if path == "/" else path + ".json"}' in page.text


def test_detail_pages_have_json_twins(client):
    event = rows(client, "/events.json?size=1")["rows"][0]
    article = rows(client, "/articles.json?size=1")["rows"][0]
    for path in (f"/events/{event['event_id']}", f"/articles/{article['article_id']}"):
        assert client.get(path).headers["content-type"].startswith("text/html")
        assert client.get(path + ".json").json()


def test_openapi_lists_every_json_twin_and_no_cdn_docs(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in PAGES:
        assert path + ".json" in paths
    assert {"/index.json", "/events/{event_id}.json", "/articles/{article_id}.json", "/world.json"} <= paths
    assert not any(p in paths for p in PAGES)  # HTML pages are not API
    params = {p["name"] for p in spec["paths"]["/events.json"]["get"]["parameters"]}
    assert {"q", "type", "quad", "status", "actor", "country", "since", "until", "sort", "page", "size"} <= params
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert "/events.json" in client.get("/api").text


@pytest.mark.parametrize("query,expected", [
    ("type=AID", {"AID"}),
    ("quad=3&quad=4", {"ACCUSE", "PROTEST", "SANCTION"}),
    ("status=hypothetical", {"SANCTION"}),
    ("since=2022-01-01&until=2022-12-31", {"ACCUSE", "PROTEST"}),
    ("q=marched", {"PROTEST"}),
    ("cameo=14", {"PROTEST"}),
    ("bbox=-79,-1,-78,0", {"AID", "PROTEST"}),
    ("actor_key=NOR&recipient_key=ECU", {"CONSULT", "AID"}),
    ("key=~protesters", {"PROTEST"}),
    ("type=AID&type=CONSULT&country=ecu", {"AID", "CONSULT"}),
    ("q=&type=&since=", {"CONSULT", "AID", "ACCUSE", "PROTEST", "SANCTION"}),
])
def test_event_filters_keep_the_right_events(client, query, expected):
    found = rows(client, "/events.json?size=100&" + query)
    assert {r["event_type"] for r in found["rows"]} == expected
    assert found["total"] == len(found["rows"])


def test_actor_filter_takes_a_code_or_part_of_a_name(client):
    by_code = rows(client, "/events.json?actor=NOR")
    by_name = rows(client, "/events.json?actor=orwa")
    assert by_code["total"] == by_name["total"] == 5  # four with Norway, and the hostile one


def test_sorting_and_paging(client):
    first = rows(client, "/events.json?sort=day&order=asc&size=2")
    assert [r["day"] for r in first["rows"]] == ["2021-03-02", "2021-03-20"]
    assert first["total"] == 6 and first["pages"] == 3 and first["prev"] is None
    assert "page=2" in first["next"] and first["next"].startswith("/events.json")
    last = rows(client, "/events.json?sort=day&order=asc&size=2&page=3")
    assert last["next"] is None and len(last["rows"]) == 2
    by_goldstein = rows(client, "/events.json?sort=goldstein&order=desc")
    scores = [r["goldstein"] for r in by_goldstein["rows"]]
    assert scores == sorted(scores, reverse=True)
    assert rows(client, "/events.json?page=99")["rows"] == []


def test_event_detail_shows_the_evidence_of_each_report(client):
    aid_event = rows(client, "/events.json?type=AID")["rows"][0]
    assert aid_event["trigger"] == "sent aid to" and aid_event["n_mentions"] == 1
    detail = rows(client, f"/events/{aid_event['event_id']}.json")
    mention = detail["mentions"][0]
    assert mention["sentence"]["trigger"] == "sent aid to"
    assert mention["sentence"]["before"] == "Norway " and mention["sentence"]["after"].startswith(" Ecuador in Quito")
    assert mention["reason"] == "test rule: verb 'sent aid to' -> 073"
    page = client.get(f"/events/{aid_event['event_id']}").text
    assert '<mark class="trigger">sent aid to</mark>' in page and "test rule: verb" in page


def test_article_filters_and_detail(client):
    titles = [r["title"] for r in rows(client, "/articles.json?q=want water")["rows"]]
    assert titles == ["Protesters and the government"]
    found = rows(client, "/articles.json?type=PROTEST")["rows"]
    assert [r["title"] for r in found] == ["Protesters and the government"]
    snippet = rows(client, "/articles.json?q=WATER")["rows"][0]["snippet"]
    assert snippet["match"] == "water"
    article = rows(client, f"/articles/{found[0]['article_id']}.json")
    assert {k for k in ("actors", "events", "quotes", "times", "places", "text") if article[k]} == {
        "actors", "events", "quotes", "times", "places", "text"}
    for actor in article["actors"]:
        for m in actor["mentions"]:
            assert article["text"][m["start"]:m["end"]] == m["text"]


def test_article_page_highlights_records_and_carries_their_evidence(client):
    article = rows(client, "/articles.json?type=AID")["rows"][0]
    page = client.get(f"/articles/{article['article_id']}").text
    assert 'class="seg hl-trigger" data-sentence="E1" data-trigger="E1"' in page
    assert '>sent aid to</span>' in page
    assert '<details class="evidence" id="ev-E1" data-event="E1" data-roles="A1 A2">' in page
    assert "hl-actor" in page and "hl-place" in page and "hl-time" in page and "hl-quote" in page


def test_actor_and_quote_lists(client):
    assert [r["name"] for r in rows(client, "/actors.json?q=orwa")["rows"]] == ["Norway"]
    assert {r["name"] for r in rows(client, "/actors.json?country=ECU")["rows"]} == {"Ecuador", "the government"}
    assert {r["name"] for r in rows(client, "/actors.json?type=AID")["rows"]} == {"Norway", "Ecuador"}
    norway = rows(client, "/actors.json?q=Norway&sort=articles")["rows"][0]
    assert norway["n_articles"] == 5
    quotes = rows(client, "/quotes.json?q=water")["rows"]
    assert [q["speaker"] for q in quotes] == ["Protesters"]
    assert rows(client, "/quotes.json?actor=NOR")["total"] == 2


def test_timeline_counts_add_up(client):
    data = rows(client, "/timeline.json?series=quad&bucket=year")
    assert data["bucket"] == "year" and data["buckets"] == ["2021-01-01", "2022-01-01", "2023-01-01"]
    assert sum(sum(v) for v in data["counts"].values()) == 6 - data["undated"]
    assert data["counts"]["4"] == [0, 1, 1]
    auto = rows(client, "/timeline.json")
    assert auto["bucket"] == "week" and set(auto["series"]) == {"CONSULT", "AID", "ACCUSE", "PROTEST", "SANCTION"}


def test_network_edges_are_weighted_and_coloured_by_quad_class(client):
    data = rows(client, "/network.json")
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges[("NOR", "ECU")]["count"] == 2 and edges[("NOR", "ECU")]["tone"] == "cooperation"
    assert edges[("ECU", "NOR")]["by_quad"] == [0, 0, 1, 1] and edges[("ECU", "NOR")]["tone"] == "conflict"
    assert {n["key"] for n in data["nodes"]} >= {"NOR", "ECU", "~protesters"}
    assert rows(client, "/network.json?edges=1")["edges"][0]["count"] == 2


def test_map_points_and_countries(client):
    data = rows(client, "/map.json")
    assert {(p["place"], p["n"]) for p in data["points"]} == {("Oslo", 1), ("Quito", 2)}
    assert {c["country"]: c["n"] for c in data["countries"]} == {"NOR": 1, "ECU": 2}
    assert data["unplaced"] == 3
    world = client.get("/world.json").json()
    assert len(world["countries"]) > 150 and any(c["iso3"] == "ECU" for c in world["countries"])


def test_search_looks_everywhere(client):
    found = rows(client, "/search.json?q=Norway")["results"]
    assert found["events"]["total"] == 5 and found["articles"]["total"] >= 4
    assert found["actors"]["rows"][0]["name"] == "Norway"
    assert rows(client, "/search.json")["results"] is None


def test_overview_counts(client):
    counts = rows(client, "/index.json")["counts"]
    assert counts["events"] == 6 and counts["articles"] == 6 and counts["quotes"] == 6
