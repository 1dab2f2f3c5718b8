"""Who can fill a role: parties, not things or events; the speaker of a conjoined verb; crowds;
protests and their places; dates from the event's own clause; a date after publication."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.events.roles import ActorIndex, party, person_noun

from .conftest import first

pytestmark = pytest.mark.model


def texts(ents):
    return [e.entity_text for e in ents]


# -- the party test itself (hand-built docs, no model) ---------------------------------------------

@pytest.mark.parametrize("words,i,expected", [
    (["the", "launch", "posed", "no", "threat"], 1, False),
    (["the", "rebels", "attacked"], 1, True),
    (["a", "caller", "requested", "delivery"], 1, True),
    (["the", "border", "was", "closed"], 1, False),
    (["this", "sends", "a", "message"], 0, False),
    (["they", "blamed", "the", "army"], 0, True),
    (["the", "meeting", "discussed", "it"], 1, False),
])
def test_party_or_thing(words, i, expected):
    vocab = spacy.blank("en").vocab
    pos = ["DET" if w in ("the", "a", "no") else "PRON" if w in ("this", "they", "it") else
           "VERB" if w.endswith(("ed", "sends", "posed")) else "NOUN" for w in words]
    doc = Doc(vocab, words=words, pos=pos, lemmas=[w.rstrip("s") if p == "NOUN" else w for w, p in zip(words, pos)])
    index = ActorIndex([], frozenset({"rebel", "army"}), frozenset({"launch", "meeting", "attack"}))
    assert party(doc[i], index) is expected


def test_person_nouns_by_their_ending():
    assert person_noun("climbers", "climber", frozenset())
    assert person_noun("foreigners", "foreigner", frozenset())
    assert not person_noun("orders", "order", frozenset())
    assert not person_noun("incidents", "incident", frozenset())
    assert not person_noun("statement", "statement", frozenset())


# -- roles in sentences ---------------------------------------------------------------------------

def test_the_speaker_condemns_not_the_launch(code, mk):
    text = ("Japan's defence ministry said the launch posed no immediate threat to Japanese territory "
            "but condemned it as a violation of United Nations Security Council resolutions.")
    acts = [mk.actor(text, "A1", ["Japan's defence ministry"], code="JPN", sector="GOV", kind="group")]
    ev = first(code(text, actors=acts), "ACCUSE")
    assert [a.ref for a in ev.actor] == ["A1"]
    assert "A1" not in [r.ref for r in ev.recipient]
    assert "the launch" not in texts(ev.actor + ev.recipient)


def test_a_thing_that_sends_a_message_is_no_actor(code, mk):
    text = "\"This sends a clear message that repression has a price,\" the minister told reporters."
    assert code(text) == []


def test_a_decision_is_not_the_party_of_a_meeting(code, mk):
    text = "The decision was taken at a meeting in Brussels chaired by the bloc's foreign policy chief."
    evs = code(text)
    assert all("The decision" not in texts(e.actor) for e in evs), [e.reason for e in evs]


def test_who_was_not_there_is_no_party(code, mk):
    text = "Sudan was not represented at the talks in Cairo."
    acts = [mk.actor(text, "A1", ["Sudan"], code="SDN")]
    assert all("A1" not in [a.ref for a in e.actor] for e in code(text, actors=acts))


def test_agreeing_a_thing_gives_it_no_recipient_role(code, mk):
    text = "Peru and Bolivia agree joint border patrols"
    acts = [mk.actor(text, "A1", ["Peru"], code="PER"), mk.actor(text, "A2", ["Bolivia"], code="BOL"),
            mk.actor(text, "A3", ["joint border patrols"], code=None, sector="COP", kind="group")]
    ev = first(code(text, actors=acts), "AGREE")
    assert {a.ref for a in ev.actor} == {"A1", "A2"} and ev.recipient == []


def test_a_counterpart_is_not_its_owner(code, mk):
    text = "Egypt's foreign minister met his Ethiopian counterpart Tesfaye Alemu in Cairo on Monday."
    acts = [mk.actor(text, "A1", ["Egypt's foreign minister", "his"], code="EGY", sector="GOV", kind="person"),
            mk.actor(text, "A2", ["Tesfaye Alemu"], code="ETH", sector="GOV", kind="person")]
    ev = first(code(text, actors=acts), "CONSULT")
    assert {a.ref for a in ev.actor + ev.recipient} == {"A1", "A2"}


# -- protests -------------------------------------------------------------------------------------

def test_a_crowd_protests_and_a_city_is_only_the_place(code, mk):
    text = "Thousands protest over port deal in Colombo"
    colombo = mk.place(text, "P1", "Colombo", country="LKA")
    ev = first(code(text, places=[colombo]), "PROTEST")
    assert texts(ev.actor) == ["Thousands"]
    assert ev.event_loc is not None and ev.event_loc.extracted_place == "Colombo"
    assert "Colombo" not in texts(ev.recipient)
    assert all(r.code == "LKA" for r in ev.recipient)


def test_marching_to_protest_is_the_protest(code, mk):
    text = ("Thousands of people marched through central Colombo on Friday to protest against a plan "
            "to lease the port.")
    friday = mk.time(text, "Friday", "2024-02-02")
    ev = first(code(text, times=[friday], published="2024-02-03"), "PROTEST")
    assert ev.status == "reported" and ev.date == "2024-02-02"
    assert texts(ev.actor) == ["Thousands of people"]


def test_headline_and_lead_are_one_protest(code, mk):
    text = ("Thousands protest over port deal in Colombo\n\nThousands of people marched through central "
            "Colombo on Friday to protest against a plan to lease the port.")
    friday = mk.time(text, "Friday", "2024-02-02")
    evs = [e for e in code(text, times=[friday], published="2024-02-02") if e.event[0] == "PROTEST"]
    assert len(evs) == 1 and "headline" in evs[0].reason


# -- dates and status -----------------------------------------------------------------------------

def test_a_date_in_a_relative_clause_dates_another_event(code, mk):
    text = ("The accord was signed in La Paz by the interior ministers, who said the first patrols "
            "would begin in August.")
    august = mk.time(text, "August", "2021-08")
    ev = first(code(text, times=[august], published="2021-06-14"), "SUPPORT")
    assert ev.date == "2021-06-14" and "August" not in ev.reason


def test_a_time_since_which_is_not_the_event_time(code, mk):
    text = "Millon's visit is the highest-level French visit since the army stormed the square in 1989."
    t = mk.time(text, "1989", "1989")
    acts = [mk.actor(text, "A1", ["Millon"], code="FRA", sector="GOV", kind="person")]
    ev = first(code(text, actors=acts, times=[t], published="1997-04-07"), "CONSULT")
    assert ev.date != "1989"


def test_a_meeting_dated_after_publication_is_planned(code, mk):
    text = "Hashimoto leaves for Washington on April 24 for talks with President Clinton."
    t = mk.time(text, "April 24", "1997-04-24")
    acts = [mk.actor(text, "A1", ["Hashimoto"], code="JPN", sector="GOV", kind="person"),
            mk.actor(text, "A2", ["President Clinton"], code="USA", sector="GOV", kind="person")]
    ev = first(code(text, actors=acts, times=[t], published="1997-04-03"), "CONSULT")
    assert ev.status == "planned" and ev.event[0] == "AGREE"


def test_declining_to_comment_is_no_rejection(code, mk):
    assert code("The police declined to provide details on Tuesday.") == []
    text = "Haniyeh refused to respond to a demand from the US President."
    acts = [mk.actor(text, "A1", ["Haniyeh"], code="PSE", sector="GOV", kind="person")]
    assert "REJECT" in [e.event[0] for e in code(text, actors=acts)]


def test_a_government_is_not_where_it_is_and_threatens_no_one_at_home(code, mk):
    text = "The government in Minsk threatened to retaliate by restricting transit of goods."
    minsk = mk.place(text, "P1", "Minsk", country="BLR")
    acts = [mk.actor(text, "A1", ["The government in Minsk"], code="BLR", sector="GOV", kind="group")]
    ev = first(code(text, actors=acts, places=[minsk]), "THREATEN")
    assert [a.ref for a in ev.actor] == ["A1"]
    assert all(r.code != "BLR" for r in ev.recipient), ev.reason
