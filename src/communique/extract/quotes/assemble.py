"""From cues and quotation marks to quotes.

1. Every cue found in the parse (``cues.py``) whose content reaches into a quotation claims it:
   the quotation becomes that cue's direct quote, or the quoted fragment of a mixed quote. When
   several cues reach the same quotation the outermost speech cue wins ("Lavrov agreed, saying
   they planned "to ..."": *saying*, not *planned*).
2. A quotation no cue claimed looks for its attribution beside it: after the closing mark
   ('"...," said Kerry'), a dash ('"..." -- Jane Doe'), before the opening mark ('Kerry said:
   "..."'), a colon ending the paragraph before, or a transcript label ('"PENCE: ...').
3. A quotation still without one continues the quote before it: in the same paragraph ('"A," he
   said. "B."'), or after a paragraph that ended inside a quotation (the newswire convention for
   a quote over several paragraphs); a paragraph that is all quotation right after a quoted one
   is a quote of the same speaker. A quoted phrase in the object of any verb whose subject stands
   outside the marks is that subject's ('Cruz called Trump a "liar"'). Other quotations are
   left out.
4. Cues that claimed no quotation are indirect quotes; a headline "Name: words" is one too.

The order of ``Attributor`` methods follows these steps; ``extract_quotes`` drives them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as UNIVERSAL_POS
from spacy.tokens import Doc, Token

from .cues import (Found, according_found, noun_found, sentence_of, subject_of, that_clause_found, trim,
                   verb_found)
from .lexicon import VERB_POS, VERB_TAGS, CueLexicon
from .marks import Quotation, is_title

_WORD = re.compile(r"\w+")
_DASHES = ("―", "—", "--", "–", "-")
_LABEL = re.compile(r"\s*([A-Z][A-Za-z.'\- ]{0,30}?[A-Za-z.]):\s+\S")
_TITLE = re.compile(r"([^:\n]{2,60}?):\s+(\S.*)")
_FURNITURE_LABELS = {"image", "photo", "video", "source", "update", "updated", "related", "editor's note",
                     "watch", "read more", "see also", "note", "caption", "credit", "listen", "transcript"}


@dataclass
class Item:
    """A quote in the making: content pieces, how it was attributed, and to whom."""

    pieces: list[tuple[int, int]]
    cue: list[Token] = field(default_factory=list)
    cue_range: tuple[int, int] | None = None
    source: Token | None = None
    source_range: tuple[int, int] | None = None
    same_as: "Item | None" = None
    """Speaker copied from this item (a quote that goes on from an earlier one)."""
    reason: str = ""
    quotations: list[Quotation] = field(default_factory=list)

    @property
    def anchor(self) -> int:
        marks = [t.idx for t in self.cue] + [p[0] for p in self.pieces]
        return min(marks)


def words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


_VERB_POS_IDS = [UNIVERSAL_POS[p] for p in VERB_POS]
_VERB_ID, _NOUN_ID = UNIVERSAL_POS["VERB"], UNIVERSAL_POS["NOUN"]


def _cue_candidates(doc: Doc, lex: CueLexicon, right_ccomp: set[int]) -> list[int]:
    """Indices of the tokens at which ``Attributor.scan`` can find a cue, read off the doc's
    arrays: most tokens hold none, and making a ``Token`` of each costs more than the rest of
    the scan. Every token at which one of ``scan``'s tests can succeed is among them:
    - a cue verb: tagged as a verb, its form or lower-cased lemma in the lexicon (``verb_lemma``);
    - the start of a source phrase, "according to" (``according_found``);
    - an attribution noun, by its lower-cased lemma;
    - a verb with a complement clause to its right (``that_clause_found``)."""
    n = len(doc)
    if not n:
        return []
    strings = doc.vocab.strings
    pos, tag, lower, lemma = doc.to_array([POS, TAG, LOWER, LEMMA]).T
    verbs = _any_of(pos, _VERB_POS_IDS) | _any_of(tag, [strings[t] for t in VERB_TAGS])
    out = {i for i in right_ccomp if pos[i] == _VERB_ID}
    at = np.flatnonzero(verbs)
    forms, lemmas = lower[at].tolist(), lemma[at].tolist()
    # Each distinct word's string is looked up once.
    cue_forms = {h for h in set(forms) if strings[h] in lex.forms}
    cue_lemmas = {h for h in set(lemmas) if strings[h].lower() in lex.verbs}
    out.update(i for i, f, m in zip(at.tolist(), forms, lemmas) if f in cue_forms or m in cue_lemmas)
    at = np.flatnonzero(pos == _NOUN_ID)
    lemmas = lemma[at].tolist()
    cue_nouns = {h for h in set(lemmas) if strings[h].lower() in lex.nouns}
    out.update(i for i, m in zip(at.tolist(), lemmas) if m in cue_nouns)
    for phrase in lex.phrases:
        hashes = [strings[w] for w in phrase]
        out.update(i for i in np.flatnonzero(lower == hashes[0]).tolist()
                   if lower[i:i + len(hashes)].tolist() == hashes)
    return sorted(out)


def _any_of(values: np.ndarray, wanted: list[int]) -> np.ndarray:
    """``np.isin`` for a handful of values (which it is slow at)."""
    out = values == wanted[0]
    for w in wanted[1:]:
        out |= values == w
    return out


def _heads_of_right_ccomp(doc: Doc) -> set[int]:
    """Tokens with a complement clause to their right (``that_clause_found`` looks for one)."""
    if not len(doc):
        return set()
    ccomp = doc.vocab.strings["ccomp"]
    out = set()
    for i in np.flatnonzero(doc.to_array([DEP]) == ccomp).tolist():
        head = doc[i].head.i
        if head < i:
            out.add(head)
    return out


class Attributor:
    """Holds one document's text, parse and quotations while the quotes are put together."""

    def __init__(self, doc: Doc, text: str, lexicon: CueLexicon, quotations: list[Quotation],
                 speech: list[Quotation], paras: list[tuple[int, int]]):
        self.doc, self.text, self.lexicon = doc, text, lexicon
        self.quotations, self.speech, self.paras = quotations, speech, paras
        self.speech_starts = [q.open_at for q in speech]
        self.para_starts = [p[0] for p in paras]

    # -- where things are ---------------------------------------------------------------------

    def in_speech(self, pos: int) -> Quotation | None:
        i = bisect_right(self.speech_starts, pos) - 1
        if i >= 0 and self.speech[i].open_at <= pos < self.speech[i].close_end:
            return self.speech[i]
        return None

    def para_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.para_starts, pos) - 1)
        return self.paras[i]

    def token_at(self, pos: int) -> Token | None:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # -- 1. cues from the parse ---------------------------------------------------------------

    def scan(self) -> list[Found]:
        lex = self.lexicon
        first_words = {p[0] for p in lex.phrases}
        out: list[Found] = []
        doc = self.doc
        right_ccomp = _heads_of_right_ccomp(doc)
        for i in _cue_candidates(doc, lex, right_ccomp):
            t = doc[i]
            if t.is_space or t.is_punct or self.in_speech(t.idx):
                continue
            f = None
            lemma = lex.verb_lemma(t)
            if lemma is not None:
                f = verb_found(t, lemma, lex, self.text, self.para_of(t.idx)[1])
            elif t.lower_ in first_words:
                f = according_found(t, lex, self.text)
            elif t.pos_ == "NOUN" and t.lemma_.lower() in lex.nouns:
                f = noun_found(t, lex)
            elif t.pos_ == "VERB" and i in right_ccomp:
                f = that_clause_found(t)
            if f is None:
                continue
            if f.source is not None and self.in_speech(f.source.idx):
                f.source = None  # a word of the quotation is no source; the claim step looks again
            f.pieces = [p for p in (trim(self.text, s, e) for s, e in f.pieces) if p[1] > p[0]]
            out.append(f)
        return out

    def claim(self, founds: list[Found]) -> tuple[list[Item], set[int]]:
        """Step 1: cues reaching into quotations; the rest become indirect items."""
        text = self.text
        by_q: dict[int, list[Found]] = {}
        for f in founds:
            for s, e in f.pieces:
                for qi, q in enumerate(self.speech):
                    if q.open_at < e and s < q.close_end:
                        by_q.setdefault(qi, []).append(f)
        winner: dict[int, Found] = {}
        losers: set[int] = set()
        for qi, cands in by_q.items():
            cands = list({id(f): f for f in cands}.values())
            inner = {id(g) for g in cands for f in cands if f is not g
                     and any(s <= g.cue[0].idx < e for s, e in f.pieces)}
            top = [f for f in cands if id(f) not in inner] or cands
            top.sort(key=lambda f: (not f.speech, -(f.end - f.start)))
            winner[qi] = top[0]
            losers |= {id(f) for f in cands if f is not top[0] and self._inside_quotes(f)}
        items: list[Item] = []
        claimed: set[int] = set()
        owner: dict[int, Item] = {}
        for f in founds:
            if id(f) in losers or not f.pieces:
                continue
            qs = sorted((self.speech[qi] for qi, w in winner.items() if w is f), key=lambda q: q.open_at)
            pieces = list(f.pieces)
            source = f.source
            if qs:
                cue_at = f.cue[0].idx
                outside = [r for p in pieces for r in self._outside(p, qs)]
                if qs[-1].close_end <= cue_at:
                    # '"...," Flynn, a top surrogate, said': the words between the quotation and
                    # its cue are the source, whatever the parse attached them to.
                    gap = (qs[-1].close_end, cue_at)
                    outside = [r for p in outside for r in self._minus(p, gap)]
                    source = self._source_between(gap, f.cue[0], source)
                elif source is not None and self.in_speech(source.idx):
                    source = None
                if sum(words(text, *r) for r in outside) == 0:
                    pieces = [(q.start, q.end) for q in qs]
                else:
                    lo = min([pieces[0][0]] + [q.start for q in qs])
                    hi = max([pieces[-1][1]] + [q.end for q in qs])
                    pieces = [(lo, hi)] if len(pieces) == 1 else pieces
            item = Item(pieces=pieces, cue=f.cue, source=source, reason=f.frame, quotations=qs)
            items.append(item)
            for q in qs:
                owner[id(q)] = item
                claimed.add(id(q))
        self.owner = owner
        return items, claimed

    @staticmethod
    def _minus(piece: tuple[int, int], gap: tuple[int, int]) -> list[tuple[int, int]]:
        s, e = piece
        if gap[1] <= s or e <= gap[0]:
            return [piece]
        return [r for r in ((s, gap[0]), (gap[1], e)) if r[1] > r[0]]

    def _source_between(self, gap: tuple[int, int], cue: Token, source: Token | None) -> Token | None:
        """The source of '"...," X said' / '"...," said X': the noun phrase between quotation and
        cue when there is one, else the parse's subject when it stands after the cue."""
        nominal = [t for t in self._tokens(*gap) if t.pos_ in ("PROPN", "NOUN", "PRON")
                   and not self.in_speech(t.idx)]
        if nominal:
            if source is not None and gap[0] <= source.idx < gap[1] and source.pos_ in ("PROPN", "NOUN", "PRON"):
                return source
            pick = nominal[0]
            while pick.dep_ in ("compound", "flat", "amod", "poss", "nmod") and gap[0] <= pick.head.idx < gap[1]:
                pick = pick.head
            return pick
        if source is not None and source.i > cue.i and not self.in_speech(source.idx):
            return source
        return self._source_near(self._tokens(cue.idx, self.para_of(cue.idx)[1])[:8], cue)

    def _inside_quotes(self, f: Found) -> bool:
        return all(self.in_speech(s) is not None and self.in_speech(max(s, e - 1)) is not None
                   for s, e in f.pieces)

    @staticmethod
    def _outside(piece: tuple[int, int], qs: list[Quotation]) -> list[tuple[int, int]]:
        ranges = [piece]
        for q in qs:
            nxt = []
            for s, e in ranges:
                if q.close_end <= s or e <= q.open_at:
                    nxt.append((s, e))
                    continue
                if s < q.open_at:
                    nxt.append((s, q.open_at))
                if q.close_end < e:
                    nxt.append((q.close_end, e))
            ranges = nxt
        return ranges

    # -- 2. quotations attributed by what stands beside them -----------------------------------

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return [t for t in span if not t.is_space] if span is not None else []

    def _trailer(self, q: Quotation) -> list[Token]:
        p_end = self.para_of(q.open_at)[1]
        nxt = next((o.open_at for o in self.speech if o.open_at >= q.close_end), p_end)
        out = []
        for t in self._tokens(q.close_end, min(nxt, p_end)):
            if self.in_speech(t.idx):
                break
            out.append(t)
            if t.text in (".", "!", "?") and len(out) > 1:
                break
        return out

    def _leader(self, q: Quotation) -> list[Token]:
        p_start = self.para_of(q.open_at)[0]
        prev_end = max([o.close_end for o in self.speech if o.close_end <= q.open_at] + [p_start])
        toks = self._tokens(prev_end, q.open_at)
        if not toks:
            return []
        sent_start = sentence_of(toks[-1])[0]
        return [t for t in toks if t.idx >= sent_start]

    def _source_near(self, toks: list[Token], cue: Token) -> Token | None:
        """An inverted or detached source: the noun phrase after the cue, else the one before."""
        def ok(t: Token) -> bool:
            return t.pos_ in ("PROPN", "PRON", "NOUN") and t.dep_ not in ("dobj", "dative", "pobj", "npadvmod") \
                and not self.in_speech(t.idx)
        after = [t for t in toks if t.i > cue.i and ok(t)]
        before = [t for t in toks if t.i < cue.i and ok(t)]
        pick = after[0] if after and (not before or after[0].i - cue.i <= 2) else (before[-1] if before else None)
        if pick is None:
            return None
        while pick.dep_ in ("compound", "flat", "amod", "poss") and pick.head.i != pick.i and pick.head in toks:
            pick = pick.head
        return pick

    def beside(self, q: Quotation, founds_by_cue: dict[int, Found]) -> Item | None:
        """The attribution standing next to an unclaimed quotation, if any."""
        return (self._after(q) or self._before(q, founds_by_cue) or self._label(q)
                or self._colon_before(q))

    def _after(self, q: Quotation) -> Item | None:
        """'"...," said Kerry.' / '"...," Kerry told reporters.' / '"..." -- Jane Doe'."""
        trailer = self._trailer(q)
        if not trailer:
            return None
        if self.text[q.close_end:trailer[0].idx + 2].strip().startswith(_DASHES) and len(trailer) > 1:
            run = []
            for t in trailer[1:]:
                if t.pos_ == "PROPN" or (run and t.text in (".", "-")):
                    run.append(t)
                else:
                    break
            while run and not run[-1].pos_ == "PROPN":
                run.pop()
            if run:
                return Item(pieces=[(q.start, q.end)], cue=[trailer[0]],
                            source_range=(run[0].idx, run[-1].idx + len(run[-1].text)),
                            reason="dash", quotations=[q])
        for t in trailer:
            if t.lower_ == "according":
                f = according_found(t, self.lexicon, self.text)
                if f is None:
                    continue
                return Item(pieces=[(q.start, q.end)], cue=f.cue, source=f.source, reason="trailer",
                            quotations=[q])
            if self.lexicon.verb_lemma(t) is None:
                continue
            source, _ = subject_of(t)
            if source is None or self.in_speech(source.idx) or source.idx < q.close_end:
                source = self._source_near(trailer, t)
            return Item(pieces=[(q.start, q.end)], cue=[t] + [c for c in t.children if c.dep_ == "prt"],
                        source=source, reason="trailer", quotations=[q])
        return None

    def _before(self, q: Quotation, founds_by_cue: dict[int, Found]) -> Item | None:
        """'Kerry said: "..."' / 'Caddell told Breitbart, "..."': the last cue before the opening
        mark, when nothing but its own objects stands between them."""
        leader = self._leader(q)
        if not leader:
            return None
        last = leader[-1]
        for k in range(len(leader) - 1, -1, -1):
            t = leader[k]
            if self.lexicon.verb_lemma(t) is None:
                continue
            f = founds_by_cue.get(t.i)
            if f is not None and f.pieces and f.frame != "colon":
                return None  # the cue reports something else of its own
            if len(leader) - k > 8 or not (last.text in (":", ",") or last == t or last.head == t):
                return None
            source, _ = subject_of(t)
            if source is None or self.in_speech(source.idx):
                source = self._source_near(leader, t)
            return Item(pieces=[(q.start, q.end)], cue=[t], source=source, reason="leader", quotations=[q])
        return None

    def _label(self, q: Quotation) -> Item | None:
        """'"PENCE: Well, ..."': a transcript label opening the quotation."""
        m = _LABEL.match(self.text, q.start, q.end)
        if not m or len(m.group(1).split()) > 3 or m.group(1).lower() in _FURNITURE_LABELS:
            return None
        colon = m.end(1)
        return Item(pieces=[(colon + 1, q.end)], cue_range=(colon, colon + 1),
                    source_range=(m.start(1), m.end(1)), reason="label", quotations=[q])

    def _colon_before(self, q: Quotation) -> Item | None:
        """'Caddell continued:' closing the paragraph before one that is a quotation."""
        p_start, _ = self.para_of(q.open_at)
        i = self.para_starts.index(p_start)
        if q.open_at != p_start or i == 0:
            return None
        ps, pe = self.paras[i - 1]
        if self.text[pe - 1:pe] != ":":
            return None
        cues = [t for t in self._tokens(ps, pe) if self.lexicon.verb_lemma(t) and not self.in_speech(t.idx)]
        if not cues:
            return None
        source, _ = subject_of(cues[-1])
        return Item(pieces=[(q.start, q.end)], cue=[cues[-1]], source=source, reason="colon-before",
                    quotations=[q])

    # -- 3b. quoted fragments ------------------------------------------------------------------

    def fragment(self, q: Quotation) -> Item | None:
        """'Cruz called Trump a "pathological liar"': a quoted phrase in the object of a verb whose
        subject is outside the marks is that subject's words, whatever the verb."""
        toks = self._tokens(q.start, q.end)
        if not toks or is_title(q, self.text):
            return None
        inside = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in inside and t.head.i != t.i]
        if len(roots) != 1:
            return None
        child, head = roots[0], roots[0].head
        for _ in range(4):
            if head.pos_ == "VERB" or head.i == head.head.i:
                break
            if child.dep_ not in ("pobj", "dobj", "attr", "oprd", "conj", "appos", "compound", "amod",
                                  "prep", "npadvmod", "nmod", "pcomp", "acomp", "advmod"):
                return None
            child, head = head, head.head
        if head.pos_ != "VERB" or head.lemma_ in ("be", "have") or head.dep_ in ("acl", "amod", "compound"):
            return None
        if self.in_speech(head.idx) or child.dep_ not in ("dobj", "oprd", "xcomp", "ccomp", "prep", "attr",
                                                          "acomp", "dative", "advcl", "pobj"):
            return None
        source, has_source = subject_of(head)
        if source is None or not has_source or self.in_speech(source.idx) or source.lower_ in ("it", "this", "that"):
            return None
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < child.i), None)
        if obj is not None and child.dep_ in ("oprd", "xcomp", "ccomp", "prep", "attr", "acomp"):
            lo = obj.left_edge.idx
        lo, hi = min(lo, q.start), max(hi, q.end)
        if source.idx >= lo and source.idx < hi:
            return None
        return Item(pieces=[(lo, hi)], cue=[head], source=source, reason="fragment", quotations=[q])

    # -- 4. headlines -------------------------------------------------------------------------

    def headline(self) -> Item | None:
        """'Sanders: Clinton needs to ...' in the first paragraph (a headline)."""
        if not self.paras:
            return None
        ps, pe = self.paras[0]
        m = _TITLE.fullmatch(self.text, ps, pe)
        if not m:
            return None
        left = m.group(1).strip()
        if (len(left.split()) > 4 or not left[:1].isupper() or left.lower() in _FURNITURE_LABELS
                or words(self.text, m.start(2), m.end(2)) < 4):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in self._tokens(m.start(1), m.end(1))):
            return None  # 'The mayor said: ...' is a sentence with a colon, not a headline
        content = trim(self.text, m.start(2), m.end(2))
        q = self.in_speech(content[0])
        if q is not None and q.start <= content[0] + 1 and content[1] <= q.close_end + 1:
            content = (q.start, q.end)
        return Item(pieces=[content], cue_range=(m.end(1), m.end(1) + 1), source_range=(m.start(1), m.end(1)),
                    reason="headline")
