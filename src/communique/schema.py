"""The record types that flow between stages: this module *is* the schema.

Field names follow the document record of ``shared/eval/CONTRACT.md`` (and through it PLOVER's
JSON names), because every consumer -- the scorers, the DuckDB store, the exporters, the web
app -- reads those names. Extra fields are ours and are documented where they are declared.

Conventions
- Every offset is a character offset into ``Document.text`` (the *clean* text), end exclusive,
  and ``text[start:end] == mention.text`` always holds.
- Ids are deterministic: a stage derives them from the document id and the span, so re-running
  the same article yields the same ids and stores upsert instead of duplicating.
- ``None`` means "not known"; an empty list means "looked, found none".
"""
from __future__ import annotations

import hashlib
from typing import Literal

import msgspec

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("reported", "planned", "hypothetical", "negated")
QUOTE_KINDS = ("direct", "indirect", "mixed")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")

Status = Literal["reported", "planned", "hypothetical", "negated"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
ActorKind = Literal["person", "organization", "country", "group"]


class Record(msgspec.Struct, kw_only=True, omit_defaults=False):
    """Base of every record: keyword-only construction, JSON via msgspec."""


# --------------------------------------------------------------------------------------------
# Input


class InputRecord(Record):
    """One article as it came in, before cleaning (CONTRACT.md "Input")."""

    id: str
    text: str | None = None
    html: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str | None = None
    """Where it was read from (``path``, ``path:line``, ``warc#offset``): names the input in errors."""


# --------------------------------------------------------------------------------------------
# Clean


class CleanDoc(Record):
    """The article after the *clean* stage: body text free of page furniture, plus metadata."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    """ISO date (``YYYY-MM-DD``) or datetime, as found or as given."""
    source: str | None = None
    authors: list[str] = []
    agencies: list[str] = []
    language: str | None = None
    url: str | None = None
    origin: str | None = None
    removed: list["Span"] = []
    """Lines of page furniture dropped from the raw input (offsets into the *raw* text)."""


# --------------------------------------------------------------------------------------------
# Shared pieces


class Span(Record):
    """A stretch of the clean text (or, in ``CleanDoc.removed``, of the raw input)."""

    start: int
    end: int
    text: str


Mention = Span


class TextInfo(Record):
    """Where an event is stated: the sentence's offsets (PLOVER's ``text_info``)."""

    start: int
    end: int


class Location(Record):
    """A resolved place, with the GeoNames/Mordecai names that PLOVER's location object uses."""

    extracted_place: str
    resolved_place: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    """ISO 3166 alpha-3."""
    feature_code: str | None = None
    """GeoNames feature code: PPLC, PPL, ADM1, PCLI, ... (areas count as exact when right)."""
    admin1: str | None = None


# --------------------------------------------------------------------------------------------
# Extract


class Actor(Record):
    """A person, organisation, state or group, with every mention of it merged."""

    id: str
    entity_text: str
    """The fullest mention as written: "US Secretary of State John Kerry"."""
    identifier_text: str | None = None
    """The canonical name: "John Kerry"."""
    identifier_id: str | None = None
    """A stable identifier when one is known (e.g. a Wikidata QID)."""
    kind: ActorKind | None = None
    code: str | None = None
    """ISO 3166 alpha-3, or IGO / NGO / MNC (UNO, EUR kept as IGO sub-codes in ``code_detail``)."""
    sector: str | None = None
    """PLOVER/CAMEO sector: GOV MIL REB OPP COP JUD LEG CVL BUS MED IGO ..."""
    office: str | None = None
    code_detail: str | None = None
    """The full dictionary code when there is one, e.g. ``USAGOV`` or ``IGOUNO``."""
    mentions: list[Span] = []
    resolution: str | None = None
    """How the code was decided (dictionary entry, title rule, nationality adjective...)."""
    references: list[Span] = []
    """Mentions that stand for the actor without naming it: "he"/"she" and nominal anaphora such
    as "the minister" (``mentions`` has the names and descriptions)."""


