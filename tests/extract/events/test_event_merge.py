"""In-document merging: headline and lead, type families, dates taken from the publication date,
parties agreeing by code. Built from Event records by hand: no model."""
from __future__ import annotations

from communique.extract.events.merge import Mention, merge_events, same_event
from communique.schema import EntityRef, Event, Location, Span, TextInfo


def ev(eid: str, etype: list[str], cameo: str, start: int, *, actor=(), recipient=(), date=None,
       status="reported", quad=1, loc=None, conf=0.6) -> Event:
    return Event(id=eid, event=etype, cameo=cameo, quad_class=quad, actor=list(actor),
                 recipient=list(recipient), date=date, status=status, event_loc=loc,
                 event_text=[eid], trigger=Span(start=start, end=start + 3, text="xyz"),
                 text_info=TextInfo(start=start, end=start + 10), confidence=conf, reason=eid)


PER = EntityRef(ref="A1", code="PER", entity_text="Peru")
BOL = EntityRef(ref="A2", code="BOL", entity_text="Bolivia")
MINISTERS = EntityRef(ref="A3", code="BOL", sector="GOV", entity_text="the interior ministers")


def test_headline_merges_into_the_lead_of_another_type_of_its_family():
    head = ev("E1", ["AGREE"], "030", 0, actor=[PER, BOL], date="2021-06-14")
    lead = ev("E2", ["SUPPORT"], "057", 50, actor=[PER, BOL], date="2021-06-14")
    out = merge_events([head, lead], {"E1": Mention(headline=True), "E2": Mention()})
    assert len(out) == 1
    assert out[0].id == "E2" and out[0].event == ["SUPPORT"]  # the body mention's evidence
    assert "(headline)" in out[0].reason


def test_body_mentions_of_different_types_stay_apart():
    a = ev("E1", ["AGREE"], "030", 0, actor=[PER, BOL], date="2021-06-14")
    b = ev("E2", ["SUPPORT"], "057", 50, actor=[PER, BOL], date="2021-06-14")
    assert len(merge_events([a, b])) == 2


def test_headline_does_not_merge_across_families():
    head = ev("E1", ["PROTEST"], "141", 0, actor=[EntityRef(entity_text="Thousands", code="LKA")], quad=4)
    police = ev("E2", ["ASSAULT"], "175", 50, actor=[EntityRef(ref="A9", code="LKA", sector="COP")], quad=4)
    assert len(merge_events([head, police], {"E1": Mention(headline=True)})) == 2


def test_a_publication_date_conflicts_with_no_date_in_the_text():
    detained = ev("E1", ["COERCE"], "173", 0, actor=[EntityRef(ref="A5", code="BLR")], date="2022-09-03")
    arrested = ev("E2", ["COERCE"], "173", 80, date="2022-09-08")
    assert not same_event(detained, arrested)
    out = merge_events([detained, arrested], {"E2": Mention(dated=False)})
    assert len(out) == 1 and out[0].date == "2022-09-03"


def test_the_text_date_wins_over_a_publication_date():
    a = ev("E1", ["CONSULT"], "040", 0, actor=[PER], date="2021-06-14", conf=0.9)
    b = ev("E2", ["CONSULT"], "040", 40, actor=[PER, BOL], date="2021-06-10")
    out = merge_events([a, b], {"E1": Mention(dated=False)})
    assert len(out) == 1 and out[0].date == "2021-06-10"


def test_a_coarser_date_agrees_with_a_finer_one():
    a = ev("E1", ["PROTEST"], "141", 0, date="2024-02-02", quad=4)
    b = ev("E2", ["PROTEST"], "141", 60, date="2024", quad=4)
    assert same_event(a, b)
    c = ev("E3", ["PROTEST"], "141", 90, date="2023", quad=4)
    assert not same_event(a, c)


def test_a_headline_names_its_parties_loosely():
    head = ev("E1", ["ACCUSE"], "111", 0, actor=[EntityRef(ref="A7", code="KOR", entity_text="Seoul")], quad=3)
    lead = ev("E2", ["ACCUSE"], "110", 40, actor=[EntityRef(ref="A8", code="KOR", entity_text="South Korea")],
              recipient=[EntityRef(code="PRK", entity_text="North Korea")], quad=3)
    assert len(merge_events([head, lead], {"E1": Mention(headline=True)})) == 1
    # in the body, the same country is not the same party
    assert len(merge_events([head, lead])) == 2


def test_different_parties_stay_apart():
    a = ev("E1", ["ACCUSE"], "111", 0, actor=[EntityRef(ref="A1", code="RUS")],
           recipient=[EntityRef(ref="A2", code="UKR")], quad=3)
    b = ev("E2", ["ACCUSE"], "111", 50, actor=[EntityRef(ref="A2", code="UKR")],
           recipient=[EntityRef(ref="A1", code="RUS")], quad=3)
    assert len(merge_events([a, b])) == 2


def test_a_city_and_its_country_are_one_place():
    colombo = Location(extracted_place="Colombo", geonameid=1248991, country_code="LKA", feature_code="PPLC")
    lanka = Location(extracted_place="Sri Lanka", geonameid=1227603, country_code="LKA", feature_code="PCLI")
    kandy = Location(extracted_place="Kandy", geonameid=1241622, country_code="LKA", feature_code="PPLA")
    a = ev("E1", ["PROTEST"], "141", 0, loc=colombo, quad=4)
    assert same_event(a, ev("E2", ["PROTEST"], "141", 50, loc=lanka, quad=4))
    assert not same_event(a, ev("E3", ["PROTEST"], "141", 90, loc=kandy, quad=4))


def test_an_implied_party_is_not_added_twice():
    named = EntityRef(ref="A1", code="LKA", entity_text="Thousands of people")
    a = ev("E1", ["PROTEST"], "141", 0, actor=[named], recipient=[EntityRef(code="LKA")], quad=4)
    b = ev("E2", ["PROTEST"], "141", 50, actor=[named], recipient=[EntityRef(code="LKA")], quad=4)
    out = merge_events([a, b])
    assert len(out) == 1 and len(out[0].recipient) == 1


def test_parties_implied_by_place_are_no_evidence_of_one_event():
    a = ev("E1", ["ASSAULT"], "190", 0, actor=[EntityRef(code="IRQ", sector="UAF")],
           recipient=[EntityRef(code="IRQ")], quad=4)
    b = ev("E2", ["ASSAULT"], "190", 50, actor=[EntityRef(code="IRQ", sector="UAF")],
           recipient=[EntityRef(code="IRQ")], quad=4)
    assert len(merge_events([a, b])) == 2
