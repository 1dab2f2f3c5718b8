"""Request limits and response headers, as one small ASGI middleware in front of the app.

- A request whose path or query string is longer than we ever build is refused (414) before
  routing; one that carries a body (the explorer only reads) is refused (413 / 405).
- A ``Host`` header that is not one we serve is refused (400): a page on another site that
  rebinds its DNS name to 127.0.0.1 must not be able to read the store through the browser.
- Every response says how it may be used: a Content-Security-Policy that allows scripts, styles
  and requests from this origin only (no inline script, no ``eval``, no framing), and nosniff.
"""
from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_PATH = 512
MAX_QUERY = 2048
READ_METHODS = {"GET", "HEAD"}

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Guard:
    """Refuse oversized or unexpected requests; add the security headers to every response."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._check(scope)
        if problem is not None:
            await _plain(send, *problem)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _check(self, scope: Scope) -> tuple[int, str] | None:
        if len(scope.get("raw_path") or scope["path"].encode()) > MAX_PATH:
            return 414, "path too long"
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            return 414, f"query string too long (at most {MAX_QUERY} bytes)"
        if scope["method"] not in READ_METHODS:
            return 405, "this explorer only reads: use GET"
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > 0 or b"transfer-encoding" in headers:
            return 413, "requests carry no body here"
        if self.hosts is not None and _host(headers.get(b"host", b"")) not in self.hosts:
            return 400, "unexpected Host header"
        return None


def _host(raw: bytes) -> str:
    host = raw.decode("latin-1").strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


async def _plain(send: Send, status: int, text: str) -> None:
    body = f"{status}: {text}\n".encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        *HEADERS]})
    await send({"type": "http.response.body", "body": body})
