"""Stage *actors*: who acts in an article, with ISO3 country + PLOVER sector as of its date.

Public API (for the pipeline and for the quotes and events stages):

- ``load_actor_kb() -> ActorKB``: the dictionaries, loaded once (well under half a second).
- ``extract_actors(parsed, *, kb) -> list[Actor]``: every person, organisation, acting state
  and role group of the article, all mentions of one actor merged (names, family names,
  "he"/"she", "the minister"), ordered by first mention. Codes are those in force on
  ``parsed.clean.published`` (the latest known when there is no date); ``Actor.resolution``
  says how each code was decided.
- ``actor_at(actors, start, end) -> Actor | None``: the actor with a mention or reference
  covering the character span ``[start, end)`` (the innermost one), e.g. the subject of a verb
  or the "he" of "he said".
- ``Actor.mentions`` holds the names and descriptions of an actor; ``Actor.references`` the
  pronouns, nominal anaphora ("he", "the minister") and descriptions in apposition ("Kofi
  Annan, *UN secretary-general*") resolved to it.
- ``ActorKB.resolve(text, *, date=None, context=frozenset()) -> Coding``: code any noun
  phrase ("Russia's ambassador to Poland", "two Chinese warplanes") without a document;
  ``Coding`` has ``code``, ``sector``, ``code_detail``, ``kind``, ``identifier_text``,
  ``identifier_id``, ``office``, ``resolution`` and ``empty``.

How it works: ``recognize`` corrects the model's names (given names, initials, one label per
string, headline capitals), ``mentions`` finds the phrases that name actors (never in a wire
``datelines``, never an activity named like a group: "joint patrols") and codes each with
``coder.code_phrase`` (over the ``segments`` of the phrase; ``international`` bodies by the
shape of their names), ``context`` adds what counterparts, appositions and the countries around
a mention say, ``plurals`` joins a "they" to its group, ``merge`` joins the mentions of one actor,
and ``possessors`` gives "his government" the country of whom "his" stands for.

Conventions (PLOVER's gold standard records): an international body is coded IGO/NGO with the
sector of what it does (UN Security Council GOV, peacekeepers MIL, UNHCR REF, an NGO SOC); a
people ("Nigerians", "ethnic Albanians") is CVL; a group the text gives no country ("Shona
rebels") takes the one country of its sentence, else of the document; a named person's
nationality and a country in another verb's phrase do not count; settlers are of another
country than the land they live in (Israeli settlers in the West Bank are ISR).
"""
from __future__ import annotations

from ...nlp import ParsedDoc
from ...schema import Actor
from .coder import Coding
from .context import fill_from_context, link_appositions, share_counterpart_sector
from .docview import DocView
from .kb import ActorKB, load_actor_kb
from .mentions import find_mentions
from .names import key
from .plurals import resolve_plural_pronouns
from .possessors import code_from_possessors
from .merge import merge, to_actor
from .recognize import recognize


def document_countries(parsed: ParsedDoc, kb: ActorKB, view: DocView) -> frozenset[str]:
    """The countries an article names (title and named places in the text): tie-breakers."""
    out: set[str] = set()
    for e in view.ents:
        if e.label_ in ("GPE", "NORP"):
            place = kb.places.get(key(e.text))
            if place is not None:
                out.add(place.iso3)
    title = parsed.clean.title
    if title and title != parsed.text:
        coding = kb.resolve(title)
        if coding.code:
            out.add(coding.code)
    return frozenset(out)


def extract_actors(parsed: ParsedDoc, *, kb: ActorKB) -> list[Actor]:
    """The actors of one parsed article (see the module docstring)."""
    doc = parsed.doc
    published = parsed.clean.published
    date = str(published)[:10] if published else None
    view = DocView(doc)  # the token attributes every step reads, gathered once
    context = document_countries(parsed, kb, view)
    ents = recognize(doc, kb, view=view)
    mentions = find_mentions(doc, ents, kb, date=date, context=context, view=view)
    share_counterpart_sector(mentions)
    link_appositions(view, mentions)
    fill_from_context(view, mentions, kb, context)
    mentions = resolve_plural_pronouns(view, mentions)
    groups = merge(mentions, parsed.text)
    code_from_possessors(view, groups)
    return [to_actor(g, doc_id=parsed.clean.id, text=parsed.text) for g in groups]


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor whose mention covers ``[start, end)``; the shortest such mention wins."""
    best, best_len = None, None
    for a in actors:
        for m in (*a.mentions, *a.references):
            if m.start <= start and end <= m.end and (best_len is None or m.end - m.start < best_len):
                best, best_len = a, m.end - m.start
    return best


__all__ = ["ActorKB", "Coding", "actor_at", "extract_actors", "load_actor_kb"]
