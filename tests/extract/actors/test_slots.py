"""People read from the shape of results lines and line-ups, and the name fixes around them."""
import spacy
from hypothesis import given, strategies as st
from spacy.tokens import Doc

from communique.extract.actors.docview import DocView
from communique.extract.actors.recognize import Ent, recognize, trim

from .conftest import make_kb


def make_doc(words, ents=None):
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))


def labelled(doc, ents):
    return {(doc[e.start:e.end].text, e.label) for e in ents}


def test_a_name_before_a_bracketed_country_is_a_person(tiny_kb):
    words = ["5", ".", "Tegla", "Loroupe", "(", "Russia", ")", "15:08.79"]
    doc = make_doc(words, ["O", "O", "B-ORG", "I-ORG", "O", "B-GPE", "O", "O"])
    got = labelled(doc, recognize(doc, tiny_kb))
    assert ("Tegla Loroupe", "PERSON") in got and ("Tegla Loroupe", "ORG") not in got


def test_a_name_before_a_minute_is_a_person(tiny_kb):
    doc = make_doc(["Lithuania", "-", "Danius", "Gleveckas", "(", "13rd", ")"])
    assert ("Danius Gleveckas", "PERSON") in labelled(doc, recognize(doc, tiny_kb))


def test_the_other_items_of_a_list_of_people_are_people(tiny_kb):
    words = "Given , Breen , Staunton , Irwin , McAteer .".split()
    ents = ["O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O", "B-PERSON", "O"]
    doc = make_doc(words, ents)
    got = labelled(doc, recognize(doc, tiny_kb))
    assert {("Given", "PERSON"), ("Breen", "PERSON")} <= got


def test_a_heading_and_a_place_in_a_list_stay_out(tiny_kb):
    words = "Scorers : Staunton , McAteer , Moscow .".split()
    ents = ["O", "O", "B-PERSON", "O", "B-PERSON", "O", "O", "O"]
    doc = make_doc(words, ents)
    got = {text for text, label in labelled(doc, recognize(doc, tiny_kb)) if label == "PERSON"}
    assert got == {"Staunton", "McAteer"}


def test_a_list_with_few_people_is_not_taken_for_one(tiny_kb):
    words = "Staunton , Alpha Beta , Gamma Delta , Epsilon Zeta .".split()
    doc = make_doc(words, ["B-PERSON"] + ["O"] * (len(words) - 1))
    got = {text for text, label in labelled(doc, recognize(doc, tiny_kb)) if label == "PERSON"}
    assert got == {"Staunton"}


def test_a_nationality_before_a_given_name_does_not_make_an_organisation(tiny_kb):
    words = ["German", "Phil", "Simmons", "won", "."]
    doc = make_doc(words, ["B-ORG", "I-ORG", "I-ORG", "O", "O"])
    got = labelled(doc, recognize(doc, tiny_kb))
    assert ("Phil Simmons", "PERSON") in got


def test_an_organisation_named_after_a_person_stays_one(tiny_kb):
    words = ["Phil", "Simmons", "Foundation", "paid", "."]
    doc = make_doc(words, ["B-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert ("Phil Simmons Foundation", "ORG") in labelled(doc, recognize(doc, tiny_kb))


def test_a_name_with_an_apostrophe_is_kept_whole(tiny_kb):
    doc = make_doc(["Tim", "O'Gorman", ",", "109"])
    parts = trim(DocView(doc), tiny_kb, Ent(0, 4, "PERSON"))
    assert [doc[p.start:p.end].text for p in parts] == ["Tim O'Gorman"]


def test_a_given_name_that_is_a_role_noun_starts_the_name():
    kb = make_kb()
    kb.given_names["dean"] = "m"
    kb.agents["dean"] = "EDU"
    doc = make_doc(["Dean", "Headley", "and", "King", "Norodom", "Sihanouk"])
    view = DocView(doc)
    assert [doc[p.start:p.end].text for p in trim(view, kb, Ent(0, 2, "PERSON"))] == ["Dean Headley"]
    parts = trim(view, kb, Ent(3, 6, "PERSON"))
    assert [doc[p.start:p.end].text for p in parts] == ["Norodom Sihanouk"]


@given(st.lists(st.sampled_from(["Alpha", "Beta", "(", "Russia", ")", ",", "-", "12th", "Gamma",
                                 "and", ":", "O'Neill", "7"]), min_size=1, max_size=14))
def test_spans_stay_inside_the_document(words):
    doc = make_doc(words)
    kb = make_kb()
    for e in recognize(doc, kb):
        assert 0 <= e.start < e.end <= len(doc)
