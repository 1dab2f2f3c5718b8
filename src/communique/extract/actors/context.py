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

from collections import Counter
from dataclasses import replace

from .coder import SETTLERS
from .docview import DocView
from .kb import ActorKB
from .mentions import Mention
from .names import key

INTERNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG", "ISM"})
DESCRIPTIONS = ("ROLE", "ORG")


OFFICE_LABELS = ("PERSON", "ROLE", "ORG")


def share_counterpart_sector(mentions: list[Mention]) -> None:
    """"Egypt's Foreign Minister Karim Hassan met his Ethiopian counterpart Tesfaye Alemu": a
    counterpart holds the office of the actor it is named against (the nearest one of its
    sentence with a sector, before it if any), in the country its own words give."""
    for m in mentions:
        if not m.relational or m.coding.sector:
            continue
        others = [x for x in mentions if x.sent == m.sent and x is not m and not x.relational
                  and x.label in OFFICE_LABELS and x.coding.sector not in (None, "UNK", "CVL")]
        before = [x for x in others if x.start < m.start]
        other = before[-1] if before else (others[0] if others else None)
        if other is not None:
            m.coding = replace(m.coding, sector=other.coding.sector, resolution=(
                f"{m.coding.resolution or ''}; counterpart of {other.coding.office or 'an actor'} "
                f"-> {other.coding.sector}").lstrip("; "))


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
    _link_group_appositions(view, mentions)


def _link_group_appositions(view: DocView, mentions: list[Mention]) -> None:
    """"the settlers, religious students in their 20s, ...": a group and the description
    after it between commas are one actor (the parser often misses this apposition). The
    group's own words decide; the description fills gaps. Not a list: nothing but the
    description's own phrase may stand before the next comma ("settlers, students and ...")."""
    groups = [m for m in mentions if m.label == "ROLE" and m.coding.kind == "group" and m.joins is None]
    text, tokens = view.text, view.tokens
    for d in groups:
        comma = d.phrase_start - 1
        while comma > 0 and text[comma].isspace():
            comma -= 1
        if comma < 0 or text[comma] != ",":
            continue
        head = next((m for m in groups if m is not d and m.joins is None and m.phrase_end == comma
                     and m.sent == d.sent), None)
        if head is None:
            continue
        tok = tokens[d.token]
        right = tok.right_edge.i + 1
        if right >= len(tokens) or view.words[right] != ",":
            continue  # "settlers, students and soldiers": a list
        h, c = head.coding, d.coding
        head.coding = replace(h, code=h.code or c.code, sector=h.sector or c.sector,
                              resolution=f"{h.resolution or ''}; apposition: {c.resolution}".lstrip("; "))
        d.coding = head.coding
        d.joins = head.start


def _described(person: Mention, desc: Mention):
    p, d = person.coding, desc.coding
    if p.office:  # the name's own title decides; the description only fills gaps
        code, sector = p.code or d.code, p.sector or d.sector
    else:
        code, sector = d.code or p.code, d.sector or p.sector
    why = f"{p.resolution or 'name'}; apposition: {d.resolution}"
    return replace(p, code=code, sector=sector, office=p.office or d.office, resolution=why)


