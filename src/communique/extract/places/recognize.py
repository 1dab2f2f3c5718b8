"""Toponym recognition: which stretches of text name places, and the gazetteer entries they may be.

spaCy's GPE and LOC entities are taken as places whenever the gazetteer knows the name (or a near
spelling of it). Everything else written with a capital -- other entities (spaCy calls "Aleppo"
a PERSON and "Rapides Parish Fire" a PERSON), parts of organisation names ("Huntsville Police"),
datelines in capitals, words it left untagged -- is matched against the gazetteer longest-first,
and kept only on evidence weighed later (``accept``): a country or province, a county named as
one, a large city, or a place in a province or country the article is already about.

Nationality words are never places, even where the model calls them GPE or the gazetteer has
a near spelling ("Sri Lankan" is no "Sri Lanka"); "the Sri Lankan capital" names the capital.
A direction before an area ("south Lebanon") means that area unless the whole is itself a known
area or a notable place ("South Africa", "East Jerusalem"). Names the model cut in two ("Baja" |
"California") or broke at a possessive ("Democratic People's Republic of Korea") are read whole
where the gazetteer knows the whole.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..teams import is_team, team_names
from .gazetteer import ABBR, ALT, CODE, Entry, Gazetteer, fold

FIRM_LABELS = ("GPE", "LOC")
MAX_TOKENS = 6
BREAKS = frozenset({",", "(", ")", ";", ":", "\"", "\u201c", "\u201d"})
# Lowercase words that may sit inside a place name ("Isle of Man", "Stratford-upon-Avon").
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "upon", "on", "am", "an", "sur", "-", "and",
                        "'s", "\u2019s"})  # "Democratic People's Republic of Korea"
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president", "judge",
    "sir", "lord", "lady", "prof", "professor", "coach", "officer", "sgt", "lt", "capt", "col", "gen",
    "minister", "mayor", "chief", "detective", "deputy", "pastor", "rev", "father",
})
SPEECH = frozenset({"say", "tell", "add", "explain", "note", "ask", "write", "recall", "testify"})
STREET_WORDS = frozenset({
    "st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "dr", "drive", "ln", "lane",
    "pike", "highway", "hwy", "parkway", "pkwy", "way", "court", "ct", "place", "pl", "terrace",
    "trail", "circle", "square", "bridge", "tunnel", "expressway", "freeway", "turnpike",
})
GENERIC_REST = frozenset({"city", "county", "area", "metro", "region", "province", "state", "township",
                          "borough", "district", "parish", "-", "north", "south", "east", "west"})
AREA_WORDS = ("county", "parish", "borough", "province", "state", "district", "region", "oblast")
DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "northeast", "northwest", "southeast", "southwest", "central", "upper", "lower", "greater")


@dataclass
class Mention:
    """A stretch of text that may name a place, with the gazetteer entries it may be."""

    start: int
    end: int
    text: str
    label: str
    """spaCy's label of the entity it lies in ("" for none); "DATELINE" for a capitals dateline."""
    whole: bool
    """True when the stretch is the whole entity (not a part of a longer name)."""
    entries: list[Entry]
    fuzzy: bool = False
    first_token: int = 0
    last_token: int = 0
    ent_start: int = -1
    ent_end: int = -1
    """Token bounds of the entity it lies in (-1: none)."""
    hints: list[Entry] = field(default_factory=list)
    """Entries of a place written right after it ("Springfield, Illinois"): its container."""
    container: bool = False
    """It is the area written after a place ("Illinois" in "Springfield, Illinois")."""
    reason: str | None = None
    """Why it was taken for a place (set by ``accept``)."""
    name: str = ""
    """The name looked up when it differs from the text ("Barrow County" for "Barrow" in
    "Barrow and Jackson counties")."""

    @property
    def key(self) -> str:
        return fold(self.name or self.text)

    @property
    def firm(self) -> bool:
        """spaCy's own place entity, a capitals dateline or a county in "X and Y counties":
        no further evidence needed."""
        return (self.label in FIRM_LABELS and self.whole) or self.label in ("DATELINE", "COUNTY", "CAPITAL")


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


