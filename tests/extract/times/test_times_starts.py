"""The start index in front of the grammar: ``find`` must match exactly what running every rule
over the whole text (``find_each``) matches, only faster."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.extract.times.grammar import B, RULES, find, find_each
from communique.extract.times.starts import StartIndex, prefixes


def _found(cands) -> list[tuple]:
    return sorted((c.start, c.end, c.order, tuple(sorted(c.match.groupdict().items()))) for c in cands)


# Pieces that make the rules fire, half-fire and collide, joined at random: dates, months with and
# without days, counts that are no years, durations, clock times, modifiers and their look-alikes.
_PIECES = [
    "January", "Jan.", "jan", "May", "may", "March", "13", "13th", "2014", "1990s", "'90s", "’90s",
    "nineteen ninety-six", "two thousand", "Monday", "mondays", "Tuesday night", "last", "next",
    "this past", "the", "early", "mid-", "the end of", "later in", "week", "weekend", "year",
    "years", "fiscal year", "quarter", "third quarter", "first half of", "two", "twenty-four",
    "a", "an", "about", "nearly", "days", "ago", "earlier", "from now", "every", "each other",
    "per", "once", "twice a", "3 p.m.", "10:30", "noon", "1500 GMT", "o'clock", "in the morning",
    "now", "currently", "recently", "the future", "Christmas", "Easter", "spring", "the fall",
    "century", "21st", "today", "tonight", "yesterday", "No.", "$", "1,990", "37", "old", "-old",
    "shares", "1/22/2014", "2014-01-13", "2014-01-13T09:12", "decade", "ago.", "(", ")", ",", ".",
    "\n", "\n\n", "  ", "İ", "é", "٣", "x",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.lists(st.sampled_from(["", " ", "-", ", ", "\t"]),
                                                                   min_size=30, max_size=30))
def test_find_matches_every_rule_run_over_the_whole_text(pieces, glue):
    text = "".join(p + g for p, g in zip(pieces, glue))
    assert _found(find(text)) == _found(find_each(text))


def test_a_gate_still_decides():
    # The clock expression matches "two in  the morning"; its gate ("in the") does not pass.
    text = "They met at two in  the morning."
    assert not [c for c in find(text) if c.rule.name == "clock"]
    assert [c.rule.name for c in find("They met at two in the morning.")] == ["clock"]


def test_find_on_an_article(reference_article):
    text = reference_article.read_text(encoding="utf-8")
    assert find(text) and _found(find(text)) == _found(find_each(text))


def test_prefixes_widen_and_never_narrow():
    got = prefixes(r"(?:the\s+)?(?:jan|feb)\d", 3)
    as_text = {"".join("|".join(sorted(c[0])) + "".join(str(x) for x in c[1]) for c in p) for p in got}
    # "the" then white space, or a month then a digit: nothing shorter, nothing else.
    assert as_text == {"the", "jan", "feb"}


def test_a_lookaround_or_class_only_widens():
    # The lookahead says nothing about the characters; a negated class lets anything through.
    got = prefixes(r"(?=q)a[^b]c", 3)
    assert len(got) == 1
    (p,) = got
    assert p[0] == (frozenset("a"), frozenset()) and len(p) == 2


def test_index_refuses_patterns_it_cannot_stand_in_for():
    with pytest.raises(ValueError):
        StartIndex([re.compile("abc")], B)                        # no word-start assertions
    with pytest.raises(ValueError):
        StartIndex([re.compile(B + "(?:abc)?")], B)               # can match nothing
    with pytest.raises(ValueError):
        StartIndex([re.compile(B + "abc", re.IGNORECASE)], B)     # flags change what matches


def test_index_lists_only_rules_that_can_start_there():
    index = StartIndex([re.compile(B + r"jan\w*"), re.compile(B + r"\d{4}")], B)
    assert index.candidates("in jan 2014") == [(3, [0]), (7, [1])]
    assert index.candidates("injan 20145") == [(6, [1])]   # mid-word: no start of a word


def test_rules_all_indexed():
    # Every rule is reachable from the index: a rule with no prefix would never be tried.
    from communique.extract.times.grammar import _STARTS
    reachable: set[int] = set()
    stack = [_STARTS._trie]
    while stack:
        node = stack.pop()
        reachable.update(node.get(None, ()))
        stack.extend(v for k, v in node.items() if k is not None)
    assert reachable == set(range(len(RULES)))
