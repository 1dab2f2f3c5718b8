"""The events codebook: CAMEO -> PLOVER table, trigger lexicon, governor classes, cue lists.

Built by ``scripts/build_event_codebook.py`` into ``data/events/codebook.json.gz`` and read once by
``load_codebook``; the stage only reads it. Verb entries come from the PETRARCH-2 verb dictionary
(blocks of synonymous verbs sharing patterns), noun entries and verb classes are ours.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from importlib import resources

from ...errors import DataError

DATA_FILE = "codebook.json.gz"
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
FUNCTION_WORDS = frozenset({
    "to", "for", "on", "in", "of", "with", "from", "against", "into", "at", "by", "over", "as", "off",
    "up", "out", "down", "back", "away", "about", "upon", "onto", "through", "toward", "towards",
    "between", "under", "after", "before", "across", "around", "that", "the", "a", "an", "not",
    "will", "would", "is", "was", "be", "been", "has", "have", "had", "and", "or", "it", "its"})
"""Words a PETRARCH pattern may hold that say nothing by themselves (prepositions, particles)."""
COMPOSING = ("intent", "demand", "refuse", "threat", "stop", "accede")
"""Governor classes whose complement becomes part of the governor's own event."""


def stem(word: str) -> str:
    """A crude plural/inflection fold, enough to meet dictionary words half-way."""
    w = word.lower()
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + repl
    return w


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    name: str
    event: str
    mode: str
    context: tuple[str, ...]
    goldstein: float | None
    quad: int


Item = tuple[str, str]
"""A pattern item: (word, its stem), or (``&SYNSET``, "")."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """One PETRARCH pattern: words before and after the verb (in order, gaps allowed)."""

    pre: tuple[Item, ...]
    post: tuple[Item, ...]
    code: str | None
    swap: bool
    needs: frozenset[str]
    """Stems of the single words, for a quick subset test before the ordered match."""
    synsets: tuple[str, ...]
    content: int
    """How many items are not function words."""

    @property
    def text(self) -> str:
        return " ".join((*(w for w, _ in self.pre), "*", *(w for w, _ in self.post)))

    @property
    def size(self) -> int:
        return len(self.pre) + len(self.post)


@dataclass(frozen=True, slots=True)
class Synset:
    phrases: tuple[tuple[Item, ...], ...]
    firsts: frozenset[str]
    """First words of the phrases and their stems: a token that is none of these starts none."""


@dataclass(frozen=True, slots=True)
class VerbBlock:
    name: str
    code: str | None
    patterns: tuple[Pattern, ...]
    ranked: tuple[Pattern, ...] = ()
    """The patterns, most words first (stable): the first that matches is the most specific."""
    by_word: dict[str, tuple[int, ...]] | None = None
    """Positions in ``ranked`` of the patterns, each under one word it needs (or one that must
    start its synset): a pattern whose word is not at hand cannot match, so it is not tried."""
    surfaces: frozenset[str] = frozenset()
    """The words of ``by_word`` and every word whose ``stem`` is one: a pattern word meets a
    token by its text, lemma or stem, so a stretch of text whose lower-cased words are none of
    these and whose lemmas are none of ``by_word``'s holds no word any pattern is filed under."""


@dataclass(frozen=True, slots=True)
class VerbEntry:
    block: int
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    """The verb line's own code; ``None`` when it takes the block's, ``"---"`` for none."""


@dataclass(frozen=True, slots=True)
class NounEntry:
    code: str | None
    event: str | None
    mode: str
    standalone: bool


