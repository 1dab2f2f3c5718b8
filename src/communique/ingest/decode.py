"""Bytes to text: UTF-8, then Windows-1252, then a detected encoding; binary data is refused."""
from __future__ import annotations

from charset_normalizer import from_bytes

_CONTROL = {b for b in range(32)} - {9, 10, 12, 13}


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` as text, or raise ``ValueError`` saying why it is not text."""
    head = data[:65536]
    if b"\x00" in head:
        raise ValueError("binary data (NUL bytes)")
    if head and sum(b in _CONTROL for b in head) / len(head) > 0.01:
        raise ValueError("binary data (control bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: for news in Latin script, Windows-1252 (a superset of Latin-1's printable
    # range) is by far the likeliest, and statistical detection mistakes it for Central
    # European code pages on short texts. Only when it cannot decode do we ask the detector.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError("not in any text encoding that could be detected")
    return str(best)
