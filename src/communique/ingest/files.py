"""Read articles from files, folders, JSONL and stdin into ``InputRecord``s.

Every reader yields ``InputRecord`` for each article it could read and ``InputError`` (yielded,
not raised) for each one it could not, so that one bad input never stops the others.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import msgspec

from ..errors import InputError
from ..schema import InputRecord
from .decode import decode_bytes

MAX_BYTES = 20_000_000
"""A single article larger than this is refused: no news article is 20 MB of text."""

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

ReadResult = InputRecord | InputError


def read_inputs(paths: Iterable[str | Path], *, stdin=None) -> Iterator[ReadResult]:
    """Every article in ``paths`` (files, folders, or ``-`` for stdin), in a stable order."""
    extra = _extra_readers()
    for raw in paths:
        if str(raw) == "-":
            yield from read_stream(stdin or sys.stdin.buffer, origin="<stdin>")
            continue
        for name in list_files([raw]):
            path = Path(name)
            if path.exists():
                yield from read_path(path, extra)
            else:
                yield InputError("E007", origin=name)


def list_files(paths: Iterable[str | Path]) -> list[str]:
    """The files ``read_inputs`` would read from ``paths`` (folders walked), without reading them.

    A path that does not exist is kept, so that reading it reports it missing. Readers that run
    elsewhere (Spark executors) get these names and call ``read_path`` on each.
    """
    allowed = SUFFIXES | set(_extra_readers())
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(str(p) for p in sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in allowed))
        else:
            out.append(str(path))
    return out


def read_path(path: Path, extra: dict | None = None) -> Iterator[ReadResult]:
    suffix = _suffix(path)
    extra = _extra_readers() if extra is None else extra
    if suffix in extra:
        yield from extra[suffix](path)
        return
    origin = str(path)
    if suffix in JSONL_SUFFIXES:
        # Streamed line by line: a JSONL file may hold a day of CC-NEWS.
        try:
            with path.open("rb") as f:
                yield from read_jsonl_lines(f, origin=origin)
        except OSError as e:
            yield InputError("E005", origin=origin, detail=e.strerror or str(e))
        return
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES:
        yield InputError("E006", origin=origin, detail=path.suffix or path.name)
        return
    text = read_text_file(path)
    if isinstance(text, InputError):
        yield text
    else:
        yield InputRecord(id=path.stem, origin=origin, **{"html" if suffix in HTML_SUFFIXES else "text": text})


def read_file_bytes(path: Path, *, limit: int = MAX_BYTES) -> bytes | InputError:
    """The bytes of one file holding one article (or one feed), or the error saying why not."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            return InputError("E008", origin=origin, detail=f"{size:,} bytes (limit {limit:,})")
        data = path.read_bytes()
    except OSError as e:
        return InputError("E005", origin=origin, detail=e.strerror or str(e))
    if not data.strip():
        return InputError("E002", origin=origin)
    return data


def read_text_file(path: Path) -> str | InputError:
    data = read_file_bytes(path)
    return data if isinstance(data, InputError) else decode_text(data, origin=str(path))


def decode_text(data: bytes, *, origin: str) -> str | InputError:
    """Text of a whole input, or the error: empty, or binary rather than text."""
    try:
        text = decode_bytes(data)
    except ValueError as e:
        return InputError("E001", origin=origin, detail=str(e))
    return text if text.strip() else InputError("E002", origin=origin)


def read_stream(stream, *, origin: str) -> Iterator[ReadResult]:
    """stdin: JSONL when it starts with a JSON object, else one text or HTML article."""
    head = stream.read(4096)
    if head.lstrip().startswith(b"{"):
        yield from read_jsonl_lines(_chain(head, stream), origin=origin)
        return
    data = head + stream.read()
    field = "html" if data.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html")) else "text"
    text = decode_text(data, origin=origin) if data.strip() else InputError("E002", origin=origin)
    yield text if isinstance(text, InputError) else InputRecord(id="stdin", origin=origin, **{field: text})


def read_jsonl_bytes(data: bytes, *, origin: str) -> Iterator[ReadResult]:
    yield from read_jsonl_lines(data.split(b"\n"), origin=origin)


def read_jsonl_lines(lines: Iterable[bytes], *, origin: str) -> Iterator[ReadResult]:
    """Input records, one per line. Lines end at "\\n" only: JSON allows U+2028 and U+0085
    unescaped inside strings, which ``str.splitlines`` would break on."""
    seen = False
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        if not seen and (b"\x00" in raw[:4096]):
            yield InputError("E001", origin=origin, detail="binary data (NUL bytes)")
            return
        seen = True
        where = f"{origin}:{n}"
        try:
            obj = msgspec.json.decode(raw)
        except msgspec.DecodeError as e:
            # Not UTF-8 JSON: a legacy encoding may still be valid JSON once decoded.
            try:
                obj = msgspec.json.decode(decode_bytes(raw).encode("utf-8"))
            except (ValueError, msgspec.DecodeError):
                yield InputError("E003", origin=where, detail=str(e))
                continue
        problem = _check_record(obj)
        if problem:
            yield InputError("E004", origin=where, detail=problem)
            continue
        yield InputRecord(
            id=str(obj["id"]), text=obj.get("text"), html=obj.get("html"),
            published=_opt_str(obj.get("published")), title=_opt_str(obj.get("title")),
            url=_opt_str(obj.get("url")), origin=where,
        )
    if not seen:
        yield InputError("E002", origin=origin)


def _chain(head: bytes, stream) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``, split at b"\\n"."""
    buf = head
    for chunk in iter(lambda: stream.read(1 << 16), b""):
        buf += chunk
        *lines, buf = buf.split(b"\n")
        yield from lines
    yield from buf.split(b"\n")


def _check_record(obj: object) -> str | None:
    if not isinstance(obj, dict):
        return "is not a JSON object"
    if obj.get("id") in (None, ""):
        return "has no id"
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return f"{obj['id']!r} has neither text nor html"
    if text is not None and html is not None:
        return f"{obj['id']!r} has both text and html (give exactly one)"
    body = text if text is not None else html
    if not isinstance(body, str):
        return f"{obj['id']!r}: {'text' if text is not None else 'html'} is not a string"
    if not body.strip():
        return f"{obj['id']!r} is empty"
    return None


def _opt_str(v: object) -> str | None:
    return None if v is None else str(v)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz",):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def _extra_readers() -> dict:
    """Readers for archive and feed formats, registered by ``ingest.archives`` when present."""
    try:
        from .archives import READERS
    except ImportError:
        return {}
    return READERS
