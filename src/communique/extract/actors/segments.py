"""Split a phrase into segments: dictionary actors, places, role nouns, unknown names.

Longest match first, dictionary names before role nouns. Then the corrections that make the
segments mean what the text means:

- a dictionary key that carries a title ("PRIME_MINISTER_EHUD_BARAK", "BUSH_ADMINISTRATION")
  is split into the title (place and role segments) and the name, so that the title in the text
  decides what the person is, not the entry's latest code;
- adjacent capitalised words are one name ("Gitanas Nauseda", "Frank-Walter"), as is a family
  name that is also a town ("Alejandro Rivera") or a one-word body inside a longer unknown name
  ("Liberation Tigers");
- hyphenated words are split as spaCy splits them, so a phrase is coded alike with or without a
  parsed document.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .kb import PARTICLES, ActorKB, Entry
from .names import POSSESSIVE, key, plural_forms, word_key, words

MAX_WORDS = 8
SKIP = frozenset("""a an the some several many all both its their his her these those this that other
another few most more than over about around nearly almost up to at least dozen dozens hundreds
thousands millions scores number one two three four five six seven eight nine ten eleven twelve
current currently also new then now top senior""".split())
FORMER = frozenset({"former", "ex", "retired", "ousted", "exiled", "deposed", "toppled", "late",
                    "erstwhile", "onetime", "one-time"})
CIVILIAN = frozenset({"ordinary", "common", "average"})
PREPOSITIONS = frozenset({"of", "to", "in", "for", "from", "at", "with", "on", "by", "near", "inside",
                          "outside", "against", "among", "across", "within", "under"})
# "ethnic Albanians": the nationality word names a people, not the state of that name
ETHNIC = frozenset({"ethnic"})
HONORIFIC_TITLES = frozenset({"mr", "mrs", "ms", "dr", "the"})
ORG_HEADS = frozenset({"government", "ministry", "army", "navy", "police", "department", "office",
                       "council", "agency", "party", "court", "parliament", "legislature",
                       "assembly", "force", "forces", "guard", "fleet", "cabinet", "administration",
                       "regime", "committee", "commission", "senate", "congress", "coalition",
                       "union", "company", "bank", "station", "service", "bureau", "authority",
                       "authorities", "military", "junta", "college", "university", "school",
                       "hospital", "syndicate", "cartel", "militia", "organization", "organisation"})


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    label: str | None = None
    """The spaCy entity label of the word when the phrase comes from a parsed document."""


@dataclass
class Segment:
    kind: str  # entity place agent name poss prep skip former civil ethnic other (coder: ethnos)
    i: int
    j: int
    text: str
    k: str
    entries: list[Entry] = field(default_factory=list)
    iso3: str | None = None
    role: str | None = None
    sector: str | None = None


def words_of(text: str) -> list[Word]:
    """The words of a phrase, hyphenated words split as spaCy splits them ("ex", "-",
    "president"), so that a phrase is coded alike with and without a parsed document."""
    out = []
    for w, s, e in words(text):
        if "-" not in w.strip("-") or w.count(".") > 1:
            out.append(Word(w, s, e))
            continue
        at = s
        for n, part in enumerate(w.split("-")):
            if n:
                out.append(Word("-", at, at + 1))
                at += 1
            if part:
                out.append(Word(part, at, at + len(part)))
            at += len(part)
    return out


def span_text(ws: list[Word], i: int, j: int) -> str:
    """The words ``ws[i:j]`` as written: spaced only where the text has a space."""
    out = ""
    for n in range(i, j):
        if n > i and ws[n].start > ws[n - 1].end:
            out += " "
        out += ws[n].text
    return out


def capitalised(w: Word) -> bool:
    return w.text[:1].isupper() or w.text[:1].isdigit()


def phrase_key(ws: list[Word]) -> str:
    return _texts_key([w.text for w in ws])


def _texts_key(texts: list[str]) -> str:
    return key(" ".join(texts).replace(" '", "'").replace(" \u2019", "\u2019"))


def segment(kb: ActorKB, ws: list[Word]) -> list[Segment]:
    """Longest-match segmentation, dictionary names before role nouns."""
    lower = all(not capitalised(w) for w in ws)
    texts = [w.text for w in ws]
    out: list[Segment] = []
    i = 0
    while i < len(ws):
        wk = word_key(ws[i].text)
        if wk == POSSESSIVE or ws[i].text == "-":
            out.append(Segment("poss" if wk == POSSESSIVE else "skip", i, i + 1, ws[i].text, wk))
            i += 1
            continue
        best = None
        named_ok = lower or capitalised(ws[i]) or (
            wk in PARTICLES and i + 1 < len(ws) and ws[i + 1].text == "-")  # "al-Qaeda"
        for j in range(min(len(ws), i + MAX_WORDS), i, -1):
            if j - i > 1 and ws[j - 1].text == "-":
                continue  # "Iranian-" of "Iranian-backed": the hyphen belongs to what follows
            k = _texts_key(texts[i:j])  # phrase_key(ws[i:j])
            if not k:
                continue
            place = kb.places.get(k) if named_ok else None
            entries = kb.lookup(k) if named_ok else []
            if ws[i].label == "PERSON" or (entries and all(e.kind == "person" for e in entries)):
                place = None if ws[i].label == "PERSON" else place
            sector = kb.agent(k)
            if not (place or entries or sector):
                continue  # most sub-phrases are nothing: no need to write out their text
            text = span_text(ws, i, j)
            if place and place.role != "city":
                best = Segment("place", i, j, text, k, iso3=place.iso3, role=place.role)
            elif entries and sector and (all(e.kind != "person" for e in entries)
                                         or all(titleish(kb, w) for w in ws[i:j])):
                # a role noun that is also a dictionary body ("Senate", "Defense Department")
                # or office ("Secretary-General"): code it as the role, with the entry's
                # country only as a fallback
                best = Segment("agent", i, j, text, k, entries=entries, sector=sector)
            elif entries:
                best = Segment("entity", i, j, text, k, entries=entries)
            elif place:
                best = Segment("place", i, j, text, k, iso3=place.iso3, role=place.role)
            elif sector:
                best = Segment("agent", i, j, text, k, sector=sector)
            if best:
                break
        if best is not None and best.kind == "entity" and all(e.kind == "person" for e in best.entries):
            parts = split_title(kb, ws, best)
            if parts:
                out.extend(parts)
                i = best.j
                continue
        if best is None and capitalised(ws[i]) and not lower and wk and \
                any(kb.agent(p) for p in plural_forms(wk)):
            sector = next(kb.agent(p) for p in plural_forms(wk) if kb.agent(p))
            best = Segment("agent", i, i + 1, ws[i].text, wk, sector=sector)  # "General" Aoun
        if best is None and capitalised(ws[i]) and ws[i].text[:1].isalpha() and not lower and wk:
            place = kb.people_variant(wk)
            if place is not None:  # "Kazahks": a people misspelt
                best = Segment("place", i, i + 1, ws[i].text, wk, iso3=place.iso3, role=place.role)
        if best is None:
            kind = ("skip" if wk in SKIP or wk.isdigit() or wk[:-2].isdigit() else
                    "former" if wk in FORMER else "civil" if wk in CIVILIAN else
                    "ethnic" if wk in ETHNIC else
                    "prep" if wk in PREPOSITIONS else
                    "name" if (capitalised(ws[i]) and not lower and wk and ws[i].text[:1].isalpha()
                               or ws[i].label in ("PERSON", "ORG")) else
                    "skip" if not wk else "other")
            best = Segment(kind, i, i + 1, ws[i].text, wk)
        out.append(best)
        i = best.j
    return join_names(kb, ws, out)


def titleish(kb: ActorKB, w: Word) -> bool:
    k = word_key(w.text)
    place = kb.places.get(k)
    return w.text == "-" or k in HONORIFIC_TITLES or k in kb.role_words or \
        (place is not None and place.role in ("country", "pre"))


def split_title(kb: ActorKB, ws: list[Word], seg: Segment) -> list[Segment] | None:
    """A dictionary key that carries a title or an office ("PRIME_MINISTER_EHUD_BARAK",
    "US_PRESIDENT_BILL_CLINTON", "BUSH_ADMINISTRATION"): the title words become place and role
    segments of their own, so that what the text calls the person decides the sector, not the
    entry's code on the date (which, with no date, is the latest: often ELI)."""
    i, j = seg.i, seg.j
    n = i
    while n < j - 1 and (titleish(kb, ws[n]) or (
            word_key(ws[n].text) in ("of", "for") and n > i and titleish(kb, ws[n + 1]))):
        n += 1  # "Secretary of State" John Kerry
    m = j
    last = word_key(ws[j - 1].text)
    if m - n >= 2 and last in ORG_HEADS and kb.agent(last):
        m -= 1
    if (n == i and m == j) or not any(capitalised(w) and not titleish(kb, w) for w in ws[n:m]):
        return None  # nothing but a title ("UN_SECRETARY_GENERAL"): the office's own entry
    name = Segment("entity", n, m, span_text(ws, n, m), phrase_key(ws[n:m]),
                   entries=seg.entries)
    head = [Segment(s.kind, s.i + i, s.j + i, s.text, s.k, s.entries, s.iso3, s.role, s.sector)
            for s in segment(kb, ws[i:n])] if n > i else []
    tail = [Segment("agent", m, j, ws[m].text, last, sector=kb.agent(last))] if m < j else []
    return head + [name] + tail


