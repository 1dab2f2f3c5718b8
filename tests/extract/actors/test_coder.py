import pytest

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
    ("United Nations peace envoy Lakhtar Brahimi", None, "IGO", "IGO"),
    ("the Syrian National Coalition", "2014-01-13", "SYR", "OPP"),
    ("Moscow", None, "RUS", "GOV"),
    ("Sydney", None, "AUS", "CVL"),
    ("Abkhazia", None, "GEO", "PRE"),
    ("Palestinians", None, "PSE", None),
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
