"""Context checks that veto a grammar match before the longest-match selection: "May" the modal,
"March" the verb, "1990" the number of shares, "37 years old" the age, a bare "weeks" that is no
time expression. A check sees the match, the text and the spaCy ``Doc`` (tags and entities are
used when the pipeline has them; every check also works on a blank tokenizer).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import AMBIGUOUS_MONTHS, MONTH_ABBREVIATIONS

_WORD_BEFORE = re.compile(r"([\w'’$.,%-]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([\w%$-]+)")

# Words before a bare month or year that make it a date: "in May", "since 1990".
DATE_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "til", "of", "from", "through", "throughout", "during",
    "before", "after", "between", "and", "or", "to", "last", "this", "next", "early", "late", "mid",
    "the", "around", "about", "on", "for", "into", "as", "that", "is", "was", "be", "until",
    "fiscal", "circa", "spring", "summer", "fall", "autumn", "winter", "end", "beginning",
})
# Nouns after a number that make it a count, not a year: "1990 shares", "2000 troops".
MEASURE_WORDS = frozenset({
    "percent", "per", "%", "people", "shares", "troops", "soldiers", "miles", "feet", "meters",
    "metres", "kilometers", "kilometres", "km", "dollars", "yen", "marks", "francs", "pounds",
    "tons", "tonnes", "units", "cars", "votes", "points", "residents", "members", "employees",
    "jobs", "workers", "acres", "barrels", "cents", "men", "women", "children", "refugees",
    "prisoners", "students", "delegates", "seats", "hectares", "times", "calories", "degrees",
    "yards", "inches", "lb", "kg", "mph", "hours", "minutes", "days", "copies",
})
# Words before a number that make it no year: "No. 1990", "Flight 2000", "$2000".
NUMBER_LABELS = frozenset({"no", "no.", "number", "flight", "route", "room", "model", "page",
                           "pages", "article", "section", "resolution", "chapter", "code",
                           "item", "lot", "box", "suite", "apartment", "tel", "fax", "about",
                           "some", "nearly", "almost", "approximately", "roughly", "over",
                           "than", "only", "just", "total", "$"})
# Words before a bare plural period noun that make it a duration: "for years", "within weeks".
DURATION_CUES = frozenset({"for", "within", "in", "over", "after", "than", "took", "take",
                           "takes", "taking", "lasted", "last", "lasting", "spent", "spend",
                           "of", "ago", "recent", "coming", "few", "next", "past", "into"})


_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|dozen|percent|cents?|dollars?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|once|twice|times))"
    r"\b[^.!?\n\d]{0,25}$", re.IGNORECASE)


def word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 40):start])
    return m.group(1).lower() if m else ""


def word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 40])
    return m.group(1).lower() if m else ""


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _titled(m: re.Match, name: str, text: str) -> bool:
    """Whether a common noun of the match is capitalised away from a sentence start: a title
    ("60 Minutes", ABC's "This Week")."""
    word = surface(m, name, text)
    if not word or not word[:1].isupper() or word.isupper():
        return False
    return not _sentence_start(text, m.start(name))


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:\n][\"'’”)]?|[\"“‘`]|``)\s*$")


def _sentence_start(text: str, i: int) -> bool:
    return _OPENS_SENTENCE.search(text[max(0, i - 6):i]) is not None


def group(m: re.Match, name: str) -> str | None:
    """The named group's (lower-cased) text, or None where the rule has no such group or it did
    not match."""
    return m.group(name) if name in m.re.groupindex else None


def surface(m: re.Match, name: str, text: str) -> str:
    """The named group as written: the grammar matches a lower-cased copy of ``text``."""
    s, e = m.span(name)
    return text[s:e] if s >= 0 else ""


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def month_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """Month names and abbreviations only when capitalised; "May" and "March" are also no modal
    or verb, and a lone month is no person's name."""
    word = surface(m, "month", text)
    bare = word.lower().rstrip(".")
    if not _is_capitalised(word):
        return False
    if bare in MONTH_ABBREVIATIONS and len(word) == len(bare) and bare not in ("sept",):
        # "Dec 7" is fine, a bare "Mar" or "Jan" on its own is not.
        if not group(m, "day"):
            return False
    tok = _token_at(doc, m.start("month"))
    if tok is not None and (tok.tag_ == "MD" or tok.ent_type_ in ("PERSON", "ORG")):
        return False
    if group(m, "day") or group(m, "year") or group(m, "yrel"):
        return True
    if bare in AMBIGUOUS_MONTHS:
        if tok is not None and tok.pos_ == "VERB":
            return False
        if group(m, "part") or group(m, "rel"):
            return True
        if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[m.end():m.end() + 12]):
            return False  # "the March of Dimes"
        return word_before(text, m.start("month")) in DATE_PREPOSITIONS
    return True


def year_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """A four-digit number is a year unless it counts something or labels something."""
    start = m.start("year")
    if m.group("part") or m.group("fiscal"):
        return True
    before = word_before(text, start)
    after = word_after(text, m.end("year"))
    if after in MEASURE_WORDS or before in NUMBER_LABELS:
        return False
    if re.search(r"[\d$£€]\s*$|\d\s*(?:-|to)\s*$", text[max(0, start - 6):start]):
        return False
    tok = _token_at(doc, start)
    if tok is not None and tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL") \
            and before not in DATE_PREPOSITIONS:
        return False
    return True


