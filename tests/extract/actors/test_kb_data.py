"""The generated data files: they load, validate, and carry the facts the coder relies on."""
import pytest

from communique.errors import DataError


def test_packaged_kb_loads_and_codes_by_date(actor_kb):
    merkel = actor_kb.resolve("Angela Merkel", date="2010-01-01")
    assert (merkel.code, merkel.sector) == ("DEU", "GOV")
    assert actor_kb.resolve("Angela Merkel", date="2022-01-10").sector == "ELI"
    assert actor_kb.resolve("Kassym-Jomart Tokayev", date="2023-03-31").code == "KAZ"
    assert (actor_kb.resolve("Beijing").code, actor_kb.resolve("Beijing").sector) == ("CHN", "GOV")
    assert actor_kb.resolve("the European Union").code == "IGO"
    assert actor_kb.resolve("paramedic").sector == "MED"  # PLOVER MED is health


def test_missing_data_file_is_a_data_error(monkeypatch):
    from communique.extract.actors import kb

    def broken(name):
        raise DataError("E040", detail=f"actors/{name} (missing)")

    monkeypatch.setattr(kb, "_read", broken)
    with pytest.raises(DataError):
        kb.load_actor_kb()
