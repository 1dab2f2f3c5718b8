"""The actor knowledge base: dated dictionary entries, country names, role nouns, given names.

Built by ``scripts/build_actor_kb.py`` and ``scripts/build_actor_names.py`` into
``data/actors/`` and loaded once by ``load_actor_kb``. An entry's code depends on the date asked
about: "Angela Merkel" is DEU GOV in 2010 and DEU ELI in 2022.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from importlib import resources

import msgspec

from ...errors import DataError
from .names import key

FUNCTION_WORDS = frozenset("""a an the and or but of to in on at for from by with as is are was were
be been it its this that these those who whom which what not no new s""".split())
PLACE_PRIORITY = {"country": 0, "people": 0, "pre": 1, "capital": 2, "city": 3}
PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der",
                       "le", "la", "du", "dos", "das", "del"})
AGENT_MEMO_SIZE = 1 << 16
# A transliterated family name ("Rajapaksa" for the dictionary's "Rajapakse", "Kartapolov" ~
# "Kartapolow") is accepted only with the given name spelt exactly, a family name long enough
# that a letter is a small share of it, and one edit (a letter changed, added, dropped or two
# swapped) per twelve letters: "John Smyth" stays apart from "John Smith", "Petrovich" from
# "Petrov".
VARIANT_MIN_FAMILY = 6
VARIANT_LETTERS_PER_EDIT = 12
PEOPLE_MIN_LEN = 6
_UNKNOWN = object()


class _Names(msgspec.Struct):
    version: int
    names: list[list[str]]
    entries: list[str]


class _Country(msgspec.Struct):
    name: str
    keys: dict[str, str]


class _Lexicon(msgspec.Struct):
    version: int
    countries: dict[str, _Country]
    agents: dict[str, str]
    regions: list[str]


@dataclass(frozen=True, slots=True)
class Code:
    """One dated answer: country code, PLOVER sector, the dictionary code, and how it was chosen."""

    code: str | None
    sector: str | None
    detail: str | None
    how: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A dictionary actor: a person, organisation or group with its dated codes."""

    index: int
    kind: str
    name: str
    qid: str
    ranges: tuple[tuple[str | None, str | None, str, str, str], ...]
    default: tuple[str | None, str | None, str] | None
    source: str

    def code_at(self, date: str | None) -> Code:
        """The code in force on ``date`` (ISO); with no date, the latest one known."""
        if date:
            for code, sector, detail, start, end in self.ranges:
                if (not start or start <= date) and (not end or date <= end):
                    span = f"{start or '...'} to {end or '...'}"
                    return Code(code, sector, detail, f"{detail} {span}")
            if self.default is not None:
                return Code(*self.default, f"{self.default[2]} (default)")
            if self.ranges:
                last = max(self.ranges, key=lambda r: r[4] or "9999")
                if last[4] and date > last[4]:
                    return Code(last[0], "ELI", last[2], f"{last[2]} until {last[4]}, so former (ELI)")
                first = min(self.ranges, key=lambda r: r[3] or "0000")
                return Code(first[0], "ELI", first[2], f"{first[2]} from {first[3]}, so not yet (ELI)")
            return Code(None, None, None, "no code")
        open_ranges = [r for r in self.ranges if not r[4]]
        if open_ranges:
            r = max(open_ranges, key=lambda r: r[3])
            return Code(r[0], r[1], r[2], f"{r[2]} from {r[3] or '...'} (latest)")
        if self.default is not None:
            return Code(*self.default, f"{self.default[2]} (default)")
        if self.ranges:
            last = max(self.ranges, key=lambda r: r[4])
            return Code(last[0], "ELI", last[2], f"{last[2]} until {last[4]}, so former (ELI)")
        return Code(None, None, None, "no code")

    def countries(self) -> set[str]:
        out = {r[0] for r in self.ranges if r[0]}
        if self.default and self.default[0]:
            out.add(self.default[0])
        return out


@dataclass(frozen=True, slots=True)
class Place:
    iso3: str
    role: str
    """country (name, adjective, demonym), people (a plural nationality noun: "Nigerians"),
    pre (partially recognised entity), capital or city."""


