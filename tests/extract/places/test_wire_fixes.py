"""Mechanisms found on wire copy, on hand-built Docs with the packaged gazetteer: a direction and a
country, nationality words, "the X capital", names the model cut in two, listed counties."""
from __future__ import annotations


def test_direction_and_country_is_the_country_not_a_town_of_that_name(places_of):
    for words in (["Jets", "struck", "in", "south", "Lebanon", "."],
                  ["Jets", "struck", "in", "South", "Lebanon", "."]):
        found = places_of(words, ents=[("GPE", 3, 5)])
        place = found[f"{words[3]} Lebanon"]
        assert (place.country_code, place.feature_code) == ("LBN", "PCLI")


def test_direction_that_is_part_of_a_known_name_stays(places_of):
    found = places_of(["Voting", "in", "East", "Jerusalem", "and", "South", "Africa", "."],
                      ents=[("GPE", 2, 4), ("GPE", 5, 7)])
    assert found["East Jerusalem"].resolved_place == "East Jerusalem"
    assert found["South Africa"].country_code == "ZAF"


def test_nationality_adjective_is_never_a_place(places_of):
    found = places_of(["Sri", "Lankan", "troops", "advanced", "."], ents=[("GPE", 0, 2)])
    assert found == {}


def test_the_nationality_capital_is_the_capital(places_of):
    found = places_of(["A", "bomb", "exploded", "in", "the", "Sri", "Lankan", "capital", "."],
                      ents=[("NORP", 5, 7)])
    assert "Sri Lankan" not in found
    assert found["Sri Lankan capital"].resolved_place == "Colombo"


def test_the_demonym_table_has_multi_word_nationalities_but_no_names(gazetteer):
    assert gazetteer.demonyms.get("Sri Lankan") == "LK"
    assert gazetteer.demonyms.get("South African") == "ZA"
    assert "Cook Islands" not in gazetteer.demonyms and "DR Congo" not in gazetteer.demonyms


def test_zaire_is_the_congo(places_of):
    found = places_of(["Rebels", "advanced", "in", "Zaire", "."], ents=[("GPE", 3, 4)])
    assert found["Zaire"].country_code == "COD"


def test_a_name_the_model_cut_in_two(places_of):
    found = places_of(["Works", "in", "Baja", "California", "start", "."],
                      ents=[("GPE", 2, 3), ("GPE", 3, 4)])
    assert found["Baja California"].country_code == "MEX"
    assert "Baja" not in found and "California" not in found


def test_a_possessive_inside_a_name(places_of):
    words = ["Talks", "with", "the", "Democratic", "People", "'s", "Republic", "of", "Korea", "."]
    found = places_of(words, ents=[("ORG", 2, 9)], spaces=[True, True, True, True, False, True,
                                                            True, True, False, False])
    assert found["Democratic People's Republic of Korea"].country_code == "PRK"


def test_one_name_before_counties_is_whose_counties_they_are(places_of):
    found = places_of(["It", "is", "42nd", "of", "the", "Indiana", "counties", "."], ents=[("GPE", 5, 6)])
    assert found["Indiana"].feature_code == "ADM1"
    found = places_of(["Storms", "hit", "from", "Ellsworth", "to", "Riley", "counties", "."])
    assert found["Riley"].resolved_place == "Riley County"
    assert found["Ellsworth"].resolved_place == "Ellsworth County"
