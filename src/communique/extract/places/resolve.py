"""Toponym resolution: pick one gazetteer entry per name, using what the rest of the article says.

Each candidate gets a score from what it is (population, feature: a country outranks a town of the
same name, a capital a village) and from the article: the country the article is about (countries,
provinces and towns named elsewhere, and nationality words such as "Syrian"), the provinces named
in it, and a container written next to the name ("Springfield, Illinois"). The article's context
is first taken from the names that are clear on their own, then refined twice from the choices
made, each name's own vote left out. One name keeps one sense through the article.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import ALT, CODE, Entry, Gazetteer
from .recognize import Mention, _inside

FEATURE_BONUS = {
    "PCLI": 3.0, "PCLD": 2.5, "PCLS": 2.5, "CONT": 2.5, "ADM1": 1.0, "PPLC": 1.5, "PPLA": 0.8,
    "PPLA2": 0.4, "ADM2": 1.0, "ADM2H": 0.8, "PPLX": -0.5,
}
KIND_PENALTY = {ALT: -2.0, CODE: -4.0}
REGION_BONUS = 2.5
REGION_POP = 1_000_000
COUNTRY_SHARE_WEIGHT = 3.0
PROVINCE_SHARE_WEIGHT = 3.0
CONTAINER_BONUS = 8.0  # "Springfield, Missouri" says it outright
SPREAD_WEIGHT = 3.0


class _Difference:
    """``a - b`` of two Counters (positive counts only, like Counter subtraction), computed for
    the keys asked about: the spread holds every province of every candidate of every name,
    and a name's context without its own spread is read for a few of them only."""

    __slots__ = ("a", "b")

    def __init__(self, a, b) -> None:
        self.a, self.b = a, b

    def __getitem__(self, k) -> float:
        v = self.a[k] - self.b[k]
        return v if v > 0 else 0


@dataclass
class Context:
    """What the article is about: weights of countries and of (country, admin1) provinces from
    the places chosen so far, and ``spread``: how many of the article's names could lie in each
    province (a name with candidates in five provinces gives each a fifth)."""

    countries: Counter
    provinces: Counter
    spread: Counter | _Difference = field(default_factory=Counter)
    names: int = 0
    """How many names the spread is summed over."""

    def without(self, other: "Context") -> "Context":
        return Context(self.countries - other.countries, self.provinces - other.provinces,
                       _Difference(self.spread, other.spread), self.names - other.names)


def spread(entries: list[Entry]) -> Counter:
    """A name's share of belief in each province it may lie in (all its candidates count)."""
    provinces = {(e.cc, e.admin1) for e in entries
                 if e.cc and e.admin1 and not e.is_country and e.kind != ALT}
    return Counter({p: 1.0 / len(provinces) for p in provinces})


def vote(entry: Entry, n: int) -> Context:
    """What ``n`` mentions of ``entry`` say about the article's country and province."""
    countries, provinces = Counter(), Counter()
    if entry.cc:
        countries[entry.cc] += n * (2.0 if entry.is_country else 1.5 if entry.fcode == "ADM1" else 1.0)
    if entry.cc and entry.admin1 and not entry.is_country:
        provinces[(entry.cc, entry.admin1)] += n * (2.0 if entry.fcode == "ADM1" else 1.0)
    return Context(countries, provinces)


@dataclass(frozen=True, slots=True)
class _Totals:
    """What ``score`` reads of a context for every candidate: worked out once per context."""

    countries: float
    top: str | None
    near_top: list[str]
    provinces: float

    @staticmethod
    def of(ctx: Context, gaz: Gazetteer) -> "_Totals":
        countries = sum(ctx.countries.values())
        top = ctx.countries.most_common(1)[0][0] if countries else None
        return _Totals(countries, top, gaz.neighbours(top) if countries else [],
                       sum(ctx.provinces.values()))


def score(entry: Entry, *, ctx: Context, hints: list[Entry], gaz: Gazetteer,
          city_named_like_province: bool = False) -> float:
    return _score(entry, ctx, _Totals.of(ctx, gaz), hints, city_named_like_province)