@dataclass(frozen=True)
class Codebook:
    cameo: dict[str, CameoInfo]
    blocks: tuple[VerbBlock, ...]
    verbs: dict[str, tuple[VerbEntry, ...]]
    verb_codes: dict[str, str | None]
    """Our codes for verbs: a CAMEO code, ``EVENT:mode`` for PLOVER-only categories, or None for
    "no event of its own" (patterns may still code it)."""
    synsets: dict[str, Synset]
    nouns: dict[str, NounEntry]
    governors: dict[str, str]
    governing_adjectives: dict[str, str]
    governing_nouns: dict[str, str]
    planned_modifiers: frozenset[str]
    light_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    derive: dict[str, dict[str, str]]
    mode_cues: dict[str, dict[str, tuple[str, ...]]]
    plover_modes: dict[str, tuple[str, ...]]
    sports_cues: frozenset[str]
    market_cues: frozenset[str]
    sports_sensitive: frozenset[str]
    market_sensitive: frozenset[str]
    noun_heads: frozenset[str]
    """Words that can end (or, for "state of emergency", start) an event noun entry."""
    agent_heads: frozenset[str]
    """Nouns that name a party ("rebel", "minister", "police"): a role phrase headed by one is an actor."""
    demonyms: dict[str, str]
    """Country names and nationality words (lower case) -> ISO3."""
    trigger_words: frozenset[str]
    """Every lemma or lower-cased form that can start a trigger: sentences without one are skipped."""
    non_event_nouns: frozenset[str] = frozenset()
    """Noun phrases that look like event nouns but name a statement's setting ("news conference")."""
    descriptive_verbs: frozenset[str] = frozenset()
    """Verbs that say what an event noun is, not who does it ("posed a threat")."""
    cooperative_personnel: frozenset[str] = frozenset()
    """People sent to help ("instructors", "doctors"): sending them is cooperation."""
    cooperative_purposes: frozenset[str] = frozenset()
    """Purposes that make a deployment cooperation ("to train", "to help")."""
    sending_verbs: frozenset[str] = frozenset()
    """Verbs whose object is moved somewhere ("send", "deploy"): what they move is no recipient."""
    non_event_phrasal: frozenset[str] = frozenset()
    """Verb + preposition that is no event ("hail from")."""
    phrasal_governors: dict[str, str] | None = None
    """Verb + particle -> governor class ("rule out": refuse)."""
    phrasal_verbs: frozenset[str] = frozenset()
    """The verbs of ``phrasal_governors``."""
    verb_words: frozenset[str] = frozenset()
    """The keys of ``verbs`` and ``verb_codes``: a word none of whose forms is one is no verb trigger."""

    def info(self, code: str | None) -> CameoInfo | None:
        return self.cameo.get(code) if code else None

    def derived(self, kind: str, code: str | None) -> str | None:
        return self.derive.get(kind, {}).get(code) if code else None


def load_codebook() -> Codebook:
    """Read and validate ``data/events/codebook.json.gz`` (raises ``DataError`` E040)."""
    try:
        ref = resources.files("communique").joinpath("data", "events", DATA_FILE)
        with ref.open("rb") as fh:
            raw = json.loads(gzip.decompress(fh.read()))
    except (OSError, ValueError) as e:
        raise DataError("E040", detail=f"events/{DATA_FILE} ({e})") from e
    try:
        return _build(raw)
    except (KeyError, TypeError, ValueError) as e:
        raise DataError("E040", detail=f"events/{DATA_FILE} ({type(e).__name__}: {e})") from e


