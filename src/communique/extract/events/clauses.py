"""Where a trigger sits in its sentence: what governs it, and so its status.

Walking up the dependency tree from a trigger, the first word that matters decides:

- a *composing* governor ("agreed to", "called for", "refused to", "threatened to") takes the trigger
  into its own event, whose code is derived from the trigger's ("agreed to meet" -> 036);
- another trigger absorbs it ("talks" in "support for including Iran in the talks");
- a hedge ("hoped", "could", "the possibility of"), a plan ("planned to", "to be held") or a
  failure ("failed to") sets the status and the walk goes on;
- a verb of saying passes the walk through (what is said is asserted: "said it will attend");
- a condition ("if", "unless", "whether") marks the trigger as a condition: not an event at all;
- relative clauses and temporal adverbials ("after two days of fighting") mark background.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from .codebook import COMPOSING, Codebook
from .docview import DocView

FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
HEDGE_AUX = {"could", "might", "may", "can", "ca", "should", "must", "ought"}
DEONTIC = {"must", "should", "ought"}
NEGATIONS = {"not", "n't", "never", "no"}
CONDITION_MARKS = {"if", "unless", "whether", "provided", "lest"}
TEMPORAL_MARKS = {"after", "before", "since", "as", "when", "while", "until", "once", "following"}
BACKGROUND_PREPS = {"after", "following", "before", "since", "during", "amid", "amidst", "despite",
                    "until", "prior", "over", "because", "like", "unlike", "than"}
EVENT_PREDICATES = {"hold", "take", "convene", "open", "start", "begin", "schedule", "set", "plan",
                    "resume", "continue", "reconvene", "end", "conclude", "close", "place"}
MEASURE_NOUNS = frozenset("""ton tons tonne tonnes kilogram kilo pound barrel litre liter gallon
shipment consignment cargo batch load truckload planeload boatload convoy package parcel lot worth
amount quantity supply supplies""".split())
"""What goods are counted in: "25,000 tons of food aid", "a shipment of arms"."""
QUANTITY_NOUNS = MEASURE_NOUNS | {
    "part", "series", "number", "wave", "string", "spate", "round", "set", "day", "week", "month",
    "year", "kind", "type", "form", "rest", "most", "some", "all", "many", "one", "dozen", "dozens",
    "hundreds", "thousands", "million", "millions", "billion", "billions"}
_COMPLEMENT = {"xcomp", "ccomp", "csubj", "oprd", "acomp"}
_ARGUMENT = {"dobj", "nsubjpass", "attr", "dative", "nsubj", "npadvmod"}


@dataclass
class Standing:
    """What the walk found for one trigger."""

    negated: bool = False
    future: bool = False
    modal: str | None = None
    """The hedging modal or verb ("could", "hoped"), if any."""
    planned: bool = False
    conditional: bool = False
    """Has an "if"/"unless" clause of its own: the event is conditional (hypothetical)."""
    unless: bool = False
    condition: bool = False
    """Is itself inside an "if"/"whether" clause: a condition, not an event."""
    background: bool = False
    reported_speech: Token | None = None
    """The verb of saying it is the content of, if any."""
    governor: Token | None = None
    gov_class: str | None = None
    link: Token | None = None
    """The token through which the governor was reached (complement verb or noun)."""
    absorbed_by: Token | None = None
    deontic: str | None = None
    why: list[str] = field(default_factory=list)

    def status(self) -> str:
        if self.negated:
            return "negated"
        if self.modal or self.conditional:
            return "hypothetical"
        if self.planned or self.future:
            return "planned"
        return "reported"


def word_forms(tok: Token) -> tuple[str, ...]:
    """The lemma plus guesses from the surface form (the small model's lemmas slip: hoped -> hop)."""
    return forms_of(tok.lower_, tok.lemma_.lower())


@lru_cache(maxsize=65536)
def forms_of(w: str, lemma: str) -> tuple[str, ...]:
    """``word_forms`` of a word by its lower-cased text and lemma (cached: asked of every word)."""
    out = [lemma, w]
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
    if w.endswith("s"):
        out += [w[:-1], w[:-2]]
    return tuple(out)


QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who", "which"})


def asks_a_question(tok: Token) -> bool:
    """ "ask" that asks a question rather than for something: "Asked about the cases, ...",
    "asked if the raid ...", "Asked to describe his wife by reporters, ..." (a participle
    opening the sentence, whose answer follows)."""
    kids = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in kids):
        return True
    if any(c.dep_ in ("ccomp", "advcl") and any(m.lower_ in QUESTION_WORDS for m in c.children
                                                 if m.dep_ in ("mark", "advmod", "nsubj", "dobj"))
           for c in kids):
        return True
    return tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.i == tok.sent.start and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids)


