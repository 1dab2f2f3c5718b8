"""Teams in sport results: "DETROIT 4 Kansas City 1", "Somerset 83 and 174 ( ... ) , Leicestershire 296".

Wire sport copy names clubs after their towns, counties and countries. Read as places, every
results table lands on the map (a known fault of geocoded event data: "Boston beat New York"
puts a pin in both) and the clubs are missing from the actors. A line of results has a fixed
shape: a name directly followed by its score, twice or more; a league table's row is a name
followed by four or more figures. Either is a line of names and figures, not prose: at most a
third of its words are written in lower case ("U.S. 79 ... U.S. 84" in a paragraph about a
car chase are roads). The names in such lines are teams throughout the article ("Leicestershire beat Somerset"), except where a preposition of place
says the town is meant ("at Leicester", "in Kansas City").

A name here is a run of up to four capitalised words that no bracket encloses ("( P. Simmons
4-38 )" is a bowler's figures), that starts with no initial and no month or weekday, and that the
model did not call a person ("Montgomerie 66" in golf results). A score is a number of at most
three digits, or two joined by a dash ("108-3"); a year or a date is none. Read by the actors
and places stages.
"""
from __future__ import annotations

import re

SCORE = re.compile(r"\d{1,3}(?:-\d{1,3})?")
FIGURE = re.compile(r"\d*\.?\d+(?:-\d+)?|\d+/\d+")
TABLE_FIGURES = 4
INITIAL = re.compile(r"[A-Z]\.")
NOT_TEAMS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday the a an and or of in on at to for by with from article section
chapter resolution flight route highway interstate level grade group phase round week day game match
number no page""".split())
LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "around"})
MAX_WORDS = 4
_FIRST = re.compile(r"[\w'\u2019]+|\S")


def _text(words: list[str], ws: list[str], a: int, b: int) -> str:
    """The text of tokens ``a:b``, their own spacing between them."""
    return "".join(words[k] + ws[k] for k in range(a, b - 1)) + words[b - 1]


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and w[:1].isalpha()


def _lines(words: list[str], ws: list[str]) -> list[tuple[int, int]]:
    out, a = [], 0
    for i, (w, s) in enumerate(zip(words, ws)):
        if "\n" in w or "\n" in s:
            end = i if "\n" in w else i + 1
            if end > a:
                out.append((a, end))
            a = i + 1
    if len(words) > a:
        out.append((a, len(words)))
    return out


def _name_before(words: list[str], a: int, i: int, person: list[bool]) -> int | None:
    """The start of the name that ends just before token ``i`` (the score), if there is one."""
    s = i
    while s > a and i - s < MAX_WORDS and _capitalised(words[s - 1]) and not person[s - 1]:
        s -= 1
    if s == i or INITIAL.fullmatch(words[s]) or words[s].lower() in NOT_TEAMS:
        return None
    return s


def team_names(words: list[str], ws: list[str], person: list[bool]) -> frozenset[str]:
    """The names of the teams in the article's results lines, lower-cased ("DETROIT" in a
    table, where capitals mark the home side, is "Detroit" in the report below it).
    ``words``/``ws``: the tokens' texts and trailing whitespace; ``person``: whether each token
    is part of a person's name."""
    teams: set[str] = set()
    for a, b in _lines(words, ws):
        found, depth = [], 0
        for i in range(a, b):
            w = words[i]
            if w == "(":
                depth += 1
            elif w == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and i > a and w[:1].isdigit() and SCORE.fullmatch(w):
                s = _name_before(words, a, i, person)
                if s is not None:
                    found.append(_text(words, ws, s, i).lower())
        if found and (len(found) >= 2 or _table_row(words, a, b)) and not _prose(words, a, b):
            teams.update(found)
    return frozenset(teams)


def _prose(words: list[str], a: int, b: int) -> bool:
    alpha = [w for w in words[a:b] if w.isalpha()]
    return sum(w.islower() for w in alpha) * 3 > len(alpha)


def _table_row(words: list[str], a: int, b: int) -> bool:
    """A name and then nothing but figures, four or more: "Millwall 4 2 1 1 7 5 7"."""
    figures = [w for w in words[a:b] if FIGURE.fullmatch(w)]
    first = next((i for i in range(a, b) if FIGURE.fullmatch(words[i])), b)
    return len(figures) >= TABLE_FIGURES and all(FIGURE.fullmatch(w) or w in ".-" for w in words[first:b])


def occurrences(words: list[str], ws: list[str], teams: frozenset[str]) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` of every place where a team's name is written."""
    if not teams:
        return []
    first_words = {_FIRST.match(t).group(0) for t in teams}
    out = []
    for i, w in enumerate(words):
        if w.lower() not in first_words:
            continue
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):  # a name is at most MAX_WORDS tokens
            if _text(words, ws, i, i + n).lower() in teams:
                out.append((i, i + n))
                break
    return out


def is_team(words: list[str], start: int, end: int, text: str, teams: frozenset[str]) -> bool:
    """Whether the tokens ``start:end`` (reading ``text``) name a team, not the town: a team's
    name not after a preposition of place."""
    if text.lower() not in teams:
        return False
    before = start - 1
    while before >= 0 and words[before].lower() == "the":
        before -= 1
    return before < 0 or words[before].lower() not in LOCATIVE
