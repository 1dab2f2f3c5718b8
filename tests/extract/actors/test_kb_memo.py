"""The role-noun answers the KB remembers are the answers it would give anew."""
from communique.extract.actors import kb as kb_module

from .conftest import make_kb

ASKED = ["ministers", "soldiers", "militias", "guerrilla", "envoys", "police", "nobody", "rebels"]


def test_remembered_answers_equal_fresh_ones(monkeypatch):
    remembering = make_kb()
    first = [remembering.agent(k) for k in ASKED]
    assert first[:3] == ["GOV", "MIL", "UAF"] and first[6] is None  # plural and singular forms
    assert [remembering.agent(k) for k in ASKED] == first
    monkeypatch.setattr(kb_module, "AGENT_MEMO_SIZE", 0)
    forgetting = make_kb()
    assert [forgetting.agent(k) for k in ASKED] == first
    assert not forgetting._agent_memo  # the bound holds
