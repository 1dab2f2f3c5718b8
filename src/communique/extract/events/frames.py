"""From the triggers of one sentence to *frames*: one per event the sentence asserts.

A frame says which word carries the event (its *head*: roles and status are read there), which
trigger gives its content, and the CAMEO code after composition ("agreed to" + "meet" -> 036).
Triggers that are conditions, purposes, or topics of another event give no frame; background
events (relative clauses, "after the fighting") are kept only when the sentence asserts nothing
else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq

from spacy.tokens import Span, Token

from .clauses import DEONTIC, MEASURE_NOUNS, Standing, governor_class, walk, word_forms
from .codebook import Codebook
from .docview import DocView
from .roles import own_subject
from .triggers import Trigger, find_triggers

GOV_DEFAULT = {"intent": "030", "demand": "100", "refuse": "120", "threat": "130", "accede": "080",
               "stop": None}
"""The code of a governor whose complement has no derived form (None: no event)."""


@dataclass
class Frame:
    head: Token
    trigger: Trigger | None
    """The trigger that gives the content (for "called for a truce": "truce")."""
    code: str | None
    event: str | None
    mode: str
    st: Standing
    strength: str
    words: list[Token]
    how: list[str] = field(default_factory=list)
    gov_class: str | None = None
    complement: Token | None = None
    swap: bool = False

    @property
    def source(self) -> str:
        return "; ".join(self.how)


PATIENT_VERBS = frozenset({"suffer", "undergo", "endure", "sustain", "face", "receive"})
"""Light verbs whose subject undergoes the event noun: "suffered torture", "faced charges",
"received threats" (the subject is the recipient, whoever did it)."""


def _measured(noun: Token) -> Token:
    """The measure a noun is counted in, when it is ("25,000 tons of food aid", "a shipment of
    arms"): the verb acts on the measure phrase, whose content is the noun. Else the noun."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return noun
    measure = of.head
    if measure.lemma_.lower() in MEASURE_NOUNS or measure.lower_ in MEASURE_NOUNS:
        return measure
    return noun


def frames_of(sent: Span, cb: Codebook, view: DocView | None = None) -> tuple[list[Frame], list[str]]:
    """The frames of one sentence, and notes on the triggers that gave none (for tests/debug)."""
    view = DocView(sent.doc) if view is None else view
    trigs = find_triggers(sent, cb, view)
    at = {t.token.i: t for t in trigs}
    notes: list[str] = []
    standing = {i: walk(t.token, cb, at, view) for i, t in at.items()}
    composed: dict[int, list[Trigger]] = {}
    absorbed: dict[int, list[Trigger]] = {}
    frames: dict[int, Frame] = {}
    for i, t in list(at.items()):
        st = standing[i]
        if t.kind == "noun" and t.token.dep_ in ("compound", "amod") and t.token.head.i in at:
            continue  # "military aid program": the head noun's entry speaks for the phrase
        if t.kind == "noun" and t.token.dep_ == "compound" and t.token.head.pos_ in ("NOUN", "PROPN"):
            notes.append(f"{t.text}: modifies '{t.token.head.text}'")
            continue  # "an appeals court", "the bombing suspect": a kind of thing, not an event
        obj = _measured(t.token) if t.kind == "noun" else t.token
        verb = obj.head
        if (t.kind == "noun" and st.governor is None and st.absorbed_by is None and not st.condition
                and obj.dep_ in ("dobj", "nsubjpass") and verb.i not in at
                and any(w in cb.light_verbs for w in word_forms(verb))):
            # "extended the curfew", "upgraded their diplomatic ties": the verb carries the noun
            carried = Trigger(verb, verb.i, verb.i + 1, "verb", t.code, t.event, t.mode, "noun",
                              f"{t.source}; carried by '{verb.text}'")
            vst = walk(verb, cb, at, view)
            standing[verb.i] = vst
            if vst.governor is None and vst.absorbed_by is None and not vst.condition:
                patient = any(w in PATIENT_VERBS for w in word_forms(verb)) and obj.dep_ == "dobj"
                frames[verb.i] = Frame(head=verb, trigger=t, code=t.code, event=t.event, mode=t.mode,
                                       st=vst, strength="noun", words=[verb, t.token],
                                       how=[carried.source + ("; its subject suffers it" if patient else "")],
                                       swap=patient != t.swap)
                continue
            t, st = carried, vst
        if st.condition:
            notes.append(f"{t.text}: condition")
        elif st.governor is not None:
            composed.setdefault(st.governor.i, []).append(t)
        elif st.absorbed_by is not None and not _own_time(t, st, standing.get(st.absorbed_by.i)):
            absorbed.setdefault(st.absorbed_by.i, []).append(t)
        else:
            frames[i] = _own(t, st)
    # Compose from the innermost governor out: "agreed to postpone the demonstration" is
    # postpone(demonstration) = 082, then agree(082) = 0352.
    pending = sorted(composed.items(), key=lambda kv: -_depth(sent.doc[kv[0]]))
    while pending:
        gi, comps = pending.pop(0)
        g = sent.doc[gi]
        st = standing[gi] if gi in standing else walk(g, cb, at, view)
        standing[gi] = st
        if st.condition:
            notes.append(f"{g.text}: condition")
            continue
        comp = sorted(comps, key=lambda t: abs(t.token.i - gi))[0]
        cst = standing.get(comp.token.i)
        f = _compose(g, at.get(gi), comp, st, cb, refused=cst is not None and cst.negated)
        frames.pop(gi, None)
        if st.absorbed_by is not None and st.governor is None:
            outer = Trigger(g, g.i, g.i + 1, "verb", f.code, None, "", f.strength, "; ".join(f.how))
            absorbed.setdefault(st.absorbed_by.i, []).append(outer)
            continue
        if st.governor is not None and st.governor.i != gi:
            outer = Trigger(g, g.i, g.i + 1, "verb", f.code, None, "", f.strength, "; ".join(f.how))
            for oi, ocomps in pending:
                if oi == st.governor.i:
                    ocomps[:] = [c for c in ocomps if c.token.i != gi] + [outer]
                    break
            else:
                pending.append((st.governor.i, [outer]))
            continue
        frames[gi] = f
    for hi, subs in absorbed.items():
        if hi not in frames:
            continue
        _absorb(frames[hi], subs, cb)
    _deontic(sent, cb, at, frames, view)
    _bare_demands(sent, cb, at, frames, view)
    _protest_topics(frames, cb, notes)
    out = []
    for f in frames.values():
        if f.strength == "content":
            notes.append(f"{f.words[-1].text}: needs a governing verb")
            continue
        if f.code is None and f.event is None:
            continue
        out.append(f)
    if any(not f.st.background for f in out):
        dropped = [f for f in out if f.st.background]
        notes += [f"{f.words[0].text}: background" for f in dropped]
        out = [f for f in out if not f.st.background]
    return sorted(out, key=lambda f: f.head.i), notes


def _own_time(t: Trigger, st: Standing, host: Standing | None) -> bool:
    """An event noun that is only the topic of another event ("discussed the upcoming summit")
    is still an event of its own when it lies at another time: planned, or called off."""
    if t.kind != "noun" or host is None or t.token.dep_ in ("nsubj", "nsubjpass"):
        return False
    return st.status() in ("planned", "negated") and st.status() != host.status()


def _depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def _own(t: Trigger, st: Standing) -> Frame:
    return Frame(head=t.token, trigger=t, code=t.code, event=t.event, mode=t.mode, st=st,
                 strength=t.strength, words=[t.token], how=[t.source], swap=t.swap)


def _compose(g: Token, gt: Trigger | None, comp: Trigger, st: Standing, cb: Codebook,
             refused: bool = False) -> Frame:
    """The event of governor ``g`` about ``comp``: "agreed to" + meet (040) -> 036. An intent
    about not doing something cooperative is a refusal ("decided not to support" -> 12x)."""
    cls = governor_class(g, cb) or st.gov_class or "intent"
    info = cb.info(comp.code)
    if refused and cls == "intent" and (info.quad if info else 0) in (1, 2):
        cls = "refuse"
    base = comp.code
    code = cb.derived(cls, base)
    if code is None and cls == "intent":
        code = cb.derived("threat", base)  # "vowed to fight", "ready to impose martial law"
    how = []
    if gt is not None:
        how.append(gt.source)
    if code is not None:
        how.append(f"{cls} '{g.text}' + {comp.source} -> {code}")
        strength = "pattern"
    elif gt is not None and gt.code:
        code = gt.code
        how.append(f"{cls} '{g.text}' keeps its code; content '{comp.text}' has no {cls} form")
        strength = gt.strength
    else:
        code = GOV_DEFAULT.get(cls)
        how.append(f"{cls} '{g.text}' -> {code or 'no event'}")
        strength = "verb"
    return Frame(head=g, trigger=comp, code=code, event=None, mode="", st=st, strength=strength,
                 words=[g, comp.token], how=how, gov_class=cls, complement=comp.token)


def _absorb(f: Frame, subs: list[Trigger], cb: Codebook) -> None:
    """Triggers that are arguments of frame ``f``'s head: a light verb takes the noun's event."""
    head_lemma = f.head.lemma_.lower()
    carried = False
    # the object first: "imposed an embargo on Libya for its refusal" carries the embargo
    for t in sorted(subs, key=lambda t: (t.token.dep_ == "pobj", t.token.i)):
        is_noun_arg = t.kind == "noun" and t.token.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass")
        weak = f.strength != "pattern" and (f.strength == "default" or head_lemma in cb.light_verbs
                                            or f.code is None)
        if f.gov_class is None and is_noun_arg and weak and not carried and (t.code or t.event):
            carried = True
            f.how.append(f"light verb '{f.head.text}' + {t.source}")
            f.code, f.event, f.mode, f.trigger = t.code, t.event, t.mode or f.mode, t
            f.strength = "noun" if t.strength == "content" else t.strength
            f.words.append(t.token)
        elif f.code and t.code and cb.info(t.code) and cb.info(f.code) and \
                cb.info(t.code).event == cb.info(f.code).event and (
                    t.token.dep_ in ("nsubj", "nsubjpass", "pobj") or t.kind == "verb"):
            # the same event said twice ("the bombing killed five", "wounded two soldiers in a
            # bomb attack", "demanded ... its demand that X"): keep the more specific code
            if len(t.code) > len(f.code) or (t.code[:2] == f.code[:2] and t.code[2:3] > f.code[2:3]
                                             and f.code.endswith("0")):
                f.code = t.code
            f.words.append(t.token)
            f.how.append(f"same event as {t.source}")
        else:
            f.how.append(f"'{t.text}' is part of it")


def _protest_topics(frames: dict[int, Frame], cb: Codebook, notes: list[str]) -> None:
    """The demand a protest makes is its topic, not a second event (PLOVER manual, PROTEST)."""
    protests = {i for i, f in frames.items() if (cb.info(f.code).event if cb.info(f.code) else f.event) == "PROTEST"}
    protests |= {t.i for i in protests for t in frames[i].words}
    if not protests:
        return  # nothing to climb to
    for i, f in list(frames.items()):
        info = cb.info(f.code)
        if info is None or info.event not in ("REQUEST", "ACCUSE", "RETREAT", "THREATEN"):
            continue
        if any(a.i in protests for a in f.head.ancestors):
            notes.append(f"{f.head.text}: the protest's demand")
            del frames[i]


def _party(tok: Token) -> bool:
    """A named or nationality-marked party, or a personal pronoun: someone a demand can address."""
    if tok.lower_ in ("he", "she", "they"):
        return True
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in tok.subtree)


