"""The tense a time expression is used in, read off the verb that governs it.

"Kerry said Monday" (past) points at the last Monday, "they will meet Monday" (future) at the
next one. The verb is the nearest verbal ancestor of the expression in the dependency parse (the
closest verb of the sentence when the parse gives none); its own tag and its auxiliaries decide.
Without a tagger (a blank pipeline) the tense is unknown and callers fall back to their default.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"

_FUTURE_AUX = frozenset({"will", "'ll", "ll", "shall", "wo", "gonna"})
_PAST_AUX_TAGS = frozenset({"VBD"})
# Verbs whose participle looks ahead: "is scheduled for Monday", "due to", "set for".
_PROSPECTIVE = frozenset({"schedule", "set", "plan", "expect", "slate", "due", "intend", "aim",
                          "propose", "prepare", "hope", "want", "agree", "decide", "promise",
                          "vow", "threaten", "seek", "try", "going"})
_MAX_CLIMB = 8


def tense_of(doc: Doc, start: int, end: int) -> str | None:
    """PAST, PRESENT, FUTURE or None (no tagger, or no verb to read) for the characters
    ``start:end`` of ``doc``."""
    if not doc.has_annotation("TAG"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod", "poss") and root.head.pos_ == "NOUN" \
            and root.head.i >= span.end:
        return None  # "the Oct. 23 slaying", "a June agreement": the noun's time, not the verb's
    verb = _governing_verb(span)
    seen = 0
    while verb is not None and seen < 4:
        tense = _verb_tense(verb)
        if tense is not None:
            return tense
        # A bare infinitive or participle takes its tense from the verb above it.
        nxt = _verb_above(verb)
        verb, seen = nxt, seen + 1
    return None


def _is_verb(t: Token) -> bool:
    return t.tag_.startswith("VB") or t.tag_ == "MD"


def _governing_verb(span: Span) -> Token | None:
    if span.doc.has_annotation("DEP"):
        t = span.root
        for _ in range(_MAX_CLIMB):
            if _is_verb(t) and not (span.start <= t.i < span.end):
                return t
            if t.head == t:  # tokens are made anew on each access: compare with ==, never `is`
                break
            t = t.head
    doc = span.doc
    tokens = span.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc
    verbs = [t for t in tokens if _is_verb(t) and not (span.start <= t.i < span.end)]
    if not verbs:
        return None
    return min(verbs, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end + 1)))


def _verb_above(verb: Token) -> Token | None:
    t = verb.head
    for _ in range(_MAX_CLIMB):
        if t == verb or t.head == t and not _is_verb(t):
            return None
        if _is_verb(t):
            return t
        t = t.head
    return None


def _infinitive_tense(v: Token) -> str | None:
    """ "set to resume Monday", "is to meet Monday" look ahead; otherwise an infinitive takes
    the tense of the verb it depends on ("had been due to expire Friday" is past)."""
    if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
        return FUTURE  # "the conference to be held on January 22", "talks to open Monday"
    above = _verb_above(v)
    if above is None:
        return None
    if above.lemma_ in _PROSPECTIVE or (above.lemma_ == "be" and above.tag_ in ("VBZ", "VBP")):
        return FUTURE
    tense = _verb_tense(above)
    return FUTURE if tense == PRESENT else tense


def _verb_tense(v: Token) -> str | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    modals = {a.lower_ for a in auxes if a.tag_ == "MD"} | ({v.lower_} if v.tag_ == "MD" else set())
    if modals:
        # "could" is as often the past of "can" ("he could not be reached Monday").
        return None if modals <= {"could"} else FUTURE
    if "to" in words:
        return _infinitive_tense(v)
    if v.lower_ == "going" and any(c.lower_ == "to" for c in v.children):
        return FUTURE
    if any(a.tag_ in _PAST_AUX_TAGS for a in auxes):
        # "was to meet", "had been scheduled" are past; "did meet" too.
        return PAST
    if v.tag_ == "VBD":
        return PAST
    if v.tag_ == "VBN":
        if v.lemma_ in _PROSPECTIVE and not (v.lemma_ == "set" and not any(
                c.lower_ in ("for", "to") for c in v.children)):
            return FUTURE  # "set for Monday", "set to meet"; "the record set on Aug. 6" is past
        if any(a.lemma_ == "have" for a in auxes):
            return PAST
        return PRESENT if auxes else PAST
    if v.tag_ == "VBG":
        return PRESENT if auxes else None
    if v.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None
