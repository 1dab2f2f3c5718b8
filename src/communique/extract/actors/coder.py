"""Code one noun phrase: country + PLOVER sector (+ who, office, and why).

The phrase is split into segments (``segments``): dictionary actors, places (countries,
nationality words, peoples, capitals, cities), role nouns ("foreign minister", "soldiers"),
person or organisation names that no dictionary knows, possessive markers and prepositions.

- Country: the first segment before the first free preposition that has one ("*Russia*'s
  ambassador to Poland"), else the named actor, else the complement ("Prime Minister of
  *Estonia*", "the Albanians of *Serbia*"). A nationality after "ethnic" names a people, and one
  after "anti-"/"pro-" or before "-backed" a stance: neither gives a country.
- Sector: the head role noun ("US *Secretary of State* John Kerry"); a leader, official or
  spokesman takes the sector of the role or body before it ("*rebel* leaders", "*Hamas*
  officials"); else the dictionary entry of the name in force on the date; else what a place
  stands for (a capital its government, another city or a people its civilians).
  "former"/"ex-"/"ousted" make it ELI.
- A one-word dictionary name of a person of another country than the phrase or document
  names is taken for someone else ("King *Hassan* of Morocco" is not Jordan's Prince Hassan).
"""
from __future__ import annotations

from dataclasses import dataclass

from .international import (DEFAULT_SECTOR, INTERNATIONAL_WORDS, function_sector, international_body,
                            named_body_sector)
from .kb import ActorKB, Code, Entry
from .names import key, word_key
from .segments import (ORG_HEADS, PREPOSITIONS, SKIP, Segment, Word, segment, span_text, stance,
                       titleish)
from .segments import words_of  # noqa: F401  (re-exported: ActorKB.resolve codes raw text)

PARTITIVE = frozenset({"member", "members", "group", "groups", "part", "number", "unit", "units",
                       "team", "teams", "contingent", "band", "bunch", "handful", "pair", "couple"})
# heads that speak for someone else: "the governor's spokesman" is as GOV as the governor
SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                      "aide", "aides", "adviser", "advisers", "advisor", "advisors", "deputy",
                      "assistant", "envoy", "representative", "office"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
# people who live in a land that is not their state's ("Jewish settlers in Hebron" are Israeli):
# a place they are in gives no country (see ``context.fill_from_context``)
SETTLERS = frozenset({"settler", "settlers", "colonist", "colonists"})
# heads that take the sector of a role or body before them: a "rebel leader" is REB, "Hamas
# officials" are Hamas's, a "party's leader" PTY; alone ("Palestinian leaders") their own
LEADS = frozenset({"leader", "leaders", "commander", "commanders", "official", "officials",
                   "chief", "chiefs", "head", "member", "members", "representative",
                   "representatives", "candidate", "candidates"})
WEAK_MATCHES = frozenset({"family name alone", "dictionary name inside a longer name",
                          "first and family name of a longer name", "spelling variant",
                          "transliterated family name"})
PLACE_SECTORS = {"capital": "GOV", "city": "CVL", "pre": "PRE", "people": "CVL"}
"""What a place stands for when it heads a phrase: a capital its government, another city or a
nationality noun ("Nigerians") its people, a breakaway region its partially recognised state."""
GENERIC_SECTORS = frozenset({"CVL", "UNK"})
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ier", "ant", "ent", "ic",
                   "is", "ary", "dent")
PERSON_ROLES = frozenset({"minister", "president", "chief", "envoy", "official", "leader",
                          "ambassador", "secretary", "governor", "king", "queen", "judge", "general",
                          "premier", "chancellor", "mayor", "pope", "cleric", "imam", "prince",
                          "emir", "sultan", "senator", "lawmaker", "diplomat", "spokesman", "aide",
                          "deputy", "envoy", "colonel", "captain", "sheikh", "ayatollah", "bishop"})


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


def _entity_code(seg: Segment, kb: ActorKB, date: str | None, context: frozenset[str]):
    cands = seg.entries
    if context:
        local = [e for e in cands if e.countries() & context]
        cands = local or cands
    e = cands[0]
    c = e.code_at(date)
    if c.code in (None, "IMG") and e.kind != "person":
        place = kb.places.get(seg.k.split()[0]) if seg.k else None
        if place is not None and place.role == "country":
            # "Palestinian Islamic Jihad": a group the dictionary codes to a region is of the
            # nation its name starts with
            c = Code(place.iso3, c.sector, c.detail, f"{c.how}; nationality in the name")
    return e, c


