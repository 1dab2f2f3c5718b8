"""Every read the explorer makes, as functions of a ``Database`` and a validated query model.

SQL text is built only from this module's constants; every value a request carries travels as a
bound parameter, and sort orders are looked up in ``SORTS`` (a name the model already restricted).
Lists of events read the ``events`` table (one row per canonical event) and add report counts
for the page's rows only, so a page costs the same on a large store as on a small one.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from .db import Database
from .filters import (ActorQuery, ArticleQuery, EventFilters, EventQuery, MapQuery, NetworkQuery,
                      Paging, QuoteQuery, TimelineQuery, parse_bbox)

COOPERATION = (1, 2)
CONFLICT = (3, 4)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}

SORTS: dict[str, dict[str, str]] = {
    "events": {"day": "e.day", "type": "e.event_type", "quad": "e.quad_class",
               "goldstein": "e.goldstein", "mentions": "c.n_mentions", "actor": "e.actor_name",
               "recipient": "e.recipient_name", "place": "e.place_name", "added": "e.date_added"},
    "articles": {"published": "a.published_day", "title": "a.title", "events": "n_events",
                 "words": "a.n_words", "added": "a.ingested_at"},
    "actors": {"articles": "n_articles", "mentions": "n_mentions", "name": "name", "code": "code"},
    "quotes": {"published": "a.published_day", "speaker": "speaker", "length": "length(q.text)"},
}

_EVENT_COLUMNS = """e.event_id, e.day, e.event_type, e.cameo, e.quad_class, e.goldstein, e.status,
    e.actor_key, e.actor_code, e.actor_sector, e.actor_name,
    e.recipient_key, e.recipient_code, e.recipient_sector, e.recipient_name,
    e.place_name, e.geonameid, e.country_code, e.lat, e.lon, e.first_mention_id, e.date_added"""


def like(text: str) -> str:
    """``text`` as a literal ILIKE pattern: its own % and _ match only themselves."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _order(kind: str, paging: Paging, sort: str, tiebreak: str) -> str:
    direction = "DESC" if paging.order == "desc" else "ASC"
    return f"ORDER BY {SORTS[kind][sort]} {direction} NULLS LAST, {tiebreak}"


def _page(paging: Paging) -> list[int]:
    return [paging.size, (paging.page - 1) * paging.size]


# -- events -------------------------------------------------------------------------------------


def event_where(f: EventFilters) -> tuple[list[str], list[Any]]:
    """Conditions on ``events e`` for every filter set in ``f``."""
    where: list[str] = []
    params: list[Any] = []
    if f.q:
        where.append("(concat_ws(' ', e.actor_name, e.actor_code, e.recipient_name, e.recipient_code, "
                     "e.place_name, e.country_code) ILIKE ? ESCAPE '\\' OR e.event_id IN "
                     "(SELECT m.event_id FROM event_mentions m "
                     "WHERE array_to_string(m.event_text, ' ') ILIKE ? ESCAPE '\\'))")
        params += [like(f.q)] * 2
    if f.type:
        where.append("list_contains(?::VARCHAR[], e.event_type)")
        params.append(list(f.type))
    if f.quad:
        where.append("list_contains(?::INTEGER[], e.quad_class)")
        params.append(list(f.quad))
    if f.status:
        where.append("list_contains(?::VARCHAR[], e.status)")
        params.append(list(f.status))
    if f.actor:
        where.append("(e.actor_code = ? OR e.recipient_code = ? OR e.actor_name ILIKE ? ESCAPE '\\' "
                     "OR e.recipient_name ILIKE ? ESCAPE '\\')")
        params += [f.actor.upper()] * 2 + [like(f.actor)] * 2
    if f.country:
        where.append("(e.actor_code = ? OR e.recipient_code = ? OR e.country_code = ?)")
        params += [f.country] * 3
    if f.since:
        where.append("e.day >= ?")
        params.append(f.since)
    if f.until:
        where.append("e.day <= ?")
        params.append(f.until)
    if f.cameo:
        where.append("starts_with(e.cameo, ?)")
        params.append(f.cameo)
    if f.actor_key:
        where.append("e.actor_key = ?")
        params.append(f.actor_key)
    if f.recipient_key:
        where.append("e.recipient_key = ?")
        params.append(f.recipient_key)
    if f.key:
        where.append("(e.actor_key = ? OR e.recipient_key = ?)")
        params += [f.key, f.key]
    if f.bbox:
        west, south, east, north = parse_bbox(f.bbox)
        where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
        params += [west, east, south, north]
    return where, params


