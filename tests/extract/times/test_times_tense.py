"""The tense rule: a weekday (or a month, or a day of a month) points back in past-tense
reporting and forward when the verb looks ahead. Docs are built by hand (tags and a parse), so
these run without the model; one integration test uses the real one."""
from __future__ import annotations

import pytest

from communique.extract.times import extract_times
from communique.extract.times.tense import FUTURE, PAST, PRESENT, tense_of

# (words, heads, deps, tags, pos, lemmas)
WILL_MEET = (["They", "will", "meet", "on", "Monday", "."], [2, 2, 2, 2, 3, 2],
             ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
             ["PRP", "MD", "VB", "IN", "NNP", "."], ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
             ["they", "will", "meet", "on", "Monday", "."])
MET = (["They", "met", "on", "Monday", "."], [1, 1, 1, 2, 1],
       ["nsubj", "ROOT", "prep", "pobj", "punct"], ["PRP", "VBD", "IN", "NNP", "."],
       ["PRON", "VERB", "ADP", "PROPN", "PUNCT"], ["they", "meet", "on", "Monday", "."])
HAS_DELAYED = (["It", "has", "delayed", "the", "vote", "until", "Friday", "."],
               [2, 2, 2, 4, 2, 2, 5, 2],
               ["nsubj", "aux", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
               ["PRP", "VBZ", "VBN", "DT", "NN", "IN", "NNP", "."],
               ["PRON", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
               ["it", "have", "delay", "the", "vote", "until", "Friday", "."])
PLANS_TO_MEET = (["They", "plan", "to", "meet", "on", "Monday", "."], [1, 1, 3, 1, 3, 4, 1],
                 ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "punct"],
                 ["PRP", "VBP", "TO", "VB", "IN", "NNP", "."],
                 ["PRON", "VERB", "PART", "VERB", "ADP", "PROPN", "PUNCT"],
                 ["they", "plan", "to", "meet", "on", "Monday", "."])
TO_BE_HELD = (["the", "conference", ",", "to", "be", "held", "on", "Monday"],
              [1, 1, 1, 5, 5, 1, 5, 6],
              ["det", "ROOT", "punct", "aux", "auxpass", "acl", "prep", "pobj"],
              ["DT", "NN", ",", "TO", "VB", "VBN", "IN", "NNP"],
              ["DET", "NOUN", "PUNCT", "PART", "AUX", "VERB", "ADP", "PROPN"],
              ["the", "conference", ",", "to", "be", "hold", "on", "Monday"])
COULD_NOT = (["He", "could", "not", "be", "reached", "Monday", "."], [4, 4, 4, 4, 4, 4, 4],
             ["nsubjpass", "aux", "neg", "auxpass", "ROOT", "npadvmod", "punct"],
             ["PRP", "MD", "RB", "VB", "VBN", "NNP", "."],
             ["PRON", "AUX", "PART", "AUX", "VERB", "PROPN", "PUNCT"],
             ["he", "could", "not", "be", "reach", "Monday", "."])


def _doc(hand_doc, spec, published):
    words, heads, deps, tags, pos, lemmas = spec
    return hand_doc(words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas,
                    published=published)


def _weekday_value(hand_doc, spec, published):
    parsed = _doc(hand_doc, spec, published)
    (t,) = [t for t in extract_times(parsed) if t.text in ("Monday", "Friday")]
    return t.value


@pytest.mark.parametrize("spec,tense", [
    (WILL_MEET, FUTURE), (MET, PAST), (HAS_DELAYED, PAST), (PLANS_TO_MEET, FUTURE),
    (TO_BE_HELD, FUTURE), (COULD_NOT, None),
])
def test_tense_of_governing_verb(hand_doc, spec, tense):
    parsed = _doc(hand_doc, spec, "2014-01-15")
    word = "Friday" if "Friday" in spec[0] else "Monday"
    i = parsed.text.index(word)
    assert tense_of(parsed.doc, i, i + len(word)) == tense


def test_present_tense(hand_doc):
    spec = (["Talks", "resume", "Monday", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "npadvmod", "punct"],
            ["NNS", "VBP", "NNP", "."], ["NOUN", "VERB", "PROPN", "PUNCT"],
            ["talk", "resume", "Monday", "."])
    parsed = _doc(hand_doc, spec, "2014-01-15")
    i = parsed.text.index("Monday")
    assert tense_of(parsed.doc, i, i + 6) == PRESENT


def test_no_tagger_no_tense(blank):
    doc = blank("They will meet on Monday.")
    assert tense_of(doc, 18, 24) is None


@pytest.mark.parametrize("published,past,future", [
    ("2014-01-15", "2014-01-13", "2014-01-20"),   # a Wednesday: last Monday / next Monday
    ("2014-01-13", "2014-01-13", "2014-01-20"),   # a Monday: the same day / a week on
    ("2014-01-12", "2014-01-06", "2014-01-13"),   # a Sunday: six days back / the next day
])
def test_weekday_follows_tense_both_ways(hand_doc, published, past, future):
    assert _weekday_value(hand_doc, MET, published) == past
    assert _weekday_value(hand_doc, WILL_MEET, published) == future


def test_weekday_after_a_prospective_verb_is_ahead(hand_doc):
    assert _weekday_value(hand_doc, PLANS_TO_MEET, "2014-01-15") == "2014-01-20"


def test_past_perfect_reporting_points_back(hand_doc):
    assert _weekday_value(hand_doc, HAS_DELAYED, "2014-01-15") == "2014-01-10"


@pytest.mark.model
def test_weekday_tense_with_the_model(parsed):
    future = parsed("The ministers will meet again on Monday in Geneva.", published="2014-01-15")
    past = parsed("The ministers met on Monday in Geneva.", published="2014-01-15")
    assert [t.value for t in extract_times(future)] == ["2014-01-20"]
    assert [t.value for t in extract_times(past)] == ["2014-01-13"]


@pytest.mark.model
def test_month_without_year_follows_tense_with_the_model(parsed):
    p = parsed("Protests began in early March. Elections will be held in early March.",
               published="2014-01-13")
    assert [t.value for t in extract_times(p)] == ["2013-03", "2014-03"]


def test_root_verb_with_an_infinitive_marker_does_not_loop(nlp):
    # spaCy makes a new Token object on each access, so a head compared with `is` never equals
    # its token and a climb to the root never stops: this sentence recursed without end.
    from communique.extract.times.tense import _verb_above

    doc = nlp("To resume talks on Monday.")
    root = next(t for t in doc if t.head == t)
    assert _verb_above(root) is None