def fill_from_context(view: DocView, mentions: list[Mention], kb: ActorKB, context: frozenset[str]) -> None:
    """Give uncoded groups, bodies and titled people the one country around them.

    Not every country of a sentence is where its groups are: one in a later phrase of another
    verb that does not say where ("called on Muslims to take up arms *against Russia*"), and the dictionary
    nationality of a named person ("*Albright* met the opposition") are no evidence. For
    settlers the place they live in is evidence against, not for: they are of another country
    than the land they settle ("Jewish settlers in Hebron" are Israeli)."""
    evidence: dict[int, list[tuple[int, str, str]]] = {}  # sentence -> (token, code, kind)
    for m in mentions:
        if m.coding.code and m.coding.code not in INTERNATIONAL and m.label != "PRON":
            kind = "person" if m.label == "PERSON" and m.coding.entry is not None else "actor"
            evidence.setdefault(m.sent, []).append((m.token, m.coding.code, kind))
    body_codes: set[str] = set()
    for e in view.ents:
        if e.label_ in ("GPE", "NORP", "LOC"):
            place = kb.places.get(key(e.text))
            if place is None:
                continue
            if e.start not in view.dateline:
                # a dateline's city is where the reporter was, not where the sentence's groups
                # are: it counts for the document (like the title) only
                body_codes.add(place.iso3)
                kind = "nation" if e.label_ == "NORP" else "place"
                evidence.setdefault(view.sent_of[e.start], []).append((e.end - 1, place.iso3, kind))
    title_codes = set(context) - body_codes - INTERNATIONAL
    elsewhere = {sent: {code for _, code, _ in items} for sent, items in evidence.items()}
    sentences_naming = Counter(code for codes in elsewhere.values() for code in codes)
    org_tokens = {view.starts[i] for i, label in enumerate(view.ent_type) if label == "ORG"}
    for m in mentions:
        c = m.coding
        if c.code or not c.sector or m.label == "PRON" or c.sector == "UNK":
            continue
        of = _of_country(view, kb, m.token)
        if of is not None:  # "King Hassan of Morocco", "the foreign minister of Egypt"
            code, name = of
            m.coding = replace(c, code=code, resolution=f"{c.resolution or ''}; {code}: 'of {name}'".lstrip("; "))
            continue
        if c.entry is None and any(m.phrase_start <= i < m.phrase_end for i in org_tokens):
            continue  # a body with a name no dictionary knows ("European Community") is no local
        if m.joins is not None:
            continue
        own = [(t, code, kind) for t, code, kind in evidence.get(m.sent, ())
               if kind != "person" and not _aside(view, t, m.token)]
        here = elsewhere.get(m.sent, set())
        in_doc = {code for code, n in sentences_naming.items() if n > (code in here)}
        in_doc.update(title_codes)
        in_doc.update(code for _, code, _ in own)
        if view.lower[m.token] in SETTLERS:
            lives = {code for _, code, kind in own if kind == "place"}
            others = in_doc - lives if lives else {code for _, code, _ in own}
            if len(others) == 1:
                code = next(iter(others))
                where = ("settlers: the one other country than where they live" if lives else
                         "the one country of its sentence")
            else:
                continue
        elif len({code for _, code, _ in own}) == 1:
            code, where = own[0][1], "the one country of its sentence"
        elif not own and len(in_doc) == 1:
            code, where = next(iter(in_doc)), "the one country of the document"
        else:
            continue
        m.coding = replace(c, code=code, resolution=f"{c.resolution or ''}; {code}: {where}".lstrip("; "))


LOCATIVE = frozenset({"in", "at", "near", "inside", "within", "across", "throughout", "around",
                      "outside", "from", "of", "on", "along", "off", "between", "among"})


def _clause(tok) -> int:
    """The verb a word's phrase hangs on (spaCy makes a new Token on each access: compare
    positions, not objects)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _aside(view: DocView, where: int, about: int) -> bool:
    """Whether the country at token ``where`` is set apart from the actor at ``about``: the
    object of a later phrase of another verb that does not say where ("called on Muslims to
    take up arms *against Russia*"; not "investigations against Chilean officials")."""
    if where < about:
        return False
    tokens = view.tokens
    n = tokens[where]
    while n.dep_ in ("compound", "amod", "conj", "appos") and n.head.i != n.i:
        n = n.head
    if n.dep_ != "pobj":
        return False
    prep = n.head
    if prep.lower_ in LOCATIVE:
        return False
    return _clause(prep) != _clause(tokens[about])


def _of_country(view: DocView, kb: ActorKB, i: int) -> tuple[str, str] | None:
    """(code, name) of the country a mention's own "of" phrase names ("King Hassan of Morocco"),
    when the phrase is the country and nothing more ("the mayor of Paris" is no country's)."""
    tok = view.tokens[i]
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            words = [t for t in view.tokens[obj.left_edge.i:obj.right_edge.i + 1] if t.lower_ != "the"]
            name = " ".join(t.text for t in words)
            place = kb.places.get(key(name))
            if place is not None and place.role == "country":
                return place.iso3, name
    return None