VARIANTS = (("st. ", "saint "), ("st ", "saint "), ("mt. ", "mount "), ("mt ", "mount "),
            ("ft. ", "fort "), ("ft ", "fort "))


class _Names:
    """The gazetteer entries of every name a document may hold, fetched in one go."""

    def __init__(self, gaz: Gazetteer, texts: set[str]):
        keys = set()
        for t in texts:
            keys.add(fold(t))
            low = t.lower()
            keys.update(fold(new + t[len(old):]) for old, new in VARIANTS if low.startswith(old))
        self._found = gaz.lookup_many(keys)

    def get(self, text: str, *, full_stop: bool = False) -> list[Entry]:
        """Entries for a name as written, then for its usual variants. An abbreviation ("Ill.")
        counts only when written with its full stop (``full_stop``: one follows the text)."""
        found = self._found.get(fold(text), [])
        if found and not (full_stop or text.endswith(".")):
            found = [e for e in found if e.kind != ABBR]
        if found:
            return found
        low = text.lower()
        for old, new in VARIANTS:
            if low.startswith(old):
                found = self._found.get(fold(new + text[len(old):]), [])
                if found:
                    return found
        return []


def _entity_index(doc: Doc, ents: tuple[Span, ...]) -> list[tuple[str, int, int] | None]:
    index: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in ents:
        for i in range(ent.start, ent.end):
            index[i] = (ent.label_, ent.start, ent.end)
    return index


def _strip_the(doc: Doc, start: int, end: int) -> int:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def _candidate_spans(words: list[str], caps: list[bool]) -> list[tuple[int, int]]:
    """Every run of up to MAX_TOKENS words that could be a name: capitalised at both ends, only
    capitalised words or connectors inside, no punctuation or line break."""
    spans, n = [], len(words)
    for i in range(n):
        if not caps[i]:
            continue
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            w = words[j - 1]
            if w in BREAKS or w.isspace():
                break
            if not caps[j - 1]:
                if j - 1 == i or w.lower() not in CONNECTORS:
                    break
                continue
            spans.append((i, j))
    return spans


def _listed_counties(doc: Doc, caps: list[bool]) -> list[tuple[int, int, str]]:
    """Names listed before "counties" or "parishes" ("Barrow, Jackson and Madison counties",
    "from Ellsworth to Riley counties"), as (start, end, "County" or "Parish")."""
    out = []
    for t in doc:
        kind = {"counties": "County", "parishes": "Parish"}.get(t.lower_)
        if not kind:
            continue
        end = t.i
        listed = []
        while end > 0:
            start = end
            while start > 0 and caps[start - 1] and end - start < 3:
                start -= 1
            if start == end:
                break
            listed.append((start, end, kind))
            if start == 0 or doc[start - 1].lower_ not in (",", "and", "&", "or", "to", "through"):
                break
            end = start - 1
            if end > 0 and doc[end].lower_ in ("and", "or") and doc[end - 1].text == ",":
                end -= 1  # the serial comma: "Barrow, Jackson, and Madison counties"
        if len(listed) >= 2:  # one name is whose counties they are: "Indiana counties"
            out.extend(listed)
    return out


def _entity_spans(doc: Doc, ents: tuple[Span, ...]) -> list[tuple[str, int, int, int, int]]:
    """GPE/LOC entities as (label, start, end, widest start, widest end): "the" and a trailing
    possessive cut off, and the capitalised words beside them that may belong to the name."""
    out = []
    for ent in ents:
        if ent.label_ not in FIRM_LABELS:
            continue
        start = _strip_the(doc, ent.start, ent.end)
        end = ent.end
        while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019", ".", ","):
            end -= 1
        if start >= end or any(t.text == "," for t in doc[start:end]):
            continue  # "Montreux, Switzerland" in one entity: matched part by part
        lo = start
        while lo > max(0, start - 3):
            prev = doc[lo - 1]
            if prev.text in ("'s", "\u2019s") and lo >= 2 and _capitalised(doc[lo - 2]) \
                    and doc[lo - 2].whitespace_ == "":
                lo -= 1  # "Democratic People's | Republic of Korea": a possessive inside the name
                continue
            if not (_capitalised(prev) and not prev.is_sent_start
                    and prev.ent_type_ in ("", "GPE", "LOC", "ORG", "FAC", "NORP")):
                break
            lo -= 1
        hi = end
        # "Baja | California": the model may cut a name in two entities; the gazetteer decides
        while hi < min(len(doc), end + 2) and _capitalised(doc[hi]) and (
                doc[hi].ent_iob_ != "B" or doc[hi].ent_type_ in FIRM_LABELS):
            hi += 1
        out.append((ent.label_, start, end, lo, hi))
    return out


