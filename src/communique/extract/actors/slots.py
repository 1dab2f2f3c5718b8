"""People known by where they stand in a results line or a line-up, not by their names.

Wire sport copy lists people in fixed shapes: "Tegla Loroupe ( Kenya ) 15:08.79", "Turkey -
Sergen Yalcin ( 61st )", "Given , Breen , Staunton , Irwin". Foreign names there are unknown
to the given-name list and the model often calls them organisations or places. Two shapes are
read here, one sentence (one line) at a time:

1. a slot: a capitalised name of two or more words directly followed by a bracketed country
   or a minute ("( Kenya )", "( 61st )") is a person;
2. an enumeration: when two or more items of a comma, dash or bracket separated list are
   already people and they are at least half of the name-shaped items, the other name-shaped
   items are people too (a list of people is rarely mixed with teams or places).

An item that is a known place, or ends in one after a word that is no given name ("Real
Madrid"), a heading ("Scorers :") or holds an organisation word, is never taken.
"""
from __future__ import annotations

import re

from .docview import DocView
from .kb import ActorKB
from .names import key
from .recognize import DESIGNATORS, INITIAL, NOT_NAMES, PARTICLES, Ent, _titlecase

SEPARATORS = frozenset({",", ";", ":", "(", ")", "and", "--", "\u2013", "\u2014", "."})
MINUTE = re.compile(r"^\d+(?:st|nd|rd|th)$")
STATE_ROLES = frozenset({"country", "capital", "people"})


def _segments(view: DocView, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of tokens between separators, numbers and spaced dashes."""
    words, ws = view.words, view.ws
    out, a = [], start
    for i in range(start, end):
        w = words[i]
        dash = w == "-" and ws[i] and i > start and ws[i - 1]
        if w in SEPARATORS or dash or w[:1].isdigit():
            if i > a:
                out.append((a, i))
            a = i + 1
    if end > a:
        out.append((a, end))
    return out


def _name_shaped(view: DocView, a: int, b: int) -> bool:
    words, keys, ws = view.words, view.keys, view.ws
    if not 1 <= b - a <= 4 or keys[a] in NOT_NAMES or words[a].lower() in PARTICLES:
        return False
    i = a
    while i < b:
        w = words[i]
        if w == "-" and i > a and not ws[i - 1] and not ws[i] and i + 1 < b:
            i += 1  # "Anne-Gaelle", "Inzamam-ul-Haq"
            continue
        if _titlecase(w) or INITIAL.match(w) or (w.lower() in PARTICLES and i > a) \
                or (i > a and words[i - 1] == "-" and not ws[i - 1] and w.isalpha()):
            i += 1
            continue
        return False
    return not any(k in DESIGNATORS for k in keys[a:b])


def _blocked(view: DocView, kb: ActorKB, a: int, b: int) -> bool:
    """A state, a people, a known organisation or a club named after its town."""
    whole = key(view.span_text(a, b))
    if whole in kb.places or whole in kb.regions:
        return True  # "Derbyshire 471 ( J. Adams 123 ...": teams named after places
    if b < len(view.words) and view.words[b] == ":":
        return True  # a heading: "Scorers :", "Teams :"
    ids = kb.index.get(whole, ())
    if ids and all(kb.kinds[x] != "person" for x in ids):
        return True
    keys = view.keys
    return b - a > 1 and keys[b - 1] in kb.places and keys[a] not in kb.given_names


def _followed_by_slot(view: DocView, kb: ActorKB, b: int, end: int) -> bool:
    words = view.words
    if b + 2 >= end or words[b] != "(" or words[b + 2] != ")":
        return False
    inner = words[b + 1]
    place = kb.places.get(view.keys[b + 1])
    return (place is not None and place.role in STATE_ROLES) or bool(MINUTE.match(inner))


def slot_people(view: DocView, kb: ActorKB, ents: list[Ent], caps: set[int]) -> list[Ent]:
    """Person spans read from the shape of results lines and line-ups (module docstring)."""
    people = {(e.start, e.end) for e in ents if e.label == "PERSON"}
    out: list[Ent] = []
    for sent in view.sents:
        if sent.start in caps:
            continue
        segs = [(a, b) for a, b in _segments(view, sent.start, sent.end) if _name_shaped(view, a, b)]
        open_ = [(a, b) for a, b in segs if not _blocked(view, kb, a, b)]
        known = sum((a, b) in people for a, b in open_)
        listed = known >= 2 and 2 * known >= len(open_)
        for a, b in open_:
            if (a, b) in people:
                continue
            if listed:
                out.append(Ent(a, b, "PERSON", "item of a list of people"))
            elif b - a >= 2 and _followed_by_slot(view, kb, b, sent.end):
                out.append(Ent(a, b, "PERSON", "name before a country or minute in brackets"))
    return out
