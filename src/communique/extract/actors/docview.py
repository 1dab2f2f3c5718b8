"""What the actor stage reads of a spaCy ``Doc``, gathered once per document.

spaCy builds a new ``Token`` object on every ``doc[i]`` and every iteration, re-runs the noun
chunk iterator on every ``doc.noun_chunks`` and walks back to the sentence start on every
``token.sent``. The actor stage looks at each token many times (recognition, titles, role
phrases), so it reads plain lists built here instead. Everything is derived from the ``Doc``
alone, and what only some documents need is built on first use.
"""
from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..datelines import dateline_tokens
from .names import key


_APOSTROPHE_NAME = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)+")
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


class DocView:
    """Token attributes as lists indexed by token position, plus per-document facts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.words: list[str] = [t.text for t in self.tokens]
        self.ws: list[str] = [t.whitespace_ for t in self.tokens]
        self.starts: list[int] = [t.idx for t in self.tokens]
        # Doc.text is the tokens' text with their trailing whitespace, joined
        self.text = "".join([w + s for w, s in zip(self.words, self.ws)])

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        return self.doc.ents

    @cached_property
    def keys(self) -> list[str]:
        """``names.key`` of each token's text."""
        return [key(w) for w in self.words]

    @cached_property
    def lower(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def is_alpha(self) -> list[bool]:
        return [t.is_alpha for t in self.tokens]

    @cached_property
    def name_alpha(self) -> list[bool]:
        """``is_alpha``, but also true of names with an inner apostrophe ("O'Neill", "Songo'o")."""
        return [a or bool(_APOSTROPHE_NAME.fullmatch(w)) for a, w in zip(self.is_alpha, self.words)]

    @cached_property
    def is_sent_start(self) -> list[bool | None]:
        return [t.is_sent_start for t in self.tokens]

    @cached_property
    def ent_type(self) -> list[str]:
        return [t.ent_type_ for t in self.tokens]

    @cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sent_of(self) -> list[int]:
        """The index of the first token of each token's sentence (``token.sent.start``)."""
        out = [0] * len(self.tokens)
        for s in self.sents:
            for i in range(s.start, s.end):
                out[i] = s.start
        return out

    @cached_property
    def noun_chunks(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each of ``doc.noun_chunks``: the chunks a stage reads are few, so
        their Spans are built by the caller (``doc[start:end]``) where needed."""
        chunks = self.doc.noun_chunks_iterator
        if chunks is None:  # no iterator for the language: let spaCy raise its error
            return [(c.start, c.end) for c in self.doc.noun_chunks]
        return [(start, end) for start, end, _ in chunks(self.doc)]

    @cached_property
    def chunk_end(self) -> dict[int, int]:
        """The end of the first noun chunk starting at each token index."""
        out: dict[int, int] = {}
        for start, end in self.noun_chunks:
            out.setdefault(start, end)
        return out

    @cached_property
    def dateline(self) -> frozenset[int]:
        """The tokens of wire datelines ("LA PAZ (Reuters) -"): never part of an actor."""
        return dateline_tokens(self.words, self.ws)

    @cached_property
    def fragment(self) -> bool:
        """A text that is one phrase (a caption, a bare name), not a sentence."""
        sents = self.sents
        if len(sents) != 1 or len(self.tokens) > 12:
            return False
        if sents[0].root.pos_ not in ("VERB", "AUX"):
            return True
        # a bare phrase the parser reads as a clause ("savages", "wanted persons", "Burkina
        # Faso's displaced"): a verb with no subject, or whose "subject" is a possessor, and no
        # closing full stop; a headline ("Rebels seize town") has its subject
        if self.tokens[-1].text in (".", "!", "?"):
            return False
        return not any(t.dep_ in SUBJECTS and not any(c.dep_ == "case" for c in t.children)
                       for t in self.tokens)

    def span_text(self, i: int, j: int) -> str:
        """``doc[i:j].text`` without building a Span."""
        j = min(j, len(self.words))
        if not 0 <= i < j:  # empty or unusual slices: as spaCy has them
            return self.doc[i:j].text
        return self.text[self.starts[i]:self.starts[j - 1] + len(self.words[j - 1])]

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        """``(doc[i:j].start_char, doc[i:j].end_char)`` without building a Span."""
        j = min(j, len(self.words))
        if not 0 <= i < j:
            span = self.doc[i:j]
            return span.start_char, span.end_char
        return self.starts[i], self.starts[j - 1] + len(self.words[j - 1])
