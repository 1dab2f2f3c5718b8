import pytest

from communique.extract.actors.coder import words_of
from communique.extract.actors.kb import Entry


def test_dated_codes_follow_the_date(tiny_kb):
    merkel = tiny_kb.lookup("angela merkel")[0]
    assert merkel.code_at("2010-05-01").sector == "GOV"
    assert merkel.code_at("2022-01-10").sector == "ELI"  # after the term: the default
    assert merkel.code_at(None).sector == "ELI"  # no date: the latest known
    kerry = tiny_kb.lookup("john kerry")[0]
    assert (kerry.code_at("2010-01-01").code, kerry.code_at("2010-01-01").sector) == ("USA", "LEG")
    assert kerry.code_at("2014-01-13").sector == "GOV"
    assert kerry.code_at(None).sector == "GOV"


def test_a_term_with_no_default_ends_in_eli():
    e = Entry(0, "person", "X", "", (("FRA", "GOV", "FRAGOV", "2001-01-01", "2005-01-01"),), None, "t")
    assert (e.code_at("2010-01-01").code, e.code_at("2010-01-01").sector) == ("FRA", "ELI")
    assert e.code_at("2003-01-01").sector == "GOV"


@pytest.mark.parametrize("phrase, date, code, sector", [
    ("Russia's ambassador to Poland", None, "RUS", "GOV"),
    ("two Chinese warplanes", None, "CHN", "MIL"),
    ("US Secretary of State John Kerry", "2014-01-13", "USA", "GOV"),
    ("Russian Foreign Minister Sergei Lavrov", None, "RUS", "GOV"),
    ("United Nations peace envoy Lakhtar Brahimi", None, "IGO", "GOV"),
    ("the Syrian National Coalition", "2014-01-13", "SYR", "OPP"),
    ("Moscow", None, "RUS", "GOV"),
    ("Sydney", None, "AUS", "CVL"),
    ("Abkhazia", None, "GEO", "PRE"),
    ("Palestinians", None, "PSE", "CVL"),  # a people: civilians (PLOVER gold codes them CVL)
    ("a former minister", None, None, "ELI"),
    ("soldiers", None, None, "MIL"),
    ("a group of tourists", None, None, "CVL"),
    ("Chile's Defense Ministry", None, "CHL", "GOV"),
    ("Ayman Safadi", "2020-01-01", "JOR", "GOV"),
])
def test_resolve(tiny_kb, phrase, date, code, sector):
    c = tiny_kb.resolve(phrase, date=date)
    assert (c.code, c.sector) == (code, sector), c.resolution


def test_resolve_fills_office_name_and_reason(tiny_kb):
    c = tiny_kb.resolve("German Foreign Minister Frank-Walter Steinmeier")
    assert (c.code, c.sector, c.office, c.kind) == ("DEU", "GOV", "Foreign Minister", "person")
    assert c.identifier_text == "Frank-Walter Steinmeier"
    assert "Foreign Minister" in c.resolution


def test_unknown_people_and_nonsense_are_not_coded(tiny_kb):
    assert tiny_kb.resolve("Marcus Beam").empty
    assert tiny_kb.resolve("a cat named Frank").empty
    assert tiny_kb.resolve("").empty


def test_the_same_name_before_and_after_taking_office(tiny_kb):
    before = tiny_kb.resolve("Angela Merkel", date="2003-06-01")
    during = tiny_kb.resolve("Angela Merkel", date="2010-06-01")
    after = tiny_kb.resolve("Angela Merkel", date="2022-01-10")
    assert (before.sector, during.sector, after.sector) == ("ELI", "GOV", "ELI")
    assert during.identifier_id == "Q567"


@pytest.mark.parametrize("phrase, code, sector", [
    # a dictionary key that carries the title: the title says what the person is now
    ("President Bill Clinton", "USA", "GOV"),
    ("Bill Clinton", "USA", "ELI"),  # no date: the latest code, a former president
    ("the Bush administration", "USA", "GOV"),
    # a leader, spokesman or official speaks for the role or body before it
    ("Syrian rebel leaders", "SYR", "REB"),
    ("Syrian leaders", "SYR", "GOV"),
    # "ethnic" makes a nationality a people, to be placed by context
    ("ethnic Albanians", None, "CVL"),
    ("ethnic Albanian guerrillas", None, "REB"),
    ("the Albanians of Morocco", "MAR", "CVL"),
    # for or against a country is not of it
    ("anti-Syria journalist", None, "JRN"),
    ("Syrian-backed militias", None, "UAF"),
    ("Syrian-led guerrillas", "SYR", "REB"),
    # a one-word dictionary name of another country's person is someone else
    ("King Hassan of Morocco", "MAR", "GOV"),
    ("King Hassan of Jordan", "JOR", "GOV"),
])
def test_resolve_mechanisms(tiny_kb, phrase, code, sector):
    c = tiny_kb.resolve(phrase)
    assert (c.code, c.sector) == (code, sector), c.resolution


def test_title_split_keeps_the_person_and_the_office(tiny_kb):
    c = tiny_kb.resolve("President Bill Clinton")
    assert (c.kind, c.identifier_text, c.office) == ("person", "Bill Clinton", "President")
    assert tiny_kb.resolve("the Bush administration").kind == "organization"


def test_hyphenated_names_keep_their_spelling(tiny_kb):
    c = tiny_kb.resolve("German Foreign Minister Frank-Walter Steinmeier")
    assert c.identifier_text == "Frank-Walter Steinmeier"
    words = [w.text for w in words_of("ex-president Frank-Walter")]
    assert words == ["ex", "-", "president", "Frank", "-", "Walter"]
