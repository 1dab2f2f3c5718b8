"""Role fillers -> ``EntityRef``s, with the codes the actor list lacks filled in.

PLOVER codes an unaffiliated group by where it is ("security forces in Guinea", "an Indian
proposal"), a place attacked or protested in by its country, and the unnamed target of a
domestic act (an arrest, a protest) by the actor's own country. What is implied is marked as
such: an implied party has a code and no text -- the place stays the place ("Colombo" is where
thousands protested, not whom they protested against).
"""
from __future__ import annotations

from spacy.tokens import Token

from ...schema import EntityRef
from .roles import RELATIONAL, Filler, np_span, prep_objects, stance

IMPLIED_BY_PLACE = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT", "SANCTION",
                    "THREATEN"}
"""Types whose unnamed target is the country where they happen."""
DOMESTIC = {"PROTEST", "COERCE", "CONCEDE", "ASSAULT"}
"""Types aimed, when no target is named, at the actor's own state."""


def in_role(i: int, fillers: list[Filler]) -> bool:
    """Is token ``i`` inside a role's phrase, its prepositional modifiers included ("the
    government in Minsk"), but not its relative clauses?"""
    for x in fillers:
        t = x.token
        if t.left_edge.i <= i <= t.right_edge.i and not any(
                c.dep_ in ("relcl", "acl") and c.left_edge.i <= i <= c.right_edge.i for c in t.children):
            return True
    return False


def place_country(tok: Token, places: list, demonyms: dict[str, str]) -> tuple[str | None, str]:
    """The country named in the filler's own phrase: a place ("security forces in Guinea") or a
    nationality word ("an Indian proposal"); not the places its relative clause or its
    conjuncts ("an Israeli group and the Palestine Liberation Organization") name, nor one it is
    against or for ("an anti-Syria journalist")."""
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "conj") for t in c.subtree}
    if tok.lemma_.lower() in RELATIONAL:  # "Israel's militia ally" is not Israel
        clauses |= {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    sub = {t.i for t in tok.subtree} - clauses
    doc = tok.doc
    lo, hi = np_span(tok)
    own = set(range(lo, hi))

    def place_in(where: set[int]) -> tuple[str | None, str]:
        for s_tok, _, p in places:
            if p.country_code and s_tok in where and (s_tok == tok.i or stance(doc[s_tok]) is None):
                # not "an anti-Syria journalist"; "anti-Israeli attacks" are aimed at the filler
                return p.country_code, p.extracted_place
        return None, ""

    def nationality_in(lo: int, hi: int) -> tuple[str | None, str]:
        for i in range(lo, hi):
            for n in (3, 2, 1):
                if i + n <= hi:
                    w = doc[i:i + n].text.lower()
                    if w in demonyms and (i == tok.i or stance(doc[i]) is None) and i not in clauses:
                        return demonyms[w], doc[i:i + n].text
        return None, ""

    # its own words first ("a Cambodian refugee camp in Thailand" is Cambodian), then where it
    # is ("security forces in Guinea"), then whom it is for ("a camp for Congolese refugees")
    for found in (place_in(own & sub), nationality_in(lo, hi), place_in(sub)):
        if found[0]:
            return found
    for p, o in prep_objects(tok):
        if p in ("for", "of"):
            found = nationality_in(*np_span(o))
            if found[0]:
                return found
    return None, ""


def complete_roles(actors: list[Filler], recips: list[Filler], base: str, *, hint: str | None,
                   places: list, demonyms: dict[str, str]) -> tuple[list, list, list[str]]:
    """(actor refs, recipient refs, notes); ``hint`` is the country where the event happens."""
    notes: list[str] = []

    def refs(fillers: list[Filler], role: str) -> list[EntityRef]:
        out = []
        for f in fillers:
            r = f.ref()
            if not r.code:
                code, where = place_country(f.token, places, demonyms)
                if code:
                    r.code = code
                    notes.append(f"{role} '{f.text}' coded {code} from '{where}'")
                elif hint and base in IMPLIED_BY_PLACE:
                    r.code = hint
                    notes.append(f"{role} '{f.text}' coded {hint} from where it happened")
            out.append(r)
        return out

    a_refs, r_refs = refs(actors, "actor"), refs(recips, "recipient")
    if base == "PROTEST" and a_refs and not any(a.code for a in a_refs):
        target = next((r.code for r in r_refs if r.code), None)
        if target:  # protesters are taken to be of the state they protest against
            for a in a_refs:
                a.code = target
            notes.append(f"actor coded {target}, the country protested against")
    own = next((a.code for a in a_refs if a.code), None)
    if base in DOMESTIC and own:
        for r in r_refs:
            if not r.code:
                r.code = own
                notes.append(f"recipient '{r.entity_text}' coded {own}, the actor's own country")
    if not r_refs and base in IMPLIED_BY_PLACE and hint and (base in DOMESTIC or hint != own):
        # a threat or a sanction is aimed abroad: a state's own territory is no target of it
        r_refs = [EntityRef(code=hint)]
        notes.append(f"recipient implied: {hint}, where it happened")
    elif not r_refs and base in DOMESTIC and a_refs and a_refs[0].code:
        r_refs = [EntityRef(code=a_refs[0].code)]
        notes.append(f"recipient implied: {a_refs[0].code}, the actor's own country")
    if base == "ASSAULT" and (not a_refs or all(not a.ref and not a.code for a in a_refs)) and hint:
        a_refs = [EntityRef(code=hint, sector="UAF", entity_text=None)]
        notes.append(f"actor implied: unidentified armed force in {hint}")
    elif base in ("COERCE", "ACCUSE") and not a_refs and hint:
        a_refs = [EntityRef(code=hint)]
        notes.append(f"actor implied: the authorities of {hint}")
    return a_refs, r_refs, notes