def _where_sql(where: list[str]) -> str:
    return ("WHERE " + " AND ".join(where)) if where else ""


def list_events(db: Database, query: EventQuery) -> dict:
    where, params = event_where(query)
    clause = _where_sql(where)
    total = db.value(f"SELECT count(*) FROM events e {clause}", params)
    join = ""
    if query.sort == "mentions":
        join = "JOIN (SELECT event_id, count(*) AS n_mentions FROM event_mentions GROUP BY 1) c USING (event_id)"
    rows = db.rows(f"SELECT {_EVENT_COLUMNS} FROM events e {join} {clause} "
                   f"{_order('events', query, query.sort, 'e.event_id')} LIMIT ? OFFSET ?",
                   params + _page(query))
    return {"total": total, "rows": add_event_reports(db, rows)}


def add_event_reports(db: Database, rows: list[dict]) -> list[dict]:
    """Each event row with its report counts and the first report's trigger and article."""
    if not rows:
        return rows
    ids = [r["event_id"] for r in rows]
    counts = {r["event_id"]: r for r in db.rows(
        "SELECT event_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles "
        "FROM event_mentions WHERE event_id IN (SELECT unnest(?::BIGINT[])) GROUP BY 1", [ids])}
    firsts = {r["mention_id"]: r for r in db.rows(
        "SELECT m.mention_id, m.article_id, m.local_id, m.trigger.text AS trigger_text, a.title "
        "FROM event_mentions m JOIN articles a USING (article_id) "
        "WHERE m.mention_id IN (SELECT unnest(?::VARCHAR[]))", [[r["first_mention_id"] for r in rows]])}
    for r in rows:
        c = counts.get(r["event_id"], {})
        r["n_mentions"] = c.get("n_mentions", 0)
        r["n_articles"] = c.get("n_articles", 0)
        first = firsts.get(r["first_mention_id"], {})
        r["trigger"] = first.get("trigger_text")
        r["article_id"] = first.get("article_id")
        r["local_id"] = first.get("local_id")
        r["article_title"] = first.get("title")
    return rows


