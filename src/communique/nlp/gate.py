"""Full analysis only where an event can be.

A market report or a match report holds no political event (PLOVER codes none), but tagging
and parsing it costs as much as a war report. The gate looks at an article's words before any
model runs: an article thick with the vocabulary of markets or sport and with (almost) none of
politics, conflict or diplomacy gets *light* analysis -- sentences and named entities only, so
its actors, places and times are still found -- and no event or quote extraction.

The gate is deliberately one-sided: one or two political words are enough for full analysis.
``communique extract --full-parse`` switches it off.

Light documents carry a flat parse (each sentence's first token is its root, the others hang
from it with the label ``dep``), no tags, and their lower-cased form as lemma, so that
``doc.sents``, ``token.head``, ``doc.noun_chunks`` and ``token.lemma_`` work everywhere.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc
from threadpoolctl import threadpool_limits

from .components import paragraph_boundaries

# Our own word lists. Words common to politics and the two domains ("won", "victory", "rate",
# "percent", "points", "prices") are left out on purpose: they decide nothing.
MARKETS = frozenset("""
shares stocks bourse nasdaq nikkei ftse dax traders dealers brokers futures bonds yields yen
euros sterling ringgit baht rupiah peso pct dividend dividends earnings profit profits revenue
revenues turnover commodities crude barrel barrels ounce bullion equities equity blue-chip
blue-chips benchmark composite investors
""".split())
SPORT = frozenset("""
match matches goal goals scored striker midfielder defender goalkeeper coach league cup
tournament championship champions season innings wickets wicket batsman bowler cricket football
soccer rugby tennis golf hockey basketball baseball nba nfl fifa uefa olympic olympics medal
medals laps prix semifinal semi-final quarterfinal quarter-final seeded player players team
teams club clubs stadium referee penalty birdie bogey
""".split())
POLITICS = frozenset("""
government governments minister ministers ministry president presidential prime parliament
parliamentary election elections electoral vote voters opposition party parties military army
troops soldiers police rebels rebel militants militia war ceasefire peace talks negotiations
summit treaty sanctions embassy ambassador diplomat diplomats diplomatic protest protests
protesters demonstrators attack attacks attacked killed bomb bombing explosion arrested arrest
detained court trial charged prison refugees regime coup conflict fighting clashes insurgents
hostages kidnapped senate congress senator governor mayor candidate campaign republican
republicans democrat democrats nato un eu authorities officials
""".split())
_WORD = re.compile(r"[a-z][a-z-]*")
MIN_DOMAIN_WORDS = 8
MAX_POLITICAL_WORDS = 1


@dataclass(frozen=True)
class AnalysisGate:
    markets: frozenset[str] = MARKETS
    sport: frozenset[str] = SPORT
    politics: frozenset[str] = POLITICS

    def full(self, text: str) -> bool:
        """True unless the text is markets or sport with (almost) no political word."""
        domain = political = 0
        for w in _WORD.findall(text.lower()):
            if w in self.politics:
                political += 1
                if political > MAX_POLITICAL_WORDS:
                    return True
            elif w in self.markets or w in self.sport:
                domain += 1
        return domain < MIN_DOMAIN_WORDS


class Analyzer:
    """``pipe(texts)`` -> (Doc, full) pairs in input order: the whole model for the articles the
    gate lets through, sentences and entities only for the others."""

    def __init__(self, nlp: Language, gate: AnalysisGate | None) -> None:
        self.nlp = nlp
        self.gate = gate
        if gate is not None:
            # The senter stays disabled in ``nlp`` (a full parse must not see its boundaries);
            # it is called directly for light documents, which only a gate makes.
            self._senter = nlp.get_pipe("senter")
            self._ner = nlp.get_pipe("ner")
        self._dep = nlp.vocab.strings.add("dep")
        self._root = nlp.vocab.strings.add("ROOT")

    def pipe(self, texts: Iterable[str], *, batch_size: int = 64) -> Iterator[tuple[Doc, bool]]:
        texts = list(texts)
        full = [self.gate is None or self.gate.full(t) for t in texts]
        # One BLAS thread: a worker is one core (see ``load_nlp``); the limit is lifted again
        # before the documents go back to the caller.
        with threadpool_limits(1, user_api="blas"):
            full_docs = iter(list(self.nlp.pipe((t for t, f in zip(texts, full) if f), batch_size=batch_size)))
            light = [t for t, f in zip(texts, full) if not f]
            light_docs = iter(list(self._light(light, batch_size=batch_size)) if light else [])
        for f in full:
            yield (next(full_docs), True) if f else (next(light_docs), False)

    def _light(self, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
        docs = self.nlp.tokenizer.pipe(texts, batch_size=batch_size)
        docs = (paragraph_boundaries(d) for d in self._senter.pipe(docs, batch_size=batch_size))
        for doc in self._ner.pipe(docs, batch_size=batch_size):
            self._flat_parse(doc)
            yield doc

    def _flat_parse(self, doc: Doc) -> None:
        arr = numpy.zeros((len(doc), 3), dtype="uint64")
        arr[:, 0] = doc.to_array([LOWER])
        for sent in doc.sents:
            s, e = sent.start, sent.end
            arr[s, 2] = self._root
            arr[s + 1:e, 2] = self._dep
            arr[s + 1:e, 1] = (s - numpy.arange(s + 1, e)).astype("int64").view("uint64")
        doc.from_array([LEMMA, HEAD, DEP], arr)
