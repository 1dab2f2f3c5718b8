"""The parallel runner: same results as the in-process pipeline, in input order, errors included."""
from __future__ import annotations

import pytest

from communique.errors import CommuniqueError, DocumentError, InputError
from communique.pipeline import Pipeline
from communique.runner import RunOptions, pack_error, run_parallel, unpack_error
from communique.schema import InputRecord


def test_errors_cross_process_boundaries_intact():
    for err in (InputError("E002", origin="empty.txt"),
                DocumentError("E021", origin="a.jsonl:3", doc_id="fr", stage="clean", detail="fr")):
        back = unpack_error(pack_error(err))
        assert type(back) is type(err)
        assert (back.code, back.origin, back.doc_id, back.stage, back.reason, back.message) == \
            (err.code, err.origin, err.doc_id, err.stage, err.reason, err.message)
        assert str(back) == str(err)


TEXTS = [
    "Kenya and Uganda signed a water sharing pact in Nairobi on Tuesday, officials said.",
    "Police in Lima arrested twelve protesters on Monday after a march on the parliament.",
    "Norway pledged new aid to Sudan last week, the foreign ministry said in a statement.",
    "Le gouvernement français a annoncé hier de nouvelles mesures pour soutenir les agriculteurs.",
    "The foreign ministers of Peru and Chile will meet in Santiago next month to discuss fishing rights.",
    "India and Nepal agreed on Friday to build a new rail link between their capitals.",
]


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_give_what_one_pipeline_gives_in_input_order(resources):
    items = [InputRecord(id=f"t{i}", text=t, origin=f"mem:{i}") for i, t in enumerate(TEXTS)]
    items.insert(2, InputError("E002", origin="empty.txt"))
    local = list(Pipeline(resources, stages=["times"]).run_many(items))
    parallel = list(run_parallel(items, workers=2, options=RunOptions(stages=("times",)), chunk_size=2))

    assert len(parallel) == len(items)
    for mine, theirs in zip(parallel, local):
        if isinstance(theirs, CommuniqueError):
            assert isinstance(mine, CommuniqueError) and mine.message == theirs.message
        else:
            assert mine == theirs
    kinds = [getattr(r, "code", None) or r.id for r in parallel]
    assert kinds == ["t0", "t1", "E002", "t2", "E021", "t4", "t5"]
