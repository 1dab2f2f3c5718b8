"""Run the pipeline over a stream of inputs in N worker processes, yielding results in input order.

One ``Pipeline`` is loaded per worker process (the spaCy model and data files are heavy and not
shareable across processes); the parent only reads inputs and hands chunks of them out, at most
``2 x workers`` chunks in flight so a corpus of millions never sits in memory. Results come back
as msgpack bytes (fast, and free of pickling quirks) and are yielded in input order, so
``run_parallel`` is a drop-in for ``Pipeline.run_many``. With ``workers=1`` nothing is forked.

Workers are spawned, not forked: the parent may hold a DuckDB connection with its own threads,
and forking a threaded process is unsafe. A worker that dies (killed, out of memory) fails the
inputs it held -- after one retry on a fresh pool -- and the run goes on.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

import msgspec

from .errors import CommuniqueError, DocumentError, InputError
from .extract import STAGES
from .schema import Document, InputRecord

if TYPE_CHECKING:
    from .pipeline import Pipeline

Item = InputRecord | CommuniqueError
Result = Document | CommuniqueError


@dataclass(frozen=True)
class RunOptions:
    """What each worker needs to build its pipeline (picklable, so it can cross to the workers)."""

    stages: tuple[str, ...] = STAGES
    require_english: bool = True
    batch_size: int = 16


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_parallel(items: Iterable[Item], *, workers: int | None = None,
                 options: RunOptions = RunOptions(), chunk_size: int | None = None,
                 pipeline: "Pipeline | None" = None) -> Iterator[Result]:
    """``Pipeline.run_many`` over ``items`` spread across ``workers`` processes, in input order.

    With one worker the work stays in this process, on ``pipeline`` when one is given (its own
    stages and language setting then apply, not ``options``'), else on a new one.
    """
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        if pipeline is None:
            from .pipeline import Pipeline

            pipeline = Pipeline(require_english=options.require_english, stages=options.stages)
        yield from pipeline.run_many(items, batch_size=options.batch_size)
        return
    with WorkerPool(workers, options=options, chunk_size=chunk_size) as pool:
        yield from pool.run(items)


# --------------------------------------------------------------------------------------------
# The parent side


@dataclass
class _Task:
    items: list[Item]
    future: Future | None = None
    attempts: int = 0


class WorkerPool:
    """``workers`` processes with a pipeline each; ``run`` may be called more than once."""

    def __init__(self, workers: int, *, options: RunOptions = RunOptions(), chunk_size: int | None = None) -> None:
        self.workers = workers
        self.options = options
        self.chunk_size = chunk_size or options.batch_size
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "WorkerPool":
        self._start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def _start(self) -> None:
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(self.options,))

    def warm_up(self, timeout: float = 600.0) -> None:
        """Return once every worker has loaded its pipeline (benchmarks time work, not loading)."""
        ready: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(ready) < self.workers and time.monotonic() < deadline:
            # A ping runs only after its worker's initializer; pings that wait a little make
            # sure every worker takes one rather than the first one taking them all.
            futures = [self.executor.submit(_ping, 0.2) for _ in range(2 * self.workers)]
            ready |= {f.result() for f in futures}

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        if self.executor is None:
            self._start()
        pending: deque[_Task] = deque()
        source = iter(items)
        try:
            while True:
                while len(pending) < 2 * self.workers:
                    chunk = list(islice(source, self.chunk_size))
                    if not chunk:
                        break
                    task = _Task(chunk)
                    self._submit(task)
                    pending.append(task)
                if not pending:
                    return
                task = pending.popleft()
                yield from self._collect(task, pending)
        finally:
            for task in pending:  # abandoned early: what is still queued need not run
                task.future.cancel()

    def _submit(self, task: _Task) -> None:
        task.attempts += 1
        task.future = self.executor.submit(_work, [_pack_item(i) for i in task.items])

    def _collect(self, task: _Task, pending: deque[_Task]) -> Iterator[Result]:
        while True:
            try:
                packed = task.future.result()
                break
            except BrokenProcessPool as e:
                # Every task in flight fails with the pool, not only the one that killed it;
                # all get a second chance on a fresh pool, and a task failing twice is given up.
                self.executor.shutdown(wait=False, cancel_futures=True)
                self._start()
                if task.attempts >= 2:
                    for t in pending:
                        self._submit(t)
                    yield from (_worker_died(i, e) for i in task.items)
                    return
                for t in (task, *pending):
                    self._submit(t)
        yield from (_unpack_result(p) for p in packed)


def _worker_died(item: Item, exc: BaseException) -> CommuniqueError:
    if isinstance(item, CommuniqueError):
        return item
    return DocumentError("E030", origin=item.origin, doc_id=item.id, stage="runner",
                         detail=f"worker process died ({type(exc).__name__})")


# --------------------------------------------------------------------------------------------
# The worker side

_worker: dict = {}
"""This worker process's pipeline and options: filled once by ``_init_worker``, read by ``_work``.
Module state is the only way ``ProcessPoolExecutor`` lets an initializer hand things to tasks."""


def _init_worker(options: RunOptions) -> None:
    from .pipeline import Pipeline

    _worker["pipeline"] = Pipeline(require_english=options.require_english, stages=options.stages)
    _worker["options"] = options


def _ping(wait: float) -> int:
    time.sleep(wait)
    return os.getpid()


def _work(packed_items: list[tuple]) -> list[tuple]:
    items = [_unpack_item(p) for p in packed_items]
    results = _worker["pipeline"].run_many(items, batch_size=_worker["options"].batch_size)
    return [_pack_result(r) for r in results]


# --------------------------------------------------------------------------------------------
# Transport: records as msgpack bytes, errors as plain tuples

_enc = msgspec.msgpack.Encoder()
_dec_doc = msgspec.msgpack.Decoder(Document)
_dec_input = msgspec.msgpack.Decoder(InputRecord)
_ERROR_CLASSES = {c.__name__: c for c in (CommuniqueError, InputError, DocumentError)}


def pack_error(err: CommuniqueError) -> tuple:
    """An error as a plain tuple that crosses process boundaries (``unpack_error`` reverses it)."""
    return ("error", type(err).__name__, err.code, err.origin, err.doc_id, err.stage, err.reason)


def unpack_error(packed: tuple) -> CommuniqueError:
    _, cls_name, code, origin, doc_id, stage, reason = packed
    cls = _ERROR_CLASSES.get(cls_name, CommuniqueError)
    # The constructor formats a message template from keyword fields we no longer have; the
    # finished reason is restored as it was instead.
    err = cls.__new__(cls)
    err.code, err.origin, err.doc_id, err.stage, err.reason = code, origin, doc_id, stage, reason
    Exception.__init__(err, err.message)
    return err


def _pack_item(item: Item) -> tuple:
    if isinstance(item, CommuniqueError):
        return pack_error(item)
    return ("input", _enc.encode(item))


def _unpack_item(packed: tuple) -> Item:
    return unpack_error(packed) if packed[0] == "error" else _dec_input.decode(packed[1])


def _pack_result(result: Result) -> tuple:
    if isinstance(result, CommuniqueError):
        return pack_error(result)
    return ("doc", _enc.encode(result))


def _unpack_result(packed: tuple) -> Result:
    return unpack_error(packed) if packed[0] == "error" else _dec_doc.decode(packed[1])
