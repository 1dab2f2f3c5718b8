"""The accuracy gate: every dev set in ../shared/eval/data, scored by ../shared/eval/score.py,
must stay at or above the floors pinned in accuracy_floors.json.

Floors are raised with ``python scripts/update_floors.py`` after a measured improvement; that
script never lowers a floor unless told to with a reason, which it records in the file.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique import evaluate as ev

FLOORS_FILE = Path(__file__).with_name("accuracy_floors.json")
FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["floors"]

pytestmark = [pytest.mark.shared, pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="session")
def results(shared, tmp_path_factory):
    todo = [tuple(name.split("/")) for name in FLOORS]
    out = tmp_path_factory.mktemp("pred")
    return {r.name: r for r in ev.evaluate(todo, shared=shared, out_dir=out, workers=2)}


def test_every_dev_set_is_gated(shared):
    assert sorted(FLOORS) == sorted(f"{t}/{d}" for t, d in ev.datasets(shared))


@pytest.mark.parametrize("name,metric", [(n, m) for n, ms in FLOORS.items() for m in ms])
def test_floor(results, name, metric):
    r = results[name]
    assert r.failed == 0, f"{name}: {r.failed} document(s) failed"
    value = r.metrics[metric]
    assert value >= FLOORS[name][metric] - 1e-9, f"{name} {metric} = {value:.4f} fell below its floor {FLOORS[name][metric]:.4f}"