class ActorKB:
    """Everything the actor stage looks names up in; see ``resolve`` for coding a phrase.

    Entries are decoded when first looked up, and the family-name indexes built when first
    needed, so loading stays well under half a second.
    """

    def __init__(self, *, kinds: list[str], index: dict[str, list[int]], payloads: list[str],
                 places: dict[str, Place], country_names: dict[str, str], agents: dict[str, str],
                 given_names: dict[str, str], regions: frozenset[str] = frozenset()) -> None:
        self.kinds = kinds
        self.index = index
        self._payloads = payloads
        self._entries: dict[int, Entry] = {}
        self.places = places
        self.country_names = country_names
        self.agents = agents
        self.role_words = frozenset(w for k in agents for w in k.split()
                                    if w not in FUNCTION_WORDS and len(w) > 1)
        """Every word of a role noun phrase: what a title before a name may consist of."""
        self.given_names = given_names
        self.regions = regions
        """Second-level region names (counties...): places, though never coded as actors."""
        self._agent_memo: dict[str, str | None] = {}
        self.phrase_memo: dict[tuple, object] = {}
        """Codings of phrases that hold whatever the document (``coder.code_phrase_memo``)."""
        self._by_entry: dict[int, list[str]] | None = None
        self._surnames: dict[str, list[int]] | None = None
        self._partial: dict[str, list[int]] | None = None
        self._by_given: dict[str, list[int]] | None = None
        self._peoples: dict[str, list[str]] | None = None

    def entry(self, i: int) -> Entry:
        e = self._entries.get(i)
        if e is None:
            try:
                name, qid, ranges, default, source = msgspec.json.decode(self._payloads[i])
            except (msgspec.DecodeError, ValueError) as exc:
                raise DataError("E040", detail=f"actors/actors.json.gz (entry {i}: {exc})") from exc
            e = Entry(i, self.kinds[i], name, qid, tuple(tuple(r) for r in ranges),
                      tuple(default) if default else None, source)
            self._entries[i] = e
        return e

    @property
    def surnames(self) -> dict[str, list[int]]:
        if self._surnames is None:
            self._build_name_indexes()
        return self._surnames  # type: ignore[return-value]

    @property
    def partial(self) -> dict[str, list[int]]:
        if self._partial is None:
            self._build_name_indexes()
        return self._partial  # type: ignore[return-value]

    @property
    def by_given(self) -> dict[str, list[int]]:
        """Dictionary people of two or more words, by the first word of a name they go by."""
        if self._by_given is None:
            self._build_name_indexes()
        return self._by_given  # type: ignore[return-value]

    def _build_name_indexes(self) -> None:
        surnames: dict[str, list[int]] = {}
        partial: dict[str, list[int]] = {}
        by_given: dict[str, list[int]] = {}
        for k, ids in self.index.items():
            toks = k.split()
            for i in ids:
                if self.kinds[i] != "person":
                    continue
                if len(toks) >= 2:
                    surnames.setdefault(toks[-1], []).append(i)
                    by_given.setdefault(toks[0], []).append(i)
                if len(toks) >= 3:
                    for short in (f"{toks[0]} {toks[1]}", f"{toks[0]} {toks[-1]}"):
                        partial.setdefault(short, []).append(i)
        self._surnames, self._partial, self._by_given = surnames, partial, by_given

    def lookup(self, k: str) -> list[Entry]:
        return [self.entry(i) for i in self.index.get(k, ())]

    def keys_of(self, i: int) -> list[str]:
        return [k for k in self._keys_by_entry().get(i, ())]

    def _keys_by_entry(self) -> dict[int, list[str]]:
        if self._by_entry is None:
            by: dict[int, list[str]] = {}
            for k, ids in self.index.items():
                for i in ids:
                    by.setdefault(i, []).append(k)
            self._by_entry = by
        return self._by_entry

    def agent(self, k: str) -> str | None:
        """The sector of a role noun ("soldiers" -> MIL), trying a singular form too."""
        # asked for every word and sub-phrase the stage looks at, mostly about the same few
        # thousand strings: remember the answers (up to a bound, so memory stays flat)
        found = self._agent_memo.get(k, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._agent(k)
            if len(self._agent_memo) < AGENT_MEMO_SIZE:
                self._agent_memo[k] = found
        return found

    def _agent(self, k: str) -> str | None:
        if k in self.agents:
            return self.agents[k]
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("men", "man")):
            if k.endswith(suffix) and k[: -len(suffix)] + repl in self.agents:
                return self.agents[k[: -len(suffix)] + repl]
        if k.endswith("is") and k[:-1] + "st" in self.agents:  # jihadis -> jihadist
            return self.agents[k[:-1] + "st"]
        return None

    def find_person(self, name: str, *, countries: frozenset[str] = frozenset()) -> tuple[Entry, str] | None:
        """A dictionary person for a name as written, and how it matched (exact, variant...)."""
        k = key(name)
        toks = k.split()
        if not toks:
            return None
        exact = self._pick([e for e in self.lookup(k) if e.kind == "person"] or self.lookup(k), countries)
        if exact:
            return exact, "exact name"
        bare = " ".join(t for t in toks if t not in PARTICLES)
        if bare != k:
            hit = self._pick(self.lookup(bare), countries)
            if hit:
                return hit, "name without particles"
        if len(toks) >= 2:
            hit = self._pick([self.entry(i) for i in dict.fromkeys(self.partial.get(k, ()))],
                             countries, unique=True)
            if hit:
                return hit, "first and family name of a longer name"
            hit = self._fuzzy(toks, countries)
            if hit:
                return hit, "spelling variant"
            hit = self._family_variant(toks, countries)
            if hit:
                return hit, "transliterated family name"
        elif len(toks[0]) >= 4 and toks[0] not in self.given_names and toks[0] not in self.role_words:
            cands = [self.entry(i) for i in dict.fromkeys(self.surnames.get(toks[0], ()))]
            hit = self._pick(cands, countries, unique=True)
            if hit:
                return hit, "family name alone"
        return None

    def _fuzzy(self, toks: list[str], countries: frozenset[str]) -> Entry | None:
        from rapidfuzz import fuzz

        query = " ".join(toks)
        best, best_score = None, 0.0
        for i in dict.fromkeys(self.surnames.get(toks[-1], ())):
            e = self.entry(i)
            for k in self.keys_of(i):
                if k[0] != query[0]:
                    continue
                score = fuzz.ratio(k, query)
                if score > best_score:
                    best, best_score = e, score
        return best if best_score >= 85 else None

    def people_variant(self, k: str) -> Place | None:
        """The people a misspelt plural nationality word names ("Kazahks" -> Kazakhs), when only
        one country's peoples come that close; names and role words are never read as one."""
        from rapidfuzz.distance import OSA

        if len(k) < PEOPLE_MIN_LEN or " " in k or not k.endswith("s") or k in self.places \
                or k in self.given_names or k in self.index or k in self.role_words:
            return None
        if self._peoples is None:
            by_letter: dict[str, list[str]] = {}
            for pk, place in self.places.items():
                if place.role == "people" and " " not in pk:
                    by_letter.setdefault(pk[0], []).append(pk)
            self._peoples = by_letter
        # one slip of the pen (a letter dropped, added, changed, or two swapped): a ratio
        # would also take "Marlins" for "Malians"
        close = {self.places[pk].iso3 for pk in self._peoples.get(k[0], ())
                 if abs(len(pk) - len(k)) <= 1 and OSA.distance(pk, k) <= 1}
        return Place(close.pop(), "people") if len(close) == 1 else None

    def _family_variant(self, toks: list[str], countries: frozenset[str]) -> Entry | None:
        """The one dictionary person whose name has the same given name and as many words, and
        whose family name differs by a letter or two of transliteration."""
        from rapidfuzz.distance import OSA

        family = " ".join(toks[1:])
        max_edits = 1 + len(family) // VARIANT_LETTERS_PER_EDIT
        if len(family.replace(" ", "")) < VARIANT_MIN_FAMILY or toks[0] in PARTICLES:
            return None
        found: dict[int, int] = {}
        for i in dict.fromkeys(self.by_given.get(toks[0], ())):
            for k in self.keys_of(i):
                ktoks = k.split()
                if len(ktoks) != len(toks) or ktoks[0] != toks[0]:
                    continue
                other = " ".join(ktoks[1:])
                # the first letter of a family name survives transliteration
                if other[0] != family[0]:
                    continue
                edits = OSA.distance(other, family, score_cutoff=max_edits)
                if edits <= max_edits:
                    found[i] = min(found.get(i, edits), edits)
        if not found:
            return None
        best = min(found.values())
        cands = [self.entry(i) for i, s in found.items() if s == best]
        return self._pick(cands, countries, unique=True)

    @staticmethod
    def _pick(cands: list[Entry], countries: frozenset[str], *, unique: bool = False) -> Entry | None:
        if not cands:
            return None
        if countries:
            local = [e for e in cands if e.countries() & countries]
            if local:
                cands = local
        if unique and len({frozenset(e.countries()) for e in cands}) > 1:
            return None
        return cands[0]

    def resolve(self, text: str, *, date: str | None = None, context: frozenset[str] = frozenset()):
        """Code a noun phrase ("Russia's ambassador to Poland") as of ``date``: a ``Coding``.

        ``context`` lists ISO3 codes the surrounding document mentions; they break ties between
        dictionary entries that share a name.
        """
        from .coder import code_phrase, words_of

        return code_phrase(self, words_of(text), date=_iso_date(date), context=context)


