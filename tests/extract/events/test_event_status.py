"""Status: reported, planned, hypothetical, negated -- and what PLOVER makes of each."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def only(events, etype):
    hits = [e for e in events if etype in e.event[:2]]
    assert len(hits) == 1, [(e.event, e.status, e.reason) for e in events]
    return hits[0]


def test_negated_attack(code, mk):
    text = "Israeli soldiers did not attack the village of Beit Ummar on Monday."
    ev = only(code(text), "ASSAULT")
    assert ev.status == "negated"
    assert ev.cameo and ev.cameo.startswith("19")
    assert "negation" in ev.reason


def test_negated_attack_is_not_dated_as_happened(code, mk):
    ev = only(code("The rebels did not attack the town."), "ASSAULT")
    assert ev.status == "negated" and ev.date is None  # no publication date for a non-event


def test_reported_attack_takes_the_publication_date(code, mk):
    ev = only(code("The rebels attacked the town."), "ASSAULT")
    assert ev.status == "reported" and ev.date == "2014-01-13"
    assert "publication date" in ev.reason


def test_planned_meeting_is_agree_with_consult(code, mk):
    text = "Kerry and Lavrov will meet in Geneva on Friday."
    acts = [mk.actor(text, "A1", ["Kerry"], code="USA", kind="person"),
            mk.actor(text, "A2", ["Lavrov"], code="RUS", kind="person")]
    ev = only(code(text, actors=acts, times=[mk.time(text, "Friday", "2014-01-17")],
                   places=[mk.place(text, "P1", "Geneva", country="CHE")]), "CONSULT")
    assert ev.status == "planned"
    assert ev.event == ["AGREE", "CONSULT"] and ev.cameo == "036"
    assert ev.date == "2014-01-17"
    assert ev.event_loc is not None and ev.event_loc.extracted_place == "Geneva"
    assert {a.ref for a in ev.actor} == {"A1", "A2"}


def test_conference_to_be_held_is_planned_with_its_date_and_place(code, mk):
    text = "The ministers discussed the peace conference, to be held in Montreux on January 22."
    ev = [e for e in code(text, times=[mk.time(text, "January 22", "2014-01-22")],
                          places=[mk.place(text, "P1", "Montreux", country="CHE")])
          if "CONSULT" in e.event[:2] and e.status == "planned"]
    assert ev, "no planned conference"
    assert ev[0].date == "2014-01-22" and ev[0].event_loc.extracted_place == "Montreux"


def test_conditional_offer_is_hypothetical(code, mk):
    text = "The rebels said they would release the hostages if the army withdrew from the city."
    events = code(text)
    ev = only(events, "AGREE")
    assert ev.status == "hypothetical"
    assert ev.date is None
    assert not any(e.status == "reported" and e.event[0] == "RETREAT" for e in events)


def test_condition_itself_is_no_event(code, mk):
    events = code("Iran will attend the talks if Washington lifts the sanctions.")
    assert not any(e.event[0] in ("CONCEDE", "RETREAT", "SANCTION") for e in events), \
        [(e.event, e.reason) for e in events]


def test_wont_attend_is_a_reported_rejection(code, mk):
    text = "The Syrian National Council said it won't attend."
    acts = [mk.actor(text, "A1", ["Syrian National Council"], code="SYR", sector="OPP", kind="organization")]
    ev = only(code(text, actors=acts), "REJECT")
    assert ev.status == "reported" and ev.event == ["REJECT"] and ev.cameo == "125"
    assert [a.ref for a in ev.actor] == ["A1"]  # "it" -> the subject of "said"


def test_hoped_is_hypothetical(code, mk):
    ev = only(code("The president hoped to visit Moscow next year."), "CONSULT")
    assert ev.status == "hypothetical"


def test_embedded_possibility_gives_no_event(code, mk):
    events = code("They stressed the importance of both sides attending the talks.")
    assert not [e for e in events if "CONSULT" in e.event[:2]], [(e.event, e.reason) for e in events]


def test_whether_clause_gives_no_event(code, mk):
    assert code("It is still not clear whether opposition groups will attend the talks.") == []


def test_planned_strike_by_a_state_is_a_threat(code, mk):
    ev = only(code("Greece plans to impose restrictions on its labour market."), "THREATEN")
    assert ev.status == "planned" and ev.event[0] == "THREATEN"


def test_not_going_to_attack_is_negated(code, mk):
    ev = only(code("The army is not going to attack the city."), "ASSAULT")
    assert ev.status == "negated" and "negated 'going'" in ev.reason


def test_going_to_attack_is_planned_not_done(code, mk):
    evs = code("Rebels are going to attack the city.")
    ev = only(evs, "ASSAULT")
    assert ev.status == "planned" and ev.event[0] == "THREATEN"


def test_not_hesitating_to_attack_is_attacking(code, mk):
    ev = only(code("The army did not hesitate to attack the city."), "ASSAULT")
    assert ev.status == "reported"


def test_was_to_have_met_did_not_happen(code, mk):
    text = "Kerry was to have met Lavrov in Geneva on Friday."
    acts = [mk.actor(text, "A1", ["Kerry"], code="USA", kind="person"),
            mk.actor(text, "A2", ["Lavrov"], code="RUS", kind="person")]
    ev = only(code(text, actors=acts), "CONSULT")
    assert ev.status == "hypothetical"
