"""Trigger candidates: verbs matched against the PETRARCH verb patterns, and event nouns.

A verb's code comes from its most specific matching pattern (PETRARCH's rule: the pattern with the
most words wins), else from our verb table, else from the verb line. A pattern with no code
("[---]") vetoes the verb: "stocks declined" is not a rejection. Where PETRARCH's patterns are
loose we are stricter: a pattern's words must sit in the verb's own phrase (a one-word pattern's
word must be its object), a preposition alone codes nothing, a verb we code ourselves is only
overridden by a pattern that says more, and a block's default code is not used at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat

from spacy.tokens import Span, Token

from .clauses import asks_a_question, forms_of
from .codebook import FUNCTION_WORDS, Codebook, Item, Pattern, VerbBlock, stem
from .docview import DocView
from .roles import person_noun

VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}
NOUN_POS = {"NOUN", "PROPN"}
_NP_MODS = {"compound", "amod", "nmod", "npadvmod"}
# Dependents that start a separate clause: the verb's patterns do not look into them.
_CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "conj", "relcl", "cc", "punct", "mark", "csubj"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    start: int
    """Token indices of the trigger words (``call off``, ``air strike``), end exclusive."""
    end: int
    kind: str
    """``verb`` or ``noun``."""
    code: str | None
    event: str | None
    """The PLOVER event when it has no CAMEO code (``resignation``: RETREAT resign)."""
    mode: str
    strength: str
    """``pattern`` (a dictionary pattern matched), ``verb`` (the verb's own code), ``default``
    (its block's default), ``noun`` or ``content`` (a noun that needs a governing verb)."""
    source: str
    swap: bool = False

    @property
    def text(self) -> str:
        doc = self.token.doc
        return doc[self.start:self.end].text


# How deep under the verb a pattern word may sit: prepositions and particles hang on the verb or
# its object, content words in the phrases those head ("called for a truce").
_DEPTH = {True: 2, False: 3}


@lru_cache(maxsize=65536)
def _forms(lower: str, lemma: str) -> tuple[str, str, str]:
    """What a pattern word may meet: the word, its lemma, its stem (cached: a pure function of
    strings, asked for every word of every candidate verb's clause)."""
    return lower, lemma, stem(lower)


_QUANTITIES = {"hundred", "thousand", "dozen", "million", "score", "ten", "group", "number", "handful",
               "couple", "pair", "batch", "lot", "series", "wave", "string", "spate", "round", "host"}
_WINDOW_CUT = {"relcl", "ccomp", "advcl", "parataxis", "acl"}


def _window(i: int, view: DocView) -> list[tuple[int, int]]:
    """The verb at ``i``'s own clause: (token index, depth under the verb), in no order.
    Read off the view's lists: this runs for every candidate verb."""
    (kids, off), dep, lower = view.kids, view.dep, view.lower
    stack = [(c, 1) for c in kids[off[i]:off[i + 1]] if dep[c] not in _CLAUSE_DEPS]
    seen = []
    while stack:
        t, d = stack.pop()
        seen.append((t, d))
        if d < 4:
            # "seized hundreds of hostages": what a quantity counts sits where the quantity does
            through = dep[t] == "prep" and lower[t] == "of" and _counts(view, view.head[t])
            below = d if through else d + 1
            for c in kids[off[t]:off[t + 1]]:
                if dep[c] not in _WINDOW_CUT:
                    stack.append((c, below))
    return seen


def _counts(view: DocView, i: int) -> bool:
    return view.lemma[i] in _QUANTITIES or view.doc[i].pos_ == "NUM"


def _match_items(items: tuple[Item, ...], toks: list[tuple[int, int]],
                 forms: list[tuple[str, str, str]], cb: Codebook, shallow: bool = False,
                 subject_side: bool = False) -> bool:
    """True when the pattern items occur in ``toks`` in order (gaps allowed), each no deeper
    under the verb than its kind allows (``shallow``: a one-word pattern's word must be the
    verb's object or the object of its preposition)."""
    j = 0
    n = len(toks)
    # the subject's phrase nests deeper ("the first deployment of NATO peacekeeping troops")
    content_depth = 4 if subject_side else 2 if shallow else _DEPTH[False]
    for word, wstem in items:
        if not wstem:  # a synset
            syn = cb.synsets.get(word)
            if syn is None:
                return False
            found = False
            while j < n and not found:
                f = forms[j]
                if toks[j][1] <= content_depth and (f[0] in syn.firsts or f[1] in syn.firsts or f[2] in syn.firsts):
                    for ph in syn.phrases:
                        k = len(ph)
                        if j + k <= n and all(_word_ok(ph[x], forms[j + x]) for x in range(k)):
                            j += k
                            found = True
                            break
                if not found:
                    j += 1
            if not found:
                return False
        else:
            limit = _DEPTH[True] if word in FUNCTION_WORDS else content_depth
            while j < n and not (toks[j][1] <= limit and _word_ok((word, wstem), forms[j])):
                j += 1
            if j >= n:
                return False
            j += 1
    return True


def _word_ok(item: Item, forms: tuple[str, str, str]) -> bool:
    return item[0] == forms[0] or item[0] == forms[1] or item[1] == forms[2]


def _best_pattern(tok: Token, block: VerbBlock, cb: Codebook, view: DocView,
                  own: str | None, base: str | None = None) -> Pattern | None:
    """The most specific matching pattern: the first of the block's patterns ``ranked`` (most
    words first, then in dictionary order) that matches. When the verb has a code of its own, a
    pattern must say more than a preposition to override it: two content words, or one refining
    the same CAMEO root ("attacked with artillery" 194 under "attack" 190)."""
    index = block.by_word
    if not index:
        return None
    i, lower, lemma = tok.i, view.lower, view.lemma
    # Only the patterns filed under a word at hand can match (``VerbBlock.by_word``), and mostly
    # none is: the words of the verb's subtree, which hold its clause, say so before the clause
    # is walked (``VerbBlock.surfaces``).
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    if block.surfaces.isdisjoint(lower[lo:hi]) and index.keys().isdisjoint(lemma[lo:hi]):
        return None
    window = _window(i, view)
    forms = {t: _forms(lower[t], lemma[t]) for t, _ in window}
    have = set().union(*forms.values())
    tried = set()
    for w in have & index.keys():
        tried.update(index[w])
    if not tried:
        return None
    window.sort()  # by token index (each token is reached once)
    pre, post = [x for x in window if x[0] < i], [x for x in window if x[0] > i]
    pre_f, post_f = [forms[t] for t, _ in pre], [forms[t] for t, _ in post]
    for p in map(block.ranked.__getitem__, sorted(tried)):
        if not p.needs <= have:
            continue
        if p.synsets and not all(cb.synsets[s].firsts & have for s in p.synsets if s in cb.synsets):
            continue
        content = p.content
        if content == 0:
            continue  # "- * (TO)": a preposition alone says too little
        if own and not (content >= 2 or (p.code is None or p.code[:2] == own[:2])):
            continue
        if base and p.code and p.code[:2] == "03" and base[:2] != "03" and content < 2:
            continue  # "met with leaders" is a meeting, not a promise of one (PETRARCH's 036)
        shallow = content == 1
        if _match_items(p.pre, pre, pre_f, cb, shallow, subject_side=True) and \
                _match_items(p.post, post, post_f, cb, shallow):
            return p
    return None


def _phrase_ok(i: int, words: tuple[str, ...], after: bool, view: DocView) -> bool:
    """A multi-word verb's other words: adjacent, or particles/prepositions among its children."""
    lower = view.lower
    near = lower[i + 1: i + 1 + len(words)] if after else lower[max(0, i - len(words)): i]
    if tuple(near) == words:
        return True
    if not after:
        return False
    kids = {lower[c] for c in view.children(i) if view.dep[c] in ("prt", "prep", "dobj", "advmod")}
    return all(w in kids for w in words)


NOT_EVENTS = ("report", "hedge", "plan", "fail")
"""Governor classes whose verbs are never events themselves ("said", "hoped", "planned")."""


# Verbs that only report when they take a clause: "conceded that", "warned that", "asked if".
_CLAUSE_MAKES_STATEMENT = {"concede", "admit", "warn", "ask", "question", "claim", "accept",
                           "acknowledge", "agree", "deny", "confirm"}


def _statement(tok: Token, lemma: str) -> bool:
    """True when the verb only reports here (a that-clause, a question, a bare warning)."""
    if lemma not in _CLAUSE_MAKES_STATEMENT:
        return False
    for c in tok.children:
        if c.dep_ == "ccomp":
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            modals = {m.lower_ for m in c.children if m.dep_ == "aux"}
            if lemma == "warn" and modals & {"will", "would", "'ll", "wo"}:
                return False  # "warned that it would retaliate" is a threat
            if marks & {"if", "whether"} or lemma != "ask":
                return True
    return lemma == "warn" and not any(c.dep_ in ("xcomp", "ccomp", "prep") for c in tok.children)


PARTY_NOUNS = frozenset({"release", "detention", "arrest", "deportation", "expulsion", "extradition",
                         "evacuation"})
"""Event nouns whose "of" names who undergoes them: none when that is no party."""
# Verbs whose event needs a party as object: "released the hostages", not "released a video".
PARTY_OBJECT = {"release", "free", "deport", "detain", "arrest", "abduct", "kidnap", "extradite",
                "expel", "evacuate", "jail", "imprison"}
# Protest verbs that mean "show" or "gather" when they take an object.
SHOW_VERBS = {"demonstrate", "rally"}
# Verbs of permission are a concession only when they let someone in or something through.
PERMIT = {"allow", "permit"}
ACCESS_NOUNS = {"return", "access", "entry", "delivery", "passage", "transit", "evacuation", "visit",
                "inspection", "release", "aid", "assistance", "convoy", "flight", "shipment", "supply",
                "inspector", "refugee", "observer", "journalist", "monitor"}
# Particles that turn a verb into another ("backed out", "called off", "turned down").
_TURNING_PARTICLES = {"out", "off", "down", "away", "back", "over"}


def verb_trigger(tok: Token, cb: Codebook, view: DocView | None = None) -> Trigger | None:
    """The verb at ``tok`` as a trigger, or None. A verb of the dictionary with no usable code
    still comes back (strength ``default``, code None): it may carry an event noun."""
    view = DocView(tok.doc) if view is None else view
    i, lower, dep = tok.i, view.lower, view.dep
    lemma = next((f for f in forms_of(lower[i], view.lemma[i]) if f in cb.verb_words), None)
    if lemma is None:
        return None
    if cb.governors.get(lemma) in NOT_EVENTS and lemma not in cb.verb_codes:
        return None  # asked first: "said" is the commonest verb of all
    kids = view.children(i)
    if any(f"{lemma} {lower[c]}" in cb.non_event_phrasal for c in kids if dep[c] in ("prep", "prt")):
        return None  # "hailed from Vlore"
    if lemma in SHOW_VERBS and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return None  # "demonstrated a dignified attitude", "rallied support": shown, not protested
    if lemma in PARTY_OBJECT:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and not _party(obj, cb):
            return None
    if lemma in PERMIT:
        # "allowed the return of refugees", "allow aid convoys", not "allowed the show to go on"
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or not (_party(obj, cb) or obj.lemma_.lower() in ACCESS_NOUNS or any(
                p.dep_ == "prep" and p.lower_ == "of" and any(_party(o, cb) for o in p.children)
                for p in obj.children)):
            return None
    if _statement(tok, lemma):
        return None
    if lemma == "monitor" and _monitored_broadcast(tok):
        return None  # "the report, monitored by the BBC": how the news was heard, no event
    if lemma == "ask" and asks_a_question(tok):
        return None  # "Asked about the cases, he said ...": a reporter's question, no request
    if lemma == "charge" and any(c.dep_ == "dobj" and (c.ent_type_ in ("MONEY", "PERCENT") or c.lemma_.lower()
                                 in PRICES) for c in tok.children):
        return None  # "charging a percentage of the profits", "charged a fee": a price
    entries = cb.verbs.get(lemma, ())
    own = cb.verb_codes.get(lemma, "?")
    chosen = None
    for e in entries:
        if (e.after and not _phrase_ok(i, e.after, True, view)) or (
                e.before and not _phrase_ok(i, e.before, False, view)):
            continue
        if chosen is None or len(e.after) + len(e.before) > len(chosen.after) + len(chosen.before):
            chosen = e
    start, end = tok.i, tok.i + 1
    line_code = chosen.code if chosen is not None and chosen.code != "---" else None
    if not (chosen and chosen.after) and any(dep[c] == "prt" and lower[c] in _TURNING_PARTICLES
                                             for c in kids):
        own, line_code = "?", None  # "backed out" is not "backed": only a pattern may code it
    own_code = own if own != "?" else line_code
    if chosen is not None:
        start -= len(chosen.before)
        if chosen.after and tuple(lower[i + 1: i + 1 + len(chosen.after)]) == chosen.after:
            end += len(chosen.after)
        block = cb.blocks[chosen.block]
        multi = bool(chosen.after or chosen.before)
        pat = _best_pattern(tok, block, cb, view, None if multi else own_code, own_code or line_code)
        if pat is not None and not pat.post and any(dep[c] == "xcomp" for c in kids):
            pat = None  # "troops continue to guard": the subject alone does not say what they do
        if pat is not None:
            if pat.code is None:
                return None
            return Trigger(tok, start, end, "verb", pat.code, None, "", "pattern",
                           f"PETRARCH {block.name} pattern '{pat.text}' -> {pat.code}", swap=pat.swap)
        if multi and line_code:
            name = " ".join((*chosen.before, lemma, *chosen.after))
            return Trigger(tok, start, end, "verb", line_code, None, "", "verb",
                           f"PETRARCH {block.name} verb '{name}' -> {line_code}")
    if own != "?":
        if not own:
            return None
        if ":" in own:  # a PLOVER category without a CAMEO code: "RETREAT:resign"
            event, _, mode = own.partition(":")
            return Trigger(tok, start, end, "verb", None, event, mode, "verb", f"verb '{lemma}' -> {own}")
        return Trigger(tok, start, end, "verb", own, None, "", "verb", f"verb '{lemma}' -> {own}")
    if line_code:
        return Trigger(tok, start, end, "verb", line_code, None, "", "verb",
                       f"PETRARCH {cb.blocks[chosen.block].name} verb '{lemma}' -> {line_code}")
    if chosen is not None and cb.blocks[chosen.block].code:
        # A block's default is too loose to code on ("delay" sits with "accuse"), but the verb
        # may still carry an event noun ("prevented the demonstration").
        block = cb.blocks[chosen.block]
        return Trigger(tok, start, end, "verb", None, None, "", "default",
                       f"PETRARCH {block.name} (default {block.code} not used)")
    return None


PRICES = frozenset({"fee", "fees", "percentage", "price", "prices", "rate", "rates", "interest", "commission",
                    "premium", "tariff", "toll", "rent", "dollar", "cent", "sum", "amount"})
"""What is charged when "charge" is no accusation: "charging a percentage of the profits"."""
BROADCASTS = frozenset({"report", "broadcast", "radio", "television", "tv", "dispatch", "statement",
                        "transmission", "interview", "speech", "programme", "program", "bulletin",
                        "news", "newscast", "agency"})


def _monitored_broadcast(tok: Token) -> bool:
    """ "a report monitored by the BBC", "radio broadcasts monitored in London"."""
    if tok.dep_ in ("acl", "relcl", "amod") and tok.head.lemma_.lower() in BROADCASTS:
        return True
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in BROADCASTS for c in tok.children)


_NOT_EVENT_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
                   "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}


def _party(tok: Token, cb: Codebook) -> bool:
    """A person or group (a name, a nationality, an agent noun like "prisoners"), not a thing."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    if tok.lemma_.lower() in cb.agent_heads or tok.lower_ in cb.agent_heads:
        return True
    if tok.pos_ == "NOUN" and person_noun(tok.lower_, tok.lemma_.lower(), cb.noun_heads):
        return True  # "released the defendants"
    if tok.pos_ == "NUM" or any(c.dep_ == "nummod" for c in tok.children):
        return True  # "released 12", "freed 20 Palestinians"
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and tok.lemma_.lower() in (
        "hundred", "thousand", "dozen", "group", "number", "member")


def noun_trigger(tok: Token, cb: Codebook, view: DocView | None = None) -> Trigger | None:
    """The event noun at ``tok`` (the longest entry ending there), or None."""
    if tok.pos_ not in NOUN_POS and not (tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "dobj", "pobj")):
        return None
    view = DocView(tok.doc) if view is None else view
    i, lower, dep, up = tok.i, view.lower, view.dep, view.head
    word, lemma = lower[i], view.lemma[i]
    if word not in cb.noun_heads and lemma not in cb.noun_heads:
        return None
    if tok.ent_type_ in _NOT_EVENT_ENTS:  # "1 March 2019", "the Riot Act"
        return None
    heads = (word, lemma) if word != lemma else (lemma,)
    best = None
    # longest first: "suicide car bombing", "air strike", "state of emergency"
    for head in heads:
        for n in (2, 1):
            if i >= n and all(dep[j] in _NP_MODS and i - n <= up[j] <= i for j in range(i - n, i)):
                key = " ".join(lower[i - n:i] + [head])
                if key in cb.nouns:
                    best = (key, i - n, i + 1)
                    break
        if best is None and i + 2 < len(lower) and lower[i + 1] == "of":
            key = f"{head} of {lower[i + 2]}"
            if key in cb.nouns:
                best = (key, i, i + 3)
        if best is None and head in cb.nouns:
            best = (head, i, i + 1)
        if best is None and head + "s" in cb.nouns and word.endswith("s"):
            best = (head + "s", i, i + 1)  # plural-only entries ("talks")
        if best is not None:
            break
    if best is None:
        return None
    key, start, end = best
    if _setting_of_statement(i, lemma, view, cb):
        return None
    if tok.ent_type_ == "ORG" and tok.ent_iob_ == "I":
        return None  # "the Central Bureau of Investigation", "... for Security and Co-operation": a name
    if lemma in PARTY_NOUNS:
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)
        if of is not None and not _party(of, cb):
            return None  # "the release of quarterly results", not of prisoners
    e = cb.nouns[key]
    strength = "noun" if e.standalone else "content"
    return Trigger(tok, start, end, "noun", e.code, e.event, e.mode, strength,
                   f"noun '{key}' -> {e.code or e.event + (' ' + e.mode if e.mode else '')}")


def _setting_of_statement(i: int, lemma: str, view: DocView, cb: Codebook) -> bool:
    """ "said at a joint news conference": the noun with its modifiers is a statement's setting."""
    for n in (2, 1):
        if i >= n and " ".join(view.lower[i - n:i] + [lemma]) in cb.non_event_nouns:
            return True
    return False


def reporting_construction(tok: Token) -> bool:
    """ "according to X", "as reported by X": who says it, not something done."""
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    return tok.lower_ in ("quoted", "cited") and tok.dep_ in ("advcl", "acl", "prep") and any(
        c.dep_ == "agent" for c in tok.children)


@lru_cache(maxsize=65536)
def _may_trigger(lower: str, lemma: str, noun_heads: frozenset[str], verb_words: frozenset[str]) -> bool:
    """Can the word start a trigger whatever its tag? ``verb_trigger`` wants one of its forms
    among the verbs, ``noun_trigger`` its text or lemma among the noun heads. Asked of every word
    of every sentence, so cached (the codebook's sets hash once and compare by identity)."""
    return lower in noun_heads or lemma in noun_heads or not verb_words.isdisjoint(forms_of(lower, lemma))


def find_triggers(sent: Span, cb: Codebook, view: DocView | None = None) -> list[Trigger]:
    view = DocView(sent.doc) if view is None else view
    doc, lower, lemma = sent.doc, view.lower, view.lemma
    s, e = sent.start, sent.end
    maybe = map(_may_trigger, lower[s:e], lemma[s:e], repeat(cb.noun_heads), repeat(cb.verb_words))
    out = []
    for i in compress(range(s, e), maybe):  # no Token built for a word that can give no trigger
        tok = doc[i]
        if reporting_construction(tok):
            continue
        if tok.tag_ in VERB_TAGS and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            # adjectival participles ("the defeated party", "armed men", "evacuated the wounded")
            # are not events
            nominal = tok.dep_ in ("amod", "compound", "acomp", "oprd") or (
                tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"))
            t = verb_trigger(tok, cb, view) if not nominal else noun_trigger(tok, cb, view)
        elif tok.pos_ in NOUN_POS or tok.tag_ == "VBG":
            t = noun_trigger(tok, cb, view)
        else:
            t = None
        if t is not None:
            out.append(t)
    return out


def has_candidate(sent: Span, cb: Codebook, view: DocView | None = None) -> bool:
    view = DocView(sent.doc) if view is None else view
    words, s, e = cb.trigger_words, sent.start, sent.end
    return not words.isdisjoint(view.lower[s:e]) or not words.isdisjoint(view.lemma[s:e])
