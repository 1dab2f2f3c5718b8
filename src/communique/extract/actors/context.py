"""What the words around a mention add to its code: appositions and the countries nearby.

- Apposition: "Kofi Annan, UN secretary-general", "Salaheddine Sidhoum, Algeria's leading human
  rights activist". The description is what the article says the person is *now*; the dictionary
  only knows a latest code, which with no date is often an old one (ELI). So the description's
  country and sector go to the person unless the name had a title of its own, and the
  description joins the person's actor.
- Nearby countries: PLOVER codes a group the text leaves without a country ("Shona rebels",
  "President Dos Santos", "the police") by where it acts. When the sentence names exactly one
  country (its places and coded actors), that is the group's; else when the whole document
  does. International codes (IGO, NGO...) are not countries here.
"""
from __future__ import annotations

from dataclasses import replace

from .docview import DocView
from .kb import ActorKB
from .mentions import Mention
from .names import key

INTERNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG", "ISM"})
DESCRIPTIONS = ("ROLE", "ORG")


def link_appositions(view: DocView, mentions: list[Mention]) -> None:
    """Join each name and the description in apposition to it (either order)."""
    by_token = {}
    for m in mentions:
        if m.label != "PRON":
            by_token.setdefault(m.token, m)
    for m in mentions:
        if m.label != "PERSON":
            continue
        tok = view.tokens[m.token]
        partners = [by_token.get(c.i) for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            partners.append(by_token.get(tok.head.i))
        for d in partners:
            if d is None or d is m or d.label not in DESCRIPTIONS or d.joins is not None \
                    or d.coding.empty or d.coding.kind == "person" and d.coding.name is not None:
                continue
            m.coding = _described(m, d)
            d.coding = m.coding
            d.joins = m.start
            break


def _described(person: Mention, desc: Mention):
    p, d = person.coding, desc.coding
    if p.office:  # the name's own title decides; the description only fills gaps
        code, sector = p.code or d.code, p.sector or d.sector
    else:
        code, sector = d.code or p.code, d.sector or p.sector
    why = f"{p.resolution or 'name'}; apposition: {d.resolution}"
    return replace(p, code=code, sector=sector, office=p.office or d.office, resolution=why)


def fill_from_context(view: DocView, mentions: list[Mention], kb: ActorKB, context: frozenset[str]) -> None:
    """Give uncoded groups, bodies and titled people the one country around them."""
    by_sent: dict[int, set[str]] = {}
    for m in mentions:
        if m.coding.code and m.coding.code not in INTERNATIONAL:
            by_sent.setdefault(m.sent, set()).add(m.coding.code)
    for e in view.ents:
        if e.label_ in ("GPE", "NORP", "LOC"):
            place = kb.places.get(key(e.text))
            if place is not None:
                by_sent.setdefault(view.sent_of[e.start], set()).add(place.iso3)
    in_doc = set(context).union(*by_sent.values()) - INTERNATIONAL
    org_tokens = {view.starts[i] for i, label in enumerate(view.ent_type) if label == "ORG"}
    for m in mentions:
        c = m.coding
        if c.code or not c.sector or m.label == "PRON" or c.sector == "UNK":
            continue
        if c.entry is None and any(m.phrase_start <= i < m.phrase_end for i in org_tokens):
            continue  # a body with a name no dictionary knows ("European Community") is no local
        if m.joins is not None:
            continue
        near = by_sent.get(m.sent, set())
        if len(near) == 1:
            code, where = next(iter(near)), "the one country of its sentence"
        elif not near and len(in_doc) == 1:
            code, where = next(iter(in_doc)), "the one country of the document"
        else:
            continue
        m.coding = replace(c, code=code, resolution=f"{c.resolution or ''}; {code}: {where}".lstrip("; "))
