""""his government", "its parliament": the country of whom the pronoun stands for.

"Peru's interior minister said *his* government would ...": a phrase owned by a possessive
pronoun belongs to the pronoun's antecedent, and PLOVER codes it to that actor's country. The
antecedent is read off the parse as the subject of the clause the phrase stands in, or of a
clause above it ("said his government would"), of the right kind for the pronoun (a person for
"his"/"her", a body or country for "its", a group or several for "their"). Runs after the
merge, so that an antecedent "he" counts with the person it stands for. Nothing is guessed where
no such subject is found.
"""
from __future__ import annotations

from dataclasses import replace

from .docview import DocView
from .merge import Group, best_coding

POSSESSIVES = frozenset({"his", "her", "its", "their"})
# the bodies that govern a country: "his government", "its foreign ministry", "their parliament"
# ("its troops" may be the object of the owner's own act: the events stage weighs those)
GOVERNING = frozenset({"GOV", "LEG", "JUD"})
INTERNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG", "ISM"})


def _fits(pronoun: str, g: Group) -> bool:
    c = best_coding(g)
    if pronoun in ("his", "her"):
        return g.person or any(m.label == "ROLE" and m.coding.kind is None for m in g.mentions)
    if pronoun == "its":
        return not g.person and c.kind in ("organization", "country", "place", None)
    return not g.person or c.kind == "group"


def code_from_possessors(view: DocView, groups: list[Group]) -> None:
    """Give uncoded phrases that start with a possessive pronoun their antecedent's country."""
    at: dict[int, Group] = {}
    for g in groups:
        for m in g.mentions:
            at.setdefault(m.token, g)
    tokens, lower = view.tokens, view.lower
    for g in groups:
        for m in g.mentions:
            if m.coding.code or m.label == "PRON" or m.coding.sector not in GOVERNING:
                continue
            first = next((i for i in range(m.token, -1, -1) if view.starts[i] <= m.phrase_start), m.token)
            pron = lower[first]
            if pron not in POSSESSIVES or tokens[first].dep_ != "poss":
                continue
            owner = _antecedent(view, m.token, pron, at, g)
            if owner is None:
                continue
            code = best_coding(owner).code
            if code and code not in INTERNATIONAL:
                m.coding = replace(m.coding, code=code, resolution=(
                    f"{m.coding.resolution or ''}; {code}: '{view.words[first]}' is "
                    f"{view.text[owner.mentions[0].start:owner.mentions[0].end]!r}").lstrip("; "))


def _antecedent(view: DocView, head: int, pron: str, at: dict[int, Group], own: Group) -> Group | None:
    """The subject of the phrase's clause or of a clause above it, of the pronoun's kind."""
    tok = view.tokens[head]
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != head and c.i < head:
                g = at.get(c.i)
                if g is not None and g is not own and _fits(pron, g):
                    return g
                if g is not None or c.pos_ in ("NOUN", "PROPN"):
                    return None  # the nearest subject is someone else: no guess
    return None
