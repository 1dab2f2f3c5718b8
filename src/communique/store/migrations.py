"""The database schema as a list of named, ordered migrations (documented in docs/schema.md).

A migration is applied once, in order, inside a transaction, and recorded in ``migrations``;
opening a database applies the ones it lacks. Never edit a migration that has shipped: add a
new one after it. Column order matters to the writer only through ``DESCRIBE``, so a later
``ALTER TABLE ... ADD COLUMN`` is safe.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


_SPAN = 'STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR)'
_ENTITY = ("STRUCT(ref VARCHAR, code VARCHAR, sector VARCHAR, identifier_text VARCHAR, "
           "entity_text VARCHAR)")
_LOCATION = ("STRUCT(extracted_place VARCHAR, resolved_place VARCHAR, geonameid BIGINT, lat DOUBLE, "
             "lon DOUBLE, country_code VARCHAR, feature_code VARCHAR, admin1 VARCHAR)")

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "bookkeeping: runs, inputs, errors", (
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
            version VARCHAR, inputs VARCHAR[], workers INTEGER, stages VARCHAR[],
            n_read INTEGER, n_stored INTEGER, n_skipped INTEGER, n_failed INTEGER)""",
        """CREATE TABLE inputs (
            input_key VARCHAR PRIMARY KEY, origin VARCHAR, input_id VARCHAR,
            article_id VARCHAR NOT NULL, status VARCHAR NOT NULL, run_id VARCHAR,
            seen_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE errors (
            error_id VARCHAR PRIMARY KEY, input_key VARCHAR, origin VARCHAR, doc_id VARCHAR,
            stage VARCHAR, code VARCHAR NOT NULL, reason VARCHAR NOT NULL, run_id VARCHAR,
            first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL, times INTEGER NOT NULL)""",
    )),
    Migration(2, "articles and what was found in them", (
        """CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, origin VARCHAR, url VARCHAR,
            title VARCHAR, published VARCHAR, published_day DATE, source VARCHAR,
            authors VARCHAR[], agencies VARCHAR[], language VARCHAR, text VARCHAR NOT NULL,
            n_chars INTEGER NOT NULL, n_words INTEGER NOT NULL, run_id VARCHAR,
            ingested_at TIMESTAMP NOT NULL)""",
        f"""CREATE TABLE actors (
            article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, entity_text VARCHAR NOT NULL,
            identifier_text VARCHAR, identifier_id VARCHAR, kind VARCHAR, code VARCHAR,
            sector VARCHAR, office VARCHAR, code_detail VARCHAR, resolution VARCHAR,
            mentions {_SPAN}[], PRIMARY KEY (article_id, actor_id))""",
        f"""CREATE TABLE places (
            article_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL, extracted_place VARCHAR NOT NULL,
            resolved_place VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country_code VARCHAR,
            feature_code VARCHAR, admin1 VARCHAR, mentions {_SPAN}[],
            PRIMARY KEY (article_id, place_id))""",
        """CREATE TABLE times (
            article_id VARCHAR NOT NULL, time_n INTEGER NOT NULL, text VARCHAR NOT NULL,
            value VARCHAR NOT NULL, type VARCHAR NOT NULL, "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL, mod VARCHAR, PRIMARY KEY (article_id, time_n))""",
        f"""CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            text VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, cue VARCHAR,
            cue_start INTEGER, cue_end INTEGER, speaker_ref VARCHAR, speaker_refs VARCHAR[],
            speaker_identifier_text VARCHAR, speaker_entity_text VARCHAR, speaker_start INTEGER,
            speaker_end INTEGER, spans {_SPAN}[], reason VARCHAR,
            PRIMARY KEY (article_id, quote_id))""",
    )),
    Migration(3, "events: one canonical event, many mentions", (
        """CREATE TABLE events (
            event_id BIGINT PRIMARY KEY, event_type VARCHAR NOT NULL, cameo VARCHAR,
            quad_class INTEGER, goldstein DOUBLE, status VARCHAR NOT NULL, day DATE,
            actor_key VARCHAR, recipient_key VARCHAR,
            actor_code VARCHAR, actor_sector VARCHAR, actor_name VARCHAR,
            recipient_code VARCHAR, recipient_sector VARCHAR, recipient_name VARCHAR,
            place_name VARCHAR, geonameid BIGINT, country_code VARCHAR, feature_code VARCHAR,
            admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
            first_mention_id VARCHAR NOT NULL, run_id VARCHAR, date_added TIMESTAMP NOT NULL)""",
        f"""CREATE TABLE event_mentions (
            mention_id VARCHAR PRIMARY KEY, event_id BIGINT NOT NULL, article_id VARCHAR NOT NULL,
            local_id VARCHAR NOT NULL, position INTEGER NOT NULL, event VARCHAR[] NOT NULL,
            mode VARCHAR[], context VARCHAR[], cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            actor {_ENTITY}[], recipient {_ENTITY}[], date VARCHAR, day DATE,
            event_loc {_LOCATION}, status VARCHAR NOT NULL, event_text VARCHAR[],
            trigger {_SPAN}, sentence_start INTEGER, sentence_end INTEGER,
            confidence DOUBLE, reason VARCHAR)""",
        "CREATE INDEX event_match ON events (event_type, day)",
        "CREATE INDEX mention_event ON event_mentions (event_id)",
        "CREATE INDEX mention_article ON event_mentions (article_id)",
    )),
    Migration(4, "views: events with their report counts", (
        """CREATE VIEW event_counts AS
            SELECT e.event_id, count(*) AS num_mentions,
                   count(DISTINCT m.article_id) AS num_articles,
                   count(DISTINCT coalesce(a.source, a.url, a.article_id)) AS num_sources,
                   arg_min(a.url, a.ingested_at) AS source_url
            FROM events e JOIN event_mentions m USING (event_id) JOIN articles a USING (article_id)
            GROUP BY e.event_id""",
        """CREATE VIEW event_list AS
            SELECT e.event_id, e.day, e.event_type, e.cameo, e.quad_class, e.goldstein, e.status,
                   e.actor_code, e.actor_sector, e.actor_name,
                   e.recipient_code, e.recipient_sector, e.recipient_name,
                   e.place_name, e.country_code, e.lat, e.lon, e.geonameid,
                   c.num_mentions, c.num_articles, c.num_sources, c.source_url, e.date_added
            FROM events e JOIN event_counts c USING (event_id)""",
    )),
    Migration(5, "articles: analysis depth (full, or light for market/sport reports)", (
        "ALTER TABLE articles ADD COLUMN analysis VARCHAR DEFAULT 'full'",
    )),
)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'").fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations the database lacks; returns their names."""
    con.execute("""CREATE TABLE IF NOT EXISTS migrations (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)""")
    have = current_version(con)
    newest = MIGRATIONS[-1].version
    if have > newest:
        raise RuntimeError(f"database schema version {have} is newer than this communique ({newest})")
    applied = []
    for m in MIGRATIONS:
        if m.version <= have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for sql in m.statements:
                con.execute(sql)
            con.execute("INSERT INTO migrations VALUES (?, ?, current_timestamp)", [m.version, m.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(m.name)
    return applied