def _deontic(sent: Span, cb: Codebook, at: dict[int, Trigger], frames: dict[int, Frame],
             view: DocView) -> None:
    """"X said Y must do Z" is X demanding Z of Y (CAMEO 10)."""
    s, e = sent.start, sent.end
    for i in compress(range(s, e), map(DEONTIC.__contains__, view.lower[s:e])):  # rare: no Token else
        tok = sent.doc[i]
        if tok.dep_ != "aux":
            continue
        v = tok.head
        if v.dep_ != "ccomp" or governor_class(v.head, cb) != "report":
            continue
        r = v.head
        subj_v = own_subject(v)
        subj_r = next((c for c in r.children if c.dep_ == "nsubj"), None)
        if subj_v is None or subj_r is None or subj_v.lower_ in ("we", "i", "it", "this", "that") \
                or v.lemma_ == "be" or r.i in frames or not _party(subj_v):
            continue
        t = at.get(v.i)
        code = cb.derived("demand", t.code) if t is not None and t.code else None
        st = walk(r, cb, at, view)
        if st.condition:
            continue
        how = [f"'{r.text}' that {subj_v.text} '{tok.text}' {v.text}: a demand -> {code or '100'}"]
        frames.pop(v.i, None)
        frames[r.i] = Frame(head=r, trigger=t, code=code or "100", event=None, mode="", st=st,
                            strength="pattern" if code else "verb", words=[r, tok, v], how=how,
                            gov_class="demand", complement=v)