_OBJECT_MAKES_LIGHT = {"commit", "undertake", "guarantee"}
"""Intent verbs that, with a plain object, do the act rather than promise it."""


def governor_class(tok: Token, cb: Codebook) -> str | None:
    if tok.pos_ in ("VERB", "AUX"):
        lemma = tok.lemma_.lower()
        if lemma in cb.phrasal_verbs:  # only then can a particle make it one ("rule out")
            prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
            if prt is not None:
                cls = cb.phrasal_governors.get(f"{lemma} {prt}")
                if cls:
                    return cls
        for f in word_forms(tok):
            cls = cb.governors.get(f)
            if cls and f == "ask" and asks_a_question(tok):
                return None  # "Asked to describe the talks, he said ...": a question
            if cls == "intent" and f in _OBJECT_MAKES_LIGHT and any(c.dep_ == "dobj" for c in tok.children) \
                    and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                return None  # "committed the attack" is doing it; "committed China to sign" intent
            if cls == "hedge" and f in ("try", "attempt") and any(c.dep_ == "auxpass" for c in tok.children):
                return None  # "were tried for the bombing": put on trial, not an attempt
            if cls == "threat" and f == "warn" and not any(
                    c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(
                        a.lower_ in FUTURE_AUX or a.lower_ == "would" for a in c.children))
                    for c in tok.children):
                return "report"  # "warned that the administration was ...": a statement
            if cls:
                if f in ("call", "press", "push") and not any(
                        c.dep_ in ("prep", "dobj", "dative") and c.lower_ in ("for", "on", "upon")
                        for c in tok.children) and not any(
                        c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children))
                        for c in tok.children):
                    return None  # "called him", "press conference"; "called for", "called on X to"
                return cls
        return None
    if tok.pos_ == "ADJ" or tok.tag_ == "VBN":
        cls = cb.governing_adjectives.get(tok.lower_)
        if cls:
            return cls
    if tok.pos_ in ("NOUN", "PROPN"):
        return cb.governing_nouns.get(tok.lemma_.lower())
    return None


_MARKING = {"neg", "det", "aux", "auxpass", "advcl", "amod", "compound"}
"""The dependents ``own_standing`` reads; Tokens are built for these only."""


def own_standing(tok: Token, cb: Codebook, st: Standing, view: DocView | None = None) -> None:
    """Negation, tense and modality marked on the trigger itself (or shared with its conjunct)."""
    view = DocView(tok.doc) if view is None else view
    dep = view.dep
    kids = view.children(tok.i)
    if tok.dep_ == "conj" and not any(dep[c] in ("aux", "auxpass", "neg") for c in kids):
        h = view.head[tok.i]
        kids = kids + [c for c in view.children(h) if dep[c] in ("aux", "auxpass", "neg") and c < h]
    for c in map(tok.doc.__getitem__, [c for c in kids if dep[c] in _MARKING]):
        w = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and w == "no"):
            st.negated = True
            st.why.append(f"negation '{c.text}'")
        elif c.dep_ in ("aux", "auxpass"):
            if w in FUTURE_AUX or c.lemma_ == "will":
                st.future = True
                st.why.append(f"future '{c.text}'")
            elif w in DEONTIC:
                st.deontic = w
                st.modal = w
            elif w in HEDGE_AUX:
                st.modal = w
                st.why.append(f"modal '{c.text}'")
            elif w == "would":
                st.modal = "would"
            elif w == "to" and tok.dep_ in ("acl", "advcl") and tok.pos_ in ("VERB", "AUX"):
                st.planned = True
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children) \
                and governor_class(tok, cb) != "report":  # "reiterated X, if Y": X is not conditional
            st.conditional = True
            st.unless = st.unless or any(m.lower_ == "unless" for m in c.children)
            st.why.append("conditional clause")
        elif c.dep_ in ("amod", "compound") and c.lower_ in cb.planned_modifiers:
            st.planned = True
            st.why.append(f"planned '{c.text}'")
    if tok.pos_ in ("NOUN", "PROPN"):
        _event_predicate(tok, cb, st, view)


