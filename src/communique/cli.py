"""The ``communique`` command: a thin layer over the library.

Data goes to stdout (or ``-o``), logs and progress to stderr. Exit status: 0 when every input
was processed, 1 when some failed (a summary says which), 2 for a usage error.
"""
from __future__ import annotations

import sys

import click

from . import __version__
from .extract import STAGES


class _Group(click.Group):
    """Commands listed in the order they were added (the order of the pipeline)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="communique")
def main() -> None:
    """Read the news, write down what happened: PLOVER/CAMEO events, actors, quotes, times, places.

    \b
    Example:
      communique extract article.txt --pretty
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Write the document records (JSONL) here.")
@click.option("--pretty", is_flag=True, help="Print a readable summary of each article instead of JSONL.")
@click.option("--explain", is_flag=True, help="With --pretty: show why each event was coded.")
@click.option("--strict", is_flag=True, help="Stop at the first input that fails.")
@click.option("--any-language", is_flag=True, help="Analyse articles that are not in English too.")
@click.option("--stages", default=",".join(STAGES), show_default=True,
              help="Extract stages to run, comma-separated (the ones they read from are added).")
@click.option("--full-parse", is_flag=True,
              help="Tag and parse every sentence (slower), not only those with an event trigger or a quote cue.")
def extract(inputs: tuple[str, ...], output: str, pretty: bool, explain: bool, strict: bool,
            any_language: bool, stages: str, full_parse: bool) -> None:
    """Extract events, actors, quotes, times and places from articles.

    INPUT is a .txt file (plain or scraped text), an .html page, a .jsonl file of input records
    ({"id", "text" | "html", "published"?, "title"?, "url"?}), a folder of these, or - for stdin.
    One document record per article is written as JSONL (see CONTRACT.md).

    \b
    Examples:
      communique extract article.txt --pretty
      communique extract articles/ -o events.jsonl
      cat docs.jsonl | communique extract - > out.jsonl
    """
    from .errors import CommuniqueError
    from .ingest import read_inputs
    from .pipeline import Pipeline, stage_closure
    from .render import render_pretty
    from .schema import to_json

    try:
        wanted = stage_closure(s.strip() for s in stages.split(",") if s.strip())
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--stages") from None
    out = None
    if not pretty:  # opened before the model loads: a bad path fails at once
        try:
            out = sys.stdout.buffer if output == "-" else open(output, "wb")
        except OSError as e:
            raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
    pipeline = Pipeline(require_english=not any_language, stages=wanted, full_parse=full_parse)
    failures: list[CommuniqueError] = []
    ok = 0
    try:
        for result in pipeline.run_many(read_inputs(inputs)):
            if isinstance(result, CommuniqueError):
                failures.append(result)
                click.echo(f"error: {result.message}", err=True)
                if strict:
                    break
                continue
            ok += 1
            if pretty:
                render_pretty(result, explain=explain)
            else:
                out.write(to_json(result) + b"\n")
    finally:
        if out is not None and output != "-":
            out.close()
    _summary(ok, failures)


@main.command()
@click.argument("only", nargs=-1, metavar="[TASK[/DATASET]]...")
@click.option("--shared", type=click.Path(file_okay=False, exists=True), default=None,
              help="The shared folder with eval/ (default: ../shared beside the checkout).")
@click.option("--out", type=click.Path(file_okay=False), default=".bench/pred", show_default=True,
              help="Where the predictions are written.")
@click.option("-j", "--workers", type=int, default=1, show_default=True, help="Processes to spread the sets over.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of a table.")
@click.option("--full-parse", is_flag=True, help="Tag and parse every sentence (see `extract --full-parse`).")
def evaluate(only: tuple[str, ...], shared: str | None, out: str, workers: int, as_json: bool,
             full_parse: bool) -> None:
    """Score the pipeline on the dev sets in shared/eval/data with shared/eval/score.py.

    \b
    Examples:
      communique evaluate                 # every dev set, one table
      communique evaluate times places/gwn -j 2
    """
    import json
    from pathlib import Path

    from . import evaluate as ev

    root = Path(shared) if shared else ev.find_shared()
    todo = [d for d in ev.datasets(root)
            if not only or any(o in (d[0], f"{d[0]}/{d[1]}") for o in only)]
    if not todo:
        raise click.UsageError(f"no dev set matches {' '.join(only)}")
    results = ev.evaluate(todo, shared=root, out_dir=Path(out), workers=workers, full_parse=full_parse)
    if as_json:
        click.echo(json.dumps({r.name: {"headline": r.headline, "value": r.value, "seconds": r.seconds,
                                        **r.metrics} for r in results}, indent=1, sort_keys=True))
    else:
        click.echo(ev.format_table(results))


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--db", default="communique.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The DuckDB database to write (created if missing).")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None,
              help="Processes analysing articles, one pipeline each  [default: the machine's cores]")
@click.option("--stages", default=",".join(STAGES), show_default=True,
              help="Extract stages to run, comma-separated (the ones they read from are added).")
