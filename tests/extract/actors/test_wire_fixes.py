"""Mechanisms found on wire copy: datelines, activities named like groups, "they", counterparts,
international bodies by the shape of their names, which countries of a sentence say where a
group is, possessive pronouns, settlers. Sentences written for these tests."""
from __future__ import annotations

import pytest
import spacy

from communique.extract.actors import extract_actors
from communique.extract.datelines import dateline_tokens
from communique.extract.actors.international import function_sector, international_body
from communique.extract.actors.segments import words_of


def _dateline(text: str) -> str:
    doc = spacy.blank("en")(text)
    words, ws = [t.text for t in doc], [t.whitespace_ for t in doc]
    return " ".join(words[i] for i in sorted(dateline_tokens(words, ws)))


@pytest.mark.parametrize("text, dateline", [
    ("LA PAZ (Reuters) - Peru and Bolivia signed.", "LA PAZ ( Reuters ) -"),
    ("Talks\n\nLIMA, May 7 (Reuters) -- Peru signed.", "LIMA , May 7 ( Reuters ) --"),
    ("BEIRUT, Lebanon (AP) \u2014 Jets struck.", "BEIRUT , Lebanon ( AP ) \u2014"),
    ("Paris (AFP) - French police said.", "Paris ( AFP ) -"),
    ("WASHINGTON - The president said.", "WASHINGTON -"),
    ("Peru and Bolivia - a history of talks.", ""),  # running text, no capitals, no agency
    ("The talks - held in Lima - ended.", ""),
    ("Mr Smith (Labour) - said no.", ""),
    ("ARSENAL 2 - CHELSEA 1", ""),  # a score
    ("SOCCER - RESULTS .\nLONDON 1996-08-30\nArsenal won.", "SOCCER - LONDON 1996 - 08 - 30"),
])
def test_datelines(text, dateline):
    assert _dateline(text) == dateline


def test_a_dateline_only_opens_a_paragraph():
    assert _dateline("He said: LIMA (Reuters) - no.") == ""


@pytest.mark.parametrize("name, code, sector", [
    ("the International Organization for Migration", "IGO", "REF"),
    ("World Council of Churches", "NGO", "REL"),
    ("the International Labour Court", "IGO", "LAB"),
    ("International Crisis Network", "NGO", "SOC"),
])
def test_international_bodies_by_the_shape_of_their_names(name, code, sector):
    got = international_body(words_of(name))
    assert got is not None and got[:2] == (code, sector)


@pytest.mark.parametrize("name", ["international aid agencies", "International Herald Tribune",
                                  "the Foreign Ministry", "World Cup"])
def test_not_international_bodies(name):
    assert international_body(words_of(name)) is None


def test_a_dictionary_body_named_inside_a_longer_name_takes_the_sector_of_what_it_does():
    assert function_sector(words_of("United Nations Office on Drugs and Crime")) == "COP"
    assert function_sector(words_of("United Nations Security Council")) is None


def test_international_body_in_the_coder(actor_kb):
    c = actor_kb.resolve("the International Organization for Migration")
    assert (c.code, c.sector) == ("IGO", "REF"), c.resolution
    c = actor_kb.resolve("United Nations Office on Drugs and Crime")
    assert (c.code, c.sector) == ("IGO", "COP"), c.resolution
    assert actor_kb.resolve("the African Union").code == "IGO"  # successor of the OAU


def test_words_are_no_countries(actor_kb):
    # CountryInfo's header and GeoNames' column names once made these names of Afghanistan
    assert actor_kb.places.get("capital") is None and actor_kb.places.get("country") is None
    assert actor_kb.resolve("the country's leader").code is None


# -- on real parses ---------------------------------------------------------------------------


def _actors(parsed, actor_kb, text, published="2001-05-07"):
    return extract_actors(parsed(text, published=published), kb=actor_kb)


def _find(actors, words):
    return next(a for a in actors if any(words in m.text for m in (*a.mentions, *a.references)))


@pytest.mark.model
def test_dateline_is_no_actor_and_no_part_of_one(parsed, actor_kb):
    text = "Peru and Bolivia agree patrols\n\nLA PAZ (Reuters) - Peru and Bolivia signed an agreement."
    actors = _actors(parsed, actor_kb, text)
    assert not [a for a in actors if "PAZ" in a.entity_text or "Reuters" in a.entity_text]
    assert _find(actors, "Peru").entity_text == "Peru"