def event_predicate(noun: Token) -> Token | None:
    """The verb that schedules an event noun ("the talks will be held", "talks, to be held in X")."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in EVENT_PREDICATES:
        return noun.head
    for t in noun.doc[noun.i + 1: noun.i + 5]:
        if t.lemma_ in EVENT_PREDICATES and t.dep_ in ("advcl", "acl", "relcl") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t
        if t.pos_ not in ("PUNCT", "PART", "AUX", "ADV", "PRON"):
            break
    return None


def _event_predicate(noun: Token, cb: Codebook, st: Standing, view: DocView) -> None:
    """The scheduling verb's tense is the noun's: "the conference, to be held on January 22"."""
    verb = event_predicate(noun)
    if verb is None:
        return
    sub = Standing()
    own_standing(verb, cb, sub, view)
    if verb.tag_ == "VBN" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        sub.planned = True
    if sub.future or sub.planned:
        st.planned = True
        st.why.append(f"'{verb.text}' of the event is future")
    st.negated |= sub.negated


def walk(tok: Token, cb: Codebook, triggers: dict[int, object], view: DocView | None = None) -> Standing:
    """The standing of the trigger at ``tok``: see the module doc.

    The walk *governs* until the first word that decides (a governor, another trigger, a plain
    verb); from there on it only *scans* the clauses above for what still matters: a condition,
    a hedge ("the importance of ..."), a relative clause or temporal adverbial (background).
    """
    view = DocView(tok.doc) if view is None else view
    lower, dep = view.lower, view.dep
    st = Standing()
    own_standing(tok, cb, st, view)
    x = tok
    governing = True
    for _ in range(40):
        rel, h = x.dep_, x.head
        if h is x or rel == "ROOT":
            break
        marks = {lower[c] for c in view.children(x.i) if dep[c] == "mark"}
        if rel in ("advcl", "ccomp", "csubj", "acl") and marks & CONDITION_MARKS:
            st.condition = True
            st.why.append(f"inside a '{sorted(marks & CONDITION_MARKS)[0]}' clause")
            return st
        if rel in ("conj", "appos"):
            x = h
            continue
        link = None
        if rel in ("pobj", "pcomp"):
            prep = h
            if prep.lower_ in BACKGROUND_PREPS or (prep.head.lower_ in BACKGROUND_PREPS and prep.dep_ == "prep"):
                _background(st, f"'{prep.text} ...'")
                governing = False
            link, x, h = "prep", prep, prep.head
            if prep.dep_ == "agent":
                governing = False
        elif rel == "prep":
            link = "prep"
        elif rel in _COMPLEMENT:
            link = "clause"
        elif rel == "advcl":
            if marks & TEMPORAL_MARKS:
                _background(st, f"'{sorted(marks)[0]} ...'")
                governing = False
            elif any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
                link = "purpose"
            elif x.tag_ == "VBG" and governor_class(h, cb) == "refuse" and x.i == 1 + max(
                    [h.i] + [c.i for c in h.children if c.dep_ == "prt"]):
                # "ruled out sending troops" (parsed as a participle): what is refused, when it
                # follows at once -- "agreed on Thursday ..., freezing the assets" is its own act
                link = "clause"
            else:
                governing = False  # a participle of its own: "opened fire, killing one"
        elif rel in ("relcl", "acl"):
            if governor_class(h, cb) is None:
                _background(st, "relative clause")
                governing = False
            else:
                link = "clause"
        elif rel in _ARGUMENT and x.pos_ in ("NOUN", "PROPN", "VERB"):
            link = "object" if rel != "nsubj" else "subject"
        else:
            governing = False
        if rel == "xcomp" and governing and h.pos_ in ("VERB", "AUX"):
            _matrix(x, h, cb, st)
        if link is not None:
            if governing:
                if _decide(x, h, link, cb, triggers, st):
                    governing = False
            elif link in ("prep", "clause", "object") and governor_class(h, cb) == "hedge" and h.pos_ == "NOUN":
                st.modal = st.modal or h.lemma_
                st.why.append(f"hedged by '{h.text}'")
        x = h
    return st


_NEGATIVE_IMPLICATIVE = frozenset({"hesitate", "cease", "stop", "fail", "refrain", "neglect", "forget",
                                   "avoid", "delay", "wait", "hold"})
"""Verbs whose negation asserts what follows: "did not hesitate to attack" attacked."""


def _matrix(x: Token, h: Token, cb: Codebook, st: Standing) -> None:
    """What a plain verb over an infinitive says of it (verbs that compose or hedge say it in
    ``_decide``): "is not going to attack" (negated), "are going to meet" (future), "was to have
    travelled" (it did not happen: hypothetical), "was to meet" (planned)."""
    if governor_class(h, cb) is not None:
        return
    lemma = h.lemma_.lower()
    if any(c.dep_ == "neg" for c in h.children) and lemma not in _NEGATIVE_IMPLICATIVE:
        st.negated = True
        st.why.append(f"negated '{h.text}'")
    if lemma == "go" and h.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in h.children):
        st.future = True
        st.why.append("future 'going to'")
    elif lemma == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
        if any(c.dep_ == "aux" and c.lower_ == "have" for c in x.children):
            st.modal = st.modal or "was to have"
            st.why.append("'to have' after 'be': it did not happen")
        else:
            st.planned = True
            st.why.append(f"planned ('{h.text} to')")