@click.option("--any-language", is_flag=True, help="Analyse articles that are not in English too.")
@click.option("--commit-every", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per transaction (a killed run redoes at most this many).")
@click.option("--no-count", is_flag=True, help="Skip counting the inputs first (no ETA, starts at once).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no per-input errors; just the summary.")
def ingest(inputs: tuple[str, ...], db: str, workers: int | None, stages: str, any_language: bool,
           commit_every: int, no_count: bool, quiet: bool) -> None:
    """Analyse articles into an event database (DuckDB; schema in docs/schema.md).

    PATH is a file, a folder or a glob of .txt, .html, .jsonl, .warc/.warc.gz web archives (HTML
    responses, as CC-NEWS ships them) or .rss/.atom/.xml feeds. An article already in the database
    (same clean text) is stored once; a run stopped at any point is finished by running it again.
    Failures go to the errors table and stderr; the exit status is 1 if any input failed.

    \b
    Examples:
      communique ingest articles/ --db news.duckdb
      communique ingest 'cc-news/*.warc.gz' feeds/ -j 4
    """
    from .pipeline import stage_closure
    from .runner import RunOptions
    from .store import StoreUnavailable, count_inputs, expand_paths
    from .store import ingest as run_ingest
    from .store.progress import ConsoleListener

    try:
        wanted = stage_closure(s.strip() for s in stages.split(",") if s.strip())
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--stages") from None
    paths = expand_paths(inputs)
    total = None if no_count else count_inputs(paths)
    options = RunOptions(stages=tuple(sorted(wanted)), require_english=not any_language)
    try:
        with ConsoleListener(total=total, quiet=quiet) as listener:
            stats = run_ingest(paths, db=db, workers=workers, options=options, commit_every=commit_every,
                               total=total, listener=listener)
    except StoreUnavailable as e:
        raise click.ClickException(e.message) from None
    click.echo(f"{stats.read} read, {stats.stored} stored, {stats.skipped} skipped (already stored), "
               f"{stats.failed} failed -> {db}", err=True)
    db_opt = "" if db == "communique.duckdb" else f" --db {db}"
    click.echo(f"list the events with: communique query{db_opt}\n"
               f"open the explorer with: communique serve{db_opt}", err=True)
    if stats.failed:
        sys.exit(1)


@main.command()
@click.argument("sql", required=False)
@click.option("--db", default="communique.duckdb", show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="The database to read.")
@click.option("--actor", help="Events with this actor or recipient: a code (USA, IGO) or part of a name.")
@click.option("--type", "event_type", help="A PLOVER event type (PROTEST) or a CAMEO code prefix (14).")
@click.option("--country", help="ISO3 code of the actor, the recipient or the place.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after this day.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before this day.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl"]), default="table",
              show_default=True, help="Output format.")
@click.option("--wide", is_flag=True, help="In a table, show every column of the event list (CSV and JSON always do).")
def query(sql: str | None, db: str, actor: str | None, event_type: str | None, country: str | None,
          since, until, limit: int | None, fmt: str, wide: bool) -> None:
    """Query the event database: any SQL (read-only), or the common filters without SQL.

    Without SQL, lists canonical events (the event_list view) that match every filter given.
    Tables and views are described in docs/schema.md.

    \b
    Examples:
      communique query --actor RUS --type CONSULT --since 2014-01-01
      communique query --country SYR -f csv > syria.csv
      communique query "SELECT event_type, count(*) FROM events GROUP BY 1" -f json
    """
    import duckdb

    from .export import write_rows
    from .store import StoreUnavailable, connect
    from .store.query import COMPACT_COLUMNS, filter_events, run_sql

    filters = any(v is not None for v in (actor, event_type, country, since, until))
    if sql and filters:
        raise click.UsageError("give either SQL or filters (--actor, --type, ...), not both")
    try:
        con = connect(db, read_only=True)
    except StoreUnavailable as e:
        raise click.ClickException(e.message) from None
    try:
        if sql:
            result = run_sql(con, sql)
        else:
            result = filter_events(con, actor=actor, event_type=event_type, country=country,
                                   since=since.date() if since else None,
                                   until=until.date() if until else None, limit=limit,
                                   columns=None if wide or fmt != "table" else COMPACT_COLUMNS)
        rows = result.rows
        if sql and limit is not None:
            from itertools import islice
            rows = islice(rows, limit)
        write_rows(result.columns, rows, fmt, sys.stdout)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--type") from None
    except duckdb.Error as e:
        raise click.UsageError(f"query failed: {e}") from None
    finally:
        con.close()


@main.command()
@click.option("--db", default="communique.duckdb", show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="The database to read.")
@click.option("-f", "--format", "fmt", type=click.Choice(["plover", "gdelt", "csv", "parquet"]),
              default="plover", show_default=True, help="What to write (see docs/schema.md).")
