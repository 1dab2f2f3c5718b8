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


def read_inputs(paths: Iterable[str | Path], *, suffixes: set[str] | None = None,
                stdin=None) -> Iterator[ReadResult]:
    """Every article in ``paths`` (files, folders, or ``-`` for stdin), in a stable order."""
    extra = _extra_readers()
    allowed = SUFFIXES | set(extra) if suffixes is None else suffixes
    for raw in paths:
        if str(raw) == "-":
            yield from read_stream((stdin or sys.stdin.buffer).read(), origin="<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in allowed):
                yield from read_path(child, extra)
        elif path.exists():
            yield from read_path(path, extra)
        else:
            yield InputError("E007", origin=str(path))


def list_files(paths: Iterable[str | Path]) -> list[str]:
    """The files ``read_inputs`` would read from ``paths`` (folders walked), without reading them.

    A path that does not exist is kept, so that reading it reports it missing. For readers that
    run elsewhere (Spark executors), which get file names and call ``read_path`` on each.
    """
    extra = _extra_readers()
    allowed = SUFFIXES | set(extra)
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
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and suffix not in JSONL_SUFFIXES:
            yield InputError("E008", origin=origin, detail=f"{size:,} bytes (limit {MAX_BYTES:,})")
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError("E005", origin=origin, detail=e.strerror or str(e))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_bytes(data, origin=origin)
    elif suffix in HTML_SUFFIXES:
        yield from _single(data, origin=origin, doc_id=path.stem, field="html")
    elif suffix in TEXT_SUFFIXES:
        yield from _single(data, origin=origin, doc_id=path.stem, field="text")
    else:
        yield InputError("E006", origin=origin, detail=path.suffix or path.name)


def read_stream(data: bytes, *, origin: str) -> Iterator[ReadResult]:
    """stdin: JSONL when every non-empty line is a JSON object, else one text or HTML article."""
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        yield from read_jsonl_bytes(data, origin=origin)
    else:
        field = "html" if stripped[:200].lower().startswith((b"<!doctype html", b"<html")) else "text"
        yield from _single(data, origin=origin, doc_id="stdin", field=field)


def read_jsonl_bytes(data: bytes, *, origin: str) -> Iterator[ReadResult]:
    if not data.strip():
        yield InputError("E002", origin=origin)
        return
    try:
        text = decode_bytes(data)
    except ValueError as e:
        yield InputError("E001", origin=origin, detail=str(e))
        return
    # Split on "\n" only: str.splitlines() also breaks at U+2028, U+0085 and other characters
    # that JSON allows unescaped inside strings.
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = msgspec.json.decode(line)
        except msgspec.DecodeError as e:
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


def _single(data: bytes, *, origin: str, doc_id: str, field: str) -> Iterator[ReadResult]:
    if not data.strip():
        yield InputError("E002", origin=origin)
        return
    try:
        text = decode_bytes(data)
    except ValueError as e:
        yield InputError("E001", origin=origin, detail=str(e))
        return
    if not text.strip():
        yield InputError("E002", origin=origin)
        return
    yield InputRecord(id=doc_id, origin=origin, **{field: text})


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
