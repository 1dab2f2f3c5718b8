#!/usr/bin/env python3
"""How fast the explorer answers on a store of 50,000 events.

Builds (once, then reuses) a synthetic store through the store's own write path
(``communique.store.Store.add_document``): generated articles of a few sentences, each sentence
one event between two of 60 actors, at one of 40 places, on a day within three years, with
actors, quotes, times and places carrying real offsets. Then serves it with uvicorn on
127.0.0.1 and times every page and JSON endpoint over HTTP: the median of several requests,
after one warm-up request. The target is < 300 ms a page.

Usage:
  python bench/serve.py                      # .bench/serve-50k.duckdb, 7 requests each
  python bench/serve.py --events 5000 --db /tmp/small.duckdb --repeat 5
  python bench/serve.py --rebuild
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

from communique.schema import (Actor, Document, EntityRef, Event, Location, Place, Quote, Span, Speaker,
                               TextInfo, TimeExpr)

TYPES = {  # PLOVER type -> (CAMEO code, quad class, Goldstein, verb as written)
    "AGREE": ("030", 1, 4.0, "agreed with"), "CONSULT": ("040", 1, 1.0, "met"),
    "SUPPORT": ("051", 1, 3.4, "praised"), "CONCEDE": ("081", 2, 5.0, "eased restrictions on"),
    "COOPERATE": ("061", 2, 6.4, "signed a trade pact with"), "AID": ("073", 2, 7.4, "sent aid to"),
    "RETREAT": ("087", 2, 9.0, "withdrew troops from"), "REQUEST": ("020", 1, 3.0, "appealed to"),
    "ACCUSE": ("112", 3, -2.0, "accused"), "REJECT": ("120", 3, -4.0, "rejected the demands of"),
    "THREATEN": ("130", 3, -4.4, "threatened"), "PROTEST": ("141", 3, -6.5, "protested against"),
    "SANCTION": ("163", 4, -8.0, "imposed sanctions on"), "MOBILIZE": ("150", 4, -7.2, "mobilised against"),
    "COERCE": ("173", 4, -5.0, "detained envoys of"), "ASSAULT": ("190", 4, -10.0, "attacked"),
}
COUNTRIES = ["USA", "RUS", "CHN", "FRA", "DEU", "GBR", "IND", "BRA", "ZAF", "NGA", "EGY", "TUR", "IRN",
             "ISR", "SYR", "UKR", "POL", "JPN", "KOR", "PRK", "MEX", "ARG", "COL", "PER", "KEN", "ETH"]
SECTORS = ["GOV", "MIL", "OPP", "CVL", "BUS", "MED", "JUD", "COP", "REB", "LEG"]
CITIES = [("Paris", "FRA", 48.85, 2.35), ("Berlin", "DEU", 52.52, 13.40), ("Moscow", "RUS", 55.75, 37.62),
          ("Beijing", "CHN", 39.90, 116.40), ("Washington", "USA", 38.90, -77.04), ("London", "GBR", 51.51, -0.13),
          ("New Delhi", "IND", 28.61, 77.21), ("Brasilia", "BRA", -15.79, -47.88), ("Pretoria", "ZAF", -25.75, 28.19),
          ("Abuja", "NGA", 9.07, 7.40), ("Cairo", "EGY", 30.06, 31.25), ("Ankara", "TUR", 39.93, 32.86),
          ("Tehran", "IRN", 35.69, 51.39), ("Jerusalem", "ISR", 31.77, 35.21), ("Damascus", "SYR", 33.51, 36.29),
          ("Kyiv", "UKR", 50.45, 30.52), ("Warsaw", "POL", 52.23, 21.01), ("Tokyo", "JPN", 35.68, 139.69),
          ("Seoul", "KOR", 37.57, 126.98), ("Pyongyang", "PRK", 39.03, 125.75), ("Mexico City", "MEX", 19.43, -99.13),
          ("Buenos Aires", "ARG", -34.60, -58.38), ("Bogota", "COL", 4.71, -74.07), ("Lima", "PER", -12.05, -77.04),
          ("Nairobi", "KEN", -1.29, 36.82), ("Addis Ababa", "ETH", 9.03, 38.74), ("Geneva", "CHE", 46.20, 6.14),
          ("Brussels", "BEL", 50.85, 4.35), ("Vienna", "AUT", 48.21, 16.37), ("Doha", "QAT", 25.29, 51.53),
          ("Riyadh", "SAU", 24.71, 46.68), ("Baghdad", "IRQ", 33.31, 44.36), ("Kabul", "AFG", 34.53, 69.17),
          ("Islamabad", "PAK", 33.68, 73.05), ("Dhaka", "BGD", 23.81, 90.41), ("Jakarta", "IDN", -6.21, 106.85),
          ("Manila", "PHL", 14.60, 120.98), ("Hanoi", "VNM", 21.03, 105.85), ("Canberra", "AUS", -35.28, 149.13),
          ("Ottawa", "CAN", 45.42, -75.70)]
ACTORS = [(c, s) for c in COUNTRIES for s in ("GOV", "MIL", "OPP")][:60]
SPEAKERS = ["the minister", "a spokesperson", "the president", "an official"]
WORDS = ("talks border trade security water energy ceasefire election sanctions refugees port pipeline "
         "grain aid treaty").split()


def make_document(rng: random.Random, n: int, start_day: int) -> Document:
    """One synthetic article: a title line, then one event sentence and one quote per event."""
    import datetime as dt

    published = dt.date(2021, 1, 1) + dt.timedelta(days=start_day)
    parts: list[str] = [f"Report {n} on {rng.choice(WORDS)} and {rng.choice(WORDS)}\n\n"]
    pos = len(parts[0])
    actors: dict[str, Actor] = {}
    events, quotes, times, places = [], [], [], {}

    def add(text: str) -> int:
        nonlocal pos
        at = pos
        parts.append(text)
        pos += len(text)
        return at

    def actor(code: str, sector: str, at: int, name: str) -> EntityRef:
        aid = f"A{code}{sector}"
        span = Span(start=at, end=at + len(name), text=name)
        if aid in actors:
            actors[aid].mentions.append(span)
        else:
            actors[aid] = Actor(id=aid, entity_text=name, identifier_text=name, kind="organization",
                                code=code, sector=sector, code_detail=code + sector, mentions=[span],
                                resolution="synthetic")
        return EntityRef(ref=aid, code=code, sector=sector, identifier_text=name, entity_text=name)

    for k in range(rng.randint(3, 7)):
        etype = rng.choice(list(TYPES))
        cameo, quad, goldstein, verb = TYPES[etype]
        (ac, asec), (rc, rsec) = rng.sample(ACTORS, 2)
        city, ccode, lat, lon = rng.choice(CITIES)
        day = published - dt.timedelta(days=rng.randint(0, 2))
        a_name, r_name = f"{ac} {asec.lower()}", f"{rc} {rsec.lower()}"
        sent_start = pos
        a_ref = actor(ac, asec, add(a_name), a_name)
        add(" ")
        trig_at = add(verb)
        add(" ")
        r_ref = actor(rc, rsec, add(r_name), r_name)
        add(" in ")
        place_at = add(city)
        add(" on ")
        when = day.isoformat()
        time_at = add(when)
        add(". ")
        sent_end = pos - 1
        pid = f"P{city}"
        span = Span(start=place_at, end=place_at + len(city), text=city)
        if pid in places:
            places[pid].mentions.append(span)
        else:
            geonameid = 1000 + [c[0] for c in CITIES].index(city)
            places[pid] = Place(id=pid, extracted_place=city, resolved_place=city, geonameid=geonameid,
                                lat=lat, lon=lon, country_code=ccode, feature_code="PPLC", mentions=[span])
        times.append(TimeExpr(text=when, value=when, type="DATE", start=time_at, end=time_at + len(when)))
        status = rng.choices(["reported", "planned", "hypothetical", "negated"], [85, 7, 5, 3])[0]
        events.append(Event(
            id=f"E{n}-{k}", event=[etype], cameo=cameo, quad_class=quad, goldstein=goldstein,
            actor=[a_ref], recipient=[r_ref], date=when, status=status, event_text=[verb.split()[0]],
            trigger=Span(start=trig_at, end=trig_at + len(verb), text=verb),
            text_info=TextInfo(start=sent_start, end=sent_end), confidence=0.8,
            event_loc=Location(extracted_place=city, resolved_place=city, geonameid=places[pid].geonameid,
                               lat=lat, lon=lon, country_code=ccode, feature_code="PPLC"),
            reason=f"synthetic: verb {verb!r} -> {cameo}"))
        speaker = rng.choice(SPEAKERS)
        q_text = f"We will not accept this {rng.choice(WORDS)} plan"
        add("\u201c")
        q_at = add(q_text)
        add("\u201d, ")
        sp_at = add(speaker)
        add(" said.\n")
        quotes.append(Quote(id=f"Q{n}-{k}", kind="direct", text=q_text, start=q_at, end=q_at + len(q_text),
                            cue="said", speaker=Speaker(identifier_text=speaker, entity_text=speaker,
                                                        start=sp_at, end=sp_at + len(speaker))))
    text = "".join(parts)
    return Document(id=f"synthetic-{n}", text=text, title=parts[0].strip(), published=published.isoformat(),
                    source=f"news{n % 20}.example.org", language="en", url=f"https://news.example.org/{n}",
                    actors=list(actors.values()), events=events, quotes=quotes, times=times,
                    places=list(places.values()))


def build_store(path: Path, events: int, *, seed: int = 7) -> float:
    from communique.store import Store

    rng = random.Random(seed)
    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        n = 0
        while True:
            have = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
            if have >= events:
                break
            for _ in range(200):
                store.add_document(make_document(rng, n, rng.randint(0, 3 * 365)))
                n += 1
            store.commit()
            print(f"\r  {n} articles, {have} events", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path(".bench/serve-50k.duckdb"))
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    import duckdb
    import httpx
    import uvicorn

    from communique.serve import create_app

    have = 0
    if args.db.exists() and not args.rebuild:
        with duckdb.connect(str(args.db), read_only=True) as con:
            have = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if have < args.events:
        if args.db.exists():
            args.db.unlink()
        print(f"building {args.db} ({args.events} events) ...", file=sys.stderr)
        seconds = build_store(args.db, args.events)
        print(f"built in {seconds:.0f} s", file=sys.stderr)

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db, allowed_hosts=["127.0.0.1"]), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(100):
            try:
                if client.get("/index.json").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        counts = client.get("/index.json").json()["counts"]
        event_id = client.get("/events.json?size=1&sort=mentions").json()["rows"][0]["event_id"]
        article_id = client.get("/articles.json?size=1&sort=events").json()["rows"][0]["article_id"]
        urls = [
            "/", "/index.json", "/events", "/events.json", "/events?type=PROTEST&quad=3",
            "/events.json?country=RUS&since=2022-01-01&until=2022-12-31", "/events?q=sanctions",
            "/events?actor=USA&sort=mentions", "/events?page=200", f"/events/{event_id}",
            f"/events/{event_id}.json", "/articles", "/articles?q=pipeline", "/articles.json?type=ASSAULT",
            f"/articles/{article_id}", f"/articles/{article_id}.json", "/actors", "/actors.json?type=AID",
            "/quotes", "/quotes.json?q=ceasefire", "/timeline", "/timeline.json?series=quad",
            "/timeline.json?bucket=day", "/network", "/network.json?edges=500", "/map", "/map.json",
            "/search?q=moscow", "/api", "/openapi.json", "/world.json",
        ]
        print(f"store: {counts['events']} events, {counts['mentions']} reports, {counts['articles']} articles, "
              f"{counts['actors']} actor rows, {counts['quotes']} quotes ({args.db})")
        print(f"{'endpoint':58} {'median ms':>9} {'max ms':>8} {'KiB':>7}")
        worst = 0.0
        for url in urls:
            response = client.get(url)  # warm-up, and the status check
            if response.status_code != 200:
                print(f"{url:58} status {response.status_code}")
                continue
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"{url[:58]:58} {median:9.1f} {max(times):8.1f} {len(response.content) / 1024:7.1f}")
        print(f"slowest median: {worst:.1f} ms (target < 300 ms) -> {'OK' if worst < 300 else 'OVER'}")
    server.should_exit = True
    thread.join(timeout=5)


if __name__ == "__main__":
    main()