def _score(entry: Entry, ctx: Context, totals: _Totals, hints: list[Entry],
           city_named_like_province: bool) -> float:
    # A hand-listed region is what its name usually means: it counts as a million-people place.
    s = 0.9 * math.log10(max(entry.pop, REGION_POP if entry.gid < 0 else 10))
    s += REGION_BONUS if entry.gid < 0 else FEATURE_BONUS.get(entry.fcode, 0.0)
    s += KIND_PENALTY.get(entry.kind, 0.0)
    if hints:
        s += CONTAINER_BONUS if any(_inside(entry, h) for h in hints) else -2.0
    total = totals.countries
    if total and entry.cc:
        s += COUNTRY_SHARE_WEIGHT * ctx.countries[entry.cc] / total
        if entry.cc != totals.top and entry.cc in totals.near_top:
            s += 0.5
    province = (entry.cc, entry.admin1)
    total = totals.provinces
    if total and entry.admin1 and entry.fcode != "ADM1":
        s += PROVINCE_SHARE_WEIGHT * ctx.provinces[province] / total
    if ctx.names > 0 and entry.admin1:
        s += SPREAD_WEIGHT * ctx.spread[province] / ctx.names
    if entry.fcode == "ADM1" and city_named_like_province:
        s -= 2.0  # the city, unless the text says province or state
    return s


def rank(entries: list[Entry], *, ctx: Context, hints: list[Entry], gaz: Gazetteer,
         area_word: bool = False) -> list[tuple[float, Entry]]:
    # "Aleppo", "New York", "Washington": a province and a city of its country share the name.
    biggest_city = Counter()
    for e in entries:
        if e.fcode.startswith("PPL"):
            biggest_city[e.cc] = max(biggest_city[e.cc], e.pop)
    scored = []
    totals = _Totals.of(ctx, gaz)
    for e in entries:
        clash = e.fcode == "ADM1" and biggest_city[e.cc] >= 0.05 * e.pop and not area_word
        scored.append((_score(e, ctx, totals, hints, clash), e))
    scored.sort(key=lambda se: (-se[0], -se[1].pop, se[1].gid))
    return scored


@dataclass(frozen=True)
class Choice:
    """The entry chosen for a name, its score, and by how much it beat the next candidate."""

    entry: Entry
    score: float
    candidates: int
    margin: float | None

    @staticmethod
    def of(ranked: list[tuple[float, Entry]]) -> "Choice":
        margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else None
        return Choice(ranked[0][1], ranked[0][0], len(ranked), margin)


def resolve(groups: dict[str, list[Mention]], *, gaz: Gazetteer, demonym_votes: Counter,
            area_words: dict[str, bool], rounds: int = 3) -> dict[str, Choice]:
    """The chosen entry for each distinct name, from ``groups`` (name -> its mentions)."""
    spreads = {k: spread(ms[0].entries) for k, ms in groups.items()}
    base = Context(Counter(demonym_votes), Counter(), sum(spreads.values(), Counter()), len(groups))
    hints = {k: [h for m in ms for h in m.hints] for k, ms in groups.items()}
    choice: dict[str, Choice] = {}
    for k, ms in groups.items():  # round 0: the names that are clear on their own
        ctx = base.without(Context(Counter(), Counter(), spreads[k], 1))
        c = Choice.of(rank(ms[0].entries, ctx=ctx, hints=hints[k], gaz=gaz, area_word=area_words[k]))
        if c.margin is None or c.margin >= 2.0:
            choice[k] = c
    for _ in range(rounds):
        total = Context(Counter(base.countries), Counter(), Counter(base.spread), base.names)
        votes = {k: vote(c.entry, len(groups[k])) for k, c in choice.items()}
        for v in votes.values():
            total.countries.update(v.countries)
            total.provinces.update(v.provinces)
        new = {}
        for k, ms in groups.items():
            own = votes.get(k) or Context(Counter(), Counter())
            ctx = total.without(Context(own.countries, own.provinces, spreads[k], 1))
            new[k] = Choice.of(rank(ms[0].entries, ctx=ctx, hints=hints[k], gaz=gaz,
                                    area_word=area_words[k]))
        if {k: c.entry for k, c in new.items()} == {k: c.entry for k, c in choice.items()}:
            return new
        choice = new
    return choice


def context_of(choice: dict[str, Choice], groups: dict[str, list[Mention]],
               demonym_votes: Counter) -> Context:
    """What the chosen places (and nationality words) say the article is about."""
    total = Context(Counter(demonym_votes), Counter())
    for k, c in choice.items():
        v = vote(c.entry, len(groups[k]))
        total.countries.update(v.countries)
        total.provinces.update(v.provinces)
    return total