def _bare_demands(sent: Span, cb: Codebook, at: dict[int, Trigger], frames: dict[int, Frame],
                  view: DocView) -> None:
    """"called on Muslims to take up arms": a demand made of a named party is a REQUEST (CAMEO 100)
    even when what is demanded has no code of its own."""
    s, e = sent.start, sent.end
    demanding = map(eq, map(cb.governors.get, view.lemma[s:e]), repeat("demand"))  # rare: no Token else
    candidates = [t for t in map(sent.doc.__getitem__, compress(range(s, e), demanding)) if t.pos_ == "VERB"]
    if not candidates:
        return
    used = {w.i for f in frames.values() for w in f.words} | set(frames) | set(at)
    for tok in candidates:
        if tok.i in used or governor_class(tok, cb) != "demand":
            continue
        comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")),
                    None)
        if comp is None or comp.i in used:
            continue
        addressee = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and _party(c)), None)
        if addressee is None:
            addressee = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                              for o in c.children if o.dep_ == "pobj" and _party(o)), None)
        if addressee is None:
            continue
        st = walk(tok, cb, at, view)
        if st.condition or st.background:
            continue
        frames[tok.i] = Frame(head=tok, trigger=None, code="100", event=None, mode="", st=st,
                              strength="verb", words=[tok], gov_class="demand", complement=comp,
                              how=[f"demand '{tok.text}' of '{addressee.text}' to '{comp.text}' -> 100"])
