"""The stage as a whole: the reference article's places (real model), the offset invariant, and
the resolver's use of context on the tiny gazetteer."""
from __future__ import annotations

import json
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract.places import extract_places
from communique.extract.places.resolve import Context, _Difference, rank, resolve, score
from communique.extract.places.recognize import Mention
from communique.nlp import ParsedDoc
from communique.schema import CleanDoc


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.mark.shared
@pytest.mark.model
def test_reference_article_required_places(shared, reference_article, parsed, gazetteer):
    gold = json.loads((shared / "eval" / "data" / "article" / "seed" / "gold.jsonl")
                      .read_text(encoding="utf-8").splitlines()[0])
    found = extract_places(parsed(reference_article.read_text(encoding="utf-8")), gazetteer=gazetteer)
    for g in gold["places"]:
        if not g.get("required"):
            continue
        hits = [p for p in found if any(m.text in g["names"] for m in p.mentions)]
        assert hits, (g["names"], [p.extracted_place for p in found])
        p = hits[0]
        assert p.country_code == g["country_code"]
        if g["lat"] is not None:
            assert _km(p.lat, p.lon, g["lat"], g["lon"]) <= 161, (g["names"], p)
    assert not [p for p in found if p.extracted_place in ("Syrian", "Russian", "German")]


@pytest.mark.model
def test_sentence_with_person_named_like_a_town(parsed, gazetteer):
    p = parsed("Jackson Smith met the mayor of Jackson, Mississippi, on Monday. Smith said the "
               "talks in Jackson went well.")
    found = extract_places(p, gazetteer=gazetteer)
    towns = [x for x in found if x.resolved_place == "Jackson"]
    assert towns and towns[0].admin1 == "Mississippi"
    assert all(m.text != "Jackson" or m.start != 0 for x in found for m in x.mentions)


@pytest.mark.model
def test_teams_in_results_lines_are_no_places(parsed, gazetteer):
    p = parsed("Baseball results on Thursday:\nDETROIT 4 Kansas City 1\nMinnesota 6 MILWAUKEE 1\n\n"
               "Detroit won again. The next game is in Kansas City on Monday.")
    found = {m.text for x in extract_places(p, gazetteer=gazetteer) for m in x.mentions}
    assert "Kansas City" in found  # "in Kansas City": the town
    assert not found & {"DETROIT", "Detroit", "Minnesota", "MILWAUKEE"}


@pytest.mark.model
def test_a_country_marking_its_dollar_is_no_place(parsed, gazetteer):
    p = parsed("The minister was accused of taking US $2 million and HK$ 300,000 in bribes. "
               "He fled to the US in May.")
    found = [(m.text, m.start) for x in extract_places(p, gazetteer=gazetteer) for m in x.mentions]
    text = p.text
    assert ("US", text.index("the US") + 4) in found
    assert not [t for t, s in found if s < text.index("He fled")]


PIECES = ["Paris", "Montreaux", ", ", "Switzerland", " and ", "the", " Gaza Strip", " in ", "Ill.",
          "Springfield", "U.S.", " St. Louis", "\n\n", "  ", "said", " Aleppo", "Syrian", "Mo.",
          "Barrow and Jackson counties", " TORRINGTON \u2014 ", "Memphis St.", "Côte d\u2019Ivoire",
          "'s", ".", "Center", "New York", "-", "Sochi-based"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=20))
def test_offsets_point_at_the_mention_text(blank, gazetteer, pieces):
    text = "".join(pieces)
    parsed = ParsedDoc(clean=CleanDoc(id="h", text=text), doc=blank(text))
    found = extract_places(parsed, gazetteer=gazetteer)
    assert len({p.id for p in found}) == len(found)
    for p in found:
        assert p.mentions and p.extracted_place == p.mentions[0].text
        for m in p.mentions:
            assert text[m.start:m.end] == m.text


def _mention(entries, text="Springfield", hints=()):
    return Mention(0, len(text), text, "GPE", True, list(entries), hints=list(hints))


def test_resolver_without_context_weighs_rank_and_population(tiny_gazetteer):
    # a state capital (PPLA) outranks a county seat (PPLA2) half again as large
    ranked = rank(tiny_gazetteer.lookup("Springfield"), ctx=Context(Counter(), Counter()), hints=[],
                  gaz=tiny_gazetteer)
    assert ranked[0][1].admin1 == "IL"


def test_resolver_follows_the_articles_province(tiny_gazetteer):
    groups = {"springfield": [_mention(tiny_gazetteer.lookup("Springfield"))],
              "missouri": [_mention(tiny_gazetteer.lookup("Missouri"), "Missouri")]}
    choice = resolve(groups, gaz=tiny_gazetteer, demonym_votes=Counter(),
                     area_words={"springfield": False, "missouri": False})
    assert choice["springfield"].entry.admin1 == "MO"
    assert choice["missouri"].entry.fcode == "ADM1"


def test_resolver_follows_a_written_container(tiny_gazetteer):
    # "Springfield, Missouri ... Illinois": the written container beats the article's province
    missouri = tiny_gazetteer.lookup("Missouri")
    groups = {"springfield": [_mention(tiny_gazetteer.lookup("Springfield"), hints=missouri)],
              "illinois": [_mention(tiny_gazetteer.lookup("Illinois"), "Illinois")]}
    choice = resolve(groups, gaz=tiny_gazetteer, demonym_votes=Counter(),
                     area_words={"springfield": False, "illinois": False})
    assert choice["springfield"].entry.admin1 == "MO"


counters = st.dictionaries(st.sampled_from("abcdef"), st.floats(0.01, 5.0), max_size=6).map(Counter)


@given(counters, counters)
def test_a_context_without_a_name_reads_as_counter_subtraction(a, b):
    less = _Difference(a, b)
    for k in "abcdefz":
        assert less[k] == (a - b)[k]


def test_ranked_scores_are_the_scores_of_each_candidate(tiny_gazetteer):
    ctx = Context(Counter({"US": 2.0, "RU": 1.0}), Counter({("US", "MO"): 1.0}),
                  Counter({("US", "IL"): 0.5, ("US", "MO"): 0.5}), 2)
    hints = tiny_gazetteer.lookup("Missouri")
    ranked = rank(tiny_gazetteer.lookup("Springfield"), ctx=ctx, hints=hints, gaz=tiny_gazetteer)
    assert len(ranked) == 2
    for s, e in ranked:
        assert s == score(e, ctx=ctx, hints=hints, gaz=tiny_gazetteer)