class EntityRef(Record):
    """An actor in an event role (PLOVER names); ``ref`` points at ``Document.actors[].id``."""

    ref: str | None = None
    code: str | None = None
    sector: str | None = None
    identifier_text: str | None = None
    entity_text: str | None = None


class Event(Record):
    """One PLOVER event, with its CAMEO code and the evidence it was coded from."""

    id: str
    event: list[str]
    """PLOVER v0.8 types; the first is the main one."""
    mode: list[str] = []
    context: list[str] = []
    cameo: str | None = None
    quad_class: int | None = None
    """GDELT QuadClass 1-4 (verbal coop, material coop, verbal conflict, material conflict)."""
    goldstein: float | None = None
    actor: list[EntityRef] = []
    recipient: list[EntityRef] = []
    date: str | None = None
    event_loc: Location | None = None
    status: Status = "reported"
    event_text: list[str] = []
    """The trigger word(s) as written."""
    trigger: Span | None = None
    text_info: TextInfo | None = None
    confidence: float = 0.0
    reason: str | None = None
    """Why it was coded: the rule or model, the lexicon entry, how each role was found."""


class Speaker(Record):
    ref: str | None = None
    identifier_text: str | None = None
    entity_text: str | None = None
    start: int | None = None
    end: int | None = None
    refs: list[str] = []
    """Every actor of a compound source ("Kerry and Lavrov said"); ``ref`` is the first."""


class Quote(Record):
    id: str
    kind: QuoteKind
    text: str
    """The content only, without quotation marks or attribution. A quote in several pieces
    ('"A," he said. "B."') has its pieces joined by one space here, and ``spans`` holds each
    piece with exact offsets; ``text[start:end] == text`` holds when ``spans`` is empty."""
    start: int
    end: int
    cue: str | None = None
    cue_span: Span | None = None
    speaker: Speaker | None = None
    spans: list[Span] = []
    """The pieces of a quote interrupted by its attribution or running over paragraphs
    (empty for a quote in one piece)."""
    reason: str | None = None
    """How it was found: the rule (clause, colon, trailer, leader, according...) and the cue."""


class TimeExpr(Record):
    text: str
    value: str
    type: TimeType
    start: int
    end: int
    mod: str | None = None
    """TIMEX3 ``mod``: START, MID, END, APPROX, BEFORE, AFTER..."""


class Place(Record):
    """A toponym (all its mentions) resolved to a GeoNames entry."""

    id: str
    extracted_place: str
    resolved_place: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    feature_code: str | None = None
    admin1: str | None = None
    mentions: list[Span] = []
    resolution: str | None = None
    """Why it was taken for a place and how the GeoNames entry was chosen (evidence, candidates)."""

    def location(self) -> Location:
        return Location(
            extracted_place=self.extracted_place, resolved_place=self.resolved_place,
            geonameid=self.geonameid, lat=self.lat, lon=self.lon, country_code=self.country_code,
            feature_code=self.feature_code, admin1=self.admin1,
        )


# --------------------------------------------------------------------------------------------
# Output


class Document(Record):
    """The output record: one per article (CONTRACT.md "Output")."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: list[str] = []
    agencies: list[str] = []
    language: str | None = None
    url: str | None = None
    analysis: Literal["full", "light"] = "full"
    """``light``: judged to hold no event (markets, sport), so only sentences and entities were
    analysed and no events or quotes extracted (see ``nlp.gate``; ``--full-parse`` overrides)."""
    actors: list[Actor] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    times: list[TimeExpr] = []
    places: list[Place] = []


# --------------------------------------------------------------------------------------------
# Helpers


def make_id(prefix: str, *parts: object, length: int = 12) -> str:
    """A deterministic id: ``prefix`` + a hash of the parts (document id, offsets...)."""
    h = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=16).hexdigest()
    return f"{prefix}{h[:length]}"


_encoder = msgspec.json.Encoder()


def to_json(record: Record) -> bytes:
    return _encoder.encode(record)


def to_builtins(record: Record) -> dict:
    return msgspec.to_builtins(record)


def document_from_json(data: bytes | str) -> Document:
    return msgspec.json.decode(data, type=Document)
