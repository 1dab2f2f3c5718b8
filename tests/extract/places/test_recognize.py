"""Which names count as places, on hand-built Docs (entities set by hand, no model)."""
from __future__ import annotations

from communique.extract.places import extract_places


def test_misspelt_town_and_country_are_resolved(places_of):
    found = places_of(["Talks", "in", "Montreaux", ",", "Switzerland", "."],
                      ents=[("GPE", 2, 3), ("GPE", 4, 5)])
    assert found["Montreaux"].resolved_place == "Montreux"
    assert found["Montreaux"].country_code == "CHE"
    assert "near spelling" in found["Montreaux"].resolution
    assert (found["Switzerland"].country_code, found["Switzerland"].feature_code) == ("CHE", "PCLI")


def test_large_city_mislabelled_as_person_is_recovered(places_of):
    found = places_of(["A", "ceasefire", "beginning", "with", "Aleppo", "."], ents=[("PERSON", 4, 5)])
    assert found["Aleppo"].country_code == "SYR"
    assert found["Aleppo"].feature_code.startswith("PPL")  # the city, not the province


def test_nationality_words_are_not_places(places_of):
    found = places_of(["Syrian", "officials", "met", "in", "Geneva", "."],
                      ents=[("NORP", 0, 1), ("GPE", 4, 5)])
    assert "Syrian" not in found
    assert found["Geneva"].country_code == "CHE"


def test_a_title_or_a_full_name_makes_a_town_name_a_person(places_of):
    assert places_of(["Coach", "Ripley", "said", "it", "was", "hard", "."], ents=[("GPE", 1, 2)]) == {}
    found = places_of(["Darren", "Ripley", "coached", ".", "Ripley", "won", "."],
                      ents=[("PERSON", 0, 2), ("GPE", 4, 5)])
    assert found == {}


def test_street_names_are_not_towns(places_of):
    found = places_of(["He", "lives", "on", "Memphis", "St.", "in", "Alexandria", "."],
                      ents=[("FAC", 3, 5), ("GPE", 6, 7)])
    assert "Memphis" not in found
    assert "Alexandria" in found


def test_container_decides_between_towns_of_one_name(places_of):
    found = places_of(["Springfield", ",", "Illinois", "is", "quiet", "."],
                      ents=[("GPE", 0, 1), ("GPE", 2, 3)])
    assert found["Springfield"].admin1 == "Illinois"
    assert found["Illinois"].feature_code == "ADM1"
    found = places_of(["Springfield", ",", "Mo.", ",", "is", "quiet", "."], ents=[("GPE", 0, 1)])
    assert found["Springfield"].admin1 == "Missouri"
    assert found["Mo."].resolved_place == "Missouri"


def test_state_abbreviation_needs_its_full_stop(places_of):
    assert places_of(["He", "was", "Ill", "today", "."]) == {}
    found = places_of(["Gainesville", ",", "Fla.", "police", "said", "."], ents=[("GPE", 0, 1)])
    assert found["Gainesville"].admin1 == "Florida"


def test_names_listed_before_counties_are_counties(places_of):
    found = places_of(["Barrow", "and", "Jackson", "counties", "in", "Georgia", "grew", "."],
                      ents=[("GPE", 5, 6)])
    assert found["Barrow"].resolved_place == "Barrow County"
    assert found["Jackson"].resolved_place == "Jackson County"
    assert found["Jackson"].admin1 == "Georgia"


def test_ordinary_word_ending_an_organisation_is_not_a_place(places_of):
    assert places_of(["The", "Law", "Enforcement", "Center", "opened", "."], ents=[("ORG", 1, 4)]) == {}


def test_capitals_dateline_is_a_place(places_of):
    found = places_of(["TORRINGTON", "\u2014", "The", "council", "met", "."])
    assert found["TORRINGTON"].resolved_place == "Torrington"


def test_article_context_picks_the_local_town(places_of):
    found = places_of(["Paris", "police", "in", "Texas", "said", "so", "."],
                      ents=[("GPE", 0, 1), ("GPE", 3, 4)])
    assert (found["Paris"].country_code, found["Paris"].admin1) == ("USA", "Texas")
    found = places_of(["Paris", "police", "said", "so", "."], ents=[("GPE", 0, 1)])
    assert found["Paris"].country_code == "FRA"


def test_regions_and_water_bodies(places_of):
    found = places_of(["Rockets", "hit", "the", "Gaza", "Strip", "and", "the", "West", "Bank", "."],
                      ents=[("GPE", 2, 5), ("GPE", 6, 9)])
    assert found["Gaza Strip"].country_code == "PSE"
    assert found["West Bank"].country_code == "PSE"
    assert "the" not in found["Gaza Strip"].mentions[0].text


def test_one_place_per_resolved_entry_with_all_mentions(hand_parsed, gazetteer):
    p = hand_parsed(["The", "U.S.", "and", "the", "United", "States", "of", "America", "agree", "."],
                    ents=[("GPE", 1, 2), ("GPE", 3, 8)])
    found = extract_places(p, gazetteer=gazetteer)
    assert len(found) == 1
    assert [m.text for m in found[0].mentions] == ["U.S.", "United States of America"]
    again = extract_places(p, gazetteer=gazetteer)
    assert [x.id for x in again] == [x.id for x in found]


def test_place_word_inside_a_longer_place_name_is_not_taken(places_of):
    found = places_of(["A", "Tennessee", "Colony", "man", "died", "."], ents=[("GPE", 1, 3)])
    assert "Tennessee" not in found
