"""The explorer: a FastAPI app whose every page has a JSON twin (``/events`` and ``/events.json``).

A page function takes the validated query model, asks ``queries`` for the data and returns it as
a dict; ``_twin`` registers it twice, once answering JSON (listed in the OpenAPI document at
``/openapi.json``) and once rendering the page's template with the same dict. Templates escape
everything (Jinja autoescape); scripts come from ``static/`` only, under a strict CSP
(``security.Guard``). The store is opened read-only once and shared by all requests.
"""
from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
import jinja2
import msgspec
from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DataError
from ..schema import EVENT_TYPES, QUOTE_KINDS, STATUSES
from . import queries as Q
from .db import Database
from .filters import (ActorQuery, ArticleQuery, EventQuery, MapQuery, NetworkQuery, QuoteQuery,
                      SearchQuery, TimelineQuery, active)
from .highlight import article_marks, segments
from .security import Guard

log = logging.getLogger("communique.serve")

HERE = Path(__file__).parent
_json = msgspec.json.Encoder(enc_hook=str)

API_DESCRIPTION = """Read-only JSON over a communique event database (DuckDB). Every HTML page of
the explorer has a twin here at the same path plus `.json`, taking the same query parameters.
Lists take `page` and `size` (at most 500) and answer `{total, page, size, rows, next, prev,
filters}`. Parameters are validated: an unknown event type, a malformed date or an over-long
value is a 422 with the reason."""