def event_detail(db: Database, event_id: int) -> dict | None:
    event = db.one(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.event_id = ?", [event_id])
    if event is None:
        return None
    mentions = db.rows(
        "SELECT m.*, a.title, a.published, a.source, a.url, a.text AS article_text "
        "FROM event_mentions m JOIN articles a USING (article_id) "
        "WHERE m.event_id = ? ORDER BY a.published_day NULLS LAST, m.mention_id", [event_id])
    for m in mentions:
        text = m.pop("article_text")
        m["sentence"] = evidence_sentence(text, m)
    event["mentions"] = mentions
    event["n_mentions"] = len(mentions)
    event["n_articles"] = len({m["article_id"] for m in mentions})
    return event


def evidence_sentence(text: str, mention: dict) -> dict | None:
    """The sentence an event was read from, cut around its trigger (offsets into the article)."""
    start, end = mention.get("sentence_start"), mention.get("sentence_end")
    if start is None or end is None or not 0 <= start < end <= len(text):
        return None
    trig = mention.get("trigger")
    if trig and start <= trig["start"] < trig["end"] <= end:
        return {"start": start, "end": end, "before": text[start:trig["start"]],
                "trigger": text[trig["start"]:trig["end"]], "after": text[trig["end"]:end]}
    return {"start": start, "end": end, "before": text[start:end], "trigger": "", "after": ""}


# -- articles -----------------------------------------------------------------------------------


def list_articles(db: Database, query: ArticleQuery) -> dict:
    where, params = [], []
    if query.q:
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [like(query.q)] * 2
    if query.since:
        where.append("a.published_day >= ?")
        params.append(query.since)
    if query.until:
        where.append("a.published_day <= ?")
        params.append(query.until)
    if query.source:
        where.append("a.source ILIKE ? ESCAPE '\\'")
        params.append(like(query.source))
    if query.actor:
        where.append("a.article_id IN (SELECT article_id FROM actors WHERE code = ? "
                     "OR identifier_text ILIKE ? ESCAPE '\\' OR entity_text ILIKE ? ESCAPE '\\')")
        params += [query.actor.upper()] + [like(query.actor)] * 2
    if query.country:
        where.append("(a.article_id IN (SELECT article_id FROM actors WHERE code = ?) "
                     "OR a.article_id IN (SELECT article_id FROM places WHERE country_code = ?))")
        params += [query.country] * 2
    # The event filters keep the articles that report a matching event.
    event_only = EventFilters(type=query.type, quad=query.quad, status=query.status, cameo=query.cameo,
                              actor_key=query.actor_key, recipient_key=query.recipient_key, key=query.key)
    ev_where, ev_params = event_where(event_only)
    if query.bbox:
        ev_where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
        west, south, east, north = parse_bbox(query.bbox)
        ev_params += [west, east, south, north]
    if ev_where:
        where.append("a.article_id IN (SELECT m.article_id FROM event_mentions m JOIN events e "
                     f"USING (event_id) WHERE {' AND '.join(ev_where)})")
        params += ev_params
    clause = _where_sql(where)
    total = db.value(f"SELECT count(*) FROM articles a {clause}", params)
    rows = db.rows(
        "SELECT a.article_id, a.title, a.published, a.published_day, a.source, a.url, a.n_words, "
        "coalesce(n.n_events, 0) AS n_events, "
        + ("a.text AS _text " if query.q else "NULL AS _text ")
        + "FROM articles a LEFT JOIN (SELECT article_id, count(*) AS n_events FROM event_mentions "
        "GROUP BY 1) n USING (article_id) "
        f"{clause} {_order('articles', query, query.sort, 'a.article_id')} LIMIT ? OFFSET ?",
        params + _page(query))
    for r in rows:
        text = r.pop("_text")
        r["snippet"] = snippet(text, query.q) if text and query.q else None
    return {"total": total, "rows": rows}


def snippet(text: str, needle: str, *, width: int = 90) -> dict | None:
    """The first place ``needle`` occurs, with some text either side (for search results)."""
    at = text.lower().find(needle.lower())
    if at < 0:
        return None
    start, end = max(0, at - width), min(len(text), at + len(needle) + width)
    return {"before": ("…" if start else "") + text[start:at], "match": text[at:at + len(needle)],
            "after": text[at + len(needle):end] + ("…" if end < len(text) else "")}


def article_detail(db: Database, article_id: str) -> dict | None:
    article = db.one("SELECT * EXCLUDE (run_id) FROM articles WHERE article_id = ?", [article_id])
    if article is None:
        return None
    article["actors"] = db.rows("SELECT * EXCLUDE (article_id) FROM actors WHERE article_id = ? "
                                "ORDER BY mentions[1].start NULLS LAST, actor_id", [article_id])
    article["places"] = db.rows("SELECT * EXCLUDE (article_id) FROM places WHERE article_id = ? "
                                "ORDER BY mentions[1].start NULLS LAST, place_id", [article_id])
    article["times"] = db.rows('SELECT * EXCLUDE (article_id) FROM times WHERE article_id = ? '
                               'ORDER BY "start", time_n', [article_id])
    article["quotes"] = db.rows('SELECT * EXCLUDE (article_id) FROM quotes WHERE article_id = ? '
                                'ORDER BY "start", quote_id', [article_id])
    events = db.rows("SELECT m.* EXCLUDE (article_id), e.event_type AS canonical_type "
                     "FROM event_mentions m JOIN events e USING (event_id) "
                     "WHERE m.article_id = ? ORDER BY m.position", [article_id])
    for m in events:
        m["sentence"] = evidence_sentence(article["text"], m)
    article["events"] = events
    return article


# -- actors and quotes --------------------------------------------------------------------------


def list_actors(db: Database, query: ActorQuery) -> dict:
    where, params = [], []
    if query.q:
        where.append("(ac.identifier_text ILIKE ? ESCAPE '\\' OR ac.entity_text ILIKE ? ESCAPE '\\')")
        params += [like(query.q)] * 2
    if query.country:
        where.append("ac.code = ?")
        params.append(query.country)
    if query.sector:
        where.append("ac.sector = ?")
        params.append(query.sector)
    if query.kind:
        where.append("ac.kind = ?")
        params.append(query.kind)
    if query.since or query.until:
        where.append("ac.article_id IN (SELECT article_id FROM articles WHERE published_day "
                     "BETWEEN coalesce(?, DATE '0001-01-01') AND coalesce(?, DATE '9999-12-31'))")
        params += [query.since, query.until]
    if query.type or query.quad:
        cond, cond_params = [], []
        if query.type:
            cond.append("list_contains(?::VARCHAR[], m.event[1])")
            cond_params.append(list(query.type))
        if query.quad:
            cond.append("list_contains(?::INTEGER[], m.quad_class)")
            cond_params.append(list(query.quad))
        where.append("EXISTS (SELECT 1 FROM event_mentions m WHERE m.article_id = ac.article_id AND "
                     + " AND ".join(cond) + " AND (list_contains([x.ref FOR x IN m.actor], ac.actor_id) "
                     "OR list_contains([x.ref FOR x IN m.recipient], ac.actor_id)))")
        params += cond_params
    clause = _where_sql(where)
    # One aggregation for both the page and the total (a window over the groups).
    rows = db.rows(
        "SELECT *, count(*) OVER () AS _total FROM ("
        "SELECT coalesce(ac.identifier_text, ac.entity_text) AS name, ac.code, ac.sector, "
        "min(ac.kind) AS kind, min(ac.code_detail) AS code_detail, "
        "count(DISTINCT ac.article_id) AS n_articles, sum(len(ac.mentions)) AS n_mentions "
        f"FROM actors ac {clause} GROUP BY 1, 2, 3) "
        f"{_order('actors', query, query.sort, 'name, code, sector')} LIMIT ? OFFSET ?",
        params + _page(query))
    total = rows[0]["_total"] if rows else (
        db.value(f"SELECT count(*) FROM (SELECT 1 FROM actors ac {clause} GROUP BY "
                 "coalesce(ac.identifier_text, ac.entity_text), ac.code, ac.sector)", params)
        if query.page > 1 else 0)
    for r in rows:
        del r["_total"]
    return {"total": total, "rows": rows}


def list_quotes(db: Database, query: QuoteQuery) -> dict:
    where, params = [], []
    if query.q:
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(like(query.q))
    if query.actor:
        where.append("(sp.code = ? OR q.speaker_identifier_text ILIKE ? ESCAPE '\\' "
                     "OR q.speaker_entity_text ILIKE ? ESCAPE '\\')")
        params += [query.actor.upper()] + [like(query.actor)] * 2
    if query.country:
        where.append("sp.code = ?")
        params.append(query.country)
    if query.kind:
        where.append("list_contains(?::VARCHAR[], q.kind)")
        params.append(list(query.kind))
    if query.since:
        where.append("a.published_day >= ?")
        params.append(query.since)
    if query.until:
        where.append("a.published_day <= ?")
        params.append(query.until)
    clause = _where_sql(where)
    source = ("FROM quotes q JOIN articles a USING (article_id) LEFT JOIN actors sp "
              "ON sp.article_id = q.article_id AND sp.actor_id = q.speaker_ref")
    total = db.value(f"SELECT count(*) {source} {clause}", params)
    rows = db.rows(
        "SELECT q.article_id, q.quote_id, q.kind, q.text, q.cue, q.\"start\", q.\"end\", "
        "coalesce(q.speaker_identifier_text, q.speaker_entity_text) AS speaker, "
        "sp.code AS speaker_code, sp.sector AS speaker_sector, a.title, a.published, a.published_day "
        f"{source} {clause} {_order('quotes', query, query.sort, 'q.article_id, q.quote_id')} "
        "LIMIT ? OFFSET ?", params + _page(query))
    return {"total": total, "rows": rows}


# -- timeline, network, map ---------------------------------------------------------------------


def _bucket_for(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return "month"
    span = (last - first).days
    if span <= 92:
        return "day"
    if span <= 2 * 366:
        return "week"
    if span <= 15 * 366:
        return "month"
    return "year"


_SERIES = {"type": "e.event_type", "quad": "CAST(e.quad_class AS VARCHAR)", "status": "e.status"}


def timeline(db: Database, query: TimelineQuery) -> dict:
    where, params = event_where(query)
    where.append("e.day IS NOT NULL")
    clause = _where_sql(where)
    bucket = query.bucket
    if bucket == "auto":
        span = db.one(f"SELECT min(e.day) AS first, max(e.day) AS last FROM events e {clause}", params)
        bucket = _bucket_for(span["first"], span["last"])
    rows = db.rows(f"SELECT date_trunc('{bucket}', e.day)::DATE AS t, {_SERIES[query.series]} AS s, "
                   f"count(*) AS n FROM events e {clause} GROUP BY 1, 2 ORDER BY 1, 2", params)
    starts = sorted({r["t"] for r in rows})
    totals: dict[str, int] = {}
    for r in rows:
        key = r["s"] if r["s"] is not None else "unknown"
        totals[key] = totals.get(key, 0) + r["n"]
    names = sorted(totals, key=lambda k: (-totals[k], k))
    index = {t: i for i, t in enumerate(starts)}
    counts = {name: [0] * len(starts) for name in names}
    for r in rows:
        counts[r["s"] if r["s"] is not None else "unknown"][index[r["t"]]] += r["n"]
    undated = db.value(f"SELECT count(*) FROM events e {_where_sql(where[:-1] + ['e.day IS NULL'])}",
                       params)
    return {"bucket": bucket, "series_by": query.series, "buckets": starts, "series": names,
            "totals": totals, "counts": counts, "undated": undated}


def network(db: Database, query: NetworkQuery) -> dict:
    where, params = event_where(query)
    where += ["e.actor_key IS NOT NULL", "e.recipient_key IS NOT NULL"]
    rows = db.rows(
        "SELECT e.actor_key AS source, e.recipient_key AS target, count(*) AS n, "
        "count(*) FILTER (WHERE e.quad_class = 1) AS q1, count(*) FILTER (WHERE e.quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE e.quad_class = 3) AS q3, count(*) FILTER (WHERE e.quad_class = 4) AS q4, "
        "avg(e.goldstein) AS goldstein, mode(e.actor_name) AS source_name, "
        "mode(e.recipient_name) AS target_name, mode(e.event_type) AS top_type "
        f"FROM events e {_where_sql(where)} GROUP BY 1, 2 ORDER BY n DESC, source, target LIMIT ?",
        params + [query.edges])
    nodes: dict[str, dict] = {}
    edges = []
    for r in rows:
        coop, conflict = r["q1"] + r["q2"], r["q3"] + r["q4"]
        tone = "cooperation" if coop > conflict else "conflict" if conflict > coop else "mixed"
        edges.append({"source": r["source"], "target": r["target"], "count": r["n"],
                      "by_quad": [r["q1"], r["q2"], r["q3"], r["q4"]], "cooperation": coop,
                      "conflict": conflict, "tone": tone, "top_type": r["top_type"],
                      "goldstein": round(r["goldstein"], 2) if r["goldstein"] is not None else None})
        for key, name in ((r["source"], r["source_name"]), (r["target"], r["target_name"])):
            node = nodes.setdefault(key, {"key": key, "label": _node_label(key), "names": [], "weight": 0})
            node["weight"] += r["n"]
            if name and name not in node["names"] and len(node["names"]) < 5:
                node["names"].append(name)
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["weight"], n["key"])), "edges": edges}


