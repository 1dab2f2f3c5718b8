"""PLOVER conventions that turn on who acts and to what end, and what is no event at all:
reporting constructions, diplomatic protests, cooperation sent abroad, shows of force, verbal
attacks, figures of speech."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def types(events):
    return [e.event[0] for e in events]


def only(events, etype):
    hits = [e for e in events if e.event[0] == etype]
    assert len(hits) == 1, [(e.event, e.reason) for e in events]
    return hits[0]


# -- reporting constructions --------------------------------------------------------------------

def test_according_to_is_no_event(code, mk):
    text = "The missiles flew about 240 kilometres, according to the South Korean military."
    acts = [mk.actor(text, "A1", ["the South Korean military"], code="KOR", sector="MIL", kind="group")]
    evs = code(text, actors=acts)
    assert not any(e.trigger.text.lower() == "according" for e in evs), [e.reason for e in evs]
    assert "AID" not in types(evs)


def test_news_conference_is_no_consultation(code, mk):
    text = "Bolivia's interior minister said at a joint news conference that crime knows no borders."
    acts = [mk.actor(text, "A1", ["Bolivia's interior minister"], code="BOL", sector="GOV", kind="person")]
    assert "CONSULT" not in types(code(text, actors=acts))


def test_a_meeting_is_still_a_consultation(code, mk):
    text = "The foreign minister said at a meeting with Chile's president that the border would reopen."
    acts = [mk.actor(text, "A1", ["The foreign minister"], code="PER", sector="GOV", kind="person"),
            mk.actor(text, "A2", ["Chile's president"], code="CHL", sector="GOV", kind="person")]
    assert "CONSULT" in types(code(text, actors=acts))


# -- PROTEST vs ACCUSE by sector ----------------------------------------------------------------

def test_a_government_protest_is_an_accusation(code, mk):
    text = "Seoul protests after missile launch"
    acts = [mk.actor(text, "A1", ["Seoul"], code="KOR", sector="GOV")]
    ev = only(code(text, actors=acts), "ACCUSE")
    assert ev.cameo == "111" and ev.mode == ["disapprove"]
    assert "diplomatic" in ev.reason


def test_a_civilian_protest_stays_a_protest(code, mk):
    text = "Students protested outside the parliament in Jakarta on Monday."
    acts = [mk.actor(text, "A1", ["Students"], code="IDN", sector="EDU", kind="group")]
    assert only(code(text, actors=acts), "PROTEST").cameo == "141"


def test_a_state_blocking_a_decision_rejects_it(code, mk):
    text = "Hungary blocked the sanctions package on Monday."
    acts = [mk.actor(text, "A1", ["Hungary"], code="HUN")]
    ev = only(code(text, actors=acts), "REJECT")
    assert "PROTEST" not in ev.event


# -- cooperation is not mobilization ------------------------------------------------------------

def test_sending_instructors_is_cooperation_not_a_threat(code, mk):
    text = "Peru's interior minister said his government would also send police instructors to train Bolivian officers."
    acts = [mk.actor(text, "A1", ["Peru's interior minister"], code="PER", sector="GOV", kind="person"),
            mk.actor(text, "A2", ["his government"], code="PER", sector="GOV", kind="group")]
    evs = code(text, actors=acts)
    assert "THREATEN" not in types(evs) and "MOBILIZE" not in types(evs)
    ev = only(evs, "AGREE")
    assert ev.event == ["AGREE", "COOPERATE"] and ev.status == "planned"
    assert "police instructors" not in [r.entity_text for r in ev.recipient]
    assert "Bolivian officers" in [r.entity_text for r in ev.recipient]


def test_troops_sent_against_an_enemy_are_still_a_threat(code, mk):
    text = "Turkey said it would send troops against the Kurdish rebels."
    acts = [mk.actor(text, "A1", ["Turkey"], code="TUR"),
            mk.actor(text, "A2", ["the Kurdish rebels"], code="TUR", sector="REB", kind="group")]
    evs = code(text, actors=acts)
    assert "THREATEN" in types(evs), [(e.event, e.reason) for e in evs]


def test_missiles_fired_into_the_sea_are_a_show_of_force(code, mk):
    text = "North Korea launched two ballistic missiles into the sea on Thursday."
    acts = [mk.actor(text, "A1", ["North Korea"], code="PRK")]
    ev = only(code(text, actors=acts), "MOBILIZE")
    assert ev.cameo == "150" and ev.mode == ["weapons"]
    assert not any("missiles" in (r.entity_text or "") for r in ev.recipient)


def test_missiles_fired_at_a_party_are_an_assault(code, mk):
    text = "Hamas fired rockets at Israel on Thursday."
    acts = [mk.actor(text, "A1", ["Hamas"], code="PSE", sector="REB", kind="group"),
            mk.actor(text, "A2", ["Israel"], code="ISR")]
    assert "ASSAULT" in types(code(text, actors=acts))


# -- what is said is not fought -----------------------------------------------------------------

def test_attacking_someone_for_a_policy_is_criticism(code, mk):
    text = "The senator attacked Washington for its continued arms sales to Taipei."
    acts = [mk.actor(text, "A1", ["The senator"], code="USA", sector="LEG", kind="person"),
            mk.actor(text, "A2", ["Washington"], code="USA", sector="GOV")]
    evs = code(text, actors=acts)
    assert "ASSAULT" not in types(evs)
    assert only(evs, "ACCUSE").cameo == "111"


def test_attacked_on_a_day_is_still_an_attack(code, mk):
    # "on Sunday" says when, not the no-party target of a verbal attack
    text = "A market was attacked by gunmen on Sunday."
    acts = [mk.actor(text, "A1", ["gunmen"], sector="UAF", kind="group")]
    evs = code(text, actors=acts, times=[mk.time(text, "Sunday", "2014-01-12")])
    assert "ACCUSE" not in types(evs)
    assert only(evs, "ASSAULT")


def test_fighting_corruption_is_no_assault(code, mk):
    text = "The new prime minister vowed that the government was fighting corruption."
    acts = [mk.actor(text, "A1", ["The new prime minister"], code="KEN", sector="GOV", kind="person")]
    assert "ASSAULT" not in types(code(text, actors=acts))


def test_a_threat_to_a_thing_is_a_figure_of_speech(code, mk):
    text = "The strike by dockers threatens the economy, the minister said."
    assert "THREATEN" not in types(code(text))


def test_a_threat_posed_is_nobody_threatening(code, mk):
    text = "Japan's defence ministry said the launch posed no immediate threat to Japanese territory."
    acts = [mk.actor(text, "A1", ["Japan's defence ministry"], code="JPN", sector="GOV", kind="group")]
    assert "THREATEN" not in types(code(text, actors=acts))


def test_a_show_of_contempt_is_no_demonstration(code, mk):
    text = "The ruling was a stark demonstration of Iran's contempt for human rights, the envoy said."
    assert "PROTEST" not in types(code(text))


def test_an_event_noun_naming_a_kind_of_thing_is_no_event(code, mk):
    text = "An appeals court in Hanoi upheld the sentence on Tuesday."
    assert "REQUEST" not in types(code(text))


def test_a_market_rally_is_no_protest(code, mk):
    text = "The dollar rallied on Tuesday because interest rates were higher."
    assert "PROTEST" not in types(code(text))


# -- governors ----------------------------------------------------------------------------------

def test_ruling_out_sending_troops_is_a_refusal(code, mk):
    text = "Hungary on Wednesday ruled out sending troops to Albania."
    acts = [mk.actor(text, "A1", ["Hungary"], code="HUN"), mk.actor(text, "A2", ["Albania"], code="ALB")]
    evs = code(text, actors=acts)
    assert types(evs)[:1] == ["REJECT"], [(e.event, e.reason) for e in evs]


def test_deciding_not_to_support_is_a_refusal(code, mk):
    text = "Paris announced its decision not to support the motion."
    acts = [mk.actor(text, "A1", ["Paris"], code="FRA", sector="GOV")]
    evs = code(text, actors=acts)
    assert "REJECT" in types(evs) and "AGREE" not in types(evs)


def test_a_demand_without_a_coded_content_is_a_request(code, mk):
    text = "An Islamic council called on Muslims to take up arms against Russia."
    acts = [mk.actor(text, "A1", ["Muslims"], kind="group", sector="REL")]
    ev = only(code(text, actors=acts), "REQUEST")
    assert ev.cameo == "100" and [r.ref for r in ev.recipient] == ["A1"]


def test_committing_an_attack_is_the_attack(code, mk):
    text = "Police said the man committed the attack on the concert hall."
    evs = code(text)
    assert "THREATEN" not in types(evs) and "ASSAULT" in types(evs)


def test_meeting_with_leaders_is_a_meeting_not_a_promise(code, mk):
    text = "Albright on Friday met with three leaders of the Serbian opposition."
    acts = [mk.actor(text, "A1", ["Albright"], code="USA", sector="GOV", kind="person"),
            mk.actor(text, "A2", ["three leaders of the Serbian opposition"], code="SRB", sector="OPP",
                     kind="group")]
    assert types(code(text, actors=acts)) == ["CONSULT"]


def test_withdrawing_support_is_a_sanction(code, mk):
    text = "The Congress party withdrew its support to the coalition government on Sunday."
    acts = [mk.actor(text, "A1", ["The Congress party"], code="IND", sector="PTY", kind="group")]
    evs = code(text, actors=acts)
    assert "SUPPORT" not in types(evs) and "SANCTION" in types(evs)


def test_an_attack_on_a_place_is_physical(code, mk):
    # "the city" is no party, but an attack on a place is no criticism of an idea
    evs = code("The army attacked the city on Monday.")
    assert "ACCUSE" not in types(evs)
    assert only(evs, "ASSAULT")


def test_a_broadcast_monitored_is_no_investigation(code, mk):
    text = "The radio said in a report monitored by the BBC that the talks had stalled."
    assert "ACCUSE" not in types(code(text))


def test_a_cricket_dismissal_is_no_event(code, mk):
    text = "Ntini dismissed the opener for a duck with his second ball to leave Australia on 0-1."
    assert not code(text, actors=[mk.actor(text, "A1", ["Australia"], code="AUS")])


@pytest.mark.parametrize("text", [
    "Asked about the possibility of new sanctions, the minister said Iran had been warned.",
    "Asked if the raid had wiped out the rebel group, the general said its leader was at large.",
    "Asked to describe the talks by reporters, Lavrov said they had been useful.",
])
def test_a_reporters_question_is_no_request(code, mk, text):
    assert "REQUEST" not in types(code(text))


def test_asking_someone_to_act_is_still_a_request(code, mk):
    text = "The United States asked Iran to release the sailors."
    acts = [mk.actor(text, "A1", ["The United States"], code="USA"), mk.actor(text, "A2", ["Iran"], code="IRN")]
    assert only(code(text, actors=acts), "REQUEST")


def test_charging_a_price_is_no_accusation(code, mk):
    assert "ACCUSE" not in types(code("The banks are charging a percentage of the profits and a fee."))


def test_an_anti_x_attack_is_aimed_at_x(code, mk):
    text = "The decision sparked a string of anti-Israeli bombings."
    ev = only(code(text), "ASSAULT")
    assert [r.code for r in ev.recipient] == ["ISR"] and not [a for a in ev.actor if a.code == "ISR"]


@pytest.mark.parametrize("text, victims, country", [
    ("An earthquake measuring 6.1 hit the western Chinese region of Tibet on Friday, killing four "
     "people, the State Seismological Bureau said.", "four people", "CHN"),
    ("Three people were killed and two injured when their bus was hit by an avalanche in the Russian "
     "republic of Dagestan, Itar-Tass reported.", "Three people", "RUS"),
])
def test_deaths_in_a_disaster_or_accident_are_no_assault(code, mk, text, victims, country):
    acts = [mk.actor(text, "A1", [victims], code=country, sector="CVL", kind="group")]
    assert "ASSAULT" not in types(code(text, actors=acts))


def test_an_armed_attack_in_a_storm_is_still_an_assault(code, mk):
    text = "Gunmen shot dead three soldiers during a storm near the border, the army said."
    assert "ASSAULT" in types(code(text))
    text = "Police stormed the residence and killed the hostage-takers."
    assert "ASSAULT" in types(code(text))
