"""Reported speech read off the dependency parse: cue verbs with their complement, "according to
X", attribution nouns with a *that* clause.

Each cue yields a ``Found``: the cue tokens, the head token of the source (or none, for passives
such as "it was reported that"), and the content as character ranges. Whether the content is a
direct, mixed or indirect quote is decided later, against the quotation marks.

A cue verb's content is the first of these that it has (``verb_found``): the rest of the paragraph
after a colon ("said: ..."), a complement clause ("said (that) ..."; one standing before the cue
must end at a comma or quote mark), the clause it interrupts ("The plan, he said, will fail"),
an object with its predicate ("called the plan "a disaster""), an infinitive ("urged Iran to
attend"), the object of its own preposition ("called for a truce"), its object ("denied the
report"), the topic of about/of/on/against/for ("warned of a crisis"). A speech verb with none of
these is kept *bare*: a quotation beside it may be its content.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import CueLexicon

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# Dependents through which a cue verb shares the subject of the verb it hangs from:
# "Lavrov agreed, saying ...", "he went on to say ...", "she smiled and said ...".
_INHERIT = ("xcomp", "advcl", "conj", "pcomp")
_EDGE_PUNCT = " \t\n,;:—–-―(["
_END_PUNCT = _EDGE_PUNCT + "."


@dataclass
class Found:
    cue: list[Token]
    source: Token | None
    pieces: list[tuple[int, int]]
    frame: str
    """colon, clause, parataxis, predicate, xcomp, object, topic, bare, according, noun, that"""
    speech: bool
    """A verb of saying: it may own a quotation beside it."""

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def sentence_of(tok: Token) -> tuple[int, int]:
    """Character bounds of ``tok``'s sentence (the whole text when the doc has no sentences)."""
    if tok.doc.has_annotation("SENT_START") or tok.doc.has_annotation("DEP"):
        sent = tok.sent
        return sent.start_char, sent.end_char
    last = tok.doc[-1]
    return 0, last.idx + len(last.text_with_ws)   # len(doc.text), without joining every token


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces and punctuation (a final period too); inner text stays as written."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _END_PUNCT:
        end -= 1
    return start, end


def token_range(tokens: list[Token] | Span) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def subtree_range(t: Token) -> tuple[int, int]:
    return t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)


def minus(outer: tuple[int, int], inner: tuple[int, int], text: str = "") -> list[tuple[int, int]]:
    """``outer`` without ``inner``: zero, one or two ranges (with ``text``, only ranges that hold
    a word)."""
    out = []
    if inner[0] > outer[0]:
        out.append((outer[0], min(inner[0], outer[1])))
    if inner[1] < outer[1]:
        out.append((max(inner[1], outer[0]), outer[1]))
    if text:
        out = [trim(text, s, e) for s, e in out]
        out = [(s, e) for s, e in out if any(c.isalnum() for c in text[s:e])]
    return out


def governing_verb(tok: Token, limit: int = 3) -> Token | None:
    """The verb ``tok`` hangs from, through prepositions and modifiers ("aside from saying" ->
    the verb "from" attaches to)."""
    h = tok.head
    for _ in range(limit):
        if h.pos_ in ("VERB", "AUX"):
            return h
        if h.i == h.head.i or h.pos_ not in ("ADP", "SCONJ", "ADV", "ADJ", "NOUN", "PROPN"):
            return None
        h = h.head
    return h if h.pos_ in ("VERB", "AUX") else None


def subject_of(verb: Token, depth: int = 0,
               children: list[Token] | None = None) -> tuple[Token | None, bool]:
    """The source of a cue verb and whether it has one at all (a passive without "by" has none).
    ``children``: the verb's, when the caller has them already."""
    kids = list(verb.children) if children is None else children
    passive = False
    for c in kids:
        if c.dep_ in _SUBJECTS:
            if c.lower_ == "that" and c.i > verb.i:
                continue  # a complementiser the parser took for a subject
            return c, True
        if c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass":
            passive = True
    if passive:
        for c in kids:
            if c.dep_ == "agent":
                objs = [x for x in c.children if x.dep_ == "pobj"]
                if objs:
                    return objs[0], True
        return None, False
    head = verb.head
    if depth < 3 and head != verb:
        if verb.dep_ in _INHERIT:
            gov = head if head.pos_ in ("VERB", "AUX") else governing_verb(verb)
            if gov is not None and gov != verb:
                return subject_of(gov, depth + 1)
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ...": the statement's issuer, else the statement itself.
            gov = governing_verb(head) if head.dep_ in ("dobj", "pobj") else None
            if gov is not None:
                s, ok = subject_of(gov, depth + 1)
                if s is not None:
                    return s, ok
            return head, True
    return None, True


def _first(tokens: Iterable[Token], deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tokens if c.dep_ in deps), None)