@click.option("--table", default="events", show_default=True,
              help="For csv/parquet: events, mentions, articles, actors, places, quotes, times or errors.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="The file to write (parquet needs a file).")
@click.option("--no-header", is_flag=True, help="For gdelt: no header line, as GDELT's own files.")
def export(db: str, fmt: str, table: str, output: str, no_header: bool) -> None:
    """Export the event database: PLOVER JSONL, a GDELT 2.0 event-table TSV, CSV or Parquet.

    \b
    plover   one JSON line per event report, PLOVER manual field names; `link` = canonical event
    gdelt    one TSV row per canonical event, GDELT 2.0's 61 event-table columns
    csv      a table as CSV (nested columns as JSON text)
    parquet  a table as Parquet (nested columns kept)

    \b
    Examples:
      communique export -f plover -o events.jsonl
      communique export -f gdelt > events.tsv
      communique export -f parquet --table mentions -o mentions.parquet
    """
    import duckdb

    from .export import TABLES
    from .store import StoreUnavailable, connect

    if fmt in ("csv", "parquet") and table not in TABLES:
        raise click.BadParameter(f"choose from {', '.join(TABLES)}", param_hint="--table")
    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs a file: give -o PATH")
    try:
        con = connect(db, read_only=True)
    except StoreUnavailable as e:
        raise click.ClickException(e.message) from None
    try:
        _export(con, fmt, table, output, no_header)
    except (OSError, duckdb.IOException) as e:
        detail = e.strerror if isinstance(e, OSError) and e.strerror else str(e).removeprefix("IO Error: ")
        raise click.ClickException(f"cannot write {output}: {detail}") from None
    finally:
        con.close()


def _export(con, fmt: str, table: str, output: str, no_header: bool) -> None:
    """Write one export of ``con`` to ``output`` ("-": standard output)."""
    from .export import export_table, write_gdelt, write_plover, write_table_csv

    if fmt == "parquet" or (fmt == "csv" and output != "-"):
        export_table(con, table, fmt, output)
    elif fmt == "plover":
        out = sys.stdout.buffer if output == "-" else open(output, "wb")
        try:
            write_plover(con, out)
        finally:
            if output != "-":
                out.close()
    else:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
        try:
            if fmt == "gdelt":
                write_gdelt(con, out, header=not no_header)
            else:
                write_table_csv(con, table, out)
        finally:
            if output != "-":
                out.close()


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT... OUTPUT")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions to spread the articles over (one pipeline load each).")
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--stages", default=",".join(STAGES), show_default=True,
              help="Extract stages to run, comma-separated (the ones they read from are added).")
@click.option("--any-language", is_flag=True, help="Analyse articles that are not in English too.")
@click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists.")
def spark(inputs: tuple[str, ...], master: str, partitions: int | None, fmt: str, stages: str,
          any_language: bool, overwrite: bool) -> None:
    """Run the pipeline on Apache Spark (pyspark is an optional extra; Java 17 needed).

    Writes OUTPUT/kind=document/ (document records) and OUTPUT/kind=error/ (failed inputs). Each
    partition loads one pipeline. For spark-submit, see communique/spark/submit.py.

    \b
    Examples:
      communique spark corpus/ out/
      communique spark 'cc-news/*.warc.gz' out/ -f parquet --partitions 16
    """
    from .pipeline import stage_closure
    from .runner import RunOptions
    from .spark import SparkMissing, run_spark

    if len(inputs) < 2:
        raise click.UsageError("give at least one INPUT and the OUTPUT folder")
    try:
        wanted = stage_closure(s.strip() for s in stages.split(",") if s.strip())
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--stages") from None
    options = RunOptions(stages=tuple(sorted(wanted)), require_english=not any_language)
    try:
        stats = run_spark(inputs[:-1], inputs[-1], master=master, partitions=partitions, fmt=fmt,
                          options=options, overwrite=overwrite)
    except SparkMissing as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{stats.documents} document(s), {stats.errors} failed, from {stats.files} file(s) "
               f"-> {inputs[-1]}", err=True)
    if stats.errors:
        sys.exit(1)


@main.command()
@click.option("--db", default="communique.duckdb", show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="The database to explore (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (only this machine by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Explore the event database in a browser: search, timeline, network, map, articles.

    Every page has a JSON twin (/events and /events.json); the API is described at /openapi.json.

    \b
    Examples:
      communique serve --db news.duckdb
      communique serve --db news.duckdb --port 8080
    """
    from .errors import CommuniqueError
    from .serve import run as run_server

    click.echo(f"communique explorer on http://{'[' + host + ']' if ':' in host else host}:{port}/ "
               f"(read-only {db}; Ctrl-C stops)", err=True)
    try:
        run_server(db, host=host, port=port)
    except CommuniqueError as e:
        raise click.ClickException(e.message) from None


def _summary(ok: int, failures: list) -> None:
    if failures:
        click.echo(f"{ok} article(s) processed, {len(failures)} failed.", err=True)
        sys.exit(1)
    click.echo(f"{ok} article(s) processed.", err=True)


def run() -> None:  # console-script entry point
    main()


if __name__ == "__main__":
    run()
