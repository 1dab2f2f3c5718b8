"""Stage *places*: toponyms in the text, resolved to GeoNames entries (Mordecai-class, offline).

``load_gazetteer()`` opens the packaged GeoNames gazetteer (see ``gazetteer.py``);
``extract_places(parsed, gazetteer=...)`` finds the place names (``recognize.py``), resolves each
against the article's context (``resolve.py``) and returns one ``Place`` per distinct resolved
place with all its mentions. Nationality words ("Syrian", "Sri Lankan", whatever label the model
gives them) are not places: they only tell the resolver which country the article is about;
"the Sri Lankan capital" is the capital. A direction before a country ("south Lebanon") is part
of that country, not a town named "South Lebanon".
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ...nlp import ParsedDoc
from ...schema import Place, Span, make_id
from .accept import NO_EVIDENCE, accept
from .gazetteer import Gazetteer, load_gazetteer
from .recognize import AREA_WORDS, Mention, find_mentions, is_weak_name, person_surnames
from .resolve import Choice, context_of, resolve

__all__ = ["Gazetteer", "load_gazetteer", "extract_places"]

# Words written in lowercase somewhere in the article: "union" there makes "Union" a word.
_LOWER_WORD = re.compile(r"(?<![\w.'\u2019-])[a-z]+(?![\w'\u2019-])")


def extract_places(parsed: ParsedDoc, *, gazetteer: Gazetteer) -> list[Place]:
    """One ``Place`` per distinct resolved place in the article, every mention merged.

    Recognition runs twice: the GPE/LOC entities are resolved first to learn what countries and
    provinces the article is about; that context then decides which of the other capitalised
    names are places, and all of them are resolved together."""
    doc, text = parsed.doc, parsed.text
    ents = doc.ents  # built anew on each access: read once
    mentions = find_mentions(doc, gazetteer, ents=ents)
    # nationality words count for the article's country, also where the model called them
    # places ("Sri Lankan" GPE): those are no mentions
    placed = {m.start for m in mentions}
    demonym_votes = Counter(gazetteer.demonyms[e.text] for e in ents if e.text in gazetteer.demonyms and (
        e.label_ == "NORP" or (e.label_ in ("GPE", "LOC") and e.start_char not in placed)))
    surnames = person_surnames(ents)
    lower_words = set(_LOWER_WORD.findall(text))

    firm = _group([m for m in mentions if m.firm and not is_weak_name(m)])
    area_words = {k: _area_word_after(doc, ms) for k, ms in _group(mentions).items()}
    first = resolve(firm, gaz=gazetteer, demonym_votes=demonym_votes, area_words=area_words)
    ctx = context_of(first, firm, demonym_votes)

    for m in mentions:
        m.reason = accept(m, doc, ctx, surnames, lower_words, firm_keys=firm.keys(), gaz=gazetteer)
    placed = {m.key for m in mentions if m.reason}
    for m in mentions:
        if m.reason == NO_EVIDENCE and m.key in placed:
            m.reason = "a place elsewhere in the article"
    groups = _group([m for m in mentions if m.reason])
    choice = resolve(groups, gaz=gazetteer, demonym_votes=demonym_votes, area_words=area_words)

    by_place: dict[int, list[Mention]] = defaultdict(list)
    choice_of: dict[int, Choice] = {}
    for k, ms in groups.items():
        c = choice[k]
        by_place[c.entry.gid].extend(ms)
        choice_of.setdefault(c.entry.gid, c)
    places = []
    for gid, ms in by_place.items():
        ms.sort(key=lambda m: m.start)
        places.append(_place(parsed.clean.id, choice_of[gid], ms, text, gazetteer))
    places.sort(key=lambda p: p.mentions[0].start)
    return places


def _group(mentions: list[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    return dict(groups)


def _area_word_after(doc, ms: list[Mention]) -> bool:
    return any(m.last_token + 1 < len(doc) and doc[m.last_token + 1].lower_ in AREA_WORDS for m in ms)


def _place(doc_id: str, c: Choice, ms: list[Mention], text: str, gaz: Gazetteer) -> Place:
    e, first = c.entry, ms[0]
    fcode = "ADM2" if e.fcode == "ADM2H" else e.fcode
    how = f"{first.reason}; " + (f"{'near spelling, ' if first.fuzzy else ''}best of {c.candidates} "
                                 f"candidates by {c.margin:.1f}" if c.margin is not None else
                                 f"{'near spelling, ' if first.fuzzy else ''}the only candidate")
    if e.fcode == "ADM2H":
        how += "; point of the county's province"
    return Place(
        id=make_id("P", doc_id, first.start, first.end),
        extracted_place=first.text,
        resolved_place=e.name,
        geonameid=e.gid if e.gid > 0 else None,
        lat=round(e.lat, 4), lon=round(e.lon, 4),
        country_code=gaz.iso3(e.cc) if e.cc else None,
        feature_code=fcode,
        admin1=(gaz.admin1_name(e.cc, e.admin1) if e.admin1 and fcode != "ADM1" else
                e.name if fcode == "ADM1" else None),
        mentions=[Span(start=m.start, end=m.end, text=text[m.start:m.end]) for m in ms],
        resolution=how,
    )
