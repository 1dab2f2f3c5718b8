"""The one-event-many-reports rule, as pure functions (docs/schema.md states it)."""
from __future__ import annotations

import datetime as dt

from communique.schema import EntityRef, Event, Location
from communique.store.dedup import Candidate, canonical_id, choose, event_day, match_key, role_key

D = dt.date(2014, 1, 13)


def ev(**kw) -> Event:
    base = dict(id="E1", event=["CONSULT"], actor=[EntityRef(code="USA")], recipient=[EntityRef(code="RUS")],
                date="2014-01-13")
    base.update(kw)
    return Event(**base)


def key(**kw):
    return match_key(ev(**kw), published="2014-01-13")


def cand(event_id=1, day=D, geonameid=None, country=None, added=None):
    return Candidate(event_id=event_id, day=day, geonameid=geonameid, country=country, date_added=added)


def test_same_event_within_the_day_window_is_merged():
    assert choose(key(), [cand(day=D + dt.timedelta(days=1))]).event_id == 1
    assert choose(key(), [cand(day=D - dt.timedelta(days=1))]).event_id == 1
    assert choose(key(), [cand(day=D + dt.timedelta(days=2))]) is None


def test_places_must_agree():
    paris = Location(extracted_place="Paris", geonameid=2988507, country_code="FRA")
    k = key(event_loc=paris)
    assert choose(k, [cand(geonameid=2988507, country="FRA")]) is not None
    assert choose(k, [cand(geonameid=2950159, country="DEU")]) is None  # Berlin: another meeting
    assert choose(k, [cand()]) is not None  # an unknown place agrees with any
    assert choose(k, [cand(country="FRA")]) is not None  # same country, no id
    assert choose(k, [cand(country="DEU")]) is None


def test_best_candidate_same_place_then_closest_day_then_oldest():
    paris = Location(extracted_place="Paris", geonameid=2988507, country_code="FRA")
    k = key(event_loc=paris)
    far_same_place = cand(event_id=1, day=D + dt.timedelta(days=1), geonameid=2988507)
    near_unknown = cand(event_id=2, day=D)
    assert choose(k, [near_unknown, far_same_place]).event_id == 1
    old = cand(event_id=3, day=D, added=dt.datetime(2020, 1, 1))
    new = cand(event_id=4, day=D, added=dt.datetime(2021, 1, 1))
    assert choose(key(), [new, old]).event_id == 3


def test_events_without_a_day_or_without_anyone_are_never_merged():
    assert not key(date="2014-01").mergeable  # a month is not a day
    assert not key(date="PAST_REF").mergeable
    assert key(date=None).day == D  # undated: the publication day
    assert key(date="PRESENT_REF").day == D
    assert not key(actor=[], recipient=[]).mergeable
    assert choose(key(actor=[], recipient=[]), [cand()]) is None


def test_role_keys_use_the_code_else_the_name():
    assert role_key([EntityRef(code="usa", sector="GOV")]) == "USA"
    assert role_key([EntityRef(identifier_text="Hamas  Movement")]) == "~hamas movement"
    assert role_key([EntityRef(entity_text="protesters")]) == "~protesters"
    assert role_key([]) is None
    un, nato = EntityRef(code="IGO", identifier_text="United Nations"), EntityRef(code="IGO", identifier_text="NATO")
    assert role_key([un]) == "IGO~united nations" and role_key([un]) != role_key([nato])
    assert role_key([EntityRef(code="IGO")]) == "IGO"
    assert key(actor=[EntityRef(code="USA", sector="GOV")]) == key(actor=[EntityRef(code="USA")])


def test_event_day_rejects_impossible_dates():
    assert event_day(ev(date="2014-02-30"), "2014-01-13") is None
    assert event_day(ev(date="2014-01-12T10:00"), None) == dt.date(2014, 1, 12)


def test_canonical_id_is_a_stable_positive_integer():
    a = canonical_id("a123/E1")
    assert a == canonical_id("a123/E1") and 0 < a < 2**60
    assert a != canonical_id("a123/E2")
