"""An article's clean text cut into segments, each knowing which records cover it.

Every record the pipeline stores carries character offsets into the clean text; the article page
shows them by cutting the text at every start and end and wrapping each piece in a ``<span>`` whose
classes and ``data-*`` attributes name the records over it (overlaps are normal: an actor inside a
quote inside an event's sentence). The text itself is only ever passed to the template as data, so
Jinja's escaping applies to every character of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("sentence", "quote", "cue", "speaker", "actor", "place", "time", "trigger")
"""Record kinds, in the order their classes are written (sentences carry no visible class)."""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    ref: str
    label: str = ""


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        kinds = {m.kind for m in self.marks if m.kind != "sentence"}
        return " ".join(f"hl-{k}" for k in KINDS if k in kinds)

    @property
    def data(self) -> dict[str, str]:
        """``data-<kind>`` attribute values: the refs of each kind, space-separated."""
        refs: dict[str, list[str]] = {}
        for m in self.marks:
            if m.ref not in refs.setdefault(m.kind, []):
                refs[m.kind].append(m.ref)
        return {k: " ".join(refs[k]) for k in KINDS if k in refs}

    @property
    def title(self) -> str:
        seen: list[str] = []
        for m in self.marks:
            if m.label and m.label not in seen:
                seen.append(m.label)
        return "\n".join(seen)


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; joined back, the segments' texts are ``text``.

    Marks outside the text or empty are dropped (a stored offset that does not fit the text is
    not worth a broken page).
    """
    n = len(text)
    usable = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in usable), *(m.end for m in usable)})
    starting: dict[int, list[Mark]] = {}
    for m in usable:
        starting.setdefault(m.start, []).append(m)
    out: list[Segment] = []
    active: list[Mark] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > a] + starting.get(a, [])
        out.append(Segment(start=a, end=b, text=text[a:b], marks=list(active)))
    return out


def article_marks(article: dict) -> list[Mark]:
    """The marks of an article dict as ``queries.article_detail`` returns it."""
    marks: list[Mark] = []
    for actor in article.get("actors", []):
        name = actor.get("identifier_text") or actor["entity_text"]
        code = actor.get("code_detail") or actor.get("code") or "uncoded"
        for span in actor.get("mentions") or []:
            marks.append(Mark(span["start"], span["end"], "actor", actor["actor_id"], f"actor: {name} ({code})"))
    for place in article.get("places", []):
        name = place.get("resolved_place") or place["extracted_place"]
        where = f"{name}, {place['country_code']}" if place.get("country_code") else name
        for span in place.get("mentions") or []:
            marks.append(Mark(span["start"], span["end"], "place", place["place_id"], f"place: {where}"))
    for n, time in enumerate(article.get("times", [])):
        marks.append(Mark(time["start"], time["end"], "time", f"T{time.get('time_n', n)}",
                          f"time: {time['value']} ({time['type']})"))
    for quote in article.get("quotes", []):
        qid = quote["quote_id"]
        speaker = quote.get("speaker_identifier_text") or quote.get("speaker_entity_text") or "unknown"
        label = f"{quote['kind']} quote of {speaker}"
        pieces = quote.get("spans") or [{"start": quote["start"], "end": quote["end"]}]
        for span in pieces:
            marks.append(Mark(span["start"], span["end"], "quote", qid, label))
        if quote.get("cue_start") is not None and quote.get("cue_end") is not None:
            marks.append(Mark(quote["cue_start"], quote["cue_end"], "cue", qid, f"cue: {quote.get('cue')}"))
        if quote.get("speaker_start") is not None and quote.get("speaker_end") is not None:
            marks.append(Mark(quote["speaker_start"], quote["speaker_end"], "speaker", qid,
                              f"speaker: {speaker}"))
    for event in article.get("events", []):
        eid = event["local_id"]
        types = "/".join(event.get("event") or [])
        if event.get("sentence_start") is not None and event.get("sentence_end") is not None:
            marks.append(Mark(event["sentence_start"], event["sentence_end"], "sentence", eid))
        trig = event.get("trigger")
        if trig:
            marks.append(Mark(trig["start"], trig["end"], "trigger", eid,
                              f"event: {types} (CAMEO {event.get('cameo') or '?'}, {event['status']})"))
    return marks
