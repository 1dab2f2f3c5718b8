"""A tiny hand-made knowledge base, so most actor tests need neither the data files nor the model."""
from __future__ import annotations

import json

import pytest

from communique.extract.actors.kb import ActorKB, Place


def make_kb() -> ActorKB:
    rows = [
        # kind, keys, [name, qid, ranges, default, source]
        ("person", ["angela merkel", "merkel"],
         ["Angela Merkel", "Q567", [["DEU", "GOV", "DEUGOV", "2005-11-22", "2021-07-01"]],
          ["DEU", "ELI", "DEUELI"], "test"]),
        ("person", ["john kerry"],
         ["John Kerry", "", [["USA", "LEG", "USAGOVLEG", "1985-01-03", "2013-02-01"],
                             ["USA", "GOV", "USAGOV", "2013-02-01", ""]], None, "test"]),
        ("person", ["ayman al safadi"], ["Ayman Al Safadi", "", [["JOR", "GOV", "JORGOV", "2010-12-01", ""]],
                                         None, "test"]),
        ("org", ["united nations", "un"], ["United Nations", "", [], ["IGO", "GOV", "IGOUNO"], "test"]),
        ("person", ["bill clinton", "president bill clinton", "bush administration"],
         ["Bill Clinton", "", [["USA", "GOV", "USAGOV", "1993-01-20", "2001-01-20"]],
          ["USA", "ELI", "USAELI"], "test"]),
        ("person", ["hassan"], ["Hassan", "", [], ["JOR", "ELI", "JORELI"], "test"]),
        ("org", ["syrian national coalition"],
         ["Syrian National Coalition", "", [["SYR", "OPP", "SYROPP", "2012-11-01", ""]], None, "test"]),
    ]
    index: dict[str, list[int]] = {}
    for i, (_, keys, _) in enumerate(rows):
        for k in keys:
            index.setdefault(k, []).append(i)
    places = {
        "germany": Place("DEU", "country"), "german": Place("DEU", "country"),
        "russia": Place("RUS", "country"), "russian": Place("RUS", "country"),
        "poland": Place("POL", "country"), "us": Place("USA", "country"),
        "chinese": Place("CHN", "country"), "syria": Place("SYR", "country"),
        "syrian": Place("SYR", "country"), "iran": Place("IRN", "country"),
        "moscow": Place("RUS", "capital"), "sydney": Place("AUS", "city"),
        "abkhazia": Place("GEO", "pre"), "chile": Place("CHL", "country"),
        "palestinians": Place("PSE", "people"),
        "albanians": Place("ALB", "people"), "albanian": Place("ALB", "country"),
        "morocco": Place("MAR", "country"), "jordan": Place("JOR", "country"),
        "usa": Place("USA", "country"),
    }
    agents = {"foreign minister": "GOV", "minister": "GOV", "ministry": "GOV", "ambassador to": "GOV",
              "ambassador": "GOV", "envoy": "GOV", "soldier": "MIL", "soldiers": "MIL",
              "warplane": "MIL", "warplanes": "MIL", "secretary of state": "GOV", "president": "GOV",
              "police": "COP", "protesters": "CVL", "tourists": "CVL", "spokesman": "JRN",
              "governor": "GOV", "king": "GOV", "legislature": "LEG", "group": "UNK", "defense ministry": "GOV",
              "rebel": "REB", "leaders": "GOV", "leader": "GOV", "journalist": "JRN", "administration": "GOV",
              "militias": "UAF", "guerrillas": "REB"}
    given = {"angela": "f", "john": "m", "gabriela": "f", "pete": "m", "phil": "m"}
    return ActorKB(kinds=[r[0] for r in rows], index=index,
                   payloads=[json.dumps(r[2]) for r in rows], places=places,
                   country_names={"DEU": "Germany"}, agents=agents, given_names=given,
                   regions=frozenset({"kent"}))


@pytest.fixture(scope="session")
def tiny_kb() -> ActorKB:
    return make_kb()


@pytest.fixture(scope="session")
def actor_kb():
    from communique.extract.actors import load_actor_kb

    return load_actor_kb()