def find_mentions(doc: Doc, gaz: Gazetteer, *, ents: tuple[Span, ...] | None = None) -> list[Mention]:
    """Every stretch that the gazetteer knows, longest first, plus the GPE/LOC entities.
    ``ents``: ``doc.ents`` where the caller has them (spaCy builds them anew on each access)."""
    if ents is None:
        ents = doc.ents
    ent_of = _entity_index(doc, ents)
    # One pass over the tokens (each ``for t in doc`` builds every Token again); the text is
    # what ``doc.text`` would join, without a second pass.
    words, starts, spaces = [], [], []
    for t in doc:
        words.append(t.text)
        starts.append(t.idx)
        spaces.append(t.whitespace_)
    text = "".join([w + s for w, s in zip(words, spaces)])
    ends = [b + len(w) for b, w in zip(starts, words)]

    def span_text(i: int, j: int) -> str:  # doc[i:j].text without building a Span
        return text[starts[i]:ends[j - 1]]

    caps = [w[:1].isupper() for w in words]
    runs = _candidate_spans(words, caps)
    firm = _entity_spans(doc, ents)
    texts = {span_text(i, j) for i, j in runs}
    for _, start, end, lo, hi in firm:
        texts.update(span_text(a, b) for a in range(lo, start + 1) for b in range(end, hi + 1))
        if end - start > 1:
            texts.add(span_text(start + 1, end))
    lowered = text.lower()
    listed = (_listed_counties(doc, caps) if "counties" in lowered or "parishes" in lowered else [])
    texts.update(f"{span_text(i, j)} {kind}" for i, j, kind in listed)
    names = _Names(gaz, texts)
    mentions: list[Mention] = []
    covered = [False] * len(doc)

    # 0. "Barrow and Jackson counties": each name with the word for what it is.
    for i, j, kind in listed:
        span = doc[i:j]
        entries = [e for e in names.get(f"{span.text} {kind}") if e.fcode.startswith("ADM2")]
        if entries:
            mentions.append(Mention(span.start_char, span.end_char, span.text, "COUNTY", True,
                                    entries, False, i, j - 1, name=f"{span.text} {kind}"))
            for k in range(i, j):
                covered[k] = True

    # 1. Whole GPE/LOC entities: a known name, a longer one, a variant, or a near spelling.
    for label, start, end, lo, hi in firm:
        if any(covered[i] for i in range(start, end)):
            continue  # the second part of a name the entity before took in ("Baja California")
        start, end, entries = _widest(doc, names, start, end, lo, hi)
        if any(covered[i] for i in range(start, end)):
            start, end, entries = _widest(doc, names, start, end, start, end)
        span = doc[start:end]
        if nationality_word(gaz, span.text, entries):
            continue  # "the Sri Lankan capital": a nationality word, no place (see ``capitals``)
        fuzzy = False
        if span[0].lower_ in DIRECTIONS and len(span) > 1:
            entries = _direction_of_area(names, span, entries)
        if not entries and caps[start]:
            entries = [e for e, _ in gaz.fuzzy(span.text) if not _demonym_of(span.text, e)]
            fuzzy = bool(entries)
        if entries:
            mentions.append(Mention(span.start_char, span.end_char, span.text, label, True,
                                    entries, fuzzy, start, end - 1))
            for i in range(start, end):
                covered[i] = True

    # 1b. "the Sri Lankan capital": a nationality word and "capital" name the country's capital.
    for i in range(1, len(doc)):
        if words[i] != "capital":
            continue
        for k in range(max(0, i - 3), i):
            cc = gaz.demonyms.get(span_text(k, i))
            if cc is None or any(covered[x] for x in range(k, i + 1)):
                continue
            city = gaz.capital(cc)
            if city is not None:
                mentions.append(Mention(starts[k], ends[i], span_text(k, i + 1), "CAPITAL", True,
                                        [city], False, k, i))
                for x in range(k, i + 1):
                    covered[x] = True
            break

    # 2. Longest known names among the remaining capitalised words.
    longest: dict[int, list[int]] = {}
    for i, j in runs:
        longest.setdefault(i, []).append(j)
    for js in longest.values():
        js.sort(reverse=True)
    i, n = 0, len(doc)
    while i < n:
        best = None
        for j in longest.get(i, ()):
            if any(covered[k] for k in range(i, j)):
                continue
            entries = names.get(span_text(i, j), full_stop=j < n and words[j] == ".")
            if entries and j - i > 1 and words[i].lower() in DIRECTIONS:
                entries = _direction_of_area(names, doc[i:j], entries)
            if entries:
                best = (j, entries)
                break
        if best is None:
            i += 1
            continue
        j, entries = best
        span = doc[i:j]
        ent = ent_of[i]
        label = ent[0] if ent else ""
        whole = bool(ent) and _delimited(doc, i, j, _strip_the(doc, ent[1], ent[2]), ent[2],
                                         listing=ent[0] in FIRM_LABELS)
        if label == "" and words[i].isupper() and len(words[i]) > 2 and _is_dateline(doc, i, j):
            label = "DATELINE"
        mentions.append(Mention(span.start_char, span.end_char, span.text, label, whole, entries,
                                False, i, j - 1, ent[1] if ent else -1, ent[2] if ent else -1))
        for k in range(i, j):
            covered[k] = True
        i = j
    teams = team_names(words, spaces, [e is not None and e[0] == "PERSON" for e in ent_of])
    if teams:  # "DETROIT 4 Kansas City 1": clubs, not the towns they are named after
        mentions = [m for m in mentions if not is_team(words, m.first_token, m.last_token + 1, m.text, teams)]
    mentions.sort(key=lambda m: m.start)
    _link_containers(text, mentions)
    return mentions


