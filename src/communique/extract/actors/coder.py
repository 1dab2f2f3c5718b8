"""Code one noun phrase: country + PLOVER sector (+ who, office, and why).

The phrase is split into segments: dictionary actors, places (countries, nationality words,
capitals, cities), role nouns ("foreign minister", "soldiers"), person or organisation names
that no dictionary knows, possessive markers and prepositions. The country comes from the first
segment before the first free preposition that has one ("*Russia*'s ambassador to Poland"),
else from the named actor, else from the complement ("Prime Minister of *Estonia*"). The sector
comes from the head role noun ("US *Secretary of State* John Kerry"), else from the dictionary
entry of the name in force on the date, else from what a place stands for (a capital speaks for
its government, another city for its people). "former"/"ex-"/"retired" make a role ELI.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .kb import ActorKB, Entry
from .names import POSSESSIVE, key, word_key, words

MAX_WORDS = 8
SKIP = frozenset("""a an the some several many all both its their his her these those this that other
another few most more than over about around nearly almost up to at least dozen dozens hundreds
thousands millions scores number one two three four five six seven eight nine ten eleven twelve
current currently also new then now top senior""".split())
PARTITIVE = frozenset({"member", "members", "group", "groups", "part", "number", "unit", "units",
                       "team", "teams", "contingent", "band", "bunch", "handful", "pair", "couple"})
FORMER = frozenset({"former", "ex", "retired", "ousted", "exiled", "deposed", "toppled", "late",
                    "erstwhile", "onetime", "one-time"})
CIVILIAN = frozenset({"ordinary", "common", "average"})
PREPOSITIONS = frozenset({"of", "to", "in", "for", "from", "at", "with", "on", "by", "near", "inside",
                          "outside", "against", "among", "across", "within", "under"})
# heads that speak for someone else: "the governor's spokesman" is as GOV as the governor
SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                      "aide", "aides", "adviser", "advisers", "advisor", "advisors", "deputy",
                      "assistant", "envoy", "representative", "office"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
GENERIC_SECTORS = frozenset({"CVL", "UNK"})
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ier", "ant", "ent", "ic",
                   "is", "ary", "dent")
PERSON_ROLES = frozenset({"minister", "president", "chief", "envoy", "official", "leader",
                          "ambassador", "secretary", "governor", "king", "queen", "judge", "general",
                          "premier", "chancellor", "mayor", "pope", "cleric", "imam", "prince",
                          "emir", "sultan", "senator", "lawmaker", "diplomat", "spokesman", "aide",
                          "deputy", "envoy", "colonel", "captain", "sheikh", "ayatollah", "bishop"})
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


@dataclass(frozen=True)
class Coding:
    """What a phrase was coded as; ``resolution`` says why. Empty fields mean "not known"."""

    code: str | None = None
    sector: str | None = None
    code_detail: str | None = None
    kind: str | None = None
    identifier_text: str | None = None
    identifier_id: str | None = None
    office: str | None = None
    resolution: str | None = None
    name: tuple[int, int] | None = None
    """Character offsets (into the phrase) of the name of the person or organisation, if any."""
    entry: int | None = None
    """The dictionary entry used, for merging mentions of one actor."""
    gender: str | None = None

    @property
    def empty(self) -> bool:
        return self.code is None and self.sector is None


@dataclass
class Segment:
    kind: str  # entity place agent name poss prep skip former civil other
    i: int
    j: int
    text: str
    k: str
    entries: list[Entry] = field(default_factory=list)
    iso3: str | None = None
    role: str | None = None
    sector: str | None = None


def words_of(text: str) -> list[Word]:
    return [Word(w, s, e) for w, s, e in words(text)]


def _capitalised(w: Word) -> bool:
    return w.text[:1].isupper() or w.text[:1].isdigit()


def _phrase_key(ws: list[Word]) -> str:
    return key(" ".join(w.text for w in ws).replace(" '", "'").replace(" \u2019", "\u2019"))


def segment(kb: ActorKB, ws: list[Word]) -> list[Segment]:
    """Longest-match segmentation, dictionary names before role nouns."""
    lower = all(not _capitalised(w) for w in ws)
    out: list[Segment] = []
    i = 0
    while i < len(ws):
        wk = word_key(ws[i].text)
        if wk == POSSESSIVE:
            out.append(Segment("poss", i, i + 1, ws[i].text, wk))
            i += 1
            continue
        best = None
        named_ok = lower or _capitalised(ws[i])
        for j in range(min(len(ws), i + MAX_WORDS), i, -1):
            if any(word_key(w.text) == POSSESSIVE for w in ws[i + 1:j]) and j - i > 1:
                pass  # "ombudsman's office" is one role noun; keep trying
            k = _phrase_key(ws[i:j])
            if not k:
                continue
            text = " ".join(w.text for w in ws[i:j])
            place = kb.places.get(k) if named_ok else None
            entries = kb.lookup(k) if named_ok else []
            if ws[i].label == "PERSON" or (entries and all(e.kind == "person" for e in entries)):
                place = None if ws[i].label == "PERSON" else place
            sector = kb.agent(k)
            if place and place.role != "city":
                best = Segment("place", i, j, text, k, iso3=place.iso3, role=place.role)
            elif entries and sector and all(e.kind != "person" for e in entries):
                # a role noun that is also a dictionary body ("Senate", "Defense Department"):
                # code it as the role, with the body's country only as a fallback
                best = Segment("agent", i, j, text, k, entries=entries, sector=sector)
            elif entries:
                best = Segment("entity", i, j, text, k, entries=entries)
            elif place:
                best = Segment("place", i, j, text, k, iso3=place.iso3, role=place.role)
            elif sector:
                best = Segment("agent", i, j, text, k, sector=sector)
            if best:
                break
        if best is None:
            kind = ("skip" if wk in SKIP or wk.isdigit() or wk[:-2].isdigit() else
                    "former" if wk in FORMER else "civil" if wk in CIVILIAN else
                    "prep" if wk in PREPOSITIONS else
                    "name" if (_capitalised(ws[i]) and not lower and wk and ws[i].text[:1].isalpha()
                               or ws[i].label in ("PERSON", "ORG")) else
                    "skip" if not wk else "other")
            best = Segment(kind, i, i + 1, ws[i].text, wk)
        out.append(best)
        i = best.j
    return _join_names(out)


def _namelike(s: Segment) -> bool:
    return s.kind == "name" or (s.kind == "entity" and all(e.kind == "person" for e in s.entries))


def _join_names(segs: list[Segment]) -> list[Segment]:
    """Adjacent capitalised words form one name ("Gitanas" "Nauseda"), even where one of them is
    a dictionary surname on its own ("Mohammed" "Hussein" "Roble")."""
    out: list[Segment] = []
    for s in segs:
        if _namelike(s) and out and _namelike(out[-1]) and out[-1].j == s.i and \
                "name" in (s.kind, out[-1].kind):
            prev = out[-1]
            out[-1] = Segment("name", prev.i, s.j, f"{prev.text} {s.text}", f"{prev.k} {s.k}",
                              entries=prev.entries + s.entries)
        else:
            out.append(s)
    return out


def _entity_code(seg: Segment, kb: ActorKB, date: str | None, context: frozenset[str]):
    cands = seg.entries
    if context:
        local = [e for e in cands if e.countries() & context]
        cands = local or cands
    e = cands[0]
    return e, e.code_at(date)


def code_phrase(kb: ActorKB, ws: list[Word], *, date: str | None = None,
                context: frozenset[str] = frozenset()) -> Coding:
    """Code a phrase given as words (offsets relative to the phrase or to a document)."""
    if not ws:
        return Coding(resolution="empty phrase")
    base = ws[0].start
    segs = segment(kb, ws)
    why: list[str] = []
    # the head part ends at the first free preposition, or after a role noun ending in one
    cut = len(segs)
    for n, s in enumerate(segs):
        if s.kind == "prep" and n > 0:
            cut = n
            break
        if s.kind == "agent" and s.k.rsplit(" ", 1)[-1] in PREPOSITIONS:
            cut = n + 1
            break
    pre, post = segs[:cut], segs[cut:]
    if post and all(s.kind == "skip" or s.k in PARTITIVE for s in pre):
        pre, post = post[1:], []  # "members of SANDF", "a group of tourists"
        why.append("partitive head skipped")
    if len(ws) == 1 and word_key(ws[0].text) in PRONOUNS:
        return Coding(sector="UNK", kind="person", resolution="unresolved pronoun -> UNK")
    for s in pre + post:
        if s.kind == "other" and kb.agent(f"{s.k} person"):
            s.kind, s.sector = "agent", kb.agent(f"{s.k} person")  # "the displaced"

    code = detail = None
    code, detail = _first_code(pre, kb, date, context, why)
    # the person or organisation the phrase names
    # the rightmost name of the head part is what the phrase names ("UN envoy *Brahimi*")
    name_seg = (next((s for s in reversed(pre) if s.kind in ("entity", "name")), None)
                or next((s for s in post if s.kind in ("entity", "name")), None))
    owner = next((s for s in reversed(pre) if s.kind == "entity" and s is not name_seg), None)
    entry = ecode = None
    if name_seg is not None:
        if name_seg.kind == "entity":
            entry, ecode = _entity_code(name_seg, kb, date, context)
            how = "dictionary"
        else:
            found = kb.find_person(name_seg.text, countries=context | ({code} if code else set()))
            if found is None and len(name_seg.entries) == 1:
                found = (name_seg.entries[0], "dictionary name inside a longer name")
            if found:
                entry, how = found
                ecode = entry.code_at(date)
        if entry is not None:
            why.append(f"{name_seg.text!r} -> {entry.name} ({how}; {ecode.how})")

    # the role: the last role noun of the head part, else of the complement
    roles = [s for s in pre if s.kind == "agent"] or [s for s in post if s.kind == "agent"]
    role = roles[-1] if roles else None
    sector = None
    if role is not None:
        sector = role.sector
        k_last = role.k.rsplit(" ", 1)[-1]
        if k_last in SPEAKERS and len(roles) > 1 and roles[-2].sector:
            sector = roles[-2].sector  # "the governor's spokesman"
        if sector in GENERIC_SECTORS:
            specific = [s.sector for s in roles if s.sector not in GENERIC_SECTORS]
            sector = specific[-1] if specific else sector
        why.append(f"role {role.text!r} -> {sector}")
    office = None
    if role is not None and name_seg is not None:
        office = _office(ws, segs, role, name_seg)
    elif name_seg is not None and owner is not None and owner.j == name_seg.i:
        # a title the dictionary knows as a body: "US Secretary of State" John Kerry
        words_ = [w.text for w in ws[owner.i:owner.j]]
        while words_ and (key(words_[0]) in kb.places or word_key(words_[0]) in SKIP):
            words_.pop(0)
        if words_ and any(key(w) in kb.role_words for w in words_):
            office = " ".join(words_)

    if code is None and entry is not None and ecode is not None and ecode.code:
        code, detail = ecode.code, ecode.detail
    if code is None:
        code, detail = _first_code(post, kb, date, context, why)
    if code is None:
        for s in pre + post:
            if s.kind == "agent" and s.entries:
                e, c = _entity_code(s, kb, date, context)
                if c.code:
                    code, detail = c.code, c.detail
                    why.append(f"{s.text!r} -> {c.code} (dictionary {e.name}: {c.how})")
                    break
    if entry is not None and ecode is not None:
        if code is None and ecode.code:
            code, detail = ecode.code, ecode.detail
        elif ecode.detail and code == ecode.code:
            detail = ecode.detail
        if sector is None or (role is not None and role.sector in GENERIC_SECTORS):
            sector = ecode.sector or sector
    elif sector is None and owner is not None:
        e, c = _entity_code(owner, kb, date, context)  # "Shin Bet Security Service"
        sector = c.sector
    elif sector is None and pre:
        head = pre[-1]
        if head.kind == "place":
            sector = {"capital": "GOV", "city": "CVL", "pre": "PRE"}.get(head.role)
            if sector:
                why.append(f"{head.role} {head.text!r} -> {sector}")
    if code == "IGO" and sector == "GOV":
        sector = "IGO"  # a UN envoy works for the organisation, not a government
    if any(s.kind == "former" for s in pre) and (sector or name_seg is not None):
        sector = "ELI"
        why.append("'former' -> ELI")
    elif any(s.kind == "civil" for s in pre) and sector in (None, "UNK"):
        sector = "CVL"
        why.append("ordinary people -> CVL")

    kind = _kind(kb, ws, pre, role, name_seg, entry)
    name = None
    ident = ident_id = None
    if name_seg is not None and (entry is not None or name_seg.kind == "name" or code or sector):
        name = (ws[name_seg.i].start - base, ws[name_seg.j - 1].end - base)
        ident = name_seg.text if entry is None or not entry.qid else entry.name
        ident_id = entry.qid if entry is not None and entry.qid else None
    gender = None
    if name_seg is not None and name_seg.kind == "name" and name_seg.k.strip():
        gender = kb.given_names.get(name_seg.k.split()[0])
    return Coding(code=code, sector=sector, code_detail=detail, kind=kind, identifier_text=ident,
                  identifier_id=ident_id, office=office, resolution="; ".join(why) or None,
                  name=name, entry=entry.index if entry is not None else None, gender=gender)


def _first_code(segs: list[Segment], kb: ActorKB, date: str | None, context: frozenset[str],
                why: list[str]) -> tuple[str | None, str | None]:
    for s in segs:
        if s.kind == "place":
            why.append(f"{s.text!r} -> {s.iso3} ({s.role})")
            return s.iso3, s.iso3
        if s.kind == "entity" and s.entries[0].kind != "person":
            e, c = _entity_code(s, kb, date, context)
            if c.code:
                why.append(f"{s.text!r} -> {c.code} (dictionary {e.name}: {c.how})")
                return c.code, c.detail
    return None, None


def _office(ws: list[Word], segs: list[Segment], role: Segment, name: Segment) -> str | None:
    """The title as written: the role noun and the words that qualify it ("peace envoy")."""
    if role.j > name.i:
        return None
    start = role.i
    n = segs.index(role)
    while n > 0 and segs[n - 1].kind in ("other", "agent") and segs[n - 1].j == start:
        n -= 1
        start = segs[n].i
    return " ".join(w.text for w in ws[start:role.j]) or None


def _kind(kb: ActorKB, ws: list[Word], pre: list[Segment], role: Segment | None,
          name: Segment | None, entry: Entry | None) -> str | None:
    if entry is not None and entry.kind == "person":
        return "person"
    if name is not None and name.kind == "name":
        labels = {w.label for w in ws[name.i:name.j]}
        if "PERSON" in labels or (not labels - {None} and len(name.k.split()) >= 2
                                  and name.k.split()[0] in kb.given_names):
            return "person"
        if "ORG" in labels:
            return "organization"
    if name is not None and entry is not None:
        return "organization"
    if role is not None:
        last = role.k.split(" of ")[0].rsplit(" ", 1)[-1]  # "ministry of mines": ministry
        if name is not None and name.kind == "name":
            return "person" if (last in PERSON_ROLES or last.endswith(PERSON_SUFFIXES)) else "organization"
        if last in ORG_HEADS:
            return "organization"
        if last.endswith("s") and not last.endswith(("ss", "us")) or last in ("police", "people"):
            return "group"
        if last in PERSON_ROLES or last.endswith(PERSON_SUFFIXES):
            # an individual known only by a role ("a trader"): no named-entity kind
            return None
        return "organization"
    if pre and pre[-1].kind == "place":
        if pre[-1].role == "city":
            return "organization"
        return "group" if pre[-1].k.endswith("s") and pre[-1].k not in ("united states",) else "country"
    if name is not None:
        return "organization"
    return None
