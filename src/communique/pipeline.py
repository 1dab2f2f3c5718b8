"""The whole path for one article: clean -> nlp -> extract (times, places, actors, quotes, events).

``Resources`` holds everything heavy (the spaCy pipeline, dictionaries, gazetteer, codebook),
loaded once per process by ``load_resources`` and passed to the stages. ``Pipeline.run`` turns an
``InputRecord`` into a ``Document``; ``Pipeline.run_many`` does the same for a stream, batching the
spaCy work and yielding a ``CommuniqueError`` in place of each article that failed.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .clean import LanguageIdentifierModel, clean, load_language_identifier
from .errors import CommuniqueError, DocumentError
from .extract import STAGES
from .extract.actors import ActorKB, extract_actors, load_actor_kb
from .extract.events import Codebook, extract_events, load_codebook
from .extract.places import Gazetteer, extract_places, load_gazetteer
from .extract.quotes import CueLexicon, extract_quotes, load_cue_lexicon
from .extract.times import extract_times
from .nlp import AnalysisGate, ParsedDoc, load_nlp, parse_many
from .schema import CleanDoc, Document, InputRecord


@dataclass(frozen=True)
class Resources:
    nlp: Language
    langid: LanguageIdentifierModel
    actor_kb: ActorKB
    gazetteer: Gazetteer
    cue_lexicon: CueLexicon
    codebook: Codebook


def load_resources(*, nlp: Language | None = None) -> Resources:
    """Load every model and data file once (about 2 s); share the result across documents."""
    return Resources(
        nlp=nlp or load_nlp(), langid=load_language_identifier(), actor_kb=load_actor_kb(),
        gazetteer=load_gazetteer(), cue_lexicon=load_cue_lexicon(), codebook=load_codebook(),
    )


_NEEDS = {"quotes": {"actors"}, "events": {"actors", "times", "places"}}


def stage_closure(stages: Iterable[str]) -> frozenset[str]:
    """The stages to run for ``stages``, with the ones they read from added."""
    wanted = set(stages)
    unknown = wanted - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}; choose from {', '.join(STAGES)}")
    for s in list(wanted):
        wanted |= _NEEDS.get(s, set())
    return frozenset(wanted)


class Pipeline:
    """``full_parse=False`` (the default) gives articles that cannot hold an event (markets,
    sport) sentences and entities only, and no event or quote extraction (see ``nlp.gate``)."""

    def __init__(self, resources: Resources | None = None, *, require_english: bool = True,
                 stages: Iterable[str] = STAGES, full_parse: bool = False) -> None:
        self.resources = resources or load_resources()
        self.require_english = require_english
        self.stages = stage_closure(stages)
        self.gate = None if full_parse else AnalysisGate()

    def run(self, record: InputRecord) -> Document:
        """One article in, one document record out; raises ``DocumentError`` on failure."""
        result = next(self.run_many([record]))
        if isinstance(result, CommuniqueError):
            raise result
        return result

    def run_many(self, records: Iterable[InputRecord | CommuniqueError], *,
                 batch_size: int = 64) -> Iterator[Document | CommuniqueError]:
        """Documents (or the error of each failed input) in input order."""
        batch: list[InputRecord | CommuniqueError] = []
        for rec in records:
            batch.append(rec)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[InputRecord | CommuniqueError]) -> Iterator[Document | CommuniqueError]:
        cleaned: list[CleanDoc | CommuniqueError] = [
            rec if isinstance(rec, CommuniqueError) else self._clean(rec) for rec in batch]
        good = [c for c in cleaned if isinstance(c, CleanDoc)]
        parsed = iter(parse_many(good, self.resources.nlp, batch_size=len(good) or 1, gate=self.gate))
        for item in cleaned:
            if isinstance(item, CommuniqueError):
                yield item
                continue
            p = next(parsed)
            try:
                yield self.analyse(p)
            except CommuniqueError as e:
                yield e
            except Exception as e:  # a bug in a stage must not cost the other articles
                yield DocumentError("E030", origin=item.origin, doc_id=item.id, stage=_stage_of(e),
                                    detail=f"{type(e).__name__}: {e}")

    def _clean(self, rec: InputRecord) -> CleanDoc | CommuniqueError:
        try:
            return clean(rec, langid=self.resources.langid, require_english=self.require_english)
        except CommuniqueError as e:
            return e
        except Exception as e:
            return DocumentError("E030", origin=rec.origin, doc_id=rec.id, stage="clean",
                                 detail=f"{type(e).__name__}: {e}")

    def analyse(self, p: ParsedDoc) -> Document:
        """The extract stages over one parsed document."""
        r = self.resources
        c = p.clean
        run = self.stages.__contains__
        times = extract_times(p) if run("times") else []
        places = extract_places(p, gazetteer=r.gazetteer) if run("places") else []
        actors = extract_actors(p, kb=r.actor_kb) if run("actors") else []
        deep = p.full  # quotes and events need tags and a parse
        quotes = extract_quotes(p, actors=actors, lexicon=r.cue_lexicon) if deep and run("quotes") else []
        events = (extract_events(p, actors=actors, times=times, places=places, codebook=r.codebook)
                  if deep and run("events") else [])
        return Document(
            id=c.id, text=c.text, title=c.title, published=c.published, source=c.source,
            authors=c.authors, agencies=c.agencies, language=c.language, url=c.url,
            analysis="full" if p.full else "light", actors=actors, events=events, quotes=quotes, times=times, places=places,
        )


def _stage_of(exc: BaseException) -> str:
    """The extract stage whose code raised ``exc`` (read off the traceback's module names)."""
    tb = exc.__traceback__
    stage = "extract"
    while tb is not None:
        mod = tb.tb_frame.f_globals.get("__name__", "")
        if mod.startswith("communique.extract."):
            stage = mod.split(".")[2]
        tb = tb.tb_next
    return stage