def _node_label(key: str) -> str:
    """A role key as people read it: ``~john kerry`` -> ``john kerry``, ``IGO~european union``
    -> ``IGO european union`` (the store keys uncoded actors by name after a ``~``)."""
    return " ".join(part for part in key.split("~") if part)


def map_points(db: Database, query: MapQuery) -> dict:
    where, params = event_where(query)
    placed = where + ["e.lat IS NOT NULL", "e.lon IS NOT NULL"]
    points = db.rows(
        "SELECT round(e.lat, 2) AS lat, round(e.lon, 2) AS lon, mode(e.place_name) AS place, "
        "mode(e.country_code) AS country, count(*) AS n, "
        "count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict "
        f"FROM events e {_where_sql(placed)} GROUP BY 1, 2 ORDER BY n DESC, lat, lon LIMIT ?",
        params + [query.points])
    countries = db.rows(
        f"SELECT e.country_code AS country, count(*) AS n FROM events e "
        f"{_where_sql(where + ['e.country_code IS NOT NULL'])} GROUP BY 1 ORDER BY n DESC, country",
        params)
    unplaced = db.value(f"SELECT count(*) FROM events e {_where_sql(where + ['e.lat IS NULL'])}", params)
    return {"points": points, "countries": countries, "unplaced": unplaced}


