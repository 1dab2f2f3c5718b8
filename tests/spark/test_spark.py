"""Spark in local mode gives the same records as the local pipeline on the same inputs."""
from __future__ import annotations

import json
import shutil

import pytest

from communique.errors import CommuniqueError
from communique.ingest import read_inputs
from communique.pipeline import Pipeline
from communique.runner import RunOptions

pytest.importorskip("pyspark", reason="pyspark is an optional extra: pip install 'communique[spark]'")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17) on the PATH", allow_module_level=True)

pytestmark = [pytest.mark.model, pytest.mark.slow]

TEXTS = {
    "a": "Kenya and Uganda signed a water sharing pact in Nairobi on Tuesday, officials said.",
    "b": "Police in Lima arrested twelve protesters on Monday after a march on the parliament.",
    "c": "Norway pledged new aid to Sudan last week, the foreign ministry said in a statement.",
    "d": "The foreign ministers of Peru and Chile will meet in Santiago next month to discuss fishing.",
}
FRENCH = "Le gouvernement français a annoncé hier de nouvelles mesures pour soutenir les agriculteurs."


def test_spark_local_mode_equals_the_local_runner(tmp_path, resources, monkeypatch):
    from communique.spark import read_output, run_spark

    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXTS["a"])
    (src / "b.txt").write_text(TEXTS["b"])
    (src / "empty.txt").write_text("")
    (src / "more.jsonl").write_text("".join(json.dumps({"id": k, "text": TEXTS[k]}) + "\n" for k in ("c", "d"))
                                    + json.dumps({"id": "fr", "text": FRENCH}) + "\n")
    out = tmp_path / "out"

    stats = run_spark([str(src)], str(out), master="local[2]", partitions=2, options=RunOptions(stages=("times",)))

    local = list(Pipeline(resources, stages=["times"]).run_many(read_inputs([src])))
    local_docs = sorted((r for r in local if not isinstance(r, CommuniqueError)), key=lambda d: d.id)
    local_errors = sorted((e.origin, e.code) for e in local if isinstance(e, CommuniqueError))
    docs, errors = read_output(out)
    assert (stats.files, stats.documents, stats.errors) == (4, 4, 2)
    assert sorted(docs, key=lambda d: d.id) == local_docs
    assert sorted((e["origin"], e["code"]) for e in errors) == local_errors
    assert [d.id for d in local_docs] == ["a", "b", "c", "d"]