def _colon_content(verb: Token, para_end: int) -> tuple[int, int] | None:
    """"X said: ..." -- the rest of the paragraph after a colon that closes the cue clause."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    # Skip the verb's own objects and particles ("told reporters:", "added in a statement:").
    while nxt is not None and nxt.head == verb and nxt.dep_ in ("dobj", "dative", "prt", "prep", "npadvmod", "advmod"):
        right = nxt.right_edge
        nxt = right.nbor(1) if right.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.text != ":":
        return None
    if nxt.idx + 1 >= para_end:
        return None
    return nxt.idx + 1, para_end


_PRECEDING_OK = {",", "\"", "”", "''", "’", "'", "—", "–", "--", "-"}
_PREDICATES = ("oprd", "xcomp", "ccomp", "attr", "acomp")


def _preceding_ok(comp: Token, verb: Token, source: Token | None) -> bool:
    """A complement before its cue ("The plan failed, he said") must end at a comma or a quote
    mark; one ending at a colon, a parenthesis or a full stop is a separate clause."""
    first = min(verb.i, source.left_edge.i) if source is not None and source.i < verb.i else verb.i
    gap = [t for t in comp.doc[comp.right_edge.i + 1:first] if not t.is_space]
    if not gap:
        return True
    return all(t.text in _PRECEDING_OK for t in gap)


_ABOUT = ("about", "of", "on", "against", "for")
_PERCEIVE = frozenset({"see", "hear", "read", "watch", "find", "learn", "imagine", "show", "continue"})
_EXTEND = ("prep", "oprd", "xcomp", "advcl", "dative", "npadvmod", "acomp", "ccomp", "pcomp")


def _extend_right(verb: Token, after: Token, children: list[Token]) -> int:
    """End offset of ``after``'s subtree, stretched over the verb's later dependents that belong
    to the same statement ("attacked other candidates [on stage] [for accepting ...]"); a comma,
    a conjunction or a new clause stops it."""
    end = after.right_edge
    for c in children:
        if c.i <= end.i:
            continue
        gap = verb.doc[end.i + 1:c.left_edge.i]
        if c.dep_ not in _EXTEND or any(t.is_punct or t.dep_ == "cc" for t in gap):
            break
        if c.dep_ in ("advcl", "ccomp") and any(x.dep_ in ("mark", "nsubj", "nsubjpass") for x in c.children):
            break  # a clause of its own: "... launch as Pyongyang fired three missiles"
        end = c.right_edge
    return end.idx + len(end.text)


def _clause_range(comp: Token, text: str) -> tuple[int, int]:
    """A complement clause without what the parser hung on after it: a participle clause after a
    comma ("..., engaging in ...") or a second clause after a semicolon."""
    doc = comp.doc
    left, right = comp.left_edge.i, comp.right_edge.i
    for c in comp.children:
        if c.i <= comp.i:
            continue
        prev = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if prev is not None and prev.text in (";", ":") or (
                c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and prev is not None and prev.text == ","):
            right = min(right, c.left_edge.i - 1)
    # Most clauses hold no semicolon: look at the characters before making a token of each word.
    if ";" in text[comp.idx:doc[right].idx + len(doc[right].text)]:
        for t in doc[comp.i:right + 1]:
            if t.text == ";" and t.head == comp:
                right = min(right, t.i - 1)
                break
    while right > comp.i and (doc[right].is_punct and doc[right].text not in ("\"", "”", "'", "’")):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _predicate(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """"called the plan "a disaster"", "described Iran as a partner": object plus predicate."""
    obj = _first(children, ("dobj",))
    if obj is None:
        comp = _first(children, ("ccomp", "oprd"))
        if comp is not None and comp.i > verb.i and any(c.dep_ in ("nsubj", "attr") for c in comp.children):
            return subtree_range(comp)
        return None
    pred = next((c for c in children if c.i > obj.i and (
        c.dep_ in _PREDICATES or (c.dep_ == "prep" and c.lower_ == "as"))), None)
    if pred is None:
        pred = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if pred is None:
        return None
    return obj.left_edge.idx, _extend_right(verb, pred, children)


def verb_found(verb: Token, lemma: str, lexicon: CueLexicon, text: str, para_end: int) -> Found | None:
    """A cue verb's source and content, or None when it has no complement that can be reported."""
    frames = lexicon.frames(lemma)
    kids = list(verb.children)  # read many times below; spaCy makes new tokens on each pass
    source, has_source = subject_of(verb, children=kids)
    src = source if has_source else None
    preps = lexicon.cue_preps.get(lemma, frozenset()) | lexicon.particles.get(lemma, frozenset())
    cue = [verb] + [c for c in kids if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in preps)]
    speech = "quote" in frames
    colon = _colon_content(verb, para_end) if speech else None
    if colon:
        return Found(cue=cue, source=src, pieces=[colon], frame="colon", speech=speech)
    comps = [c for c in kids if c.dep_ == "ccomp"] if "clause" in frames else []
    comp = next((c for c in comps if c.i > verb.i or _preceding_ok(c, verb, source)), None)
    if comp is not None:
        piece = _clause_range(comp, text)
        if not (source is not None and source.i > comp.i and piece[0] <= source.idx < piece[1]):
            return Found(cue=cue, source=src, pieces=[piece], frame="clause", speech=speech)
    if verb.dep_ == "parataxis" and speech and source is not None and verb.head.pos_ in ("VERB", "AUX"):
        outer = subtree_range(verb.head)
        sent = sentence_of(verb)
        outer = (max(outer[0], sent[0]), min(outer[1], sent[1]))
        pieces = minus(outer, subtree_range(verb), text)
        if pieces:
            return Found(cue=cue, source=source, pieces=pieces, frame="parataxis", speech=speech)
    if "predicate" in frames:
        piece = _predicate(verb, kids)
        if piece is not None:
            return Found(cue=cue, source=src, pieces=[piece], frame="predicate", speech=speech)
    if "xcomp" in frames:
        x = _first(kids, ("xcomp",))
        if x is not None and x.pos_ in ("VERB", "AUX") and x.i > verb.i:
            return Found(cue=cue, source=src, pieces=[subtree_range(x)], frame="xcomp", speech=speech)
    for c in cue[1:]:
        if c.dep_ == "prep":
            objs = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
            if objs:
                return Found(cue=cue, source=src, pieces=[subtree_range(objs[0])], frame="object",
                             speech=speech)
    # A cue verb's object is its content when nothing else is ("confirmed the report"); a
    # person object only with what is said of them ("attacked Clinton for her vote"). Verbs of
    # perceiving ("saw the tweet") report with clauses only.
    obj = _first(kids, ("dobj",))
    if obj is not None and obj.pos_ != "PRON" and frames & {"clause", "object"} and lemma not in _PERCEIVE:
        end = _extend_right(verb, obj, kids)
        if obj.ent_type_ != "PERSON" or end > obj.right_edge.idx + len(obj.right_edge.text):
            return Found(cue=cue, source=src, pieces=[(obj.left_edge.idx, end)], frame="object", speech=speech)
    # "complained about the delays", "warned of a crisis": the topic of a cue verb.
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in _ABOUT and c.i > verb.i), None)
    objs = [x for x in prep.children if x.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if objs and frames & {"clause", "object"} and objs[0].ent_type_ not in ("DATE", "TIME", "CARDINAL"):
        return Found(cue=cue + [prep], source=src, pieces=[subtree_range(objs[0])], frame="topic", speech=speech)
    if speech and source is not None:
        # A bare speech verb ("he said.") owns a quotation beside it: the caller decides.
        return Found(cue=cue, source=source, pieces=[], frame="bare", speech=True)
    return None


def according_found(token: Token, lexicon: CueLexicon, text: str | None = None) -> Found | None:
    """"according to X": X is the source, the clause the phrase hangs from is the content.
    ``text`` is the doc's text (``Doc.text`` joins every token anew on each call)."""
    words = [token] + [token.doc[token.i + k] for k in range(1, 4) if token.i + k < len(token.doc)]
    for phrase in lexicon.phrases:
        if len(phrase) <= len(words) and all(w.lower_ == p for w, p in zip(words, phrase)):
            break
    else:
        return None
    cue = words[:len(phrase)]
    objs = [c for w in cue for c in w.children if c.dep_ == "pobj"]
    if not objs:
        # "according to show insiders": the parser made a verb of the first word; the source
        # is the last noun of the phrase.
        nouns = [t for w in cue for c in w.children if c.dep_ == "pcomp" for t in c.subtree
                 if t.pos_ in ("NOUN", "PROPN")]
        if not nouns:
            return None
        objs = nouns
    source = objs[-1]
    sent = sentence_of(token)
    anchor = token.head
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head != anchor:
        anchor = anchor.head
    if anchor.pos_ not in ("VERB", "AUX") or anchor.i in range(token.i, source.right_edge.i + 1):
        span = token.doc.char_span(*sent, alignment_mode="expand")
        anchor = span.root if span is not None else token.head
    outer = subtree_range(anchor)
    outer = (max(outer[0], sent[0]), min(outer[1], sent[1]))
    phrase_range = (cue[0].idx, source.right_edge.idx + len(source.right_edge.text))
    pieces = minus(outer, phrase_range, token.doc.text if text is None else text)
    if not pieces:
        return None
    return Found(cue=cue, source=source, pieces=pieces, frame="according", speech=True)


def noun_found(noun: Token, lexicon: CueLexicon) -> Found | None:
    """"Trump's claim that ...": an attribution noun with a *that* complement clause."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    source = _first(noun.children, ("poss",))
    if source is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        if by is not None:
            source = _first(by.children, ("pobj",))
    if source is None and noun.dep_ in ("dobj", "pobj", "attr"):
        gov = governing_verb(noun)
        if gov is not None:
            source, _ = subject_of(gov)
    return Found(cue=[noun], source=source, pieces=[subtree_range(clause)], frame="noun", speech=False)


def that_clause_found(verb: Token) -> Found | None:
    """A verb outside the lexicon with a *that* clause and a subject ("she made clear that ...",
    "he warned that ..."): attribution by form."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if comp is None or verb.lemma_ in ("be", "have", "do", "mean", "ensure", "make"):
        return None
    source, has_source = subject_of(verb)
    if source is None:
        return None
    return Found(cue=[verb], source=source, pieces=[subtree_range(comp)], frame="that", speech=False)
