"""The generated data files: they load, validate, and carry the facts the coder relies on."""
import pytest

from communique.errors import DataError


def test_packaged_kb_loads_and_codes_by_date(actor_kb):
    merkel = actor_kb.resolve("Angela Merkel", date="2010-01-01")
    assert (merkel.code, merkel.sector) == ("DEU", "GOV")
    assert actor_kb.resolve("Angela Merkel", date="2022-01-10").sector == "ELI"
    assert actor_kb.resolve("Kassym-Jomart Tokayev", date="2023-03-31").code == "KAZ"
    assert (actor_kb.resolve("Beijing").code, actor_kb.resolve("Beijing").sector) == ("CHN", "GOV")
    assert actor_kb.resolve("the European Union").code == "IGO"
    assert actor_kb.resolve("paramedic").sector == "MED"  # PLOVER MED is health


@pytest.mark.parametrize("phrase, code, sector", [
    # one country per nationality word (CountryInfo also lists "Serbian" under Montenegro and
    # has wrong ISO codes for Myanmar and Guatemala)
    ("Serbian authorities", "SRB", "GOV"), ("Guatemalan army", "GTM", "MIL"),
    ("Burmese troops", "MMR", "MIL"), ("The PRC", "CHN", None),
    ("Nigerians", "NGA", "CVL"), ("Venezuelans", "VEN", "CVL"),  # a people: civilians
    ("the Philippines", "PHL", None), ("the Bahamas", "BHS", None),  # plural names are states
    # international bodies: the country code says IGO/NGO, the sector what they do
    ("the United Nations", "IGO", "GOV"), ("UN peacekeepers", "IGO", "MIL"),
    ("World Health Organization", "IGO", "MED"), ("Amnesty International", "NGO", "SOC"),
    ("al-Qaeda", "IMG", "REB"), ("Kofi Annan", "IGO", "ELI"),
    ("opposition leader", None, "OPP"), ("US forces", "USA", "MIL"),
    # former states, coded as CAMEO codes their successors (YUG -> SRB, ZAR -> COD)
    ("Yugoslav troops", "SRB", "MIL"), ("Zairean soldiers", "COD", "MIL"),
    ("the East German government", "DEU", "GOV"),
    # the European Community, which the dictionaries know only by its successor's name
    ("European Community foreign ministers", "IGO", "GOV"), ("the EEC", "IGO", "GOV"),
])
def test_packaged_kb_conventions(actor_kb, phrase, code, sector):
    c = actor_kb.resolve(phrase)
    assert (c.code, c.sector) == (code, sector), c.resolution


def test_packaged_kb_tells_people_from_bodies(actor_kb):
    assert actor_kb.resolve("President Barack Obama").kind == "person"
    assert actor_kb.resolve("the Red Cross").kind == "organization"
    assert actor_kb.resolve("al-Qaeda").kind == "organization"
    # a given name first makes a dictionary name a person's, unless it names a region too
    assert actor_kb.resolve("the Washington Post").kind == "organization"
    assert actor_kb.resolve("Texas Instruments").kind == "organization"
    assert actor_kb.resolve("the Federal Reserve").kind == "organization"  # "U.S. Federal Reserve"
    assert actor_kb.resolve("France Telecom").kind == "organization"


def test_missing_data_file_is_a_data_error(monkeypatch):
    from communique.extract.actors import kb

    def broken(name):
        raise DataError("E040", detail=f"actors/{name} (missing)")

    monkeypatch.setattr(kb, "_read", broken)
    with pytest.raises(DataError):
        kb.load_actor_kb()
