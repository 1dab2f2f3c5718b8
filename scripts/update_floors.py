#!/usr/bin/env python3
"""Raise the accuracy floors in tests/accuracy_floors.json to today's measured figures.

    python scripts/update_floors.py                # measure every dev set; raise floors only
    python scripts/update_floors.py --lower "why"  # also lower floors that dropped, recording why

A floor is set a hair below the measured figure (``--margin``, default 0.005) so that harmless
jitter (e.g. a tie broken differently) does not fail the gate; it never goes down silently.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from communique import evaluate as ev

FLOORS_FILE = Path(__file__).resolve().parents[1] / "tests" / "accuracy_floors.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lower", metavar="REASON", help="allow lowering floors, recording REASON")
    ap.add_argument("--margin", type=float, default=0.005)
    ap.add_argument("-j", "--workers", type=int, default=2)
    a = ap.parse_args()

    data = json.loads(FLOORS_FILE.read_text()) if FLOORS_FILE.exists() else {"floors": {}, "lowered": []}
    floors = data["floors"]
    results = ev.evaluate(workers=a.workers)
    print(ev.format_table(results))
    for r in results:
        wanted = {r.headline, *ev.KEY_METRICS.get(r.task, ())} - {"median_error_km"}
        current = floors.setdefault(r.name, {})
        for metric in sorted(wanted):
            if metric not in r.metrics:
                continue
            if r.metrics[metric] <= 0.0 and not current.get(metric):
                current.pop(metric, None)  # the set does not measure it: a floor of 0 could never fail
                continue
            new = max(0.0, round(r.metrics[metric] - a.margin, 4))
            old = current.get(metric)
            if old is None or new > old:
                current[metric] = new
            elif new < old - 1e-9 and r.metrics[metric] < old:
                if not a.lower:
                    print(f"kept {r.name} {metric} at {old} (measured {r.metrics[metric]:.4f}); use --lower REASON")
                    continue
                data.setdefault("lowered", []).append(
                    {"date": dt.date.today().isoformat(), "set": r.name, "metric": metric,
                     "from": old, "to": new, "reason": a.lower})
                current[metric] = new
    FLOORS_FILE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {FLOORS_FILE}")


if __name__ == "__main__":
    main()
