"""Stage *events*: PLOVER events with CAMEO codes from a parsed article.

``extract_events(parsed, *, actors, times, places, codebook)`` codes each sentence that holds a
trigger candidate (most sentences hold none and cost a set look-up):

1. triggers: verbs matched against the PETRARCH-2 verb patterns, and event nouns (``triggers``);
2. frames: what governs each trigger -- composition ("agreed to meet" is AGREE 036), absorption
   (a light verb takes its noun: "held talks"), conditions and background dropped (``frames``,
   ``clauses``);
3. events: status with PLOVER's conventions (planned cooperation is AGREE, "won't attend" a
   REJECT), actor and recipient resolved to the document's actors -- parties only, never a thing
   or an event ("the launch") -- date and place from the event's own clause (``coder``,
   ``roles``, ``anchors``, ``completion``);
4. conventions that turn on who acts and to what end: a state's protest is ACCUSE, trainers sent
   abroad are cooperation, missiles fired at no one a show of force, an "attack" on an idea
   criticism; reporting constructions ("according to", "at a news conference") and figures of
   speech give no event (``conventions``, ``triggers``);
5. mentions of one event merged, the headline into its lead (``merge``).

Every event carries its trigger span, sentence offsets, a confidence and a ``reason`` naming the
dictionary entry or rule and how each role, the date and the place were found.
"""
from __future__ import annotations

from spacy.tokens import Span

from ...nlp import ParsedDoc
from ...schema import Actor, Event, Place, TimeExpr
from .codebook import Codebook, load_codebook
from .docview import DocView
from .coder import Coder, place_ranges, time_ranges
from .frames import frames_of
from .merge import Mention, merge_events
from .roles import PRONOUNS, ActorIndex, Resolver
from .triggers import has_candidate

__all__ = ["Codebook", "load_codebook", "extract_events"]


def extract_events(parsed: ParsedDoc, *, actors: list[Actor], times: list[TimeExpr],
                   places: list[Place], codebook: Codebook) -> list[Event]:
    doc = parsed.doc
    view = DocView(doc)
    resolver = Resolver(ActorIndex(actors, codebook.agent_heads, codebook.noun_heads), [],
                        codebook.demonyms, datelines=view.datelines)
    coder = Coder(parsed, codebook, resolver, time_ranges(doc, times), place_ranges(doc, places), view)
    events: list[Event] = []
    headline_end = _headline_end(parsed)
    headlines: set[str] = set()
    for sent in doc.sents:
        if has_candidate(sent, codebook, view) and not _question(sent):
            found = _code_sentence(sent, coder, codebook, view)
            if sent.start_char < headline_end:
                headlines |= {e.id for e in found}
            events += found
        subj = _main_subject(sent, view)
        if subj is not None:
            resolver.previous_subject = [subj]
    mentions = {e.id: Mention(headline=e.id in headlines, dated=e.id not in coder.undated) for e in events}
    return merge_events(events, mentions)


def _headline_end(parsed: ParsedDoc) -> int:
    """Where the headline ends (0 when there is none): the document's title when the text opens
    with it, else a short first line without a full stop followed by more text."""
    text = parsed.text
    title = (parsed.clean.title or "").strip()
    if title and text.lstrip().startswith(title):
        return text.find(title) + len(title)
    first, sep, rest = text.partition("\n")
    line = first.strip()
    if sep and rest.strip() and line and len(line.split()) <= 20 and line[-1] not in ".!?\"'”’:;)":
        return len(first)
    return 0


def _code_sentence(sent: Span, coder: Coder, cb: Codebook, view: DocView) -> list[Event]:
    frames, _ = frames_of(sent, cb, view)
    if not frames:
        return []
    sensitive = _sensitive_words(sent, cb, view)
    coder.trigger_heads = {f.head.i for f in frames}
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
    for tok in reversed(sent):
        if tok.is_space or tok.text in ("\"", "'", "”", "’", ")"):
            continue
        return tok.text.endswith("?")
    return False


def _sensitive_words(sent: Span, cb: Codebook, view: DocView) -> set[str]:
    """Triggers to ignore in a sentence about sports or markets ("Arsenal beat", "stocks rallied")."""
    words = set(view.lower[sent.start:sent.end])
    out: set[str] = set()
    if len(words & cb.sports_cues) >= 2:
        out |= cb.sports_sensitive
    if len(words & cb.market_cues) >= 2:
        out |= cb.market_sensitive
    return out


def _main_subject(sent: Span, view: DocView):
    dep, lower = view.dep, view.lower
    for c in view.children(sent.root.i):
        if dep[c] in ("nsubj", "nsubjpass") and lower[c] not in PRONOUNS:
            return sent.doc[c]
    return None
