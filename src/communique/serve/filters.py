"""What a request may ask for: typed, bounded query parameters, one model per page.

FastAPI validates these before any page function runs, so a value of the wrong type, an unknown
event type, a string longer than its limit or a page beyond the last allowed one is a 422 and
never reaches SQL. Sort orders are names from a fixed list (``queries.SORTS`` maps them to SQL).
HTML forms send empty fields (``?type=&q=``); those mean "no filter", not an error.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from ..schema import EVENT_TYPES, QUOTE_KINDS, STATUSES

MAX_TEXT = 200
MAX_NAME = 100
MAX_PAGE = 10_000
MAX_SIZE = 500
MAX_CHOICES = 16


def _blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and not v.strip())]
    return value


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` as four numbers; ValueError (a 422) when it is not one."""
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox is west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox holds four numbers") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("bbox must lie within -180..180, -90..90 with west <= east, south <= north")
    return west, south, east, north


def _bbox(value: str | None) -> str | None:
    parse_bbox(value)
    return value


def _optional(inner: Any) -> Any:
    return Annotated[inner | None, BeforeValidator(_blank)]


def _choices(item: Any) -> Any:
    return Annotated[list[item], BeforeValidator(_blank), Field(max_length=MAX_CHOICES)]


Text = _optional(Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT)])
Name = _optional(Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_NAME)])
Code = _optional(Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True,
                                                  pattern=r"^[A-Za-z]{3}$")])
Day = _optional(dt.date)
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
QuoteKind = Literal[QUOTE_KINDS]  # type: ignore[valid-type]
Quad = Annotated[int, Field(ge=1, le=4)]
BBox = Annotated[_optional(Annotated[str, StringConstraints(max_length=100)]), AfterValidator(_bbox)]


class Model(BaseModel):
    # Unknown parameters are ignored, as datasette does: links with extra parameters still work.
    model_config = ConfigDict(extra="ignore")


class EventFilters(Model):
    q: Text = Field(None, description="Free text: actor, recipient or place name, code, or trigger word.")
    type: _choices(EventType) = Field([], description="PLOVER event type(s), e.g. PROTEST.")
    quad: _choices(Quad) = Field([], description="QuadClass: 1 verbal coop, 2 material coop, "
                                                 "3 verbal conflict, 4 material conflict.")
    status: _choices(Status) = Field([], description="Event status(es).")
    actor: Name = Field(None, description="An actor or recipient: a code (USA, IGO) or part of a name.")
    country: Code = Field(None, description="ISO3 of the actor, the recipient or the place.")
    since: Day = Field(None, description="Events on or after this day (YYYY-MM-DD).")
    until: Day = Field(None, description="Events on or before this day (YYYY-MM-DD).")
    cameo: _optional(Annotated[str, StringConstraints(pattern=r"^\d{1,4}$")]) = Field(
        None, description="CAMEO code prefix, e.g. 14 or 0441.")
    actor_key: Name = Field(None, description="Exact actor key of the network (a code, or ~name).")
    recipient_key: Name = Field(None, description="Exact recipient key of the network.")
    key: Name = Field(None, description="Exact network key on either side (actor or recipient).")
    bbox: BBox = Field(None, description="Places within west,south,east,north (degrees).")


class Paging(Model):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    size: int = Field(50, ge=1, le=MAX_SIZE, description="Rows per page.")
    order: Literal["asc", "desc"] = "desc"


class EventQuery(EventFilters, Paging):
    sort: Literal["day", "type", "quad", "goldstein", "mentions", "actor", "recipient", "place",
                  "added"] = "day"


class ArticleQuery(EventFilters, Paging):
    """Articles: ``q`` searches title and text; event filters keep articles reporting such events."""

    q: Text = Field(None, description="Free text in the title or the article text.")
    source: Name = None
    sort: Literal["published", "title", "events", "words", "added"] = "published"


class ActorQuery(Paging):
    q: Text = Field(None, description="Part of the actor's name.")
    country: Code = Field(None, description="The actor's code (ISO3, IGO, NGO...).")
    sector: _optional(Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,4}$", to_upper=True)]) = None
    kind: _optional(Literal["person", "organization", "country", "group"]) = None
    since: Day = Field(None, description="Mentioned in articles published on or after this day.")
    until: Day = None
    type: _choices(EventType) = Field([], description="Takes part in events of these types.")
    quad: _choices(Quad) = []
    sort: Literal["articles", "mentions", "name", "code"] = "articles"


class QuoteQuery(Paging):
    q: Text = Field(None, description="Free text in the quote.")
    actor: Name = Field(None, description="The speaker: a code or part of a name.")
    country: Code = Field(None, description="The speaker's code.")
    kind: _choices(QuoteKind) = []
    since: Day = Field(None, description="Articles published on or after this day.")
    until: Day = None
    sort: Literal["published", "speaker", "length"] = "published"


class TimelineQuery(EventFilters):
    series: Literal["type", "quad", "status"] = "type"
    bucket: Literal["auto", "day", "week", "month", "year"] = "auto"


class NetworkQuery(EventFilters):
    edges: int = Field(60, ge=1, le=500, description="The heaviest edges to keep.")


class MapQuery(EventFilters):
    points: int = Field(1000, ge=1, le=5000, description="The busiest places to keep.")


class SearchQuery(Model):
    q: Text = Field(None, description="Words to look for in events, articles, actors and quotes.")


def active(model: BaseModel, *, skip: tuple[str, ...] = ("page", "size", "order", "sort")) -> dict:
    """The parameters that were set, for echoing back and building links."""
    out = {}
    for name, value in model.model_dump(exclude_defaults=True).items():
        if name in skip or value in (None, []):
            continue
        out[name] = value
    return out
