"""Is a capitalised name that the gazetteer knows a place here? The evidence rules.

spaCy's GPE/LOC entities are places unless the name is a person's ("coach Ripley"); any other
name needs evidence: it names a country, province or county, a large city, a town in a province or
country the article is about, or it follows "in"/"near". Ordinary English words that happen to
name a hamlet ("Union", "Center"), streets ("Memphis St."), nationality words ("Syrian") and parts
of longer names ("Tennessee" in "Tennessee Colony") are not places.
"""
from __future__ import annotations

from .gazetteer import Gazetteer
from .recognize import Mention, is_person, is_weak_name, part_of_longer_name, street_name
from .resolve import Context

BIG_CITY = 100_000
PERSON_BIG_CITY = 500_000
LOCATIVE_TOWN = 5_000
PERSON_LOCATIVE_TOWN = 50_000
LOCAL_TOWN = 1_000
NATIONAL_TOWN = 20_000
LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "to", "into", "across", "around"})
STRONG_AREAS = ("PCLI", "PCLD", "PCLS", "ADM1", "CONT")
# One-word names of provinces in some countries ("West", "Centre") that are mostly directions.
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "northeast", "northwest", "southeast", "southwest", "north east",
    "north west", "south east", "south west", "midlands", "coast", "capital", "islands", "interior",
})
NAME_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
NOT_PLACES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

NO_EVIDENCE = ""
"""``accept``'s answer when nothing here says place or not: then the name counts as a place if
it is one elsewhere in the article (one sense per article)."""


def accept(m: Mention, doc, ctx: Context, surnames: frozenset[str], lower_words: set[str], *,
           firm_keys, gaz: Gazetteer) -> str | None:
    """Is this capitalised name a place? The evidence that says so; None when something says
    it is not (a person, a street, an ordinary word...); NO_EVIDENCE when nothing says either."""
    area = _explicit_area(m)
    if (street_name(doc, m) and not area) or part_of_longer_name(doc, m) or _currency(doc, m):
        return None
    if m.label in NOT_PLACES:
        return NO_EVIDENCE
    if m.hints:
        return "a place in the area written after it"
    if m.container:
        return "the area of the place written before it"
    if is_weak_name(m) or m.key in DIRECTION_WORDS:
        return None
    if is_person(doc, m, surnames, area=area):
        return None
    if m.firm:
        return f"{m.label} entity"
    if m.label == "NORP" and (m.text in gaz.demonyms or m.text.endswith(("ans", "ian", "ese", "ish"))):
        return None
    single = m.first_token == m.last_token
    first = doc[m.first_token]
    if single and first.lower_ in lower_words:
        return None  # the word also appears in lowercase: an ordinary word
    if single and first.is_sent_start and first.pos_ != "PROPN":
        return NO_EVIDENCE
    if m.label and not m.whole and m.label != "PERSON" and _is_head(doc, m) and not (
            area or any(e.pop >= BIG_CITY and e.kind == 0 for e in m.entries)):
        return None  # "Law Enforcement Center": the head noun of a longer name
    if m.key in firm_keys:
        return "called a place elsewhere in the article"
    if area:
        return "a country, province or county by name"
    # An English word ("Union", "Center") written with a capital where capitals are the rule
    # anyway: at a sentence start, in capitals, inside an organisation's name.
    common = single and m.key in gaz.common_words and (
        first.is_sent_start or first.text.isupper() or m.label in NAME_LABELS)
    top = ctx.countries.most_common(1)[0][0] if ctx.countries else None
    locative = m.first_token > 0 and doc[m.first_token - 1].lower_ in LOCATIVE
    # Cities named like people ("Lincoln", "Florence", "Jackson") need more when spaCy saw a person.
    person = m.label == "PERSON"
    big, town = (PERSON_BIG_CITY, PERSON_LOCATIVE_TOWN) if person else (BIG_CITY, LOCATIVE_TOWN)
    for e in m.entries:
        if e.kind != 0:
            continue
        if e.pop >= big:
            return "a large city"
        if common:
            continue
        if e.pop >= LOCAL_TOWN and ctx.provinces[(e.cc, e.admin1)] > 0:
            return "a town in a province the article names"
        if e.pop >= NATIONAL_TOWN and e.cc == top and not person:
            return "a town in the article's country"
        if locative and e.pop >= town:
            return "a town after a locative preposition"
    return NO_EVIDENCE


def _currency(doc, m: Mention) -> bool:
    """A country's short name marking its dollar: "US $50 million", "HK$ 3 billion"."""
    nxt = m.last_token + 1
    return m.first_token == m.last_token and nxt < len(doc) and doc[nxt].text == "$" \
        and len(doc[m.first_token].text.replace(".", "")) <= 3


def _explicit_area(m: Mention) -> bool:
    """A country, province or continent by its own name, or a county named as one."""
    for e in m.entries:
        if e.kind != 0:
            continue
        if (e.fcode in STRONG_AREAS and (e.pop >= 50_000 or e.is_country)) or e.gid < 0:
            return True
        if e.fcode.startswith("ADM2") and m.key.endswith(("county", "parish", "borough")):
            return True
    return False


def _is_head(doc, m: Mention) -> bool:
    """The name ends the entity it sits in and is not introduced by "of" ("University of Texas")."""
    ent = doc[m.last_token].ent_iob_ and doc[m.last_token]
    last_of_entity = m.last_token + 1 >= len(doc) or doc[m.last_token + 1].ent_iob_ != "I"
    after_of = m.first_token > 0 and doc[m.first_token - 1].lower_ in ("of", "in", "at")
    return bool(ent) and last_of_entity and not after_of