def _build(raw: dict) -> Codebook:
    if raw.get("version") != 1:
        raise ValueError("unsupported version")
    cameo = {}
    for code, row in raw["cameo"].items():
        if "event" not in row:
            continue  # CAMEO 01/02: no PLOVER event
        if row["event"] not in EVENT_TYPES:
            raise ValueError(f"CAMEO {code}: unknown PLOVER event {row['event']!r}")
        cameo[code] = CameoInfo(code=code, name=row["name"], event=row["event"], mode=row["mode"],
                                context=tuple(row["context"]), goldstein=row["goldstein"],
                                quad=int(row["quad"]))

    def known(code: str | None, what: str) -> str | None:
        if code and code not in cameo:
            raise ValueError(f"{what}: unknown CAMEO code {code}")
        return code or None

    def items(ws: list[str]) -> tuple[Item, ...]:
        return tuple((w, "") if w.startswith("&") else (w, stem(w)) for w in ws)

    synsets = {k: Synset(phrases=tuple(items(p) for p in v),
                         firsts=frozenset(w for p in v for w in (p[0], stem(p[0]))))
               for k, v in raw["synsets"].items() if v}
    blocks, verbs = [], {}
    for bi, b in enumerate(raw["blocks"]):
        pats = []
        for pre, post, code, swap in b["patterns"]:
            words = [w for w in (*pre, *post) if not w.startswith("&")]
            syns = tuple(w for w in (*pre, *post) if w.startswith("&"))
            content = sum(1 for w in (*pre, *post) if w not in FUNCTION_WORDS)
            pats.append(Pattern(pre=items(pre), post=items(post), code=known(code, b["name"]),
                                swap=bool(swap), needs=frozenset(stem(w) for w in words),
                                synsets=syns, content=content))
        ranked = tuple(sorted(pats, key=lambda p: -p.size))
        by_word = _pattern_index(ranked, synsets)
        blocks.append(VerbBlock(name=b["name"], code=known(b["code"], b["name"]), patterns=tuple(pats),
                                ranked=ranked, by_word=by_word,
                                surfaces=frozenset(w for k in by_word for w in _unstem(k))))
        for v in b["verbs"]:
            code = v["code"]
            if code != "---":
                code = known(code, v["lemma"])
            verbs.setdefault(v["lemma"], []).append(
                VerbEntry(block=bi, before=tuple(v["before"]), after=tuple(v["after"]), code=code))
    verb_codes = {}
    for k, v in raw["verb_codes"].items():
        if ":" in v:
            event, _, mode = v.partition(":")
            if event not in EVENT_TYPES:
                raise ValueError(f"verb {k!r}: unknown PLOVER event {event!r}")
            verb_codes[k] = v
        else:
            verb_codes[k] = known(v, k)
    nouns = {}
    for key, n in raw["nouns"].items():
        if not n["code"] and n["event"] not in EVENT_TYPES:
            raise ValueError(f"noun {key!r} has neither a CAMEO code nor a PLOVER event")
        nouns[key] = NounEntry(code=known(n["code"], key), event=n["event"] or None, mode=n["mode"],
                               standalone=bool(n["standalone"]))
    governors = {w: cls for cls, words in raw["governors"].items() for w in words}
    derive = {k: {a: known(b, k) for a, b in t.items()} for k, t in raw["derive"].items()}
    if set(derive) != set(COMPOSING):
        raise ValueError("derive tables incomplete")
    r = raw["restraint"]
    trigger_words = set(verbs) | set(verb_codes) | {"must", "should"}
    trigger_words |= {k.split()[-1] for k in nouns} | {k.split()[0] for k in nouns}
    return Codebook(
        cameo=cameo, blocks=tuple(blocks), verbs={k: tuple(v) for k, v in verbs.items()},
        verb_codes=verb_codes,
        synsets=synsets,
        nouns=nouns, governors=governors,
        governing_adjectives=dict(raw["governing_adjectives"]),
        governing_nouns=dict(raw["governing_nouns"]),
        planned_modifiers=frozenset(raw["planned_modifiers"]),
        light_verbs=frozenset(raw["light_verbs"]),
        hedge_modals=frozenset(raw["hedge_modals"]), derive=derive,
        mode_cues={ev: {m: tuple(ws) for m, ws in cues.items()} for ev, cues in raw["modes"].items()},
        plover_modes={k: tuple(v) for k, v in raw["plover_modes"].items()},
        sports_cues=frozenset(r["sports"]), market_cues=frozenset(r["markets"]),
        sports_sensitive=frozenset(r["sports_sensitive"]),
        market_sensitive=frozenset(r["market_sensitive"]),
        noun_heads=frozenset({k.split()[-1] for k in nouns} | {k.split()[0] for k in nouns if " of " in k}
                             | {k[:-1] for k in nouns if k.endswith("s")}),
        demonyms={k: v for k, v in raw["demonyms"].items() if len(v) == 3},
        agent_heads=frozenset(raw["agent_heads"]),
        trigger_words=frozenset(trigger_words),
        non_event_nouns=_words(raw, "non_event_nouns"),
        descriptive_verbs=_words(raw, "descriptive_verbs"),
        cooperative_personnel=_words(raw, "cooperative_personnel"),
        cooperative_purposes=_words(raw, "cooperative_purposes"),
        sending_verbs=_words(raw, "sending_verbs"),
        non_event_phrasal=_words(raw, "non_event_phrasal"),
        phrasal_governors=_phrasal(raw),
        phrasal_verbs=frozenset(k.split()[0] for k in _phrasal(raw)),
        verb_words=frozenset(verbs) | frozenset(verb_codes),
    )


def _pattern_index(ranked: tuple[Pattern, ...], synsets: dict[str, Synset]) -> dict[str, tuple[int, ...]]:
    """``VerbBlock.by_word``. A pattern is filed under the one of its words least likely at
    hand: its longest content word, else every first word of its first synset (one of those
    must be at hand), else its longest word. Patterns that can never be taken are filed nowhere:
    a preposition alone (``triggers._best_pattern`` skips them) and those naming a synset the
    dictionary lacks (``triggers._match_items`` fails them)."""
    by_word: dict[str, list[int]] = {}
    for pos, p in enumerate(ranked):
        if p.content == 0 or any(s not in synsets for s in p.synsets):
            continue
        content = sorted(w for w in p.needs if w not in FUNCTION_WORDS)
        if content:
            keys = [max(content, key=len)]
        elif p.synsets:
            keys = sorted(synsets[p.synsets[0]].firsts)
        else:
            keys = [max(sorted(p.needs), key=len)]
        for key in keys:
            by_word.setdefault(key, []).append(pos)
    return {w: tuple(ps) for w, ps in by_word.items()}


def _unstem(key: str) -> list[str]:
    """``key`` and every word ``stem`` turns into ``key`` (each of its rules undone)."""
    undone = [key + "s"]
    if key.endswith("y"):
        undone.append(key[:-1] + "ies")
    if key.endswith("ss"):
        undone.append(key[:-2] + "sses")
    if key.endswith("e"):
        undone.append(key[:-1] + "es")
    return [key] + [w for w in [key] + undone if stem(w) == key]


def _words(raw: dict, key: str) -> frozenset[str]:
    words = raw[key]
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise ValueError(f"{key}: a list of lower-case strings expected")
    return frozenset(words)


def _phrasal(raw: dict) -> dict[str, str]:
    table = raw["phrasal_governors"]
    for phrase, cls in table.items():
        if len(phrase.split()) != 2 or cls not in COMPOSING:
            raise ValueError(f"phrasal governor {phrase!r}: verb + particle with a composing class expected")
    return dict(table)
