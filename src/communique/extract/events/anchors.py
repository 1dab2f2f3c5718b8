"""When and where: the time expression and place attached to an event.

The *scope* of an event is the stretch of the parse that is about it: the trigger's phrase, the
governing verb's own modifiers ("held talks in Geneva on Monday"), and the verb that schedules an
event noun ("the conference, to be held in Montreux on January 22"). A time or place inside the
scope wins; a time elsewhere in the sentence comes next; a reported event with no time of its own
takes the publication date. Places count only where they are said as places ("in Paris", "the
Paris talks"), not where a capital stands for its government ("Tehran agreed").
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...schema import Location, Place, TimeExpr

_CLAUSAL = {"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "xcomp"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "within",
                  "around", "to", "from", "on", "off", "along", "over", "between", "towards", "toward",
                  "through", "onto"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(T\d{2}:\d{2}(:\d{2})?)?$|^\d{4}-W\d{2}$")


def scope(tok: Token, extra: list[Token]) -> set[int]:
    """Token indices that speak about the event at ``tok`` (plus the heads in ``extra``)."""
    out: set[int] = set()
    for t in [tok, *extra]:
        stack = [t]
        while stack:
            x = stack.pop()
            if x.i in out:
                continue
            out.add(x.i)
            stack.extend(c for c in x.children if c.dep_ not in _CLAUSAL or x.pos_ in ("NOUN", "PROPN")
                         and c.dep_ in ("acl",) and c.tag_ == "VBN")
    return out


def modifiers_of(verb: Token) -> list[Token]:
    """A verb's own adverbials: "on Monday", "in Paris", "yesterday" (not its clauses or objects)."""
    return [c for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod", "tmod")]


def date_value(t: TimeExpr) -> str | None:
    if t.type not in ("DATE", "TIME"):
        return None
    v = t.value or ""
    return v if _DATE.match(v) else None


def pick_time(times: list[tuple[int, int, TimeExpr]], sent: Span, tokens: set[int], anchor: Token,
              claimed: set[int]) -> tuple[TimeExpr | None, str]:
    """The time in scope nearest the trigger, else the nearest unclaimed one in the sentence that
    dates the event's own clause or a clause above it -- not a relative or adverbial clause of
    another event ("who said the patrols would begin in August", "since the coup in 1987")."""
    best, best_d, where = None, None, ""
    own = clause_of(anchor)
    above = {own.i} | {a.i for a in own.ancestors}
    for s_tok, e_tok, t in times:
        if s_tok < sent.start or e_tok > sent.end or date_value(t) is None:
            continue
        root = sent.doc[s_tok:e_tok].root
        # "a boycott of the May elections": a time naming another noun dates that, not this
        inside = any(i in tokens for i in range(s_tok, e_tok)) and not (
            root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.i != anchor.i)
        if not inside and any(i in claimed for i in range(s_tok, e_tok)):
            continue
        if not inside and not _dates_clause(root, above):
            continue
        d = (0 if inside else 1, abs(s_tok - anchor.i))
        if best_d is None or d < best_d:
            best, best_d = t, d
            where = "in the event's phrase" if inside else "same sentence"
    return best, where


_CLAUSE_HEADS = {"relcl", "advcl", "ccomp", "acl", "conj", "parataxis", "xcomp", "csubj", "pcomp"}
_SINCE = {"since", "until", "till"}


def clause_of(tok: Token) -> Token:
    """The verb heading the clause ``tok`` belongs to (the sentence root at the top)."""
    x = tok
    for _ in range(40):
        if x.head == x or x.dep_ == "ROOT" or (x.dep_ in _CLAUSE_HEADS and x.pos_ in ("VERB", "AUX")):
            return x
        x = x.head
    return x


def _dates_clause(time_root: Token, above: set[int]) -> bool:
    """A time dates the event's clause (or one above it), and is not one it is measured from."""
    x = time_root
    for _ in range(40):
        if x.dep_ == "pobj" and x.head.lower_ in _SINCE or x.lower_ in _SINCE:
            return False
        if x.head == x or x.dep_ == "ROOT" or (x.dep_ in _CLAUSE_HEADS and x.pos_ in ("VERB", "AUX")):
            break
        x = x.head
    return x.i in above


def pick_place(places: list[tuple[int, int, Place]], tokens: set[int], anchor: Token,
               roles: set[int]) -> tuple[Place | None, str]:
    doc = anchor.doc
    best, best_d, why = None, None, ""
    for s_tok, e_tok, p in places:
        if not any(i in tokens for i in range(s_tok, e_tok)) or any(i in roles for i in range(s_tok, e_tok)):
            continue
        head = doc[s_tok:e_tok].root
        how = _locative(head, anchor)
        if how is None:
            continue
        d = abs(s_tok - anchor.i)
        if best_d is None or d < best_d:
            best, best_d, why = p, d, how
    return best, why


def _locative(head: Token, anchor: Token) -> str | None:
    """How a place mention is said as a place, or None."""
    x = head
    while x.dep_ in ("appos", "conj", "compound") and x.head != x and x.head.pos_ == "PROPN":
        x = x.head
    # "near the town of Samarra", "in a residential sector of eastern Beirut", "in X's capital Dili"
    for _ in range(3):
        if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.pos_ in ("NOUN", "PROPN"):
            x = x.head.head
        elif x.dep_ in ("appos", "compound", "poss") and x.head.pos_ in ("NOUN", "PROPN") and x.head != x:
            x = x.head
        else:
            break
    if x.dep_ == "pobj" and x.head.lower_ in LOCATIVE_PREPS:
        return f"'{x.head.text} {head.text}'"
    if x.dep_ in ("compound", "nmod", "amod") and x.head.i == anchor.i and anchor.pos_ in ("NOUN", "PROPN"):
        return f"'{head.text} {anchor.text}'"
    return None


def token_ranges(doc, items, spans_of) -> list:
    """(first token, end token, item) for each span of each item (times or place mentions)."""
    out = []
    for item in items:
        for start, end in spans_of(item):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                out.append((span.start, span.end, item))
    return out


def location(place: Place | None) -> Location | None:
    return place.location() if place is not None else None