SEATS = ("PPLC", "PPLA", "PPLA2", "PPLG")
MINOR_POP = 100_000
AREA_CODES = ("PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "CONT", "ADM1")


def _is_area(e: Entry) -> bool:
    return e.fcode in AREA_CODES or e.gid < 0


def _direction_of_area(names: _Names, span: Span, entries: list[Entry]) -> list[Entry]:
    """"south Lebanon", "Northern Europe": a direction and the area it is part of. The whole
    name counts where it is a known area or a notable place ("South Africa", "North Carolina",
    "East Jerusalem"); where only some small town bears it ("South Lebanon", Ohio) and the rest
    names a country or province, the text means that area."""
    rest = names.get(span[1:].text)
    if not rest or not entries:
        return entries or rest  # "Northern Europe": the place it is part of
    minor = all(not _is_area(e) and e.fcode not in SEATS and e.pop < MINOR_POP for e in entries)
    return rest if minor and any(_is_area(e) for e in rest) else entries


def _demonym_of(text: str, e: Entry) -> bool:
    """A near spelling that is the place's nationality word ("Kenyan" for Kenya)."""
    name, low = fold(e.name), fold(text)
    return low.startswith(name) and len(low) > len(name)


def nationality_word(gaz: Gazetteer, text: str, entries: list[Entry]) -> bool:
    """A nationality word ("Sri Lankan", "Iraqi") that names no area of its own ("U.S.",
    a demonym in the table, is also a country's name)."""
    return text in gaz.demonyms and not any(_is_area(e) for e in entries)


def _widest(doc: Doc, names: _Names, start: int, end: int, lo: int, hi: int
            ) -> tuple[int, int, list[Entry]]:
    """The entity, or a longer name that takes in capitalised words beside it ("Baja" +
    "California"), whichever the gazetteer knows, longest first."""
    for a in range(lo, start + 1):
        for b in range(hi, end - 1, -1):
            if (a, b) == (start, end) or b - a > MAX_TOKENS:
                continue
            found = names.get(doc[a:b].text)
            if found:
                return a, b, found
    return start, end, names.get(doc[start:end].text)


def _delimited(doc: Doc, i: int, j: int, ent_start: int, ent_end: int, *, listing: bool) -> bool:
    """Is tokens i..j the whole entity -- or, for a place entity, one item of a list in it
    ("Montreux, Switzerland", "Kansas and Missouri")?"""
    if (i, j) == (ent_start, ent_end):
        return True
    if not listing:
        return False
    left = i == ent_start or doc[i - 1].text in (",", "and", "&")
    right = j == ent_end or doc[j].text in (",", "and", "&")
    return left and right


def _is_dateline(doc: Doc, i: int, j: int) -> bool:
    """"COLUMBUS, Ohio --" or "BEIRUT (AP) --": a place in capitals opening a paragraph or a
    sentence, then a dash, a parenthesis or a comma."""
    prev = doc[i - 1] if i else None
    at_start = prev is None or "\n" in prev.text or prev.is_space or prev.text in (".", "!", "?")
    return at_start and j < len(doc) and doc[j].text in (",", "(", "-", "--", "\u2014", "\u2013", ":")


def _link_containers(text: str, mentions: list[Mention]) -> None:
    """"Town, State" / "Town, Country": the second names the area that holds the first."""
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start]
        if between.strip() == "," or between.strip() == "(":
            b_areas = [e for e in b.entries if e.fcode in ("ADM1", "PCLI", "PCLD", "ADM2", "ADM2H")]
            if any(_inside(x, y) for x in a.entries for y in b_areas):
                a.hints = b_areas
                b.hints = []
                b.container = True


