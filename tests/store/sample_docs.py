"""Hand-made document records for the store and export tests (no model needed).

Imported by tests/store and tests/export (whose conftest puts this folder on the path)."""
from __future__ import annotations

from communique.schema import (Actor, Document, EntityRef, Event, Location, Place, Quote, Span, Speaker,
                               TextInfo, TimeExpr)

PARIS = Location(extracted_place="Paris", resolved_place="Paris", geonameid=2988507, lat=48.85, lon=2.35,
                 country_code="FRA", feature_code="PPLC")


def make_doc(doc_id: str, text: str, *, published: str | None = "2014-01-13", event_date: str | None = None,
             event_type: str = "CONSULT", actor: str | None = "USA", recipient: str | None = "RUS",
             loc: Location | None = PARIS, status: str = "reported", cameo: str = "040") -> Document:
    """A document whose one event is `actor` -> `recipient` of `event_type`, with every record kind."""
    k = text.index(text.split()[0])
    first = text.split()[0]
    actors = [Actor(id="A1", entity_text="US Secretary of State John Kerry", identifier_text="John Kerry",
                    kind="person", code=actor, sector="GOV", code_detail=f"{actor}GOV" if actor else None,
                    mentions=[Span(start=k, end=k + len(first), text=first)])]
    trigger_at = text.index(" ") + 1
    trigger_word = text[trigger_at:].split()[0]
    events = [Event(
        id="E1", event=[event_type], mode=["third-party"], context=["diplomatic"], cameo=cameo,
        quad_class=1, goldstein=1.0,
        actor=[EntityRef(ref="A1", code=actor, sector="GOV", identifier_text="John Kerry")] if actor else [],
        recipient=[EntityRef(code=recipient, identifier_text="Sergei Lavrov")] if recipient else [],
        date=event_date, event_loc=loc, status=status, event_text=[trigger_word],
        trigger=Span(start=trigger_at, end=trigger_at + len(trigger_word), text=trigger_word),
        text_info=TextInfo(start=0, end=len(text)), confidence=0.9, reason="test rule")]
    return Document(
        id=doc_id, text=text, title=f"Title of {doc_id}", published=published, source="example.com",
        authors=["A. Writer"], agencies=["AFP"], language="en", url=f"http://example.com/{doc_id}",
        actors=actors, events=events,
        quotes=[Quote(id="Q1", kind="direct", text=text[:5], start=0, end=5, cue="said",
                      cue_span=Span(start=0, end=4, text=text[:4]),
                      speaker=Speaker(ref="A1", identifier_text="John Kerry", entity_text="Kerry", start=0, end=5))],
        times=[TimeExpr(text=text[:3], value="2014-01-13", type="DATE", start=0, end=3)],
        places=[Place(id="P1", extracted_place="Paris", resolved_place="Paris", geonameid=2988507,
                      country_code="FRA", mentions=[Span(start=0, end=5, text=text[:5])])],
    )
