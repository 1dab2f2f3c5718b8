"""Who did it to whom: subjects and objects, passives, compounds, possessives, pronouns."""
from __future__ import annotations

import pytest

from .conftest import first

pytestmark = pytest.mark.model


def refs(ents):
    return [e.ref for e in ents]


def test_subject_and_object(code, mk):
    text = "Russia condemned Ukraine on Tuesday."
    acts = [mk.actor(text, "A1", ["Russia"], code="RUS"), mk.actor(text, "A2", ["Ukraine"], code="UKR")]
    ev = first(code(text, actors=acts), "ACCUSE")
    assert refs(ev.actor) == ["A1"] and refs(ev.recipient) == ["A2"]
    assert ev.actor[0].code == "RUS" and ev.recipient[0].code == "UKR"
    assert "actor: subject" in ev.reason


def test_passive_swaps_the_roles(code, mk):
    text = "The village was attacked by Syrian troops."
    acts = [mk.actor(text, "A1", ["Syrian troops"], code="SYR", sector="MIL", kind="group")]
    ev = first(code(text, actors=acts), "ASSAULT")
    assert refs(ev.actor) == ["A1"]
    assert "'by' of the passive" in ev.reason


def test_compound_actor(code, mk):
    text = "Kerry and Lavrov met in Paris."
    acts = [mk.actor(text, "A1", ["Kerry"], code="USA", kind="person"),
            mk.actor(text, "A2", ["Lavrov"], code="RUS", kind="person")]
    ev = first(code(text, actors=acts), "CONSULT")
    assert set(refs(ev.actor)) == {"A1", "A2"}  # PLOVER: all parties of a meeting are actors
    assert ev.recipient == []


def test_talks_with(code, mk):
    text = "Iran held talks with Turkey."
    acts = [mk.actor(text, "A1", ["Iran"], code="IRN"), mk.actor(text, "A2", ["Turkey"], code="TUR")]
    ev = first(code(text, actors=acts), "CONSULT")
    assert {"A1", "A2"} <= set(refs(ev.actor + ev.recipient))


def test_possessive_noun_event(code, mk):
    text = "Lavrov reiterated Russia's support for Iran."
    acts = [mk.actor(text, "A1", ["Lavrov"], code="RUS", kind="person"),
            mk.actor(text, "A2", ["Russia"], code="RUS"), mk.actor(text, "A3", ["Iran"], code="IRN")]
    ev = first(code(text, actors=acts), "SUPPORT")
    assert refs(ev.actor) == ["A2"] and refs(ev.recipient) == ["A3"]
    assert "possessive" in ev.reason


def test_relative_clause_subject(code, mk):
    text = "Police arrested the militants who attacked the checkpoint."
    ev = first(code(text), "COERCE")
    assert ev.actor and ev.actor[0].entity_text == "Police"


def test_apposition_gives_the_name(code, mk):
    text = "One of the groups - the Syrian National Council - rejected the plan."
    acts = [mk.actor(text, "A1", ["Syrian National Council"], code="SYR", sector="OPP", kind="organization")]
    ev = first(code(text, actors=acts), "REJECT")
    assert refs(ev.actor) == ["A1"]


def test_description_resolves_to_office_holders(code, mk):
    text = ("US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov. "
            "The US and Russian foreign ministers called for a truce.")
    acts = [mk.actor(text, "A1", ["John Kerry"], code="USA", sector="GOV", kind="person",
                  office="Secretary of State"),
            mk.actor(text, "A2", ["Sergei Lavrov"], code="RUS", sector="GOV", kind="person",
                  office="Foreign Minister"),
            mk.actor(text, "A3", ["US and Russian foreign ministers"], code="USA", sector="GOV", kind="group")]
    ev = first(code(text, actors=acts), "REQUEST")
    assert set(refs(ev.actor)) == {"A1", "A2"}


def test_demand_addressee(code, mk):
    text = "The UN urged Iran to free the prisoners."
    acts = [mk.actor(text, "A1", ["UN"], code="IGO", kind="organization"), mk.actor(text, "A2", ["Iran"], code="IRN")]
    ev = first(code(text, actors=acts), "REQUEST")
    assert refs(ev.actor) == ["A1"] and refs(ev.recipient) == ["A2"]
    assert ev.cameo == "1053"  # demand release of persons


def test_demand_that_names_its_recipient_in_the_clause(code, mk):
    text = ("The rebel party issued a declaration demanding that the Turkish government provide "
            "information on the safety of its leader.")
    acts = [mk.actor(text, "A1", ["The rebel party"], sector="REB", kind="organization"),
            mk.actor(text, "A2", ["the Turkish government"], code="TUR", sector="GOV", kind="organization")]
    ev = first(code(text, actors=acts), "REQUEST")
    assert refs(ev.recipient) == ["A2"]  # not "information", the object of what is demanded
    assert "subject of 'provide'" in ev.reason
    assert refs(ev.actor) == ["A1"]  # "issued a declaration demanding": who issued it demands