def _background(st: Standing, what: str) -> None:
    if not st.background:
        st.background = True
        st.why.append(f"background ({what})")


def _decide(x: Token, h: Token, link: str, cb: Codebook, triggers: dict[int, object],
            st: Standing) -> bool:
    """Apply what the governor ``h`` means; True when governing stops there."""
    cls = governor_class(h, cb)
    if link == "subject":
        if h.i in triggers:  # "the bombing killed five": one event, or the subject's own
            st.absorbed_by = h
        return True
    if link == "clause" and cls in (None, "report") or h.i in triggers and link == "clause":
        # "reiterated its demand that Israel ease restrictions": the clause is the demand's
        noun = next((c for c in h.children if c.dep_ == "dobj" and governor_class(c, cb) in COMPOSING), None)
        if noun is not None and st.governor is None:
            st.governor, st.gov_class, st.link = noun, governor_class(noun, cb), x
            st.why.append(f"content of '{noun.text}'")
            return True
    if cls in COMPOSING and st.governor is None and link in ("clause", "object", "prep", "purpose"):
        st.governor, st.gov_class, st.link = h, cls, x
        st.why.append(f"complement of {cls} '{h.text}'")
        return True
    if h.i in triggers and link in ("clause", "object", "prep", "purpose"):
        st.absorbed_by = h
        return True
    if cls == "hedge":
        st.modal = st.modal or h.lemma_
        st.why.append(f"hedged by '{h.text}'")
        return h.pos_ in ("NOUN", "PROPN")  # "left open the option of a release": not the verb's
    if cls == "plan":
        st.planned = True
        st.why.append(f"planned ('{h.text}')")
        return False
    if cls == "fail":
        st.negated = True
        st.why.append(f"failed/avoided ('{h.text}')")
        return False
    if cls == "report":
        if st.reported_speech is None:
            st.reported_speech = h
        return False
    if link == "purpose":
        st.modal = st.modal or "purpose"
        return True
    if link == "prep" and h.lemma_.lower() in QUANTITY_NOUNS:
        return False  # "part of a military aid program", "a series of attacks"
    if link in ("object", "prep") and h.pos_ == "VERB" and h.dep_ == "xcomp":
        return False  # "refused to respond to a demand": the demand is what was refused
    return link != "clause"