@pytest.mark.model
def test_dateline_city_gives_no_country_to_the_sentence(parsed, actor_kb):
    actors = _actors(parsed, actor_kb, "NAIROBI (Reuters) - Protesters gathered in Kampala on Monday.")
    assert _find(actors, "Protesters").code == "UGA"


@pytest.mark.model
def test_an_activity_named_like_a_group_is_no_actor(parsed, actor_kb):
    actors = _actors(parsed, actor_kb, "Peru and Bolivia agree joint border patrols")
    assert not [a for a in actors if "patrols" in a.entity_text]
    actors = _actors(parsed, actor_kb, "Hezbollah guerrillas attacked an Israeli army patrol.")
    assert _find(actors, "patrol").code == "ISR"  # a patrol that is attacked is a group


@pytest.mark.model
def test_they_joins_the_nearest_group(parsed, actor_kb):
    text = ("His overtures to Kabila's rebels were snubbed. They had earlier warned him not to "
            "assume the premiership.")
    actors = _actors(parsed, actor_kb, text, published="1997-04-04")
    rebels = _find(actors, "rebels")
    assert [r.text for r in rebels.references] == ["They"]
    assert not [a for a in actors if "overtures" in a.entity_text]


@pytest.mark.model
def test_they_after_a_coordination_is_left_alone(parsed, actor_kb):
    actors = _actors(parsed, actor_kb, "Peru and Bolivia signed the accord. They said patrols would begin.")
    assert not [r for a in actors for r in a.references if r.text == "They"]


@pytest.mark.model
def test_counterpart_takes_the_nationality_in_its_title_and_the_office_of_the_other(parsed, actor_kb):
    text = "Egyptian Foreign Minister Karim Hassan met his Ethiopian counterpart Tesfaye Alemu in Cairo."
    alemu = _find(_actors(parsed, actor_kb, text), "Tesfaye Alemu")
    assert (alemu.code, alemu.sector) == ("ETH", "GOV")
    text = "Karim Hassan, the Egyptian foreign minister, met Tesfaye Alemu, his Ethiopian counterpart."
    alemu = _find(_actors(parsed, actor_kb, text), "Tesfaye Alemu")
    assert (alemu.code, alemu.sector) == ("ETH", "GOV")


@pytest.mark.model
def test_a_long_organisation_name_is_kept_whole(parsed, actor_kb):
    actors = _actors(parsed, actor_kb, "Officials of the International Organization for Migration said "
                                       "thousands had fled.")
    iom = _find(actors, "Migration")
    assert iom.entity_text.endswith("International Organization for Migration")
    assert (iom.code, iom.sector) == ("IGO", "REF")


@pytest.mark.model
def test_a_country_in_a_later_phrase_of_another_verb_is_not_the_groups(parsed, actor_kb):
    actors = _actors(parsed, actor_kb, "The cleric called on Muslims to take up arms against Russia.")
    assert _find(actors, "Muslims").code is None
    actors = _actors(parsed, actor_kb, "Judge Alejandro Rivera opened fraud investigations against 28 "
                                       "Chilean government officials.")
    assert _find(actors, "Rivera").code == "CHL"  # the same verb's phrase: still the sentence's


@pytest.mark.model
def test_a_named_persons_nationality_does_not_place_a_group(parsed, actor_kb):
    text = ("Secretary of State Madeleine Albright met with the three members of the opposition "
            "on Friday.")
    actors = _actors(parsed, actor_kb, text, published="1997-04-04")
    assert _find(actors, "opposition").code != "USA"


@pytest.mark.model
def test_possessive_pronoun_takes_its_antecedents_country(parsed, actor_kb):
    text = "Peru's interior minister said his government would send police instructors."
    assert _find(_actors(parsed, actor_kb, text), "his government").code == "PER"
    text = "Russia said its foreign ministry would reply."
    assert _find(_actors(parsed, actor_kb, text), "its foreign ministry").code == "RUS"


@pytest.mark.model
def test_settlers_are_not_of_the_land_they_live_in(parsed, actor_kb):
    text = ("Israeli police released two Jewish settlers after clashes with Palestinians in Hebron. "
            "Police accepted the account of the settlers, religious students in their 20s, that "
            "they fired near Hebron's Jewish enclave.")
    actors = _actors(parsed, actor_kb, text, published="1997-04-09")
    assert _find(actors, "Jewish settlers").code == "ISR"
    # the description in apposition is the same group, not Palestinian students of Hebron
    settlers = _find(actors, "religious students")
    assert "religious students" in [r.text for r in settlers.references]
    assert settlers.code == "ISR", settlers.resolution