def test_a_demand_noun_names_its_recipient_in_the_clause(code, mk):
    text = "The labour agency reiterated its demand today that Israel ease restrictions on workers."
    acts = [mk.actor(text, "A1", ["The labour agency"], code="IGO", sector="GOV", kind="organization"),
            mk.actor(text, "A2", ["Israel"], code="ISR")]
    ev = first(code(text, actors=acts), "REQUEST")
    assert refs(ev.recipient) == ["A2"]
    assert "subject of 'ease'" in ev.reason


def test_the_dative_to_names_the_recipient(code, mk):
    # the parser labels this "to" ``dative``, not ``prep``
    text = "Norway has given 20 million dollars to Sudan, the foreign ministry said on Monday."
    acts = [mk.actor(text, "A1", ["Norway"], code="NOR"), mk.actor(text, "A2", ["Sudan"], code="SDN")]
    ev = first(code(text, actors=acts), "AID")
    assert refs(ev.recipient) == ["A2"]
    assert "'to' of 'given'" in ev.reason


def test_a_dative_place_codes_the_recipient(code, mk):
    # "Haiti" is a place, not an actor: the recipient is coded from it
    text = "Japan has given 20 million dollars to Haiti, which is struggling after the storm, the ministry said."
    ev = first(code(text, actors=[mk.actor(text, "A1", ["Japan"], code="JPN")],
                    places=[mk.place(text, "P1", "Haiti", country="HTI")]), "AID")
    assert [r.code for r in ev.recipient] == ["HTI"]
    assert [r.entity_text for r in ev.recipient] == ["Haiti"]


def test_a_preposition_stranded_by_a_reduced_relative_keeps_its_object(code, mk):
    # "officers holed up in ..." is parsed as a clause whose subject is "officers", leaving
    # "to" without an object
    text = ("Ecuador has granted diplomatic asylum to three Peruvian navy officers holed up in an "
            "embassy since the revolt, the Ecuadorean embassy said on Monday.")
    acts = [mk.actor(text, "A1", ["Ecuador"], code="ECU"),
            mk.actor(text, "A2", ["Peruvian navy officers"], code="PER", sector="MIL", kind="group")]
    ev = first(code(text, actors=acts), "AID")
    assert refs(ev.recipient) == ["A2"]


def test_the_weapon_fired_is_not_the_recipient(code, mk):
    text = "Ethiopian troops launched artillery, mortar and rocket fire against Eritrean positions near the border."
    acts = [mk.actor(text, "A1", ["Ethiopian troops"], code="ETH", sector="MIL", kind="group"),
            mk.actor(text, "A2", ["artillery"], code="ETH", sector="MIL", kind="group"),
            mk.actor(text, "A3", ["Eritrean positions"], code="ERI", sector="MIL", kind="group")]
    ev = first(code(text, actors=acts), "ASSAULT")
    assert refs(ev.actor) == ["A1"] and refs(ev.recipient) == ["A3"]


def test_a_threat_is_aimed_at_whoever_must_meet_its_condition(code, mk):
    text = "China has threatened to halt the trade talks if Japan goes ahead with the planned missile tests."
    acts = [mk.actor(text, "A1", ["China"], code="CHN"), mk.actor(text, "A2", ["Japan"], code="JPN")]
    ev = first(code(text, actors=acts), "THREATEN")
    assert refs(ev.actor) == ["A1"] and refs(ev.recipient) == ["A2"]
    assert "subject of the condition" in ev.reason


def test_a_demanded_withdrawal_is_demanded_of_who_is_to_withdraw(code, mk):
    text = "Arab League ministers demanded the withdrawal of Israeli forces from Lebanon on Monday."
    acts = [mk.actor(text, "A1", ["Arab League ministers"], code="IGO", sector="GOV", kind="organization"),
            mk.actor(text, "A2", ["Israeli forces"], code="ISR", sector="MIL", kind="group"),
            mk.actor(text, "A3", ["Lebanon"], code="LBN")]
    ev = first(code(text, actors=acts), "REQUEST")
    assert refs(ev.recipient) == ["A2"]  # not Lebanon, whence they are to withdraw


def test_a_participle_after_a_passive_is_done_by_its_agent(code, mk):
    text = "A police station was attacked by Maoist rebels on Sunday, killing nine officers."
    acts = [mk.actor(text, "A1", ["Maoist rebels"], code="NPL", sector="REB", kind="group")]
    kills = [e for e in code(text, actors=acts) if e.trigger.text == "killing"]
    assert kills and refs(kills[0].actor) == ["A1"]  # not the police station
    assert "'by' of 'attacked'" in kills[0].reason


def test_a_target_is_coded_by_whom_it_is_for(code, mk):
    text = "A camp for Somali refugees was attacked by gunmen on Sunday."
    ev = first(code(text), "ASSAULT")
    assert [r.code for r in ev.recipient] == ["SOM"]
    assert "coded SOM from 'Somali'" in ev.reason


def test_an_investigation_is_of_whoever_did_what_is_investigated(code, mk):
    text = "Serbia is investigating alleged war crimes by Serbian police against ethnic Albanians."
    acts = [mk.actor(text, "A1", ["Serbia"], code="SRB"),
            mk.actor(text, "A2", ["Serbian police"], code="SRB", sector="COP", kind="group"),
            mk.actor(text, "A3", ["ethnic Albanians"], code="ALB", sector="CVL", kind="group")]
    ev = first(code(text, actors=acts), "ACCUSE")
    assert refs(ev.recipient) == ["A2"]


