"""Stage *quotes*: who said what -- direct, indirect and mixed quotes with speaker and cue.

``extract_quotes(parsed, actors=..., lexicon=...)`` reads the quotation marks of the clean text
(``marks``), the cues of the dependency parse (``cues``: reporting verbs with their complement,
"according to", attribution nouns), puts the two together (``assemble``) and resolves each source
to an actor (``speakers``). ``load_cue_lexicon()`` reads the packaged cue lexicon.

Choices:
- ``Quote.text`` is the content only; a quote interrupted by its attribution or running over
  paragraphs has its pieces joined by a space in ``text`` and listed in ``spans``.
- ``speaker.entity_text`` is the source as written (a pronoun stays "he"); ``identifier_text`` the
  resolved name; ``ref`` the actor, ``refs`` every actor of a compound source.
- A quotation with no attribution near it and no quote to continue is left out, as is a quoted
  name or scare quote.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...nlp import ParsedDoc
from ...schema import Actor, Quote, Span, make_id
from .assemble import Attributor, Item, words
from .cues import trim
from .lexicon import CueLexicon, load_cue_lexicon
from .marks import Quotation, find_quotations, is_quotation, paragraphs
from .speakers import Resolver

__all__ = ["CueLexicon", "load_cue_lexicon", "extract_quotes"]


def extract_quotes(parsed: ParsedDoc, *, actors: list[Actor], lexicon: CueLexicon) -> list[Quote]:
    """The quotes of one document, in text order."""
    text, doc = parsed.text, parsed.doc
    paras = paragraphs(text)
    quotations = find_quotations(text)
    speech = [q for q in quotations if is_quotation(q, text)]
    att = Attributor(doc, text, lexicon, quotations, speech, paras)
    founds = att.scan()
    items, claimed = att.claim(founds)
    by_cue = {f.cue[0].i: f for f in founds}
    owner = dict(att.owner)
    for i, q in enumerate(speech):
        if id(q) in claimed:
            continue
        item = att.beside(q, by_cue)
        if item is None:
            prev = speech[i - 1] if i else None
            item = _continued(q, prev, owner, items, text)
            if item is not None:
                item.pieces.append((q.start, q.end))
                item.quotations.append(q)
                owner[id(q)] = item
                continue
            item = _next_paragraph(q, prev, owner, items, paras)
            if item is None:
                continue
        items.append(item)
        owner[id(q)] = item
    for q in quotations:
        if id(q) in owner or any(_overlaps([(q.start, q.end)], it.pieces) for it in items):
            continue
        item = att.fragment(q)
        if item is not None:
            items.append(item)
            owner[id(q)] = item
    head = att.headline()
    if head is not None:
        # A headline "Name: words" is attributed by its form; cues inside the words are the
        # named source's own report ("Sanders: Clinton needs to 'get away ...'").
        items = [it for it in items if not _overlaps(head.pieces, it.pieces)] + [head]
    return _records(_outermost(items), parsed, actors, quotations)


def _outermost(items: list[Item]) -> list[Item]:
    """Drop attributions nested in the content of another ("X said Y hoped Z" keeps X's): the
    report is X's, and a nested cue is far more often a turn of phrase than a second quote."""
    pieces = [(s, e, o) for o in items for s, e in o.pieces]
    out = []
    for it in items:
        at = it.cue[0].idx if it.cue else None
        if at is not None and any(s <= at < e and o is not it for s, e, o in pieces):
            continue
        out.append(it)
    return out


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _continued(q: Quotation, prev: Quotation | None, owner: dict[int, Item], items: list[Item],
               text: str) -> Item | None:
    """The earlier quote that ``q`` goes on from, if any."""
    if prev is None or id(prev) not in owner:
        return None
    item = owner[id(prev)]
    if prev.paragraph == q.paragraph:
        between = (prev.close_end, q.open_at)
        # Another attribution between the two ends the quote, unless it hangs from this one's cue
        # ('"A," DuVernay said, emphasizing why ... "B."').
        if any(it is not item and it.cue and between[0] <= it.cue[0].idx < between[1]
               and not (item.cue and it.cue[0].head == item.cue[0]) for it in items):
            return None
        return item
    if q.paragraph == prev.paragraph + 1 and not prev.closed and text[q.open_at - 1:q.open_at] in ("\n", ""):
        return item
    return None


def _next_paragraph(q: Quotation, prev: Quotation | None, owner: dict[int, Item], items: list[Item],
                    paras: list[tuple[int, int]]) -> Item | None:
    """A paragraph that is all quotation, right after a quoted paragraph, goes on with the same
    speaker: a quote of its own, its speaker taken from the quote before."""
    if prev is None or id(prev) not in owner or q.paragraph != prev.paragraph + 1:
        return None
    p_start, p_end = paras[q.paragraph]
    if q.open_at != p_start or q.close_end < p_end - 1:
        return None
    before = owner[id(prev)]
    if any(it is not before and it.cue and prev.close_end <= it.cue[0].idx < q.open_at for it in items):
        return None
    return Item(pieces=[(q.start, q.end)], same_as=before, reason="next-paragraph", quotations=[q])


def _kind(pieces: list[tuple[int, int]], quotations: list[Quotation], text: str) -> str:
    total = inside = 0
    for s, e in pieces:
        total += words(text, s, e)
        for q in quotations:
            if q.start < e and s < q.end and q.start < q.end:   # they overlap
                inside += words(text, max(s, q.start), min(e, q.end))
    if total and inside >= total:
        return "direct"
    # Marks inside the content count even when the fragment is one word ("a "disaster"").
    if inside or any(s <= q.open_at and q.close_end <= e for s, e in pieces for q in quotations):
        return "mixed"
    return "indirect"


def _cue_range(item: Item) -> tuple[int, int] | None:
    if item.cue:
        toks: list[Token] = sorted(item.cue, key=lambda t: t.i)
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return item.cue_range


def _records(items: list[Item], parsed: ParsedDoc, actors: list[Actor],
             quotations: list[Quotation]) -> list[Quote]:
    text, doc = parsed.text, parsed.doc
    resolver = Resolver(doc, text, actors)
    speakers: dict[int, object] = {}
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for item in sorted(items, key=lambda it: it.anchor):
        pieces = [p for p in (trim(text, s, e) for s, e in sorted(item.pieces)) if p[1] > p[0]]
        if not pieces or sum(words(text, s, e) for s, e in pieces) == 0:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        if (start, end) in seen:
            continue
        seen.add((start, end))
        if item.same_as is not None and id(item.same_as) in speakers:
            speaker = speakers[id(item.same_as)]
        elif item.source is not None:
            speaker = resolver.speaker(item.source)
        elif item.source_range is not None:
            span = doc.char_span(*item.source_range, alignment_mode="expand")
            speaker = resolver.speaker(span.root, item.source_range) if span is not None and len(span) else None
        else:
            speaker = None
        speakers[id(item)] = speaker
        cue = _cue_range(item)
        body = " ".join(text[s:e] for s, e in pieces)
        out.append(Quote(
            id=make_id("Q", parsed.clean.id, start, end), kind=_kind(pieces, quotations, text),
            text=body, start=start, end=end,
            cue=text[cue[0]:cue[1]] if cue else None,
            cue_span=Span(start=cue[0], end=cue[1], text=text[cue[0]:cue[1]]) if cue else None,
            speaker=speaker,
            spans=[Span(start=s, end=e, text=text[s:e]) for s, e in pieces] if len(pieces) > 1 else [],
            reason=item.reason + (f": {text[cue[0]:cue[1]]}" if cue else ""),
        ))
    out.sort(key=lambda q: (q.start, q.end))
    return out
