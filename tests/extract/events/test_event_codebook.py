"""The codebook: loads, validates, and every code it can emit agrees with CAMEO2PLOVER."""
from __future__ import annotations

import gzip
import json
import re
from importlib import resources

import pytest

from communique.errors import DataError
from communique.extract.events import codebook as cbmod
from communique.extract.events.codebook import EVENT_TYPES, stem


def _raw() -> dict:
    ref = resources.files("communique").joinpath("data", "events", cbmod.DATA_FILE)
    return json.loads(gzip.decompress(ref.read_bytes()))


def test_loads(codebook):
    assert "190" in codebook.cameo and codebook.cameo["190"].event == "ASSAULT"
    assert codebook.cameo["036"].event == "AGREE" and codebook.cameo["036"].quad == 1
    assert codebook.cameo["190"].goldstein == -10.0 and codebook.cameo["190"].quad == 4
    assert len(codebook.blocks) > 300 and "meeting" in codebook.nouns


def test_statements_and_appeals_give_no_event(codebook):
    assert not any(c.startswith("01") or c.startswith("02") for c in codebook.cameo)


@pytest.mark.shared
def test_table_agrees_with_cameo2plover(codebook, shared):
    table = {}
    for line in (shared / "reference" / "plover" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    assert table, "table not read"
    for code, info in codebook.cameo.items():
        if code in table:
            assert info.event == table[code], code


def test_derivations_land_in_their_categories(codebook):
    expect = {"intent": {"AGREE"}, "demand": {"REQUEST"}, "refuse": {"REJECT"}, "threat": {"THREATEN"},
              "stop": {"SANCTION", "CONCEDE", "RETREAT", "ASSAULT"}, "accede": {"CONCEDE", "RETREAT"}}
    for kind, table in codebook.derive.items():
        for src, dst in table.items():
            assert codebook.cameo[dst].event in expect[kind], (kind, src, dst)


def test_every_lexicon_code_is_a_plover_code(codebook):
    for entry in codebook.nouns.values():
        assert (entry.code in codebook.cameo) if entry.code else entry.event in EVENT_TYPES
    for b in codebook.blocks:
        assert b.code is None or b.code in codebook.cameo
        for p in b.patterns:
            assert p.code is None or p.code in codebook.cameo


def test_modes_are_plover_modes(codebook):
    for code, info in codebook.cameo.items():
        if info.mode:
            assert info.mode in codebook.plover_modes[info.event], code


def test_bad_file_is_a_data_error(monkeypatch):
    raw = _raw()
    raw["nouns"]["bogus"] = {"code": "999", "standalone": True, "event": "", "mode": ""}
    blob = gzip.compress(json.dumps(raw).encode())

    class Fake:
        def joinpath(self, *parts):
            return self

        def open(self, mode="rb"):
            import io
            return io.BytesIO(blob)

    monkeypatch.setattr(cbmod.resources, "files", lambda pkg: Fake())
    with pytest.raises(DataError) as e:
        cbmod.load_codebook()
    assert e.value.code == "E040"


def test_stem():
    assert stem("attacks") == "attack" and stem("demonstrations") == "demonstration"
    assert stem("parties") == "party" and stem("talks") == "talk" and stem("gas") == "gas"


def test_nationality_words_agree_with_the_actor_kb(codebook):
    from communique.extract.actors import load_actor_kb

    actor_kb = load_actor_kb()
    # the events stage codes unlisted parties from these words; where a word of a state (not a
    # territory coded as its parent) resolves in the actor KB, both must give the same country
    assert codebook.demonyms["congolese"] == "COD" == actor_kb.resolve("Congolese").code
    for word in ("syrian", "iraqi", "russian", "french", "chinese", "nigerian"):
        assert codebook.demonyms[word] == actor_kb.resolve(word).code