def code_phrase(kb: ActorKB, ws: list[Word], *, date: str | None = None,
                context: frozenset[str] = frozenset()) -> Coding:
    """Code a phrase given as words (offsets relative to the phrase or to a document)."""
    return _code_phrase(kb, ws, date, context)[0]


PHRASE_MEMO_SIZE = 1 << 16


def code_phrase_memo(kb: ActorKB, ws: list[Word], k: tuple, *, date: str | None,
                     context: frozenset[str]) -> Coding:
    """``code_phrase`` of a phrase whose words, offsets from its first word and labels are
    ``k``. Most phrases hold no dictionary name ("the police", "Israeli soldiers"): their
    coding reads neither the date nor the document's countries, so it is remembered on the KB
    for every later document (up to a bound, so memory stays flat)."""
    memo = kb.phrase_memo
    found = memo.get(k)
    if found is not None:
        return found
    coding, general = _code_phrase(kb, ws, date, context)
    if general and len(memo) < PHRASE_MEMO_SIZE:
        memo[k] = coding
    return coding


def _code_phrase(kb: ActorKB, ws: list[Word], date: str | None,
                 context: frozenset[str]) -> tuple[Coding, bool]:
    """The coding, and whether it holds whatever the date and context: only dictionary entries
    (an entity, a name looked up among people, a role noun's own entries) read them."""
    if not ws:
        return Coding(resolution="empty phrase"), True
    base = ws[0].start
    segs = segment(kb, ws)
    general = all(not s.entries and s.kind not in ("entity", "name") for s in segs)
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
        return Coding(sector="UNK", kind="person", resolution="unresolved pronoun -> UNK"), general
    for s in pre + post:
        if s.kind == "other" and kb.agent(f"{s.k} person"):
            s.kind, s.sector = "agent", kb.agent(f"{s.k} person")  # "the displaced"
    for a, b in zip(segs, segs[1:]):
        if a.kind == "ethnic" and b.kind == "place":
            b.kind = "ethnos"  # "ethnic Albanians" live where the text says, not in Albania
            why.append(f"'{a.text} {b.text}': a people, not a state")
    for s in segs:
        if s.kind in ("place", "agent", "entity") and stance(ws, s):
            s.kind = "other"  # "anti-Syria", "Iranian-backed", "anti-government": for or against, not of
            why.append(f"{s.text!r}: a stance, not who they are")
    phrase_countries = frozenset(s.iso3 for s in segs if s.kind == "place" and s.iso3)

    code = detail = None
    code, detail = _first_code(pre, kb, date, context, why)
    # the person or organisation the phrase names
    # the rightmost name of the head part is what the phrase names ("UN envoy *Brahimi*")
    def names(s: Segment) -> bool:  # "Tacambaro", "Kurd": the document knows them as places, peoples
        return s.kind == "entity" or (s.kind == "name" and not all(
            w.label in ("GPE", "LOC", "FAC", "NORP") for w in ws[s.i:s.j]))

    name_seg = (next((s for s in reversed(pre) if names(s)), None)
                or next((s for s in post if names(s)), None))
    if name_seg is not None and name_seg.kind == "entity" and _weak_match(name_seg, phrase_countries | context):
        # "King Hassan of Morocco" is not the Jordanian prince whose key is "Hassan"
        why.append(f"{name_seg.text!r}: the one-word dictionary name is someone of another country")
        name_seg.kind, name_seg.entries = "stranger", []
    owner = next((s for s in reversed(pre) if s.kind == "entity" and s is not name_seg), None)
    entry = ecode = None
    if name_seg is not None and name_seg.kind == "stranger":
        name_seg.kind = "name"
    elif name_seg is not None:
        if name_seg.kind == "entity":
            entry, ecode = _entity_code(name_seg, kb, date, context | phrase_countries)
            how = "dictionary"
        else:
            found = kb.find_person(name_seg.text, countries=context | ({code} if code else set()))
            if found is None and len(name_seg.entries) == 1:
                found = (name_seg.entries[0], "dictionary name inside a longer name")
            if found and found[1] in WEAK_MATCHES and context | phrase_countries and \
                    not found[0].countries() & (context | phrase_countries):
                why.append(f"{name_seg.text!r}: {found[0].name} ({found[1]}) is of another country")
                found = None  # "Turkish Kurd" is no Pakistani minister called Kurd
            if found:
                entry, how = found
                ecode = entry.code_at(date)
        if entry is not None:
            why.append(f"{name_seg.text!r} -> {entry.name} ({how}; {ecode.how})")

    # the role: the last role noun of the head part, else of the complement, unless the head is
    # a name ("Movement for the ... Sovereign *State* of Biafra" is no government)
    roles = [s for s in pre if s.kind == "agent"]
    content = [s for s in pre if s.kind not in ("skip", "poss", "former", "civil")]
    purpose = bool(post) and post[0].k in ("for", "against")
    if not roles and not (content and content[-1].kind == "name" and purpose):
        roles = [s for s in post if s.kind == "agent"]
    role = roles[-1] if roles else None
    sector = None
    if role is not None:
        sector = role.sector
        k_last = role.k.rsplit(" ", 1)[-1]
        if k_last in SPEAKERS or k_last in LEADS:
            owned = _owner_sector(kb, pre, post, role, name_seg, date, context)
            if owned:  # "the governor's spokesman", "rebel leaders", "Hamas officials"
                sector = owned
        specific = [s for s in roles[:-1] if s.sector not in GENERIC_SECTORS]
        if sector == "UNK" and specific:
            sector = specific[-1].sector  # "Northern Fleet's Arctic Group"
        elif sector == "CVL" and specific and specific[-1].j == role.i and specific[-1].sector != "REL":
            # "student protesters", not "capital Dili demonstrators" nor "Moslem civilians"
            sector = specific[-1].sector
        why.append(f"role {role.text!r} -> {sector}")
    office = None
    if role is not None and name_seg is not None:
        office = _office(ws, segs, role, name_seg)
    elif name_seg is not None and owner is not None and owner.j == name_seg.i:
        # a title the dictionary knows as a body: "US Secretary of State" John Kerry
        start = owner.i
        while start < owner.j and (key(ws[start].text) in kb.places or word_key(ws[start].text) in SKIP):
            start += 1
        if any(key(w.text) in kb.role_words for w in ws[start:owner.j]):
            office = span_text(ws, start, owner.j)

    head_seg = next((s for s in reversed(pre) if s.kind != "other"), None)
    people = head_seg is not None and (head_seg.kind == "ethnos" or (
        head_seg.kind == "place" and head_seg.role == "people") or (
        head_seg.kind == "name" and all(w.label == "NORP" for w in ws[head_seg.i:head_seg.j])))
    if people and post and post[0].k == "of" and any(s.kind == "place" for s in post):
        # "the Albanians of southern Serbia": a people of a place is coded to the place
        code, detail = _first_code(post, kb, date, context, why)
    if code is None and entry is not None and ecode is not None and ecode.code:
        code, detail = ecode.code, ecode.detail
    if code is None and role is not None and role.k.rsplit(" ", 1)[-1] in SETTLERS:
        why.append("settlers: where they live is not whose they are")
    elif code is None:
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
        if head.kind == "other":  # "Palestinians living in ..."
            head = next((s for s in reversed(pre) if s.kind != "other"), head)
        if people or (head.kind == "place" and head.role == "country" and head is pre[-1]
                      and len(pre) > 1 and pre[-2].kind == "skip" and pre[-2].k != "the"):
            sector = "CVL"  # "ethnic Turks", "Iraqi Kurds", "a Palestinian", "two Israelis"
            why.append(f"people {head.text!r} -> CVL")
        elif head.kind == "place":
            sector = PLACE_SECTORS.get(head.role)
            if sector:
                why.append(f"{head.role} {head.text!r} -> {sector}")
    if any(s.kind == "former" for s in pre) and (sector or name_seg is not None):
        sector = "ELI"
        why.append("'former' -> ELI")
    elif any(s.kind == "civil" for s in pre) and sector in (None, "UNK"):
        sector = "CVL"
        why.append("ordinary people -> CVL")

    if code is None and entry is None:
        body = international_body(ws)
        if body is not None:  # "the International Organization for Migration"
            code, body_sector, how = body
            why.append(how)
            if sector in (None, "UNK") or role is None or role.k in kb.agents and \
                    role.k.split()[0] in INTERNATIONAL_WORDS or \
                    role.k.rsplit(" ", 1)[-1] in LEADS | SPEAKERS:
                sector = body_sector  # a generic "International Organization" is no government
    elif code in DEFAULT_SECTOR and sector in (None, DEFAULT_SECTOR[code]):
        does = function_sector(ws)
        if does:  # "United Nations Office on Drugs and Crime": a body of the UN, by what it does
            why.append(f"what the body does -> {does}")
            sector = does
    if entry is None and role is None and (sector is None or sector in GENERIC_SECTORS
                                           or (pre and pre[-1].kind == "place")):
        does = named_body_sector(ws)
        if does:  # "Aboriginal Medical Services Alliance Northern Territory": its name says
            why.append(f"the body's name says what it does -> {does}")
            sector = does
    kind = _kind(kb, ws, pre, role, name_seg, entry)
    name = None
    ident = ident_id = None
    office_only = name_seg is not None and all(
        titleish(kb, w) or word_key(w.text) in ("of", "for", "and") for w in ws[name_seg.i:name_seg.j])
    if office_only and entry is not None:
        ident = ident_id = None  # "UN Secretary-General": an office the dictionary knows, no name
    elif name_seg is not None and (entry is not None or name_seg.kind == "name" or code or sector):
        name = (ws[name_seg.i].start - base, ws[name_seg.j - 1].end - base)
        ident = name_seg.text if entry is None or not entry.qid else entry.name
        ident_id = entry.qid if entry is not None and entry.qid else None
    gender = None
    if name_seg is not None and name_seg.kind == "name" and name_seg.k.strip():
        gender = kb.given_names.get(name_seg.k.split()[0])
    return Coding(code=code, sector=sector, code_detail=detail, kind=kind, identifier_text=ident,
                  identifier_id=ident_id, office=office, resolution="; ".join(why) or None,
                  name=name, entry=entry.index if entry is not None else None, gender=gender), general