def spelled_year_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """"nineteen ninety-six" is a year; "two thousand" only after "the year" or "in"/"since"."""
    matched = m.group(0).lower()
    if matched.startswith("the year") or not m.group("year").lower().startswith("two thousand"):
        return after_ok(m, text)
    return word_before(text, m.start()) in {"in", "since", "by", "until", "of", "from", "through"} \
        and after_ok(m, text)


def after_ok(m: re.Match, text: str) -> bool:
    return word_after(text, m.end()) not in MEASURE_WORDS


def relative_period_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """A period noun needs a determiner or modifier to be a time expression ("the year", "last
    week"); "the day" needs a part ("later in the day")."""
    if not (m.group("rel") or m.group("the") or m.group("part")):
        return False
    unit = m.group("unit").lower()
    if unit == "day" and not (m.group("part") or m.group("rel")):
        return False
    if _titled(m, "unit", text) or re.match(r"-", text[m.end():m.end() + 1]):
        return False  # "This Week" (a programme), "the week-long"
    return word_after(text, m.end()) not in ("old",)


def duration_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """No ages ("37 years old", "a 48-year-old man"); no rates ("$500 million a year")."""
    if m.group("old"):
        return False
    num = m.group("num").lower()
    unit = m.group("unit").lower()
    if word_after(text, m.end()) in ("old",):
        return False
    if num in ("a", "an") and not (m.group("det") or m.group("rel") or m.group("qmod")):
        # A rate: an amount, then "a year" ("$500 million a year", "four flights a week").
        if _AMOUNT_BEFORE.search(text[max(0, m.start() - 40):m.start()]) \
                and word_before(text, m.start()) not in DURATION_CUES:
            return False
        if word_before(text, m.start()) == "per":
            return False
    if _titled(m, "unit", text):
        return False
    if unit.startswith("quarter") and re.match(r"\s*(?:of\b|-)", text[m.end():m.end() + 4]):
        return False  # "three-quarters of", "a quarter-century"
    if unit.startswith("second") and num in ("a", "an"):
        return False  # "a second time", "a second" (ordinal)
    return True


def vague_duration_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """A bare plural ("weeks", "years") only after a duration cue or before "ago"."""
    if _titled(m, "unit", text):
        return False
    if m.group("qmod") or m.group("det") or m.group("rel"):
        return True
    if m.group("long"):
        return True
    return word_before(text, m.start()) in DURATION_CUES or word_after(text, m.end()) in ("ago",)


def season_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """A season word alone is no date ("prices fall"), nor is "the fall"/"the spring" (a drop, a
    source) without a year; "the summer", "last fall", "early spring" are."""
    rel = m.group("rel")
    has_the = m.group(0).startswith("the ")
    if m.group("year"):
        return True
    word = m.group("season").lower()
    if rel:
        return True
    if has_the and word in ("summer", "winter", "autumn"):
        return True
    return bool(m.group("part")) and word in ("summer", "winter", "autumn", "spring")


def holiday_ok(m: re.Match, text: str, doc: Doc) -> bool:
    return _is_capitalised(surface(m, "holiday", text))


def weekday_ok(m: re.Match, text: str, doc: Doc) -> bool:
    return _is_capitalised(surface(m, "weekday", text))


def reference_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """Reference words as TimeBank annotates them: "soon" but not the conjunction "as soon as";
    "future" as a noun ("the future", "the country's future") but not the adjective ("future
    earnings"); no capitalised adjective inside a name ("Future Group")."""
    word = " ".join(m.group("ref").lower().split())
    after = word_after(text, m.end())
    if word == "soon":
        return word_before(text, m.start()) != "as" and after not in ("after", "before", "as")
    if word in ("the past", "the future", "the present") and _counted_after(m, text, doc):
        return False  # "in the past nine elections", "the future king"
    if word == "future":
        return word_before(text, m.start()) in ("'s", "’s", "in", "for", "of", "a", "our", "his",
                                                "her", "their", "its", "my", "your")
    if surface(m, "ref", text)[:1].isupper() and word in ("current", "recent"):
        return _sentence_start(text, m.start())
    return True


_COUNT_WORDS = frozenset({"few", "several", "many", "couple", "two", "three", "four", "five", "six",
                          "seven", "eight", "nine", "ten", "twelve", "twenty", "decade",
                          "century", "year", "month", "week", "day"})


def _counted_after(m: re.Match, text: str, doc: Doc) -> bool:
    """Whether a count or a noun follows: then "the past" is an adjective, not the past."""
    after = word_after(text, m.end())
    if after.isdigit() or after in _COUNT_WORDS:
        return True
    if re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
        tok = _token_at(doc, m.end() + 1)
        return tok is not None and tok.pos_ in ("NOUN", "NUM", "ADJ", "PROPN")
    return False


def day_word_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """"USA Today" is a newspaper, not the day."""
    return not (surface(m, "word", text)[:1].isupper() and not m.group("part")
                and not _sentence_start(text, m.start("word")))


def clock_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """"High Noon" is a film."""
    clock = m.group("clock")
    if clock.lower() in ("noon", "midnight") and (word_before(text, m.start()) == "high"
                                                   or _titled(m, "clock", text)):
        return False
    return True


def period_ok(m: re.Match, text: str, doc: Doc) -> bool:
    """Not "the quarter-to-quarter comparison", "its quarter-century low"."""
    return not re.match(r"-", text[m.end():m.end() + 1])
