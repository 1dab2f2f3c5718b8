"""The ``communique`` command: a thin layer over the library.

Data goes to stdout (or ``-o``), logs and progress to stderr. Exit status: 0 when every input
was processed, 1 when some failed (a summary says which), 2 for a usage error.
"""
from __future__ import annotations

import sys
from pathlib import Path

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
def extract(inputs: tuple[str, ...], output: str, pretty: bool, explain: bool, strict: bool,
            any_language: bool, stages: str) -> None:
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
    pipeline = Pipeline(require_english=not any_language, stages=wanted)
    failures: list[CommuniqueError] = []
    ok = 0
    out = click.open_file(output, "wb") if not pretty else None
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
        if out is not None:
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
def evaluate(only: tuple[str, ...], shared: str | None, out: str, workers: int, as_json: bool) -> None:
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
    results = ev.evaluate(todo, shared=root, out_dir=Path(out), workers=workers)
    if as_json:
        click.echo(json.dumps({r.name: {"headline": r.headline, "value": r.value, "seconds": r.seconds,
                                        **r.metrics} for r in results}, indent=1, sort_keys=True))
    else:
        click.echo(ev.format_table(results))


def _summary(ok: int, failures: list) -> None:
    if failures:
        click.echo(f"{ok} article(s) processed, {len(failures)} failed.", err=True)
        sys.exit(1)
    click.echo(f"{ok} article(s) processed.", err=True)


def run() -> None:  # console-script entry point
    main()


if __name__ == "__main__":
    run()
