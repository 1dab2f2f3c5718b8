"""Hand-made documents for the explorer tests (no model needed), texts written for these tests.

``Writer`` appends pieces of text and remembers where each landed, so every record gets exact
offsets. ``HOSTILE`` marks up an article the way an attacker would: script tags, event-handler
attributes and a javascript: URL, in the text, the title, an actor name, a quote and a reason.
"""
from __future__ import annotations

from communique.schema import (Actor, Document, EntityRef, Event, Location, Place, Quote, Span, Speaker,
                               TextInfo, TimeExpr)

OSLO = Location(extracted_place="Oslo", resolved_place="Oslo", geonameid=3143244, lat=59.91, lon=10.75,
                country_code="NOR", feature_code="PPLC")
QUITO = Location(extracted_place="Quito", resolved_place="Quito", geonameid=3652462, lat=-0.23, lon=-78.52,
                 country_code="ECU", feature_code="PPLC")

XSS_MARKS = ("<script>window.__xss = 1</script>", '<img src=x onerror="window.__xss = 2">',
             '<svg onload="window.__xss = 3">')


class Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> Span:
        span = Span(start=self.pos, end=self.pos + len(text), text=text)
        self.parts.append(text)
        self.pos += len(text)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _actor(aid: str, span: Span, code: str | None, sector: str | None, name: str) -> Actor:
    return Actor(id=aid, entity_text=span.text, identifier_text=name, kind="country" if not sector else "organization",
                 code=code, sector=sector, code_detail=(code or "") + (sector or "") or None, mentions=[span],
                 resolution="test")


def _ref(actor: Actor) -> EntityRef:
    return EntityRef(ref=actor.id, code=actor.code, sector=actor.sector, identifier_text=actor.identifier_text,
                     entity_text=actor.entity_text)


def two_party(doc_id: str, *, published: str, a: tuple[str, str | None, str | None],
              verb: str, b: tuple[str, str | None, str | None], etype: str, cameo: str, quad: int,
              loc: Location | None, status: str = "reported", quote: str = "We are ready",
              title: str | None = None) -> Document:
    """'<A> <verb> <B> in <place> on <day>.' then a quote of A, all with offsets."""
    w = Writer()
    w.add((title or f"{a[0]} and {b[0]}") + "\n\n")
    sent = w.pos
    sa = w.add(a[0])
    w.add(" ")
    trig = w.add(verb)
    w.add(" ")
    sb = w.add(b[0])
    place_span = None
    if loc:
        w.add(" in ")
        place_span = w.add(loc.extracted_place)
    w.add(" on ")
    tspan = w.add(published)
    w.add(".")
    sent_end = w.pos
    w.add(' The envoy said: "')
    qspan = w.add(quote)
    w.add('."\n')
    actor_a = _actor("A1", sa, a[1], a[2], a[0])
    actor_b = _actor("A2", sb, b[1], b[2], b[0])
    event = Event(id="E1", event=[etype], cameo=cameo, quad_class=quad, goldstein=1.0 if quad < 3 else -5.0,
                  actor=[_ref(actor_a)], recipient=[_ref(actor_b)], date=published, event_loc=loc,
                  status=status, event_text=[verb], trigger=trig, text_info=TextInfo(start=sent, end=sent_end),
                  confidence=0.9, reason=f"test rule: verb {verb!r} -> {cameo}")
    places = [Place(id="P1", extracted_place=loc.extracted_place, resolved_place=loc.resolved_place,
                    geonameid=loc.geonameid, lat=loc.lat, lon=loc.lon, country_code=loc.country_code,
                    feature_code=loc.feature_code, mentions=[place_span])] if loc else []
    return Document(
        id=doc_id, text=w.text, title=title or f"{a[0]} and {b[0]}", published=published, source="test.example",
        language="en", url=f"https://test.example/{doc_id}", actors=[actor_a, actor_b], events=[event],
        quotes=[Quote(id="Q1", kind="direct", text=quote, start=qspan.start, end=qspan.end, cue="said",
                      speaker=Speaker(ref="A1", identifier_text=a[0], entity_text=a[0]))],
        times=[TimeExpr(text=published, value=published, type="DATE", start=tspan.start, end=tspan.end)],
        places=places)


def corpus() -> list[Document]:
    """A small store: cooperation and conflict between a few actors over three years."""
    return [
        two_party("d1", published="2021-03-02", a=("Norway", "NOR", None), verb="hosted",
                  b=("Ecuador", "ECU", None),
                  etype="CONSULT", cameo="043", quad=1, loc=OSLO, title="Talks in Oslo"),
        two_party("d2", published="2021-03-20", a=("Norway", "NOR", None), verb="sent aid to",
                  b=("Ecuador", "ECU", None),
                  etype="AID", cameo="073", quad=2, loc=QUITO, quote="Help is on the way"),
        two_party("d3", published="2022-07-14", a=("Ecuador", "ECU", None), verb="accused",
                  b=("Norway", "NOR", None),
                  etype="ACCUSE", cameo="112", quad=3, loc=None, quote="This is unacceptable"),
        two_party("d4", published="2022-08-01", a=("Protesters", None, "CVL"), verb="marched against",
                  b=("the government", "ECU", "GOV"), etype="PROTEST", cameo="141", quad=4, loc=QUITO,
                  quote="We want water"),
        two_party("d5", published="2023-01-09", a=("Ecuador", "ECU", None), verb="may sanction",
                  b=("Norway", "NOR", None),
                  etype="SANCTION", cameo="163", quad=4, loc=None, status="hypothetical", quote="Nothing is decided"),
    ]


def hostile() -> Document:
    """An article whose every free-text field carries markup that would run if not escaped."""
    w = Writer()
    w.add("Breaking " + XSS_MARKS[0] + "\n\n")
    sent = w.pos
    sa = w.add("Evil " + XSS_MARKS[1])
    w.add(" ")
    trig = w.add("condemned")
    w.add(" ")
    sb = w.add("Norway")
    w.add(" " + XSS_MARKS[2] + ".")
    sent_end = w.pos
    w.add(' He said: "')
    qspan = w.add("</script><script>window.__xss = 4</script>")
    w.add('."\n')
    a = _actor("A1", sa, None, "CVL", sa.text)
    b = _actor("A2", sb, "NOR", None, "Norway")
    event = Event(id="E1", event=["ACCUSE"], cameo="111", quad_class=3, goldstein=-2.0, actor=[_ref(a)],
                  recipient=[_ref(b)], date="2023-02-02", status="reported", event_text=["condemned"],
                  trigger=trig, text_info=TextInfo(start=sent, end=sent_end), confidence=0.5,
                  reason='rule <img src=x onerror="window.__xss = 5">')
    return Document(
        id="hostile", text=w.text, title="<script>window.__xss = 6</script> Hostile title",
        published="2023-02-02", source="<b>evil</b>", language="en", url="javascript:window.__xss=7",
        actors=[a, b], events=[event],
        quotes=[Quote(id="Q1", kind="direct", text=qspan.text, start=qspan.start, end=qspan.end, cue="said",
                      speaker=Speaker(ref="A1", identifier_text=sa.text, entity_text=sa.text))])


def write_store(path, docs: list[Document]) -> None:
    from communique.store import Store

    with Store(path) as store:
        for doc in docs:
            store.add_document(doc)
