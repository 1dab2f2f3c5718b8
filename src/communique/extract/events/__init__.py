"""Stage *events*: PLOVER events with CAMEO codes from a parsed article.

``extract_events(parsed, *, actors, times, places, codebook)`` codes each sentence that holds a
trigger candidate (most sentences hold none and cost a set look-up):

1. triggers: verbs matched against the PETRARCH-2 verb patterns, and event nouns (``triggers``);
2. frames: what governs each trigger -- composition ("agreed to meet" is AGREE 036), absorption
   (a light verb takes its noun: "held talks"), conditions and background dropped (``frames``,
   ``clauses``);
3. events: status with PLOVER's conventions (planned cooperation is AGREE, "won't attend" a
   REJECT), actor and recipient resolved to the document's actors, date and place from the
   event's own phrase (``coder``, ``roles``, ``anchors``);
4. mentions of one event merged (``merge``).

Every event carries its trigger span, sentence offsets, a confidence and a ``reason`` naming the
dictionary entry or rule and how each role, the date and the place were found.
"""
from __future__ import annotations

from spacy.tokens import Span

from ...nlp import ParsedDoc
from ...schema import Actor, Event, Place, TimeExpr
from .codebook import Codebook, load_codebook
from .coder import Coder, place_ranges, time_ranges
from .frames import frames_of
from .merge import merge_events
from .roles import PRONOUNS, ActorIndex, Resolver
from .triggers import has_candidate

__all__ = ["Codebook", "load_codebook", "extract_events"]


def extract_events(parsed: ParsedDoc, *, actors: list[Actor], times: list[TimeExpr],
                   places: list[Place], codebook: Codebook) -> list[Event]:
    doc = parsed.doc
    resolver = Resolver(ActorIndex(actors, codebook.agent_heads), [], codebook.demonyms)
    coder = Coder(parsed, codebook, resolver, time_ranges(doc, times), place_ranges(doc, places))
    events: list[Event] = []
    for sent in doc.sents:
        if has_candidate(sent, codebook) and not _question(sent):
            events += _code_sentence(sent, coder, codebook)
        subj = _main_subject(sent)
        if subj is not None:
            resolver.previous_subject = [subj]
    return merge_events(events)


def _code_sentence(sent: Span, coder: Coder, cb: Codebook) -> list[Event]:
    frames, _ = frames_of(sent, cb)
    if not frames:
        return []
    sensitive = _sensitive_words(sent, cb)
    claimed: set[int] = set()
    for f in frames:
        if f.head.pos_ in ("NOUN", "PROPN"):
            claimed |= {t.i for t in f.head.subtree}
    out = []
    for f in frames:
        if sensitive and {f.head.lemma_.lower(), *(w.lemma_.lower() for w in f.words)} & sensitive:
            continue
        own = {t.i for t in f.head.subtree} if f.head.pos_ in ("NOUN", "PROPN") else set()
        ev, _why = coder.event(f, sent, claimed - own)
        if ev is not None:
            out.append(ev)
    return out


def _question(sent: Span) -> bool:
    """A question asserts nothing ("Will you pledge not to pardon her?")."""
    return sent.text.rstrip().rstrip("\"'”’)").endswith("?")


def _sensitive_words(sent: Span, cb: Codebook) -> set[str]:
    """Triggers to ignore in a sentence about sports or markets ("Arsenal beat", "stocks rallied")."""
    words = {t.lower_ for t in sent}
    out: set[str] = set()
    if len(words & cb.sports_cues) >= 2:
        out |= cb.sports_sensitive
    if len(words & cb.market_cues) >= 2:
        out |= cb.market_sensitive
    return out


def _main_subject(sent: Span):
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS:
            return c
    return None
