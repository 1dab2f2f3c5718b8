"""The grammar: one regular expression per kind of time expression, built from the word tables
of ``lexicon`` and a few named fragments, each paired with the function that interprets it.

Every pattern starts and ends on a word boundary and takes in the determiners and modifiers that
TimeML counts as part of the expression ("the third quarter", "nearly two years", "late
November") but not the preposition before it ("on Monday" -> "Monday"). Where patterns match
overlapping text the longest match wins (``select``), so each pattern can stay simple.
Patterns are lower case and run over a lower-cased copy of the text (several times faster than
``re.IGNORECASE``); checks that care about capitals read the original.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import checks as C
from . import dates as D
from . import measures as M
from .lexicon import (DAY_WORDS, FIXED_HOLIDAYS, MONTH_ABBREVIATIONS, MONTHS, MOVABLE_HOLIDAYS,
                      ORDINALS, PARTS_OF_DAY, QUANTITY_MODS, REFERENCE_WORDS, SEASONS,
                      SET_ADVERBS, TEENS_WORDS, TENS_WORDS, UNITS_WORDS, VAGUE_QUANTITIES,
                      WEEKDAYS, alternation)
from .starts import StartIndex


def opt(*parts: str) -> str:
    """An optional group of ``parts`` in sequence."""
    return "(?:" + "".join(parts) + ")?"


def alt(*parts: str) -> str:
    """A group of alternatives."""
    return "(?:" + "|".join(parts) + ")"


# ---- fragments ---------------------------------------------------------------------------------
B = r"(?<![\w$£€.-])(?<!\w['’])"   # starts a word (not inside a number, a name or an amount)
E = r"(?!\w)"                      # ends a word

MONTH_NAME = alternation(MONTHS)
MONTH_ABBR = rf"(?:{alternation(MONTH_ABBREVIATIONS)})\.?"
MONTH = alt(MONTH_NAME, MONTH_ABBR)
WEEKDAY = alternation(WEEKDAYS)
SEASON = alternation(SEASONS)
POD = alternation(PARTS_OF_DAY)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY_OR_ORDINAL = alt(DAY, alternation(ORDINALS))
YEAR = r"(?:1\d\d\d|20\d\d)(?![\d,]\d|\.\d|%)"

_UNITS, _TEENS, _TENS = (alternation(t) for t in (UNITS_WORDS, TEENS_WORDS, TENS_WORDS))
_TENS_UNITS = rf"(?:{_TENS})(?:[-\s](?:{_UNITS}))?"
SMALL = alt(_TENS_UNITS, _TEENS, _UNITS)
NUM_WORD = alt(rf"(?:a|an|one|{SMALL})\s+(?:hundred|thousand)" + opt(r"\s+(?:and\s+)?", SMALL),
               SMALL)
NUM_DIGIT = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|½)?"
NUM = alt(NUM_DIGIT, NUM_WORD, alternation(VAGUE_QUANTITIES), "an?")
# "nineteen ninety-six", "nineteen oh five", "twenty fourteen", "two thousand (and) one".
SPELLED_YEAR = alt(rf"(?:{_TEENS})\s+" + alt(rf"oh\s+(?:{_UNITS})", _TENS_UNITS, _TEENS),
                   r"twenty\s+" + alt(_TEENS, _TENS_UNITS),
                   r"two\s+thousand" + opt(r"\s+(?:and\s+)?", SMALL))
UNIT = (r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)"
        r"|millenni(?:um|a))s?")
PLURAL_UNIT = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
QMOD = rf"(?P<qmod>{alternation(QUANTITY_MODS)})\s+"
# A part of a period: "early", "mid-", "the end of", "the first half of", "earlier in".
PART = ("(?P<part>"
        r"(?:the\s+)?(?:early|late|mid|middle)(?:-|\s+)(?:part\s+of\s+|on\s+)?"
        r"|(?:the\s+)?(?:beginning|start|middle|end|close|first\s+half|second\s+half|latter\s+part"
        r"|early\s+part|latter\s+half|rest|remainder|balance)\s+of\s+"
        r"|(?:earlier|later)\s+(?:in\s+|on\s+)?"
        ")?")
REL = (r"(?P<rel>this\s+past|this\s+coming|last|past|previous|preceding|prior|this|current|next"
       r"|coming|upcoming|following|that|same)")
ORDINAL_Q = r"(?P<ordinal>first|second|third|fourth|final|1st|2nd|3rd|4th)"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    interpret: Callable
    """(groups, Context) -> Reading | None"""
    check: Callable | None = None
    """(match, text, doc) -> bool: False vetoes the match before the longest-match selection."""
    gate: tuple[str, ...] = ()
    """Strings one of which the lower-cased text must contain for the rule to find anything."""


_UNIT_STEMS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
               "decade", "centur", "millenni")
# Substring tests a text must pass for a rule to find anything in it: most articles have no
# season, holiday, century or spelled-out year. (They were there to skip regexes; ``find`` now
# reads them only once a rule matched, and they still decide: "two in  the morning", two spaces
# after "in", passes the clock expression but not its gate.)
GATES = {
    "clock": ("a.m", "p.m", "am", "pm", "noon", "midnight", "midday", "o'clock", ":", "in the",
              "gmt", "utc"),
    "spelled_year": tuple(TEENS_WORDS) + ("twenty", "two thousand"),
    "decade": ("0s", "0's", "ties"),
    "century": ("century",),
    "season": tuple(SEASONS),
    "quarter": ("quarter", "half"),
    "period_ref": ("quarter", "period"),
    "holiday": ("christmas", "new year", "valentine", "patrick", "independence", "halloween",
                "veterans", "boxing", "may day", "bastille", "thanksgiving", "easter",
                "good friday", "labor day", "memorial day", "mother's", "father's"),
    "day_word": tuple(DAY_WORDS) + ("the day before", "the day after"),
    "part_of_day": tuple(PARTS_OF_DAY),
    "weekday": tuple(WEEKDAYS),
    "set_weekday": tuple(WEEKDAYS),
    "relative_period": ("week", "month", "year", "decade", "century", "day"),
    "year_end": ("end", "ago", "earlier"),
    "ago": ("ago", "earlier", "later", "before", "after", "from now", "hence", "back"),
    "duration": _UNIT_STEMS,
    "vague_duration": _UNIT_STEMS,
    "set_adverb": tuple(SET_ADVERBS),
    "set_every": ("every", "each", "per"),
    "set_frequency": ("once", "twice", "times"),
    "reference": ("now", "current", "recent", "these days", "present", "past", "future", "soon",
                  "near term", "someday", "later date"),
}


def _rule(name: str, fn: Callable, *parts: str, check: Callable | None = None) -> Rule:
    return Rule(name, re.compile(B + "".join(parts) + E), fn, check, GATES.get(name, ()))


# ---- rules, most specific first (the order breaks ties between equally long matches) ----------
RULES: tuple[Rule, ...] = (
    # -- explicit calendar dates
    _rule("iso_date", D.numeric_date,
          r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)",
          opt(r"t(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)")),
    # 1/22/2014 (month first, as in US news) or 22/1/2014 (day first, when it cannot be a month)
    _rule("slash_date", D.slash_date, r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})"),
    _rule("month_day_year", D.month_day,
          opt(rf"(?P<weekday>{WEEKDAY}),?\s+"), r"(?:the\s+)?",
          rf"(?P<month>{MONTH})\s+(?P<day>{DAY_OR_ORDINAL}),?\s+(?:of\s+)?(?P<year>{YEAR})",
          check=C.month_ok),
    _rule("day_month_year", D.month_day,
          opt(rf"(?P<weekday>{WEEKDAY}),?\s+"), r"(?:the\s+)?",
          rf"(?P<day>{DAY_OR_ORDINAL})\s+(?:of\s+)?(?P<month>{MONTH})",
          opt(rf",?\s+(?P<year>{YEAR})"),
          check=C.month_ok),
    _rule("month_day", D.month_day,
          opt(REL, r"\s+"), opt(rf"(?P<weekday>{WEEKDAY}),?\s+"),
          rf"(?P<month>{MONTH})\s+(?P<day>{DAY_OR_ORDINAL})(?!\s*[%$])",
          check=C.month_ok),
    _rule("month_year", D.month_year,
          PART, rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR}|{SPELLED_YEAR})",
          check=C.month_ok),
    _rule("month_rel_year", D.month_year,
          PART, rf"(?P<month>{MONTH_NAME})\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year",
          check=C.month_ok),
    _rule("rel_month", D.month, PART, REL, rf"\s+(?P<month>{MONTH_NAME})", check=C.month_ok),
    _rule("month", D.month, PART, rf"(?P<month>{MONTH_NAME})", check=C.month_ok),
    _rule("year", D.year,
          PART, r"(?:the\s+year\s+)?", opt(r"(?P<fiscal>fiscal(?:\s+year)?|fy)\s*"),
          rf"(?P<year>{YEAR})", opt(r"\s+or\s+(?P<ormore>later|earlier|before|after)"),
          check=C.year_ok),
    _rule("spelled_year", D.year,
          PART, r"(?:the\s+year\s+)?", rf"(?P<year>{SPELLED_YEAR})", check=C.spelled_year_ok),
    _rule("decade", D.decade,
          PART, r"(?:the\s+)?",
          alt(r"(?P<decade>1\d\d0|20\d0)['’]?s", r"['’](?P<short>\d0)s", r"(?<=the )(?P<bare>\d0)s",
              r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)")),
    _rule("century", D.century,
          PART, r"(?:the\s+)?", rf"(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})",
          r"\s+century"),
    _rule("season", D.season,
          PART, opt(alt("the", REL), r"\s+"), rf"(?P<season>{SEASON})",
          opt(rf"\s+(?:of\s+)?(?P<year>{YEAR}|{SPELLED_YEAR})"),
          check=C.season_ok),
    _rule("quarter", D.quarter,
          opt(r"(?P<det>the|its|this|that|last|next|a)\s+"),
          opt(alt(r"(?P<yrel>this|last|next)\s+year's",
                  r"(?P<yago>year-(?:ago|earlier)|comparable|corresponding|same)",
                  rf"(?P<qyear>{YEAR})(?:'s)?"), r"\s+"),
          r"(?:fiscal(?:\s+|-))?", ORDINAL_Q, r"(?:\s+|-)(?:fiscal\s+)?(?P<unit>quarter|half)",
          opt(alt(rf"\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR})",
                  r"\s+of\s+(?:the\s+)?(?P<ofrel>last|this|next)\s+year"))),
    _rule("period_ref", D.period_ref,
          r"(?:the|this|last|next|that|its)\s+",
          opt(r"(?P<which>latest|current|same|previous|prior|comparable|corresponding|year-ago"
              r"|year-earlier|recent|latest\s+fiscal|fiscal)\s+"),
          opt(rf"(?P<pyear>{YEAR})\s+"), r"(?P<unit>quarter|period)",
          opt(r"\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year)"),
          check=C.period_ok),
    _rule("holiday", D.holiday,
          opt(r"(?P<rel>last|this|next)\s+"),
          rf"(?P<holiday>{alternation(list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS))})",
          opt(rf"\s+(?P<year>{YEAR})"),
          check=C.holiday_ok),
    # -- days, weeks, months... counted from the publication date or the date spoken of
    _rule("day_word", D.day_word,
          PART, r"(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
                r"|the\s+day\s+after\s+tomorrow)",
          check=C.day_word_ok),
    _rule("part_of_day", D.part_of_day,
          PART, rf"(?P<rel>this|last|tomorrow|yesterday|tonight|that)\s+(?P<pod>{POD})"),
    _rule("weekday", D.weekday,
          PART, opt(REL, r"\s+"), rf"(?P<weekday>{WEEKDAY})", opt(rf"\s+(?P<pod>{POD})"),
          check=C.weekday_ok),
    _rule("relative_period", D.relative_period,
          PART, opt(r"(?P<the>the)\s+"), opt(REL, r"\s+"),
          r"(?P<unit>week|weekend|month|year|fiscal\s+year|full\s+year|decade|century|day)",
          check=C.relative_period_ok),
    _rule("year_end", D.year_end,
          opt(r"(?P<rel>last|this|next)\s+"),
          r"(?P<unit>year|month|quarter)(?:'s)?[-\s](?P<edge>end|ago|earlier)"),
    _rule("ago", D.ago,
          opt(QMOD), rf"(?P<num>{NUM})[-\s]+(?P<unit>{UNIT})", opt(r"\s+or\s+(?:so|two|more)"),
          r"\s+(?P<dir>ago|earlier|later|from\s+now|hence|back"
          # "two days before." but not "two days before the vote"
          r"|(?:before|after)(?=\s*(?:[.,;:)\"'’”]|$)))"),
    # -- durations, sets, reference words, clock times
    _rule("duration", M.duration,
          opt(r"(?P<det>the|those|these|its|his|her|their|each\s+of\s+the)\s+"),
          opt(r"(?P<rel>first|last|past|next|coming|previous|following|final|remaining|latest"
              r"|same|initial|ensuing|year-earlier|year-ago|other|full)\s+"),
          opt(QMOD), rf"(?P<num>{NUM})",
          opt(r"\s+(?:more|additional|straight|consecutive|full|long)"),
          rf"[-\s]+(?P<unit>{UNIT})",
          r"(?P<half>\s+and\s+a\s+half)?(?P<old>-old|\s+old)?(?P<long>-long)?",
          check=C.duration_ok),
    _rule("vague_duration", M.vague_duration,
          opt(QMOD), opt(r"(?P<det>the)\s+"),
          opt(r"(?P<rel>first|last|past|next|coming|recent|ensuing|early|later)\s+"),
          rf"(?P<unit>{PLURAL_UNIT})(?P<long>-long|-old)?",
          opt(r"\s+(?P<or>or|and)\s+(?P<unit2>days|weeks|months|years|decades)"),
          check=C.vague_duration_ok),
    _rule("set_adverb", M.set_adverb, rf"(?P<adverb>{alternation(SET_ADVERBS)})"),
    _rule("set_every", M.set_every,
          r"(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?",
          opt(rf"(?P<num>{NUM_DIGIT}|{NUM_WORD})\s+"),
          rf"(?P<what>{UNIT}|{WEEKDAY}|{MONTH_NAME}|{SEASON}|{POD}|weekend)"),
    _rule("set_weekday", M.set_weekday,
          rf"(?P<weekday>{WEEKDAY})",
          # "Mondays", "Tuesday nights"
          alt(rf"s(?:\s+(?P<pod>{POD})s?)?", rf"\s+(?P<pods>{POD})s"),
          check=C.weekday_ok),
    _rule("set_frequency", M.set_frequency,
          rf"(?P<freq>once|twice|(?:{NUM_WORD}|\d+)\s+times)\s+(?:a|an|per|every|each)\s+",
          r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade)"),
    _rule("reference", M.reference, rf"(?P<ref>{alternation(REFERENCE_WORDS)})",
          check=C.reference_ok),
    _rule("clock", M.clock,
          opt(QMOD),
          "(?P<clock>",
          r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)",
          r"|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midnight|midday",
          rf"|(?:{SMALL}|\d{{1,2}})\s+(?:o'clock|in\s+the\s+(?:morning|afternoon|evening))",
          r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:gmt|utc|hrs|hours\s+(?:gmt|utc)))",   # "1500 GMT"
          ")",
          r"(?![.:]\d)",                       # not a race time "15:05.21", a clip "0:00:30"
          opt(r"\s+(?P<tz>[ecmp][sd]t|gmt|utc)"),
          opt(r",?\s+(?:on\s+)?",
              rf"(?P<anchor>{WEEKDAY}|today|tonight|yesterday|tomorrow|{MONTH}\s+{DAY}",
              opt(rf",\s+{YEAR}"), ")"),
          check=C.clock_ok),
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    order: int
    match: re.Match


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer ("İ") are kept, so that
    offsets into the copy are offsets into ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_STARTS = StartIndex([rule.pattern for rule in RULES], B)


def find(text: str) -> list[Candidate]:
    """Every match of every rule, overlapping ones included (matched on the lower-cased text;
    the offsets hold for ``text``): for each rule what ``finditer`` finds, tried only where
    ``starts`` says the rule can begin."""
    low = lower_same_length(text)
    resume = [0] * len(RULES)   # per rule, where finditer would go on looking after a match
    gated: dict[int, bool] = {}  # whether a rule's gate lets it run, looked at on its first match
    out = []
    for pos, orders in _STARTS.candidates(low):
        for order in orders:
            if pos < resume[order]:
                continue
            rule = RULES[order]
            m = rule.pattern.match(low, pos)
            if m is None:
                continue
            if order not in gated:
                gated[order] = not rule.gate or any(g in low for g in rule.gate)
            if not gated[order]:
                resume[order] = len(low) + 1
                continue
            resume[order] = m.end()
            out.append(Candidate(pos, m.end(), rule, order, m))
    out.sort(key=lambda c: (c.order, c.start))
    return out


def find_each(text: str) -> list[Candidate]:
    """``find`` the slow way, every rule over the whole text: the reference it is tested against."""
    low = lower_same_length(text)
    out = []
    for order, rule in enumerate(RULES):
        if rule.gate and not any(g in low for g in rule.gate):
            continue
        for m in rule.pattern.finditer(low):
            if m.end() > m.start():
                out.append(Candidate(m.start(), m.end(), rule, order, m))
    return out


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (ties: the earlier rule), in text order."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in ranked:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
