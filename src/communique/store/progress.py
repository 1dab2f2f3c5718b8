"""How an ingest run shows itself on stderr: a rich progress bar on a terminal, log lines elsewhere.

On a terminal: a bar with articles done, rate and ETA, failures printed above it. In a pipe or a
log file a bar is noise, so a line is written at each commit instead ("committed 128/1195 ...");
scripts (and the kill test) can follow those lines to see what is safely stored.
"""
from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn,
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..errors import CommuniqueError
from .ingest import IngestStats


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} art/s" if speed else "-- art/s", style="progress.data.speed")


class ConsoleListener:
    """An ``ingest.Listener`` that reports to stderr; use it as a context manager."""

    def __init__(self, *, total: int | None = None, stream=None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self.quiet = quiet
        self.live = self.console.is_terminal and not quiet
        self.bar = Progress(
            SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
            _RateColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("elapsed"),
            TimeElapsedColumn(), TextColumn("{task.fields[counts]}"),
            console=self.console, transient=False, disable=not self.live)
        self.task = self.bar.add_task("ingest", total=total, counts="")

    def __enter__(self) -> "ConsoleListener":
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()

    def progress_counts(self, stats: IngestStats) -> str:
        return f"stored {stats.stored} skipped {stats.skipped} failed {stats.failed}"

    def progress(self, stats: IngestStats) -> None:
        if self.live:
            self.bar.update(self.task, completed=stats.done, counts=self.progress_counts(stats))

    def error(self, err: CommuniqueError) -> None:
        if not self.quiet:
            self.console.print(f"error: {err.message}", markup=False, highlight=False, soft_wrap=True)

    def committed(self, stats: IngestStats) -> None:
        if not self.live and not self.quiet:
            total = f"/{stats.total}" if stats.total is not None else ""
            print(f"committed {stats.committed}{total} ({self.progress_counts(stats)})",
                  file=self.stream, flush=True)
