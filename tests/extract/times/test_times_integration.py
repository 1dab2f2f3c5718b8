"""The stage as a whole: the reference article's required times, the offset invariant, and
order and typing of the output."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract.times import extract_times
from communique.nlp import ParsedDoc
from communique.schema import TIME_TYPES, CleanDoc


@pytest.mark.shared
@pytest.mark.model
def test_reference_article_required_times(shared, reference_article, parsed):
    gold = json.loads((shared / "eval" / "data" / "article" / "seed" / "gold.jsonl")
                      .read_text(encoding="utf-8").splitlines()[0])
    p = parsed(reference_article.read_text(encoding="utf-8"), published=gold["published"])
    found = extract_times(p)
    for g in gold["times"]:
        if not g.get("required"):
            continue
        accepted = g["value"] if isinstance(g["value"], list) else [g["value"]]
        hits = [t for t in found if g["text"] in t.text or t.text in g["text"]]
        assert any(t.value in accepted for t in hits), (g, [(t.text, t.value) for t in hits])
    mid = [t for t in found if t.text == "mid-2012"]
    assert mid and mid[0].mod == "MID"


PIECES = ["Monday", "on January 22", "last week", "two days ago", "mid-2012", "3 p.m.", "now",
          "the third quarter", "three years", "every week", "yesterday", "Dec. 7, 1998",
          "the late 1990s", "in May", "1,990 shares", "the", "and", ",", ".", "it", "İstanbul",
          "\n\n", "  ", "said", "will meet", "'s", "45 years old", "a year ago", "nineteen ninety"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25),
       st.sampled_from([None, "2014-01-13", "1989-11-02T10:00:00"]))
def test_offsets_point_into_the_text(blank, pieces, published):
    text = " ".join(pieces)
    parsed = ParsedDoc(clean=CleanDoc(id="t", text=text, published=published), doc=blank(text))
    found = extract_times(parsed)
    assert all(text[t.start:t.end] == t.text for t in found)
    assert all(t.type in TIME_TYPES and t.value for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.model
@pytest.mark.parametrize("text, span, published, value", [
    # "set on" is past ("set for", "set to" look ahead)
    ("The index closed within 70 points of its record high set on Aug. 6.", "Aug. 6", "1998-02-06",
     "1997-08-06"),
    # a date before a noun is the noun's time, whatever the tense of the verb
    ("The firm is still trying to sell itself under a June agreement with its shareholders.", "June",
     "1989-10-27", "1989-06"),
    ("Police have been searching for him since shortly after the Oct. 23 shooting.", "Oct. 23",
     "1999-05-06", "1998-10-23"),
])
def test_dates_without_a_year_read_in_context(parsed, text, span, published, value):
    found = {t.text: t.value for t in extract_times(parsed(text, published=published))}
    assert found.get(span) == value, found
