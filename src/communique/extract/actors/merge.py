"""Merge mentions into actors: one ``Actor`` per person, body, place or group.

- People: the same dictionary entry, or the same name; a lone family or given name joins the
  one person of the article who bears it ("Kerry" -> "John Kerry").
- "he"/"she" as a subject joins the nearest person before it (same sentence or the two before),
  of a compatible gender where the given name tells it; otherwise it stays an unknown actor (UNK).
- "the minister", "the envoy": joins the latest person whose title ends in that word.
- A description in apposition ("Kofi Annan, *UN secretary-general*") joins the name it describes.
- Everything else: the same words (less articles) and the same code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...schema import Actor, Span, make_id
from .coder import Coding
from .mentions import Mention
from .names import key

ARTICLES = ("the ", "a ", "an ")


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    names: set[str] = field(default_factory=set)

    @property
    def person(self) -> bool:
        return any(m.label == "PERSON" or m.coding.kind == "person" for m in self.mentions
                   if m.label != "PRON")

    def gender(self) -> str | None:
        return next((m.coding.gender for m in self.mentions if m.coding.gender in ("m", "f")), None)

    def office_words(self) -> set[str]:
        return {m.coding.office.lower().split()[-1] for m in self.mentions if m.coding.office}


def _bare(text: str) -> str:
    k = key(text)
    for a in ARTICLES:
        if k.startswith(a):
            k = k[len(a):]
    return k


def merge(mentions: list[Mention], text: str) -> list[Group]:
    groups: list[Group] = []
    by_entry: dict[int, Group] = {}
    by_name: dict[str, Group] = {}
    by_text: dict[tuple, Group] = {}
    singles: list[Mention] = []
    pronouns: list[Mention] = []
    nominals: list[Mention] = []

    def new(m: Mention, name: str | None) -> Group:
        g = Group([m], {name} if name else set())
        groups.append(g)
        return g

    described: list[Mention] = []
    for m in mentions:
        name = key(text[m.start:m.end])
        if m.joins is not None:  # a description in apposition, or a "they" (``plurals``)
            described.append(m)
            continue
        if m.label == "PRON":
            pronouns.append(m)
            continue
        if m.label == "PERSON":
            g = by_entry.get(m.coding.entry) if m.coding.entry is not None else None
            g = g or by_name.get(name)
            if g is None and len(name.split()) == 1:
                singles.append(m)
                continue
            if g is None:
                g = new(m, name)
            else:
                g.mentions.append(m)
                g.names.add(name)
            by_name[name] = g
            if m.coding.entry is not None:
                by_entry.setdefault(m.coding.entry, g)
            continue
        if m.label == "ROLE" and m.definite and m.coding.kind == "person" and m.coding.code is None:
            nominals.append(m)
            continue
        k = (_bare(text[m.start:m.end]), m.coding.code)
        g = by_text.get(k)
        if g is None:
            by_text[k] = new(m, None)
        else:
            g.mentions.append(m)

    people = [g for g in groups if g.person]
    for m in singles:  # a lone family or given name
        name = key(text[m.start:m.end])
        owners = [g for g in people if any(n.split()[-1] == name or n.split()[0] == name
                                           for n in g.names if len(n.split()) > 1)]
        if len({id(g) for g in owners}) == 1:
            owners[0].mentions.append(m)
        elif m.coding.entry is not None and m.coding.entry in by_entry:
            by_entry[m.coding.entry].mentions.append(m)
        elif name in by_name:
            by_name[name].mentions.append(m)
        else:
            g = new(m, name)
            by_name[name] = g
            people.append(g)
            if m.coding.entry is not None:
                by_entry[m.coding.entry] = g
    for m in described:  # "Kofi Annan, *UN secretary-general*"
        owner = next((g for g in groups if any(x.start == m.joins for x in g.mentions)), None)
        if owner is not None:
            m.anaphor = True  # a reference to the named actor, not a name of it
            owner.mentions.append(m)
        elif m.label != "PRON":
            new(m, None)
    for m in nominals:
        head = (key(text[m.start:m.end]).split() or [""])[-1]
        before = [g for g in people if head in g.office_words() and
                  min(x.start for x in g.mentions) < m.start]
        if before:
            m.anaphor = True
            max(before, key=lambda g: max(x.start for x in g.mentions if x.start < m.start)).mentions.append(m)
        else:
            new(m, None)
    for m in pronouns:
        best, best_at = None, -1
        for g in people:
            if g.gender() and g.gender() != m.coding.gender:
                continue
            for x in g.mentions:
                if x.label != "PRON" and x.start < m.start and x.sent >= m.sent - 400 \
                        and x.start > best_at and _near(x, m, text):
                    best, best_at = g, x.start
        if best is not None:
            m.anaphor = True
            best.mentions.append(m)
        else:
            new(m, None)
    return sorted(groups, key=lambda g: min(x.start for x in g.mentions))


def _near(antecedent: Mention, pronoun: Mention, text: str) -> bool:
    """The antecedent stands in the pronoun's sentence or one of the two paragraphs before it."""
    between = text[antecedent.start:pronoun.start]
    return between.count("\n\n") <= 1 and len(between) < 1200


def best_coding(g: Group) -> Coding:
    """The coding that speaks for the whole actor (see ``to_actor``)."""
    return _best(g)


def _best(g: Group) -> Coding:
    scored = [m for m in g.mentions if m.label != "PRON"] or g.mentions

    def rank(m: Mention) -> tuple:
        c = m.coding
        return (c.code is not None and c.sector is not None, c.code is not None or c.sector is not None,
                c.entry is not None, m.phrase_end - m.phrase_start)

    return max(scored, key=rank).coding


def to_actor(g: Group, *, doc_id: str, text: str) -> Actor:
    c = _best(g)
    first = min(g.mentions, key=lambda m: m.start)
    own = [m for m in g.mentions if m.label != "PRON" and m.joins is None] or \
        [m for m in g.mentions if m.label != "PRON"]
    longest = max(own, default=first, key=lambda m: m.phrase_end - m.phrase_start)
    names = [m for m in g.mentions if m.label == "PERSON"]
    ident = c.identifier_text
    if ident is None and names:
        longest_name = max(names, key=lambda m: m.end - m.start)
        ident = text[longest_name.start:longest_name.end]
    orgs = [m for m in g.mentions if m.label == "ORG"]
    if orgs and not names:
        longest_org = max(orgs, key=lambda m: m.end - m.start)
        ident = text[longest_org.start:longest_org.end]
    kind = c.kind
    if g.person:
        kind = "person"
    elif any(m.label == "ORG" for m in g.mentions):
        kind = "organization" if kind in (None, "person", "country", "place") else kind
    named = [m for m in g.mentions if not m.anaphor] or g.mentions
    mentions = sorted({(m.start, m.end) for m in named})
    references = sorted({(m.start, m.end) for m in g.mentions if m.anaphor} - set(mentions))
    return Actor(
        id=make_id("A", doc_id, first.start, first.end),
        entity_text=text[longest.phrase_start:longest.phrase_end],
        identifier_text=ident, identifier_id=c.identifier_id, kind=kind, code=c.code,
        sector=c.sector, office=c.office, code_detail=c.code_detail,
        mentions=[Span(start=s, end=e, text=text[s:e]) for s, e in mentions],
        resolution=c.resolution,
        references=[Span(start=s, end=e, text=text[s:e]) for s, e in references],
    )
