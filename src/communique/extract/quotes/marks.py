"""Quotation marks: where the quoted stretches of a text are, paragraph by paragraph.

Pairs straight ("), curly (“ ”), low (&#8222;), guillemet (« ») and doubled-apostrophe ('' ``) marks, and
curly or straight single marks when they clearly open and close a stretch. Which way a straight
mark points is read from its neighbours (space before: opens; space or punctuation after: closes),
so a typo'd curly mark (”Fear. ...) is read by position too.

Robustness: a quotation never runs past its paragraph. A paragraph that ends inside a double
quotation yields an *open* quotation up to the paragraph's end (the newswire convention for a
quote that goes on in the next paragraph, which then starts with an opening mark); a stray
single mark is ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = re.compile(r"''|``|[\"“”„‟«»]")
_SINGLE = re.compile(r"[‘’']")
_OPENING_GLYPHS = {"“", "„", "«", "``", "‟"}
_CLOSING_GLYPHS = {"”", "»"}
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | {""}
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–―-…/") | {""}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Quotation:
    """One quoted stretch inside one paragraph; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_at: int
    """Offset of the opening mark."""
    close_end: int
    """Offset just past the closing mark (``end`` when the quotation is open)."""
    closed: bool
    paragraph: int
    single: bool = False

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start:self.end]))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: news paragraphs are lines of the clean text."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _direction(text: str, start: int, end: int, glyph: str) -> str:
    """``open``, ``close`` or ``either`` for the mark at text[start:end]."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    may_open = before in _BEFORE_OPEN or before in _OPENING_GLYPHS or not before.strip()
    may_close = after in _AFTER_CLOSE or after in "\"”»'’" or not after.strip()
    if may_open and after.isspace():
        may_open = False
    if may_close and before.isspace() and before:
        may_close = False
    if may_open and not may_close:
        return "open"
    if may_close and not may_open:
        return "close"
    if glyph in _OPENING_GLYPHS:
        return "open"
    if glyph in _CLOSING_GLYPHS:
        return "close"
    return "either"


def _scan_double(text: str, p: int, start: int, end: int) -> list[Quotation]:
    out: list[Quotation] = []
    open_at = open_len = -1
    depth = 0
    for m in _DOUBLE.finditer(text, start, end):
        d = _direction(text, m.start(), m.end(), m.group())
        if open_at < 0:
            if d != "close":
                open_at, open_len, depth = m.start(), len(m.group()), 1
            continue
        # Inside: an opening curly mark starts a nested quotation (“...” inside "..." or “...”).
        if d == "open" and m.group() in _OPENING_GLYPHS:
            depth += 1
            continue
        if d == "open":
            continue
        depth -= 1
        if depth > 0:
            continue
        out.append(Quotation(start=open_at + open_len, end=m.start(), open_at=open_at,
                             close_end=m.end(), closed=True, paragraph=p))
        open_at = -1
    if open_at >= 0:
        content_end = end
        while content_end > open_at + open_len and text[content_end - 1].isspace():
            content_end -= 1
        out.append(Quotation(start=open_at + open_len, end=content_end, open_at=open_at,
                             close_end=content_end, closed=False, paragraph=p))
    return out


def _scan_single(text: str, p: int, start: int, end: int, taken: list[Quotation]) -> list[Quotation]:
    """Single-mark quotations outside the double ones; both marks must be unambiguous."""
    out: list[Quotation] = []
    open_at = -1
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        if any(q.open_at <= i < q.close_end for q in taken):
            continue
        before = text[i - 1] if i > start else ""
        after = text[i + 1] if i + 1 < end else ""
        if open_at < 0:
            if m.group() != "’" and (not before or before in " (—–-:") and after.isalpha():
                open_at = i
            continue
        if m.group() != "‘" and before and not before.isspace() and not after.isalnum():
            if not any(open_at < q.open_at < i < q.close_end or q.open_at < open_at < q.close_end
                       for q in taken):  # marks that cross a double quotation pair nothing
                out.append(Quotation(start=open_at + 1, end=i, open_at=open_at, close_end=i + 1,
                                     closed=True, paragraph=p, single=True))
            open_at = -1
    return out


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text`` in text order."""
    out: list[Quotation] = []
    for p, (start, end) in enumerate(paragraphs(text)):
        doubles = _scan_double(text, p, start, end)
        singles = _scan_single(text, p, start, end, doubles)
        # ‘He said “no”’: a double quotation nested in a single one is part of it
        doubles = [d for d in doubles if not any(q.open_at < d.open_at and d.close_end <= q.close_end
                                                 for q in singles)]
        out.extend(sorted(doubles + singles, key=lambda q: q.open_at))
    return out


def is_title(q: Quotation, text: str) -> bool:
    """A quoted name: every word capitalised ("Friends of Syria" allows small function words)."""
    ws = _WORD.findall(text, q.start, q.end)
    return 0 < len(ws) < 8 and ws[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in _SMALL for w in ws)


_SMALL = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "or", "with", "s"}


def is_quotation(q: Quotation, text: str) -> bool:
    """A quotation of speech rather than a quoted name or scare quote ("Geneva II")."""
    n = q.words(text)
    inner = text[q.start:q.end].rstrip()
    after = text[q.close_end:q.close_end + 1]
    if n < 6 and is_title(q, text):
        return False  # a title: “Fox and Friends.”, “The Apprentice”
    if n >= 5:
        return True
    if n >= 2 and (inner[-1:] in ",.!?…" or (after in "," and not q.single)):
        return True
    return False
