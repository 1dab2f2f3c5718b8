"""General conventions for names the dictionaries spell otherwise or do not list: transliterated
family names, misspelt peoples, bodies whose names say what they do, bare phrases the parser
reads as clauses. Each rule comes with the cases it must leave alone."""
import json

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.actors.docview import DocView
from communique.extract.actors.international import international_body, named_body_sector
from communique.extract.actors.kb import ActorKB, Place
from communique.extract.actors.segments import words_of

# invented people: the rule is about spellings, not about who they are
ROWS = [
    ("person", ["tomas kartavelov"], ["Tomas Kartavelov", "", [], ["RUS", "GOV", "RUSGOV"], "test"]),
    ("person", ["john smith"], ["John Smith", "", [], ["GBR", "GOV", "GBRGOV"], "test"]),
    ("person", ["anna petrovska"], ["Anna Petrovska", "", [], ["RUS", "GOV", "RUSGOV"], "test"]),
    ("person", ["anna petrovsky"], ["Anna Petrovsky", "", [], ["UKR", "GOV", "UKRGOV"], "test"]),
    ("person", ["lena marlin"], ["Lena Marlin", "", [], ["SWE", "GOV", "SWEGOV"], "test"]),
]
PLACES = {"kazakhs": Place("KAZ", "people"), "malians": Place("MLI", "people"),
          "nigerians": Place("NGA", "people"), "nigeriens": Place("NER", "people"),
          "kazakh": Place("KAZ", "country"), "australia": Place("AUS", "country")}


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    index: dict[str, list[int]] = {}
    for i, (_, keys, _) in enumerate(ROWS):
        for k in keys:
            index.setdefault(k, []).append(i)
    return ActorKB(kinds=[r[0] for r in ROWS], index=index, payloads=[json.dumps(r[2]) for r in ROWS],
                   places=PLACES, country_names={}, agents={"soldiers": "MIL", "fleet": "MIL"},
                   given_names={"tomas": "m", "john": "m", "anna": "f", "lena": "f", "kazan": "u"})


@pytest.mark.parametrize("name, found", [
    ("Tomas Kartavelow", "Tomas Kartavelov"),   # one letter transliterated otherwise
    ("Tomas Kartawelov", "Tomas Kartavelov"),
    ("Tomas Kartavelov", "Tomas Kartavelov"),   # exact, for reference
    ("Pavel Kartavelow", None),                 # the given name must be the same
    ("Tomasz Kartavelow", None),                # and spelt exactly
    ("Tomas Bartavelov", None),                 # so must the first letter of the family name
    ("Tomas Kartavelovich", None),              # too far apart
    ("John Smyth", None),                       # a short family name: one letter is a new name
    ("Anna Petrovsko", None),                   # two people equally close: no guess
    ("Kartavelow", None),                       # one word: no given name to anchor it
])
def test_transliterated_family_name(kb, name, found):
    hit = kb.find_person(name)
    assert (hit[0].name if hit else None) == found
    if hit and name != found:
        assert hit[1] in ("transliterated family name", "spelling variant")


def test_transliterated_name_is_a_weak_match_that_another_country_vetoes(kb):
    assert kb.resolve("Tomas Kartavelow").code == "RUS"
    assert kb.resolve("Tomas Kartavelow", context=frozenset({"AUS"})).code is None


@pytest.mark.parametrize("word, iso3", [
    ("kazahks", "KAZ"),     # two letters swapped
    ("kazakhhs", "KAZ"),    # one added
    ("marlins", None),      # two changes from "malians": a word of its own
    ("nigerains", "NGA"),   # two letters swapped: Nigerians, not Nigeriens
    ("nigeriins", None),    # one letter from Nigerians and one from Nigeriens: ambiguous
    ("kazakhs", None),      # spelt right: the place table has it already
    ("lenas", None),        # too short
    ("kazan", None),        # a given name, and no plural
])
def test_misspelt_people(kb, word, iso3):
    place = kb.people_variant(word)
    assert (place.iso3 if place else None) == iso3
    if place:
        assert place.role == "people"


def test_misspelt_people_is_coded_as_the_people(kb):
    c = kb.resolve("Kazahks")
    assert (c.code, c.sector) == ("KAZ", "CVL")
    assert kb.resolve("kazahks").code is None  # lower case: a common word, not a people


@pytest.mark.parametrize("phrase, sector", [
    ("Aboriginal Medical Services Alliance", "MED"),
    ("National Farmers Union", "AGR"),
    ("Coastal Refugee Council", "REF"),
    ("Red Star Alliance", None),           # "red" says "medical" only in the Red Cross's names
    ("Islamic Movement", None),            # no body noun, and a religious word is no function
    ("Northern Medical Review", None),     # no body noun
    ("health workers association", None),  # not a proper name: a role phrase
])
def test_named_body_sector(phrase, sector):
    assert named_body_sector(words_of(phrase)) == sector


def test_named_body_sector_in_the_coder(kb):
    c = kb.resolve("Aboriginal Medical Services Alliance Australia")
    assert (c.code, c.sector) == ("AUS", "MED")
    assert kb.resolve("Baltic Medical Fleet").sector == "MIL"  # a role noun decides first


def test_treaty_organisations_are_international():
    assert international_body(words_of("Collective Security Treaty Organization"))[0] == "IGO"
    assert international_body(words_of("Treaty Organization"))[0] == "IGO"
    assert international_body(words_of("treaty organization")) is None
    assert international_body(words_of("Waitangi Treaty Settlement")) is None  # no body noun


VOCAB = spacy.blank("en").vocab


def _doc(words, pos, heads, deps):
    return Doc(VOCAB, words=words, pos=pos, heads=heads, deps=deps)


@pytest.mark.parametrize("words, pos, heads, deps, fragment", [
    (["savages"], ["VERB"], [0], ["ROOT"], True),
    (["wanted", "persons"], ["VERB", "NOUN"], [0, 0], ["ROOT", "dobj"], True),
    (["Burkina", "Faso", "'s", "displaced"], ["PROPN", "PROPN", "PART", "VERB"], [1, 3, 1, 3],
     ["compound", "nsubj", "case", "ROOT"], True),  # a possessor, not a subject
    (["Rebels", "seize", "town"], ["NOUN", "VERB", "NOUN"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], False),
    (["Wanted", "persons", "."], ["VERB", "NOUN", "PUNCT"], [0, 0, 0], ["ROOT", "dobj", "punct"], False),
    (["Foreign", "Minister"], ["PROPN", "PROPN"], [1, 1], ["compound", "ROOT"], True),
])
def test_bare_phrase_read_as_a_clause_is_a_fragment(words, pos, heads, deps, fragment):
    assert DocView(_doc(words, pos, heads, deps)).fragment is fragment


def test_packaged_agents_for_office_seekers_and_wanted_people(actor_kb):
    assert actor_kb.agent("senate hopeful") == "PTY"
    assert actor_kb.agent("presidential hopeful") == "PTY"
    assert actor_kb.agent("hopeful") is None  # as often a sportsman
    assert actor_kb.agent("wanted persons") == "CRM"
    c = actor_kb.resolve("Senate hopeful")
    assert (c.code, c.sector) == (None, "PTY")  # running for a seat: no body's country
