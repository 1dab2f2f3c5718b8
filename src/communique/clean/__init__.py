"""Stage *clean*: ``InputRecord`` -> ``CleanDoc``.

Scraped text loses its page furniture; HTML goes through trafilatura. Metadata given with the
input (title, published) wins over what is found in the page.
"""
from __future__ import annotations

from urllib.parse import urlparse

from ..errors import DocumentError
from ..schema import CleanDoc, InputRecord
from .dates import parse_date
from .html import clean_html
from .language import LanguageIdentifierModel, detect_language, load_language_identifier
from .scraped import clean_scraped

__all__ = ["clean", "load_language_identifier", "LanguageIdentifierModel"]


def clean(record: InputRecord, *, langid: LanguageIdentifierModel, require_english: bool = True) -> CleanDoc:
    """Clean one input record. Raises ``DocumentError`` when no English article text is left."""
    if record.html is not None:
        parts = clean_html(record.html, url=record.url)
        text, title, published = parts.text, parts.title, parts.published
        authors, agencies, source, removed = parts.authors, parts.agencies, parts.source, []
    else:
        sp = clean_scraped(record.text or "", title_hint=record.title)
        text, title, published = sp.text, sp.title, sp.published
        authors, agencies, source, removed = sp.authors, sp.agencies, None, sp.removed
    if not text.strip():
        raise DocumentError("E020", origin=record.origin, doc_id=record.id, stage="clean")
    language = detect_language(text, langid)
    if require_english and language != "en":
        raise DocumentError("E021", origin=record.origin, doc_id=record.id, stage="clean", detail=language)
    if record.published:
        published = parse_date(record.published) or record.published
    return CleanDoc(
        id=record.id, text=text, title=record.title or title, published=published,
        source=source or _host(record.url), authors=authors, agencies=agencies, language=language,
        url=record.url, origin=record.origin, removed=removed,
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