def namelike(s: Segment) -> bool:
    return s.kind == "name" or (s.kind == "entity" and all(e.kind == "person" for e in s.entries))


def joins_name(kb: ActorKB, ws: list[Word], prev: Segment, s: Segment) -> bool:
    """Whether ``s`` continues the name ``prev``: a second name word, a family name that is also
    a town ("Alejandro | Rivera"), or a one-word body inside a longer name ("Liberation |
    Tigers" of Tamil Eelam, "Collective Security Treaty | Organization")."""
    if prev.j != s.i or not namelike(prev):
        return False
    if namelike(s):
        return "name" in (s.kind, prev.kind)
    if s.j - s.i != 1 or not capitalised(ws[s.i]):
        return False
    if s.kind == "place" and s.role in ("city", "capital"):
        return prev.k.split()[0] in kb.given_names
    return s.kind == "entity" and prev.kind == "name" and all(e.kind != "person" for e in s.entries)


def join_names(kb: ActorKB, ws: list[Word], segs: list[Segment]) -> list[Segment]:
    """Adjacent capitalised words form one name ("Gitanas" "Nauseda"), even where one of them is
    a dictionary surname on its own ("Mohammed" "Hussein" "Roble"), and so do the parts of a
    hyphenated name ("Frank" - "Walter"); see ``joins_name``."""
    out: list[Segment] = []
    for s in segs:
        if len(out) >= 2 and out[-1].text == "-" and out[-1].j == s.i and namelike(out[-2]) \
                and namelike(s) and ws[s.i].start == ws[s.i - 1].end:
            hyphen = out.pop()
            out[-1] = Segment("name", out[-1].i, hyphen.j, span_text(ws, out[-1].i, hyphen.j),
                              out[-1].k, entries=out[-1].entries)
        if out and joins_name(kb, ws, out[-1], s):
            prev = out[-1]
            # a one-word dictionary name inside a longer one is someone else ("Abdullah" Ocalan)
            inner = [x for x in (prev, s) if namelike(x) and len(x.k.split()) >= 2 or x.kind == "name"]
            out[-1] = Segment("name", prev.i, s.j, span_text(ws, prev.i, s.j), f"{prev.k} {s.k}",
                              entries=[e for x in inner for e in x.entries])
        else:
            out.append(s)
    return out


STANCE_BEFORE = frozenset({"anti", "pro"})
STANCE_AFTER = frozenset({"backed", "sponsored", "supported", "funded", "allied", "aligned",
                          "trained", "armed", "friendly", "leaning"})


def stance(ws: list[Word], s: Segment) -> bool:
    """Whether a segment is what the phrase is for or against ("anti-Syria", "Iranian-backed")."""
    before = s.i >= 2 and ws[s.i - 1].text == "-" and word_key(ws[s.i - 2].text) in STANCE_BEFORE
    after = s.j + 1 < len(ws) and ws[s.j].text == "-" and word_key(ws[s.j + 1].text) in STANCE_AFTER
    return before or after