def test_parties_between_are_recipients_each_coded_from_its_own_words(code, mk):
    # "a meeting" holds a place in its phrase but is no party; each conjunct is coded from its
    # own words, not from a place in the other's name
    text = ("King Abdullah said he would host a meeting between an Israeli peace group and "
            "the Palestine Liberation Organization.")
    acts = [mk.actor(text, "A1", ["King Abdullah"], code="JOR", sector="GOV", kind="person"),
            mk.actor(text, "A2", ["the Palestine Liberation Organization"], code="PSE", sector="REB",
                     kind="organization")]
    evs = code(text, actors=acts, places=[mk.place(text, "P1", "Palestine", country="PSE")])
    ev = first(evs, "CONSULT")
    assert sorted(r.code for r in ev.recipient) == ["ISR", "PSE"], ev.reason


def test_a_participle_between_commas_is_passive(code, mk):
    # the parser makes "smugglers" the subject of "accused"; they are the ones accused
    text = ("Twelve drug smugglers, also accused of armed robbery and murder, have been hanged in "
            "eastern Iran, newspapers reported Sunday.")
    acts = [mk.actor(text, "A1", ["Twelve drug smugglers"], code="IRN", sector="CRM", kind="group")]
    ev = first(code(text, actors=acts), "ACCUSE")
    assert refs(ev.recipient) == ["A1"] and "A1" not in refs(ev.actor)


def test_who_suffers_an_act_is_its_recipient(code, mk):
    text = "The opposition leader suffered torture in prison under the military government."
    acts = [mk.actor(text, "A1", ["The opposition leader"], sector="OPP", kind="person")]
    ev = first(code(text, actors=acts), "ASSAULT")
    assert refs(ev.recipient) == ["A1"] and "A1" not in refs(ev.actor)


def test_what_a_meeting_discusses_is_no_party_to_it(code, mk):
    text = "EU ministers meet in Brussels on Monday to discuss a European Commission proposal on Turkey."
    acts = [mk.actor(text, "A1", ["EU ministers"], code="IGO", sector="GOV", kind="group"),
            mk.actor(text, "A2", ["European Commission"], code="IGO", sector="GOV", kind="organization")]
    ev = first(code(text, actors=acts), "CONSULT")
    assert refs(ev.actor) == ["A1"] and not ev.recipient


def test_a_participle_after_a_noun_is_done_by_the_noun(code, mk):
    text = "Students protesting in the capital clashed with police on Monday."
    acts = [mk.actor(text, "A1", ["Students"], code="KEN", sector="EDU", kind="group")]
    protests = [e for e in code(text, actors=acts) if e.trigger.text == "protesting"]
    assert protests and refs(protests[0].actor) == ["A1"], [(e.event, e.reason) for e in code(text, actors=acts)]


def test_a_place_someone_is_against_does_not_code_them(code, mk):
    text = "An anti-Syria politician was killed in a car bomb explosion in Beirut on Monday."
    ev = first(code(text, places=[mk.place(text, "P1", "Syria", country="SYR"),
                                  mk.place(text, "P2", "Beirut", country="LBN")]), "ASSAULT")
    assert [r.code for r in ev.recipient] == ["LBN"], ev.reason  # where it happened, not Syria


def test_an_ally_is_not_its_owner(code, mk):
    text = "Guerrillas killed the deputy commander of Israel's militia ally in south Lebanon on Sunday."
    acts = [mk.actor(text, "A1", ["Guerrillas"], code="LBN", sector="REB", kind="group")]
    ev = first(code(text, actors=acts, places=[mk.place(text, "P1", "Lebanon", country="LBN")]), "ASSAULT")
    assert [r.code for r in ev.recipient] == ["LBN"], ev.reason


def test_a_targets_own_nationality_comes_before_where_it_is(code, mk):
    text = "Gunmen attacked a Sudanese refugee camp in Chad on Monday."
    ev = first(code(text, places=[mk.place(text, "P1", "Chad", country="TCD")]), "ASSAULT")
    assert [r.code for r in ev.recipient] == ["SDN"], ev.reason
    text = "Gunmen attacked security forces in Chad on Monday."
    ev = first(code(text, places=[mk.place(text, "P1", "Chad", country="TCD")]), "ASSAULT")
    assert [r.code for r in ev.recipient] == ["TCD"], ev.reason


def test_coordinated_nationalities_of_one_head_are_each_a_party(code, mk):
    text = "Rebels attacked French and Belgian troops in the north on Monday."
    acts = [mk.actor(text, "A1", ["Rebels"], sector="REB", kind="group"),
            mk.actor(text, "A2", ["French and Belgian troops"], code="FRA", sector="MIL", kind="group")]
    ev = first(code(text, actors=acts), "ASSAULT")
    assert [(r.ref, r.code) for r in ev.recipient] == [("A2", "FRA"), ("A2", "BEL")]
