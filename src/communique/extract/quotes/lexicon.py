"""The cue lexicon: reporting verbs with the complements they take, attribution nouns and
prepositional source markers ("according to"). Built by ``scripts/build_quote_lexicon.py``."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from ...errors import DataError

FRAMES = frozenset({"clause", "quote", "xcomp", "object", "predicate"})
VERB_POS = ("VERB", "AUX")
VERB_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB")
"""A token is a candidate cue verb by its coarse or its fine tag (the two disagree now and then)."""
DATA_FILE = "cues.json"


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, frozenset[str]]
    """lemma -> frames (``clause``, ``quote``, ``xcomp``, ``object``, ``predicate``)."""
    forms: dict[str, str]
    """inflected form -> lemma: read before the tagger's lemma, which is wrong now and then."""
    particles: dict[str, frozenset[str]]
    """lemma -> the particles it needs to be a cue at all ("point out", "go on")."""
    cue_preps: dict[str, frozenset[str]]
    """lemma -> prepositions that belong to the cue and lead to its content ("call for X")."""
    phrases: tuple[tuple[str, ...], ...]
    """Prepositional source markers, lower case: ("according", "to")."""
    nouns: frozenset[str]

    def verb_lemma(self, token: Token) -> str | None:
        """The lexicon lemma when ``token`` is a cue verb (particle verbs need their particle)."""
        if token.pos_ not in VERB_POS and token.tag_ not in VERB_TAGS:
            return None
        lemma = self.forms.get(token.lower_)
        if lemma is None:
            lemma = token.lemma_.lower()
            if lemma not in self.verbs:
                return None
        need = self.particles.get(lemma)
        if need and not any(c.lower_ in need and c.dep_ in ("prt", "prep") for c in token.children):
            return None
        return lemma

    def frames(self, lemma: str) -> frozenset[str]:
        return self.verbs.get(lemma, frozenset())


def _fail(detail: str) -> DataError:
    return DataError("E040", stage="quotes", detail=f"quotes/{DATA_FILE} ({detail})")


def load_cue_lexicon() -> CueLexicon:
    """Read and validate the packaged lexicon (raises ``DataError`` E040 when it is unusable)."""
    try:
        raw = resources.files("communique").joinpath("data", "quotes", DATA_FILE).read_text("utf-8")
    except OSError as e:
        raise _fail(type(e).__name__) from e
    return parse_lexicon(raw)


def parse_lexicon(raw: str) -> CueLexicon:
    """The lexicon from the text of ``cues.json``, validated."""
    try:
        data = json.loads(raw)
    except ValueError as e:
        raise _fail(type(e).__name__) from e
    if not isinstance(data, dict) or data.get("version") != 1:
        raise _fail("unknown version")
    try:
        verbs = {str(k): frozenset(v["frames"]) for k, v in data["verbs"].items()}
        forms = {str(k): str(v) for k, v in data["forms"].items()}
        particles = {str(k): frozenset(map(str, v)) for k, v in data["particles"].items()}
        cue_preps = {str(k): frozenset(map(str, v)) for k, v in data["cue_preps"].items()}
        phrases = tuple(tuple(str(w) for w in p) for p in data["phrases"])
        nouns = frozenset(map(str, data["nouns"]))
    except (KeyError, TypeError, AttributeError) as e:
        raise _fail(f"malformed: {e}") from e
    if not verbs or "say" not in verbs or not phrases:
        raise _fail("no verbs")
    bad = [k for k, f in verbs.items() if not f or not f <= FRAMES]
    if bad:
        raise _fail(f"unknown frames for {bad[:3]}")
    if any(v not in verbs for v in forms.values()):
        raise _fail("a form points at no verb")
    return CueLexicon(verbs=verbs, forms=forms, particles=particles, cue_preps=cue_preps,
                      phrases=phrases, nouns=nouns)
