"""Run the dev sets in ``shared/eval/data`` through the pipeline and score them with ``score.py``.

Each dataset runs only the stages its task scores (an ``article`` runs them all), the
predictions are written next to each other under ``out_dir``, and the shared scorer -- the same
one the issues are judged by -- is called as a subprocess with ``--json``.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

TASK_STAGES = {
    "article": ("times", "places", "actors", "quotes", "events"),
    "events": ("events",),
    "actors": ("actors", "places"),
    "quotes": ("quotes",),
    "times": ("times",),
    "places": ("places",),
    "extract": (),
}
KEY_METRICS = {
    "article": ("clean_body_kept", "meta_acc", "actor_recall", "event_full_recall", "event_precision",
                "quote_recall", "time_recall", "place_recall"),
    "events": ("type_precision", "type_recall", "tuple_acc", "actor_code_acc"),
    "actors": ("both_acc", "code_acc", "sector_acc", "person_f1", "org_f1", "loc_f1"),
    "quotes": ("content_f1", "speaker_acc", "cue_acc"),
    "times": ("span_relaxed_f1", "value_acc", "type_acc"),
    "places": ("recognition_f1", "acc161", "median_error_km"),
    "extract": ("body_p", "body_r", "title_acc", "date_acc"),
}


@dataclass
class Result:
    task: str
    dataset: str
    headline: str
    value: float
    metrics: dict = field(default_factory=dict)
    seconds: float = 0.0
    docs: int = 0
    failed: int = 0

    @property
    def name(self) -> str:
        return f"{self.task}/{self.dataset}"


def find_shared(start: Path | None = None) -> Path:
    """``../shared`` beside the checkout (or ``$COMMUNIQUE_SHARED``)."""
    if os.environ.get("COMMUNIQUE_SHARED"):
        return Path(os.environ["COMMUNIQUE_SHARED"]).resolve()
    here = (start or Path(__file__)).resolve()
    for parent in [Path.cwd(), *here.parents]:
        cand = parent / "shared" if (parent / "shared" / "eval").is_dir() else parent.parent / "shared"
        if (cand / "eval" / "score.py").is_file():
            return cand
    raise FileNotFoundError("cannot find ../shared/eval/score.py; set COMMUNIQUE_SHARED")


def datasets(shared: Path) -> list[tuple[str, str]]:
    root = shared / "eval" / "data"
    return sorted((t.name, d.name) for t in root.iterdir() if t.is_dir()
                  for d in t.iterdir() if (d / "docs.jsonl").is_file() and (d / "gold.jsonl").is_file())


def run_dataset(task: str, dataset: str, *, shared: Path, out_dir: Path, pipeline=None,
                full_parse: bool = False) -> Result:
    """Extract one dev set, score it, and return the scorer's figures."""
    from .errors import CommuniqueError
    from .ingest import read_inputs
    from .pipeline import Pipeline
    from .schema import to_json

    data = shared / "eval" / "data" / task / dataset
    pred = out_dir / f"{task}-{dataset}.jsonl"
    out_dir.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline(pipeline.resources if pipeline else None, stages=TASK_STAGES[task],
                        full_parse=full_parse)
    # Dev sets are English by construction; the language check is for real-world input.
    pipeline.require_english = False
    t0 = time.perf_counter()
    docs = failed = 0
    with pred.open("wb") as f:
        for r in pipeline.run_many(read_inputs([data / "docs.jsonl"])):
            if isinstance(r, CommuniqueError):
                failed += 1
                print(f"  {task}/{dataset}: {r.message}", file=sys.stderr)
                continue
            docs += 1
            f.write(to_json(r) + b"\n")
    seconds = time.perf_counter() - t0
    metrics = score(task, data / "gold.jsonl", pred, shared=shared)
    head = _headline(task, shared)
    return Result(task, dataset, head, float(metrics.get(head, 0.0)), metrics, seconds, docs, failed)


def score(task: str, gold: Path, pred: Path, *, shared: Path) -> dict:
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), task, "--gold", str(gold),
                           "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _headline(task: str, shared: Path) -> str:
    # The assignment, not a docstring line that happens to start with the word.
    src = (shared / "eval" / "scorers" / f"{task}.py").read_text(encoding="utf-8")
    m = re.search(r"^HEADLINE\s*=\s*[\"'](\w+)[\"']\s*$", src, re.MULTILINE)
    if not m:
        raise ValueError(f"scorer {task} declares no HEADLINE")
    return m.group(1)


def _worker(args: tuple[list[tuple[str, str]], str, str, bool]) -> list[Result]:
    items, shared, out_dir, full_parse = args
    from .pipeline import Pipeline

    pipeline = Pipeline()
    return [run_dataset(t, d, shared=Path(shared), out_dir=Path(out_dir), pipeline=pipeline, full_parse=full_parse)
            for t, d in items]


def evaluate(selected: list[tuple[str, str]] | None = None, *, shared: Path | None = None,
             out_dir: Path = Path(".bench/pred"), workers: int = 1, full_parse: bool = False) -> list[Result]:
    """Every (or each selected) dev set, spread over ``workers`` processes."""
    shared = shared or find_shared()
    todo = selected or datasets(shared)
    if workers <= 1 or len(todo) == 1:
        return _worker((todo, str(shared), str(out_dir), full_parse))
    # Deal the datasets out so each process gets a similar share of the work.
    buckets: list[list[tuple[str, str]]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for item in sorted(todo, key=lambda i: -_cost(shared, *i)):
        k = loads.index(min(loads))
        buckets[k].append(item)
        loads[k] += _cost(shared, *item)
    with ProcessPoolExecutor(workers) as pool:
        results = [r for rs in pool.map(_worker, [(b, str(shared), str(out_dir), full_parse) for b in buckets if b]) for r in rs]
    order = {item: i for i, item in enumerate(todo)}
    return sorted(results, key=lambda r: order[(r.task, r.dataset)])


def _cost(shared: Path, task: str, dataset: str) -> int:
    return (shared / "eval" / "data" / task / dataset / "docs.jsonl").stat().st_size * (1 + len(TASK_STAGES[task]))


def format_table(results: list[Result]) -> str:
    rows = [("task", "dataset", "headline", "value", "key metrics", "docs", "seconds")]
    for r in results:
        keys = " ".join(f"{k}={r.metrics[k]:.3f}" for k in KEY_METRICS.get(r.task, ()) if k in r.metrics)
        rows.append((r.task, r.dataset, r.headline, f"{r.value:.4f}", keys,
                     f"{r.docs}" + (f" ({r.failed} failed)" if r.failed else ""), f"{r.seconds:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows)
