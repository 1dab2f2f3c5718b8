"""Read web archives (WARC, as Common Crawl's CC-NEWS ships them) and RSS/Atom feed files.

``READERS`` maps a file suffix to a function ``(path) -> Iterator[InputRecord | InputError]``;
``ingest.files`` looks it up, so folders and globs pick these formats up like any other file.
A WARC yields one article per HTML *response* record; a feed yields one per entry that carries
content or a summary. Records that are not articles (redirects, robots.txt, images, link-only
feed entries) are passed over without an error: they are not bad input, just not news.
"""
from __future__ import annotations

import calendar
import re
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..schema import InputRecord
from .decode import decode_bytes
from .files import MAX_BYTES, read_file_bytes

ReadResult = InputRecord | InputError

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path) -> Iterator[ReadResult]:
    """Every HTML response in a ``.warc`` / ``.warc.gz`` file, in file order.

    A damaged archive yields the records before the damage, then one ``InputError`` naming the
    offset where reading stopped (a WARC cannot be resynchronised after a broken record).
    """
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as e:
        yield InputError("E005", origin=origin, detail=e.strerror or str(e))
        return
    end = 0
    found_any = False
    with stream:
        try:
            it = ArchiveIterator(stream)
            for rec in it:
                if rec.format != "warc":
                    # warcio falls back to the old ARC format on anything it cannot read as
                    # WARC, so random bytes come out as an "ARC record" with garbage headers.
                    raise ValueError(f"not a WARC record (read as {rec.format!r})")
                found_any = True
                damaged_before = it.err_count
                result = _warc_article(rec, it, origin=origin)
                record_end = it.get_record_offset() + it.get_record_length()
                # warcio does not raise on a cut-off record: the block comes up short of its
                # Content-Length, or is not followed by the blank lines a record ends with
                # (it only prints a warning). Either way this record and the rest are lost.
                if getattr(rec.raw_stream, "limit", 0) > 0:
                    raise ValueError("record cut off before its declared length")
                if it.err_count > damaged_before:
                    raise ValueError("record does not end where its Content-Length says")
                end = record_end
                if result is not None:
                    yield result
        except Exception as e:  # noqa: BLE001
            # warcio reports damage in many ways (ArchiveLoadFailed, zlib's OSError/EOFError,
            # ValueError or AttributeError on mangled headers); all of them mean the rest of the
            # file cannot be trusted, and all are reported, with the offset where reading stopped.
            where = f"{origin}#{end}" if found_any else origin
            yield InputError("E009", origin=where, detail=f"{type(e).__name__}: {_first_line(e)}")
            return
        if not found_any:
            yield InputError("E009", origin=origin, detail="no WARC records found")
            return
        # A gzip member cut short, or garbage after it, ends warcio's iteration as if the file
        # had ended there. Whatever follows the last complete record must be blank lines.
        stream.seek(end)
        if stream.read(4096).strip():
            yield InputError("E009", origin=f"{origin}#{end}",
                             detail="the data after this offset is not a readable record (truncated or damaged)")


def _warc_article(rec, it, *, origin: str) -> ReadResult | None:
    """The article in one record, or None when the record is not an HTML page."""
    if rec.rec_type not in ("response", "resource"):
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI")
    record_id = (rec.rec_headers.get_header("WARC-Record-ID") or origin).strip("<>")
    record_id = record_id.removeprefix("urn:uuid:")
    if rec.rec_type == "response":
        if rec.http_headers is None:
            return None
        status = rec.http_headers.get_statuscode()
        if status != "200":
            return None
        content_type = rec.http_headers.get_header("Content-Type") or ""
    else:
        content_type = rec.rec_headers.get_header("Content-Type") or ""
    if content_type and not content_type.lower().startswith(_HTML_TYPES):
        return None
    data = rec.content_stream().read(MAX_BYTES + 1)
    # The offset must be asked for after the content is read: warcio skips to the record's
    # end to find it.
    origin = f"{origin}#{it.get_record_offset()}"
    if len(data) > MAX_BYTES:
        return InputError("E008", origin=origin, detail=f"response body over {MAX_BYTES:,} bytes")
    if not data.strip():
        return InputError("E002", origin=origin)
    try:
        html = _decode(data, _charset(content_type))
    except ValueError as e:
        return InputError("E001", origin=origin, detail=str(e))
    return InputRecord(id=record_id, html=html, url=url, origin=origin)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def _decode(data: bytes, charset: str | None) -> str:
    """The declared charset when it decodes cleanly; otherwise the usual detection."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def read_feed(path: Path) -> Iterator[ReadResult]:
    """Every entry of an RSS or Atom file that has content or a summary, in feed order."""
    import feedparser

    origin = str(path)
    data = read_file_bytes(path)
    if isinstance(data, InputError):
        yield data
        return
    feed = feedparser.parse(data)
    if not feed.version and not feed.entries:
        reason = _first_line(feed.get("bozo_exception")) if feed.bozo else "no RSS or Atom feed found"
        yield InputError("E010", origin=origin, detail=reason)
        return
    for n, entry in enumerate(feed.entries, 1):
        body = _entry_text(entry)
        if body is None:
            continue
        yield InputRecord(
            id=str(entry.get("id") or entry.get("link") or f"{path.stem}-{n}"),
            title=entry.get("title") or None, url=entry.get("link") or None,
            published=_entry_date(entry), origin=f"{origin}#{n}", text=body,
        )


def _entry_text(entry) -> str | None:
    """The fullest body an entry has (content over summary), as plain text.

    Feed bodies are HTML *fragments* holding just the article (no page around them), which
    the page extractor of the clean stage would throw away as too little; so the markup is
    turned into paragraphs here and the entry goes on as text.
    """
    candidates = [(c.get("value"), c.get("type")) for c in entry.get("content", [])]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type")))
    for value, mime in candidates:
        if not value or not value.strip():
            continue
        text = value if mime == "text/plain" else fragment_text(value)
        if text.strip():
            return text
    return None


_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre",
           "article", "section", "figcaption", "dd", "dt")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraphs, scripts are dropped."""
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    for el in list(root.iter("script", "style", "noscript")):
        el.drop_tree()
    # Source newlines are just spaces in HTML; the breaks that count are marked with
    # private-use characters, the whitespace collapsed, then the marks turned into newlines.
    for br in root.iter("br"):
        br.tail = _BR + (br.tail or "")
    for el in root.iter(*_BLOCKS):
        el.tail = _PARA + (el.tail or "")
    text = " ".join(root.text_content().split())
    text = re.sub(rf" ?([{_BR}{_PARA}]) ?", r"\1", text)
    text = re.sub(rf"{_PARA}[{_BR}{_PARA}]*|[{_BR}]+{_PARA}[{_BR}{_PARA}]*", "\n\n", text)
    return text.replace(_BR, "\n").strip()


_BR, _PARA = "\ue000", "\ue001"


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    # feedparser normalises to UTC struct_time; timegm keeps it UTC on the way back out.
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))


def _first_line(exc: object) -> str:
    text = str(exc or "").strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


READERS = {
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
}
