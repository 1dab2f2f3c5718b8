"""spaCy's English rule lemmatizer, with the same tables and results, remembered per token kind.

A rule lemma depends only on the token's text, coarse POS and morphology, which spaCy's own
``Lemmatizer`` uses as its cache key too; but it builds that key from Python objects for every
token, and skips the cache for the commonest cases (proper nouns, base forms). Here the three
values are read for the whole document as one integer array, each distinct triple is lemmatised
once by spaCy's own code, and the lemmas are written back in one call: ~5% of the parse saved.

spaCy's rule lemmatizer asks whether each candidate form is a known word with ``form in index``,
where the index is a list of up to 57,000 words: a linear scan, ~150 microseconds a word. Our
copy of the tables holds each index as a frozenset, so a word never seen before costs a few
microseconds; the code that reads them is spaCy's, unchanged.

``tests/nlp/test_attribute_rules.py`` checks the lemmas equal the stock component's.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

_MAX_KINDS = 500_000
"""The memo is cleared past this many (text, POS, morphology) triples, bounding a worker's memory."""


class MemoLemmatizer(EnglishLemmatizer):
    """A drop-in for en_core_web_sm's ``lemmatizer`` (rule mode, ``overwrite=False``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        memo, strings = self._memo, doc.vocab.strings
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        lemmas = arr[:, 3].copy()
        todo = range(len(doc)) if self.overwrite else numpy.flatnonzero(lemmas == 0).tolist()
        for i in todo:
            key = tuple(rows[i][:3])
            lemma = memo.get(key)
            if lemma is None:
                if len(memo) >= _MAX_KINDS:
                    memo.clear()
                lemma = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def use_memo_lemmatizer(nlp: Language) -> bool:
    """Swap a rule-mode English lemmatizer for the memoised one, keeping its tables and place."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return False
    new = nlp.replace_pipe("lemmatizer", "communique_lemmatizer", config={"overwrite": old.overwrite})
    new.lookups = _with_set_index(old.lookups)
    return True


def _with_set_index(lookups: Lookups) -> Lookups:
    """The same tables, each POS's word index a frozenset (membership is all spaCy asks of it)."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            out.add_table(name, {pos: frozenset(words) for pos, words in table.items()})
        else:
            out.set_table(name, table)
    return out
