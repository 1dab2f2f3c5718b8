"""What the events stage reads of every token of a ``Doc``, gathered once per document.

spaCy builds a new ``Token`` on every ``doc[i]``, every iteration of a ``Span`` and every step
through ``token.children``, and looks each string attribute up in the ``StringStore`` again on
every access. The stage scans every sentence several times (is there a trigger word? a deontic
modal? a sports cue?) and walks each candidate verb's clause, so it reads these plain lists
instead and builds ``Token`` objects only for the few words that can matter. Each column is
built for the whole document on first use; everything is derived from the ``Doc`` alone.
"""
from __future__ import annotations

from functools import cached_property

import numpy as np

from spacy.attrs import DEP, HEAD, LEMMA, LOWER
from spacy.tokens import Doc

from ..datelines import dateline_tokens


class DocView:
    """Token attributes as lists indexed by token position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def _strings(self, attr: int) -> list[str]:
        """The string of ``attr`` for every token, each distinct value looked up once."""
        ids = self.doc.to_array(attr).tolist()
        store = self.doc.vocab.strings
        names = {h: store[h] for h in set(ids)}
        return [names[h] for h in ids]

    @cached_property
    def datelines(self) -> frozenset[int]:
        """The tokens of wire datelines ("LA PAZ (Reuters) -"), never part of a role's phrase."""
        return dateline_tokens([t.text for t in self.doc], [t.whitespace_ for t in self.doc])

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_``."""
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_.lower()``."""
        ids = self.doc.to_array(LEMMA).tolist()
        store = self.doc.vocab.strings
        names = {h: store[h].lower() for h in set(ids)}
        return [names[h] for h in ids]

    @cached_property
    def dep(self) -> list[str]:
        """``token.dep_``."""
        return self._strings(DEP)

    @cached_property
    def head(self) -> list[int]:
        """``token.head.i``."""
        return self._head.tolist()

    @cached_property
    def _head(self) -> np.ndarray:
        rel = self.doc.to_array(HEAD).astype("int64")  # offsets to the head, stored unsigned
        return rel + np.arange(len(rel))

    @cached_property
    def kids(self) -> tuple[list[int], list[int]]:
        """Every token's children as one flat list and offsets into it: the children of ``i``
        (``[c.i for c in token.children]``, in order) are ``kids[off[i]:off[i + 1]]``. Flat,
        because a list per token is slow to build and no cheaper to read."""
        head = self._head
        idx = np.arange(len(head))
        dependent = idx[head != idx]
        flat = dependent[np.argsort(head[dependent], kind="stable")]
        off = np.zeros(len(head) + 1, dtype="int64")
        np.cumsum(np.bincount(head[dependent], minlength=len(head)), out=off[1:])
        return flat.tolist(), off.tolist()

    def children(self, i: int) -> list[int]:
        kids, off = self.kids
        return kids[off[i]:off[i + 1]]