def _iso_date(date: str | None) -> str | None:
    if not date:
        return None
    d = str(date)[:10]
    return d if len(d) >= 4 else None


def _read(name: str) -> bytes:
    try:
        data = resources.files("communique").joinpath("data", "actors", name).read_bytes()
    except (FileNotFoundError, OSError) as e:
        raise DataError("E040", detail=f"actors/{name} ({e})") from e
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise DataError("E040", detail=f"actors/{name} ({e})") from e
    return data


def load_actor_kb() -> ActorKB:
    """Load and validate the actor data files (well under half a second)."""
    try:
        raw = msgspec.json.decode(_read("actors.json.gz"), type=_Names)
        lex = msgspec.json.decode(_read("lexicon.json.gz"), type=_Lexicon)
    except (msgspec.ValidationError, msgspec.DecodeError) as e:
        raise DataError("E040", detail=f"actors data ({e})") from e
    if raw.version != 2 or not raw.names or len(raw.names) != len(raw.entries) \
            or not lex.agents or not lex.countries:
        raise DataError("E040", detail="actors data (wrong version or empty)")
    kinds: list[str] = []
    index: dict[str, list[int]] = {}
    for i, row in enumerate(raw.names):
        if len(row) < 2:
            raise DataError("E040", detail=f"actors/actors.json.gz (entry {i} has no name)")
        kinds.append(row[0])
        for k in row[1:]:
            ids = index.get(k)
            if ids is None:
                index[k] = [i]
            else:
                ids.append(i)
    places: dict[str, Place] = {}
    for iso3, c in lex.countries.items():
        for k, role in c.keys.items():
            old = places.get(k)
            if old is None or PLACE_PRIORITY[role] < PLACE_PRIORITY[old.role]:
                places[k] = Place(iso3, role)
    given: dict[str, str] = {}
    for line in _read("given_names.tsv.gz").decode("utf-8").splitlines():
        name, _, gender = line.partition("\t")
        if name:
            given[name] = gender or "u"
    return ActorKB(kinds=kinds, index=index, payloads=raw.entries, places=places,
                   country_names={c: v.name for c, v in lex.countries.items()},
                   agents=dict(lex.agents), given_names=given, regions=frozenset(lex.regions))


__all__ = ["ActorKB", "Code", "Entry", "Place", "load_actor_kb"]
