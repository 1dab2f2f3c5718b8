"""Stage *serve*: a local web explorer and JSON API over the event database, read-only.

``create_app(db)`` builds the FastAPI app (pages, their ``.json`` twins, ``/openapi.json``);
``run(db, host=..., port=...)`` serves it with uvicorn. Nothing here writes the store.
"""
from __future__ import annotations

from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def create_app(db: str | Path, *, allowed_hosts=None):
    from .app import create_app as _create

    return _create(db, allowed_hosts=allowed_hosts)


def hosts_for(host: str) -> list[str] | None:
    """The Host header names to accept when bound to ``host`` (None: any, for 0.0.0.0 / ::)."""
    if host in ("0.0.0.0", "::", ""):
        return None
    return sorted({host, *LOOPBACK}) if host in LOOPBACK else [host]


def run(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> None:
    import uvicorn

    app = create_app(db, allowed_hosts=hosts_for(host))
    # Small header and concurrency limits: a local explorer has one user.
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                h11_max_incomplete_event_size=16 * 1024, limit_concurrency=64)


__all__ = ["create_app", "run", "hosts_for"]