def _weak_match(seg: Segment, countries: frozenset[str]) -> bool:
    """A one-word key of dictionary people none of whom belongs to a country the phrase or the
    document names: more likely someone else of that name."""
    if len(seg.k.split()) != 1 or not countries or any(e.kind != "person" for e in seg.entries):
        return False
    return not any(e.countries() & countries for e in seg.entries)


def _owner_sector(kb: ActorKB, pre: list[Segment], post: list[Segment], role: Segment,
                  name_seg: Segment | None, date: str | None, context: frozenset[str]) -> str | None:
    """The sector of whom a spokesman, leader or official speaks for: the role or body before
    it ("rebel leaders", "Hamas officials"), else the one after it ("spokesman for the paper")."""
    before = [s for s in pre if s.j <= role.i and s is not name_seg and
              ((s.kind == "agent" and s.sector) or (s.kind == "entity" and s.entries[0].kind != "person"))]
    after = [s for s in post if s is not name_seg and
             ((s.kind == "agent" and s.sector) or (s.kind == "entity" and s.entries[0].kind != "person"))]
    for s in ([before[-1]] if before else []) + (after[:1] if role in pre else []):
        if s.kind == "agent":
            return s.sector
        _, c = _entity_code(s, kb, date, context)
        if c.sector:
            return c.sector
    return None


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
    return span_text(ws, start, role.j) or None


def _kind(kb: ActorKB, ws: list[Word], pre: list[Segment], role: Segment | None,
          name: Segment | None, entry: Entry | None) -> str | None:
    if role is not None and name is not None and role.i >= name.j and role.k.split()[-1] in ORG_HEADS:
        return "organization"  # "the Bush administration"
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
    if pre and (pre[-1].kind == "ethnos" or (pre[-1].kind == "name" and all(
            w.label == "NORP" for w in ws[pre[-1].i:pre[-1].j]))):
        return "group"
    if pre and pre[-1].kind == "place":
        if pre[-1].role == "city":
            return "place"  # a town or region acting ("Bonn supported ...", "Chechnya's status")
        return "group" if pre[-1].role == "people" else "country"
    if name is not None:
        return "organization"
    return None
