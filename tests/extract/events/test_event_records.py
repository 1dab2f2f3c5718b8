"""Event records: offsets, codes consistent with the table, evidence, restraint, merging."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.extract.events.merge import merge_events
from communique.schema import EntityRef, Event, Location, Span, TextInfo

SUBJECTS = ["Israeli troops", "The Syrian government", "Rebels", "Police", "The United Nations",
            "Iran", "Protesters", "The Kenyan army"]
CLAUSES = ["attacked the town of Homs", "arrested twelve activists", "met the envoy in Geneva",
           "condemned the bombing", "demanded the release of the prisoners", "threatened to impose sanctions",
           "rejected the peace plan", "staged a protest outside the embassy", "will meet the president",
           "did not attack the convoy", "agreed to a ceasefire", "signed a trade agreement with Chile"]
TAILS = ["", " on Monday", ", officials said", " after talks in Cairo"]


def check_record(text: str, ev: Event, codebook) -> None:
    assert ev.trigger is not None and text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert 0 <= ev.text_info.start <= ev.trigger.start < ev.trigger.end <= ev.text_info.end <= len(text)
    assert ev.event and ev.event[0] in codebook.plover_modes or ev.event[0] in (
        "AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID")
    if ev.cameo is not None:
        info = codebook.cameo[ev.cameo]
        assert info.event == ev.event[0], (ev.cameo, ev.event)
        assert ev.quad_class == info.quad and ev.goldstein == info.goldstein
    assert ev.status in ("reported", "planned", "hypothetical", "negated")
    if ev.status != "reported":
        assert ev.date is None or ev.date != "2014-01-13" or "publication" not in (ev.reason or "")
    assert ev.reason and 0 < ev.confidence <= 1
    for m in ev.mode:
        assert m in codebook.plover_modes.get(ev.event[0], ()) or m in codebook.plover_modes.get(
            ev.event[1] if len(ev.event) > 1 else "", ())


@pytest.mark.model
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SUBJECTS), st.sampled_from(CLAUSES), st.sampled_from(TAILS))
def test_records_hold_their_invariants(code, codebook, subject, clause, tail):
    text = f"{subject} {clause}{tail}."
    events = code(text)
    for ev in events:
        check_record(text, ev, codebook)
    assert len({e.id for e in events}) == len(events)
    assert [e.id for e in code(text)] == [e.id for e in events]  # deterministic ids


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Arsenal beat Chelsea 2-0 in the league match on Saturday, with the striker scoring twice.",
    "Shares rallied as investors shrugged off the dollar's fall on the stock market.",
    "A man stabbed his neighbour during an argument over a parking space.",
    "I think the government's economic policy is a mistake.",
])
def test_restraint(code, text):
    assert code(text) == [], [(e.event, e.reason) for e in code(text)]


@pytest.mark.model
def test_one_event_is_not_copied(code, mk):
    text = ("Kerry and Lavrov met in Paris on Monday. The meeting in Paris lasted three hours. "
            "After the talks, Kerry flew home.")
    acts = [mk.actor(text, "A1", ["Kerry"], code="USA", kind="person"),
            mk.actor(text, "A2", ["Lavrov"], code="RUS", kind="person")]
    times = [mk.time(text, "Monday", "2014-01-13")]
    places = [mk.place(text, "P1", "Paris", country="FRA")]
    events = [e for e in code(text, actors=acts, times=times, places=places) if e.event[0] == "CONSULT"]
    assert len(events) == 1, [(e.event_text, e.reason) for e in events]
    assert "merged" in events[0].reason


def _ev(i: int, **kw) -> Event:
    base = dict(id=f"E{i}", event=["ASSAULT"], cameo="190", status="reported",
                trigger=Span(start=i * 10, end=i * 10 + 6, text="attack"),
                text_info=TextInfo(start=i * 10, end=i * 10 + 9), confidence=0.5, reason="r",
                event_text=[f"w{i}"])
    base.update(kw)
    return Event(**base)


def test_merge_fills_gaps_and_keeps_conflicts_apart():
    a = _ev(1, actor=[EntityRef(ref="A1", code="ISR")], date="2014-01-13")
    b = _ev(2, recipient=[EntityRef(ref="A2", code="PSE")], event_loc=Location(extracted_place="Gaza"))
    c = _ev(3, actor=[EntityRef(ref="A9", code="SYR")], date="2014-01-13")
    d = _ev(4, actor=[EntityRef(ref="A1", code="ISR")], date="2014-01-14")
    out = merge_events([a, b, c, d])
    assert len(out) == 3
    merged = next(e for e in out if e.id == "E1")
    assert merged.recipient[0].ref == "A2" and merged.event_loc.extracted_place == "Gaza"
    assert merged.event_text == ["w1", "w2"] and "merged with 1" in merged.reason


def test_merge_never_joins_statuses():
    a = _ev(1, actor=[EntityRef(ref="A1")])
    b = _ev(2, actor=[EntityRef(ref="A1")], status="negated")
    assert len(merge_events([a, b])) == 2


@pytest.mark.model
def test_a_wire_dateline_is_not_part_of_the_actor(code):
    text = ("Border patrols agreed\n\nLA PAZ (Reuters) - Peru and Bolivia signed an agreement on Monday "
            "to set up joint patrols along their border.")
    events = code(text)
    assert events
    names = [a.entity_text for e in events for a in e.actor]
    assert "Peru" in names and not any("Reuters" in n or "PAZ" in n for n in names), names