# -- the front page and the search across everything --------------------------------------------


def overview(db: Database) -> dict:
    counts = db.one(
        "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events, "
        "(SELECT count(*) FROM event_mentions) AS mentions, (SELECT count(*) FROM actors) AS actors, "
        "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM places) AS places, "
        "(SELECT count(*) FROM times) AS times, (SELECT min(day) FROM events) AS first_day, "
        "(SELECT max(day) FROM events) AS last_day")
    counts["errors"] = db.value("SELECT count(*) FROM errors") if "errors" in db.tables else 0
    types = db.rows("SELECT event_type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, event_type")
    quads = db.rows("SELECT quad_class, count(*) AS n FROM events GROUP BY 1 ORDER BY 1 NULLS LAST")
    latest = db.rows("SELECT article_id, title, published, source FROM articles "
                     "ORDER BY ingested_at DESC, article_id LIMIT 8")
    return {"counts": counts, "types": types, "quads": quads, "latest": latest}


def search_all(db: Database, q: str, *, each: int = 5) -> dict:
    events = list_events(db, EventQuery(q=q, size=each))
    articles = list_articles(db, ArticleQuery(q=q, size=each))
    actors = list_actors(db, ActorQuery(q=q, size=each))
    quotes = list_quotes(db, QuoteQuery(q=q, size=each))
    return {"events": events, "articles": articles, "actors": actors, "quotes": quotes}