def create_app(db_path: str | Path, *, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The explorer over the store at ``db_path`` (opened read-only).

    ``allowed_hosts``: the Host names the app answers (None: any, for a server bound to a
    public address on purpose).
    """
    db = Database(db_path)
    world = _load_world()
    app = FastAPI(title="communique explorer", version=__version__, description=API_DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.db = db
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(EVENT_TYPES=EVENT_TYPES, STATUSES=STATUSES, QUOTE_KINDS=QUOTE_KINDS,
                       QUAD_NAMES=Q.QUAD_NAMES, db_name=Path(db_path).name, version=__version__)
    env.filters["safe_json"] = safe_json
    env.filters["tone"] = _tone
    env.filters["is_web_url"] = lambda u: isinstance(u, str) and u.lower().startswith(("http://", "https://"))
    env.filters["schema_type"] = _schema_type

    def render(request: Request, template: str, data: dict, status: int = 200) -> HTMLResponse:
        page = env.get_template(template).render(
            request=request, data=data, url=functools.partial(url_with, request),
            json_url=_json_twin(request))
        return HTMLResponse(page, status_code=status)

    def twin(path: str, template: str, *, json_path: str | None = None, summary: str,
             tags: list[str]) -> Callable:
        def register(fn: Callable[..., dict]) -> Callable[..., dict]:
            @functools.wraps(fn)
            def endpoint(*args: Any, **kwargs: Any) -> Response:
                request: Request = kwargs["request"]
                data = fn(*args, **kwargs)
                if request.scope.get("route_json"):
                    # The form's full parameter set is for the page; JSON echoes the active filters.
                    return json_response({k: v for k, v in data.items() if k != "query"})
                return render(request, template, data)

            def as_json(request: Request) -> None:
                request.scope["route_json"] = True

            app.get(json_path or path + ".json", summary=summary, tags=tags, name=fn.__name__ + "_json",
                    response_class=Response, dependencies=[Depends(as_json)])(endpoint)
            app.get(path, include_in_schema=False, name=fn.__name__, response_class=HTMLResponse)(endpoint)
            return fn
        return register

    # -- pages --------------------------------------------------------------------------------

    @twin("/", "index.html", json_path="/index.json", summary="What the store holds", tags=["overview"])
    def index(request: Request) -> dict:
        return Q.overview(db)

    @twin("/search", "search.html", summary="Search events, articles, actors and quotes at once",
          tags=["overview"])
    def search(request: Request, query: Annotated[SearchQuery, Query()]) -> dict:
        found = Q.search_all(db, query.q) if query.q else None
        return {"q": query.q, "results": found}

    @twin("/events", "events.html", summary="Canonical events, filtered and sorted", tags=["events"])
    def events(request: Request, query: Annotated[EventQuery, Query()]) -> dict:
        return _listing(request, query, Q.list_events(db, query))

    @twin("/events/{event_id}", "event.html", summary="One event with every report of it",
          tags=["events"])
    def event(request: Request, event_id: Annotated[int, PathParam(ge=0, le=2**63 - 1)]) -> dict:
        found = Q.event_detail(db, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found

    @twin("/articles", "articles.html", summary="Articles: text search and event filters",
          tags=["articles"])
    def articles(request: Request, query: Annotated[ArticleQuery, Query()]) -> dict:
        return _listing(request, query, Q.list_articles(db, query))

    @twin("/articles/{article_id}", "article.html",
          summary="One article with its actors, events, quotes, times and places", tags=["articles"])
    def article(request: Request,
                article_id: Annotated[str, PathParam(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]) -> dict:
        found = Q.article_detail(db, article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        if not request.scope.get("route_json"):
            found["segments"] = segments(found["text"], article_marks(found))
        return found

    @twin("/actors", "actors.html", summary="Actors across articles, grouped by name, code and sector",
          tags=["actors"])
    def actors(request: Request, query: Annotated[ActorQuery, Query()]) -> dict:
        return _listing(request, query, Q.list_actors(db, query))

    @twin("/quotes", "quotes.html", summary="Quotes with their speakers", tags=["quotes"])
    def quotes(request: Request, query: Annotated[QuoteQuery, Query()]) -> dict:
        return _listing(request, query, Q.list_quotes(db, query))

    @twin("/timeline", "timeline.html", summary="Event counts over time by PLOVER type, quad class or status",
          tags=["views"])
    def timeline(request: Request, query: Annotated[TimelineQuery, Query()]) -> dict:
        return {"filters": active(query, skip=()), "query": query.model_dump(), **Q.timeline(db, query)}

    @twin("/network", "network.html", summary="Who did what to whom: actor-recipient edges",
          tags=["views"])
    def network(request: Request, query: Annotated[NetworkQuery, Query()]) -> dict:
        return {"filters": active(query, skip=()), "query": query.model_dump(), **Q.network(db, query)}

    @twin("/map", "map.html", summary="Where events happened: places and countries with counts",
          tags=["views"])
    def map_(request: Request, query: Annotated[MapQuery, Query()]) -> dict:
        return {"filters": active(query, skip=()), "query": query.model_dump(), **Q.map_points(db, query)}

    @app.get("/world.json", summary="The world outline the map draws (Natural Earth 1:110m)",
             tags=["views"], response_class=Response)
    def world_outline() -> Response:
        return Response(world, media_type="application/json",
                        headers={"cache-control": "public, max-age=86400"})

    @app.get("/api", include_in_schema=False, response_class=HTMLResponse)
    def api(request: Request) -> HTMLResponse:
        return render(request, "api.html", {"openapi": app.openapi()})

    # -- errors -------------------------------------------------------------------------------

    def error(request: Request, status: int, message: str, details: list | None = None) -> Response:
        body = {"error": message, "status": status, "details": details or []}
        if request.url.path.endswith(".json") or request.url.path == "/openapi.json":
            return json_response(body, status=status)
        return render(request, "error.html", body, status=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or "request",
                    "problem": e.get("msg", "invalid")} for e in exc.errors()]
        return error(request, 422, "invalid parameters", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(duckdb.Error)
    async def db_error(request: Request, exc: duckdb.Error) -> Response:
        log.warning("query failed on %s: %s", request.url.path, exc)
        return error(request, 400, "the database could not answer this request")

    return app


def _listing(request: Request, query: Any, result: dict) -> dict:
    total = result["total"]
    last = max(1, -(-total // query.size))
    return {
        "filters": active(query), "sort": getattr(query, "sort", None), "order": query.order,
        "page": query.page, "size": query.size, "pages": last, "total": total,
        "next": url_with(request, page=query.page + 1, as_json=True) if query.page < last else None,
        "prev": url_with(request, page=query.page - 1, as_json=True) if query.page > 1 else None,
        "rows": result["rows"], "query": query.model_dump(),
    }


def url_with(request: Request, *, as_json: bool = False, path: str | None = None, **changes: Any) -> str:
    """This request's URL with some parameters changed (None removes one); values are encoded."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if value != "":
            params.setdefault(key, []).append(value)
    for key, value in changes.items():
        params.pop(key, None)
        if value is None:
            continue
        params[key] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    base = path or request.url.path
    if as_json and not base.endswith(".json"):
        base = "/index.json" if base == "/" else base + ".json"
    if not as_json and base.endswith(".json"):
        base = "/" if base == "/index.json" else base[:-5]
    query = urlencode([(k, v) for k, vs in params.items() for v in vs])
    return base + ("?" + query if query else "")


def _json_twin(request: Request) -> str:
    return url_with(request, as_json=True)


def json_response(data: Any, status: int = 200) -> Response:
    return Response(_json.encode(data), status_code=status, media_type="application/json")


def safe_json(data: Any) -> Markup:
    """JSON to embed in a ``<script type="application/json">`` block: nothing in it can close the
    element or open markup, whatever the strings hold."""
    text = _json.encode(data).decode("utf-8")
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return Markup(text)


def _tone(quad: int | None) -> str:
    if quad in Q.COOPERATION:
        return "coop"
    if quad in Q.CONFLICT:
        return "conflict"
    return "unknown"


def _schema_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return "one of " + ", ".join(map(str, schema["enum"]))
    if schema.get("type") == "array":
        return "list of " + _schema_type(schema.get("items", {}))
    kind = schema.get("format") or schema.get("type") or "any"
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength", "pattern") if k in schema]
    return kind + (f" ({', '.join(bounds)})" if bounds else "")


def _load_world() -> bytes:
    path = resources.files("communique") / "data" / "serve" / "world.json"
    try:
        raw = path.read_bytes()
        parsed = json.loads(raw)
        if not isinstance(parsed.get("countries"), list) or not parsed["countries"]:
            raise ValueError("no countries")
    except (OSError, ValueError) as e:
        raise DataError("E040", detail=f"serve/world.json ({e})") from None
    return raw
