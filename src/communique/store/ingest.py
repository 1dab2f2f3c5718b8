"""A corpus in, an event database out: read inputs, analyse them in parallel, store each article.

The parent process reads the inputs, drops those a previous run already stored (by the hash of
the raw body, before any analysis), hands the rest to ``runner.run_parallel`` and writes every
result as it comes back, in input order, through the single ``Store`` writer. A transaction
holds whole articles only and is committed every ``commit_every`` articles or
``commit_seconds``, so a run killed at any moment loses at most the uncommitted batch, which the
next run redoes; what was committed is skipped. Failures go to the ``errors`` table and the run
goes on.
"""
from __future__ import annotations

import glob
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .. import __version__
from ..errors import CommuniqueError
from ..ingest import read_inputs
from ..runner import RunOptions, default_workers, run_parallel
from ..schema import InputRecord
from .db import Store
from .rows import input_key

if TYPE_CHECKING:
    from ..pipeline import Pipeline


@dataclass
class IngestStats:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    total: int | None = None
    """Inputs expected, when counted beforehand (for the progress bar's ETA)."""
    committed: int = 0
    """Inputs accounted for in committed transactions so far."""

    @property
    def done(self) -> int:
        return self.stored + self.skipped + self.failed


class Listener(Protocol):
    """What the caller hears while a run goes on (the CLI draws a progress bar from it)."""

    def progress(self, stats: IngestStats) -> None: ...
    def error(self, err: CommuniqueError) -> None: ...
    def committed(self, stats: IngestStats) -> None: ...


class _Silent:
    def progress(self, stats: IngestStats) -> None:
        pass

    def error(self, err: CommuniqueError) -> None:
        pass

    def committed(self, stats: IngestStats) -> None:
        pass


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Paths with shell-style globs (``data/*.warc.gz``, ``**/*.html``) expanded, in order."""
    out: list[str] = []
    for p in paths:
        if p != "-" and glob.has_magic(p) and not Path(p).exists():
            matches = sorted(glob.glob(p, recursive=True))
            out.extend(matches or [p])  # no match: kept, so the reader reports it missing
        else:
            out.append(p)
    return out


def count_inputs(paths: Iterable[str]) -> int:
    """How many inputs (articles or unreadable files) ``paths`` hold: one cheap reading pass."""
    return sum(1 for _ in read_inputs(paths))


def _body_key(rec: InputRecord) -> str:
    return input_key("html", rec.html) if rec.html is not None else input_key("text", rec.text or "")


def ingest(paths: Iterable[str], *, db: str | Path, workers: int | None = None,
           options: RunOptions = RunOptions(), commit_every: int = 64, commit_seconds: float = 5.0,
           total: int | None = None, listener: Listener | None = None,
           pipeline: "Pipeline | None" = None) -> IngestStats:
    """Read ``paths`` into the database ``db``; returns the counts (read, stored, skipped, failed).

    ``pipeline``: an already loaded pipeline to use when ``workers`` is 1.
    """
    paths = expand_paths(paths)
    workers = default_workers() if workers is None else workers
    listen = listener or _Silent()
    stats = IngestStats(total=total)
    pending: deque[tuple[str, str | None, str]] = deque()
    seen_this_run: set[str] = set()

    with Store(db) as store:
        store.start_run(inputs=paths, workers=workers, stages=options.stages, version=__version__)

        def fail(err: CommuniqueError, key: str | None) -> None:
            store.add_error(err, input_key=key)
            stats.failed += 1
            listen.error(err)

        def todo() -> Iterator[InputRecord]:
            """The inputs still to analyse; skips and read errors are accounted for here."""
            source = iter(read_inputs(paths))
            while batch := list(islice(source, 256)):
                keys = {id(r): _body_key(r) for r in batch if isinstance(r, InputRecord)}
                stored = store.seen_inputs(set(keys.values()) - seen_this_run)
                for rec in batch:
                    stats.read += 1
                    if isinstance(rec, CommuniqueError):
                        fail(rec, None)
                    elif keys[id(rec)] in stored or keys[id(rec)] in seen_this_run:
                        stats.skipped += 1
                    else:
                        seen_this_run.add(keys[id(rec)])
                        pending.append((keys[id(rec)], rec.origin, rec.id))
                        yield rec
                        continue
                    listen.progress(stats)

        def commit() -> None:
            for key, err, was_new in store.commit():  # refused by the database: failures after all
                stats.stored -= was_new
                stats.skipped -= not was_new
                fail(err, key)
            if store.pending:
                store.commit()
            stats.committed = stats.done
            listen.committed(stats)

        since_commit, last_commit = 0, time.monotonic()
        for result in run_parallel(todo(), workers=workers, options=options, pipeline=pipeline):
            key, origin, input_id = pending.popleft()
            if isinstance(result, CommuniqueError):
                fail(result, key)
            else:
                try:
                    is_new = store.add_document(result, input_key=key, origin=origin, input_id=input_id)
                except CommuniqueError as e:
                    fail(e, key)
                else:
                    stats.stored += is_new
                    stats.skipped += not is_new
            listen.progress(stats)
            since_commit += 1
            if since_commit >= commit_every or time.monotonic() - last_commit >= commit_seconds:
                commit()
                since_commit, last_commit = 0, time.monotonic()
        commit()
        store.finish_run(read=stats.read, stored=stats.stored, skipped=stats.skipped, failed=stats.failed)
    return stats
