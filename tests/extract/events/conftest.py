"""Helpers for the events tests: hand-made actors, times and places placed on a text by search,
so the tests exercise the events stage alone (the other stages are tested in their folders)."""
from __future__ import annotations

import pytest

from communique.extract.events import load_codebook
from communique.schema import Actor, Place, Span, TimeExpr


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


def spans_of(text: str, needle: str) -> list[Span]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(Span(start=i, end=i + len(needle), text=needle))
        i = text.find(needle, i + 1)
    assert out, f"{needle!r} not in {text!r}"
    return out


def actor(text: str, aid: str, names: list[str], *, code: str | None = None, sector: str | None = None,
          kind: str = "country", office: str | None = None) -> Actor:
    mentions = sorted((m for n in names for m in spans_of(text, n)), key=lambda m: m.start)
    return Actor(id=aid, entity_text=names[0], identifier_text=names[0], kind=kind, code=code,
                 sector=sector, office=office, mentions=mentions)


def time(text: str, needle: str, value: str) -> TimeExpr:
    m = spans_of(text, needle)[0]
    return TimeExpr(text=needle, value=value, type="DATE", start=m.start, end=m.end)


def place(text: str, pid: str, needle: str, *, country: str, geonameid: int = 1) -> Place:
    return Place(id=pid, extracted_place=needle, resolved_place=needle, geonameid=geonameid,
                 country_code=country, feature_code="PPLC", mentions=spans_of(text, needle))


@pytest.fixture
def mk():
    """The record makers, as a fixture: ``mk.actor(...)``, ``mk.time(...)``, ``mk.place(...)``."""
    from types import SimpleNamespace

    return SimpleNamespace(actor=actor, time=time, place=place, spans_of=spans_of)


@pytest.fixture
def code(parsed, codebook):
    """Run the events stage on a text: ``code(text, actors=[...], times=[...], places=[...])``."""
    from communique.extract.events import extract_events

    def run(text: str, *, actors=(), times=(), places=(), published: str | None = "2014-01-13"):
        p = parsed(text, published=published)
        return extract_events(p, actors=list(actors), times=list(times), places=list(places),
                              codebook=codebook)

    return run


def first(events, etype):
    """The first event of ``etype`` (as its type or second type); fails listing what was coded."""
    hits = [e for e in events if etype in e.event[:2]]
    assert hits, [(e.event, e.reason) for e in events]
    return hits[0]