def _inside(place: Entry, area: Entry) -> bool:
    if place.gid == area.gid or not place.cc or place.cc != area.cc:
        return False
    if area.fcode.startswith("PCL"):
        return True
    if area.fcode == "ADM1":
        return place.admin1 == area.admin1 and place.fcode != "ADM1"
    return place.admin1 == area.admin1 and place.admin2 == area.admin2 and not place.fcode.startswith("ADM")


def is_person(doc: Doc, m: Mention, surnames: frozenset[str], *, area: bool) -> bool:
    """Signs that a capitalised name is a person's: a title before it ("coach Ripley"), the same
    word ending a full name elsewhere ("Darren Ripley"), lying inside a person's name, or (for a
    name spaCy did not call a place) being the one who says something."""
    first, last = doc[m.first_token], doc[m.last_token]
    if first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in TITLES and not area:
        return True
    if m.label == "PERSON" and not m.whole and not area:
        return True
    if m.first_token == m.last_token and first.text in surnames and (not area or m.label == "PERSON"):
        return True
    if m.firm:
        return False
    return last.dep_ in ("nsubj", "nsubjpass") and last.head.lemma_ in SPEECH


def person_surnames(ents: tuple[Span, ...]) -> frozenset[str]:
    """First and last words of full names ("John Kerry" makes a lone "Kerry" a person). Only
    names of two or three words ending in a capitalised word count: spaCy also calls "Erie GM"
    and a headline's "Freemason Bogdanov Joins Sochi" persons."""
    out = set()
    for ent in ents:
        if ent.label_ == "PERSON" and 1 < len(ent) <= 3 and ent[-1].text.istitle() and ent[-1].is_alpha:
            out.add(ent[-1].text)
            out.add(ent[0].text)
    return frozenset(out)


def is_weak_name(m: Mention) -> bool:
    """Codes and alternate spellings only: not enough to call a word a place on its own."""
    return all(e.kind in (ALT, CODE) for e in m.entries)


def street_name(doc: Doc, m: Mention) -> bool:
    """"Memphis St.", "Dublin Road": the town's name is part of a street's."""
    nxt = m.last_token + 1
    return nxt < len(doc) and doc[nxt].lower_.rstrip(".") in STREET_WORDS


def part_of_longer_name(doc: Doc, m: Mention) -> bool:
    """A place name inside a longer place entity that is not a list ("Tennessee" in
    "Tennessee Colony"), unless the rest is a generic word ("Miami-Dade", "Dallas area")."""
    if m.whole or m.ent_start < 0 or m.label not in FIRM_LABELS:
        return False
    rest = [t for t in doc[m.ent_start:m.ent_end] if t.i < m.first_token or t.i > m.last_token]
    return not all(t.lower_ in GENERIC_REST or t.is_punct or t.lower_ == "the" for t in rest)
