"""Clean scraped article text: drop page furniture, recover title, date, authors and agencies.

The text is changed as little as possible: kept lines stay verbatim, so a text that carries no
furniture comes out unchanged (offsets into it stay valid). Headline and dateline stay in the
text -- they are the article's content -- and are also returned as ``title`` and ``published``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Span
from .dates import parse_date_line
from .furniture import IMAGE_CREDIT, credit_line, dateline_agencies, furniture_kind

_HEAD_LINES = 12
"""Title, date and byline are looked for among this many content lines at the top."""

BYLINE = re.compile(r"^\s*by\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
                    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*$", re.I)


@dataclass
class ScrapedParts:
    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def clean_scraped(raw: str, *, title_hint: str | None = None) -> ScrapedParts:
    lines = _split_lines(raw)
    authors: list[str] = []
    agencies: list[str] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        line.kind = furniture_kind(line.text)
        if line.kind == "credit-line":
            initials, agencies_here = credit_line(line.text)
            _extend(authors, initials)
            _extend(agencies, agencies_here)
    _mark_captions(lines)

    content = [ln for ln in lines if not ln.blank and ln.kind is None]
    published = title = None
    for ln in content[:_HEAD_LINES]:
        if published is None and (iso := parse_date_line(ln.text)):
            published = iso
            ln.kind = "dateline"
        elif (m := BYLINE.match(ln.text)) and not authors:
            _extend(authors, [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", m["names"]) if n.strip()])
            ln.kind = "byline"
    title = title_hint or _find_title(content)

    if not any(ln.kind in (None, "dateline") and not ln.blank for ln in lines):
        # Everything looked like furniture: then it is the content (a bare name such as
        # "LinkedIn" or "Share" given as a whole document), not furniture around it.
        for ln in lines:
            ln.kind = None
    kept = [ln for ln in lines if ln.kind in (None, "dateline")]
    removed = [Span(start=ln.start, end=ln.end, text=ln.text) for ln in lines
               if not ln.blank and ln.kind not in (None, "dateline")]
    text = raw.strip() if not removed and not any(ln.kind == "byline" for ln in lines) else _join(kept)
    _extend(agencies, dateline_agencies(text))
    return ScrapedParts(text=text, title=title, published=published, authors=authors,
                        agencies=agencies, removed=removed)


def _split_lines(raw: str) -> list[_Line]:
    out, pos = [], 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        out.append(_Line(pos, pos + len(body), body))
        pos += len(piece)
    return out


def _mark_captions(lines: list[_Line]) -> None:
    """A short unpunctuated line directly above (or below) an image credit is its caption."""
    for i, line in enumerate(lines):
        if line.kind != "image-credit":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and _caption_like(lines[j]):
                lines[j].kind = "caption"


def _caption_like(line: _Line) -> bool:
    t = line.text.strip()
    return (bool(t) and line.kind is None and len(t.split()) <= 20 and not IMAGE_CREDIT.match(t)
            and not t.endswith((".", "!", "?", '"', "”", ":")))


def _find_title(content: list[_Line]) -> str | None:
    """The headline: the first short, unpunctuated content line above the first paragraph."""
    for ln in content[:4]:
        t = ln.text.strip()
        if ln.kind == "dateline":
            continue
        if len(t.split()) <= 25 and not t.endswith((".", ",", ";", ":")) and len(t) > 3:
            return t
        break
    return None


def _join(kept: list[_Line]) -> str:
    """Kept lines, verbatim; paragraph breaks kept, never more than one blank line in a row."""
    out: list[str] = []
    for ln in kept:
        out.append(ln.text)
    text = "\n".join(out)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)
    return text.strip()


def _extend(target: list[str], items: list[str]) -> None:
    for item in items:
        if item not in target:
            target.append(item)
