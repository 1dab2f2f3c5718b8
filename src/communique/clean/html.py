"""Clean an HTML page: main content and metadata with trafilatura.

trafilatura finds the article body and its title, date, authors and site name; the body then goes
through the same line rules as scraped text, which catch the credit lines ("dpa/AFP") that sites
leave inside the article container.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura

from .dates import parse_date
from .scraped import clean_scraped


_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n\s*")


@dataclass
class HtmlParts:
    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    source: str | None = None


def clean_html(html: str, *, url: str | None = None) -> HtmlParts:
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if result is None:
        return HtmlParts(text="")
    body = result.text or ""
    parts = clean_scraped(body, title_hint=result.title or None)
    # trafilatura writes one paragraph (or heading) per line; a blank line between them marks the
    # paragraph breaks the sentence splitter honours, so a headline is never glued to the lead.
    text = _PARAGRAPH_BREAK.sub("\n\n", parts.text)
    authors = _split_authors(result.author) or parts.authors
    return HtmlParts(
        text=text,
        title=result.title or None,
        published=parse_date(result.date) if result.date else parts.published,
        authors=authors,
        agencies=parts.agencies,
        source=result.sitename or result.hostname or None,
    )


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in re.split(r"\s*;\s*", value) if a.strip()]
