"""Who did it to whom: the actor and recipient of an event, read off the dependency parse and
resolved to the document's actors.

Verbs: the subject is the actor and the object the recipient; a passive swaps them ("was attacked by
X"); a verb without a subject of its own borrows it from the verb it hangs on ("agreed to meet",
"opened fire, killing"); an object-control verb lends its object ("urged Iran to attend").
Nouns: a possessive or "by" phrase is the actor ("Moscow's support", "an attack by rebels"),
"of" is the actor of meetings and withdrawals but the victim of killings and arrests,
"between A and B" holds every party. Conjuncts ("Kerry and Lavrov") give several entities;
appositions and "one of X" are followed to the name; pronouns go to the actor whose mention covers
them, else to the relative clause's noun, the speaker of the clause, or the last sentence's subject.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from ...schema import Actor, EntityRef

PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "me", "his", "its",
            "their", "our", "my", "who", "which", "that", "whom", "whose", "you", "your"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
_NP_CUT = {"relcl", "acl", "appos", "prep", "punct", "cc", "conj", "advcl", "parataxis", "case"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_NOT_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
OBJECT_CONTROL = {"urge", "ask", "order", "force", "persuade", "invite", "help", "allow", "convince",
                  "encourage", "tell", "pressure", "press", "call", "request", "instruct", "compel",
                  "oblige", "push", "beg", "implore", "appeal", "enable", "authorize", "permit"}
# Which preposition brings the recipient, by PLOVER event (first found wins).
RECIPIENT_PREPS = {
    "CONSULT": ("with", "between", "among", "to"),
    "AGREE": ("with", "to", "for"), "SUPPORT": ("for", "to", "with", "of"),
    "COOPERATE": ("with", "to"), "AID": ("to", "for"), "CONCEDE": ("to", "for"),
    "RETREAT": ("to", "from"), "REQUEST": ("from", "on", "upon", "of", "to"),
    "REJECT": ("from", "of", "by"), "ACCUSE": ("against", "of", "for", "on", "over"),
    "THREATEN": ("against", "on", "to", "with"), "PROTEST": ("against", "outside", "at", "over"),
    "SANCTION": ("on", "against", "to", "from", "for"), "MOBILIZE": ("against", "near", "on"),
    "COERCE": ("of", "against", "on"), "ASSAULT": ("on", "against", "at", "of"),
}
# For nouns: does "of" give the actor (a meeting of X) or the recipient (the killing of X)?
OF_IS_ACTOR = {"CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "AGREE", "SUPPORT", "REJECT", "CONCEDE"}


@dataclass(frozen=True, slots=True)
class Filler:
    """One entity in a role, as found: the token, how it was found, the actor it resolved to."""

    token: Token
    how: str
    actor: Actor | None
    text: str
    code: str | None = None
    """The country where it is not the actor's: one of "French and Belgian troops"."""

    def ref(self) -> EntityRef:
        a = self.actor
        if a is None:
            return EntityRef(entity_text=self.text, code=self.code)
        return EntityRef(ref=a.id, code=self.code or a.code, sector=a.sector,
                         identifier_text=a.identifier_text, entity_text=self.text)


class ActorIndex:
    """Actors by the character spans of their mentions."""

    def __init__(self, actors: list[Actor], agent_heads: frozenset[str] = frozenset(),
                 event_words: frozenset[str] = frozenset()) -> None:
        self.people = [a for a in actors if a.kind == "person" and a.office]
        self.agent_heads = agent_heads
        self.event_words = event_words
        """Event nouns ("attack", "order"): never parties, whatever their ending."""
        # names and descriptions, and the pronouns/anaphora the actors stage resolved, if any
        spans = sorted(((m.start, m.end, a) for a in actors
                        for m in (*a.mentions, *getattr(a, "references", ()))), key=lambda x: (x[0], x[1]))
        self._starts = [s for s, _, _ in spans]
        self._spans = spans

    def covering(self, start: int, end: int, head: tuple[int, int] | None = None) -> Actor | None:
        """The actor whose mention overlaps [start, end): one holding ``head`` first, then the longest."""
        hi = bisect_right(self._starts, end)
        best, best_key = None, None
        for s, e, a in self._spans[max(0, hi - 64): hi]:
            if e <= start or s >= end:
                continue
            holds = head is not None and s <= head[0] and head[1] <= e
            key = (holds, min(e, end) - max(s, start), e - s)
            if best_key is None or key > best_key:
                best, best_key = a, key
        return best


def np_span(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` without its clauses, preps and appositions."""
    lo, hi = tok.i, tok.i
    stack = [c for c in tok.children if c.dep_ not in _NP_CUT and not c.is_space]
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.i), max(hi, t.i)
        stack.extend(c for c in t.children if c.dep_ not in _NP_CUT and not c.is_space)
    return lo, hi + 1


def conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            out.extend(conjuncts(c))
    return out


def is_passive(v: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return True
    if v.tag_ != "VBN" or any(c.dep_ == "aux" for c in v.children):
        return False
    if any(c.dep_ == "nsubj" and c.i < v.i for c in v.children) and \
            any(t.text == "," for t in v.doc[max(0, v.i - 3):v.i]):
        return True  # "Thirteen traffickers, also accused of murder, ...": the parser gives the
        # participle a subject, but it is the one accused
    if any(c.dep_ == "nsubj" for c in v.children):
        return False
    # "were arrested and charged": the conjoined participle shares the passive
    return v.dep_ in ("acl", "advcl") or (v.dep_ == "conj" and v.head.tag_ == "VBN" and is_passive(v.head))


def own_subject(v: Token) -> Token | None:
    """The subject written on ``v`` itself, active or passive (none borrowed, unlike ``subject``)."""
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def subject(v: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The subject of verb ``v`` (own, or borrowed from the verb it depends on)."""
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c, c.dep_
    if depth > 6:
        return None, ""
    h = v.head
    if h is v:
        return None, ""
    if v.dep_ == "conj":
        return subject(h, depth + 1)
    if v.dep_ == "xcomp":
        if h.lemma_.lower() in OBJECT_CONTROL:
            for c in h.children:
                if c.dep_ in ("dobj", "dative"):
                    return c, "object of " + h.text
        return subject(h, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG" and h.pos_ == "NOUN" and h.dep_ in ("dobj", "attr") \
            and h.head.pos_ in ("VERB", "AUX"):  # "issued a declaration demanding"
        s, _ = subject(h.head, depth + 1)
        if s is not None:
            return s, f"subject of '{h.head.text}'"
    if v.dep_ == "advcl" and v.tag_ == "VBG" and h.pos_ in ("VERB", "AUX") and is_passive(h):
        by = agent(h)  # "the camp was attacked by militiamen, killing 156": the militiamen killed
        if by is not None:
            return by, f"'by' of '{h.text}'"
    if v.dep_ == "acl" and v.tag_ == "VBG" and h.pos_ in ("NOUN", "PROPN"):
        return h, "modified noun"  # "foreign ministers meeting in Luxembourg": the ministers meet
    if v.dep_ == "advcl" or (v.dep_ in ("acl", "pcomp") and v.tag_ in ("VBG", "VB")):
        s, how = subject(h, depth + 1) if h.pos_ in ("VERB", "AUX") else (None, "")
        return s, how
    if v.dep_ in ("relcl", "acl") and h.pos_ in ("NOUN", "PROPN"):
        return h, "modified noun"
    if v.dep_ in ("acomp", "oprd", "attr") and h.pos_ in ("VERB", "AUX"):  # "is ready to"
        return subject(h, depth + 1)
    if v.dep_ == "amod" and h.pos_ in ("NOUN", "PROPN"):
        return h, "modified noun"
    return None, ""


def agent(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def prep_objects(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of ``tok``: "talks with Iran", the dative "gave arms to Iraq"
    (which the parser labels ``dative``, not ``prep``), "killed by a bomb"."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"):
            found = False
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append((c.lower_, g))
                    found = True
                elif g.dep_ == "pcomp":
                    obj = next((x for x in g.children if x.dep_ in ("dobj", "pobj")), None)
                    if obj is not None:
                        out.append((c.lower_, obj))
                        found = True
            if not found:
                obj = _stranded_object(c)
                if obj is not None:
                    out.append((c.lower_, obj))
    return out


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one because it read a reduced
    relative as a clause: "granted asylum to five officers holed up in ..." parses "officers" as
    the subject of "holed" (a clause of the verb or of the preposition). The noun phrase right
    after the preposition is its object then."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or any(c.dep_ == "pobj" for c in prep.children):
        return None
    head = doc[prep.i + 1]
    while head.dep_ in ("det", "amod", "compound", "nummod", "poss", "case", "nmod") and head.head.i > head.i:
        head = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or head.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = head.head
    if verb.i < head.i or verb.tag_ not in ("VBN", "VBD") or not any(
            c.dep_ in ("prt", "prep") for c in verb.children):
        return None
    if np_span(head)[0] != prep.i + 1 or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    return head


PERSONAL = {"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "whom",
            # indefinite pronouns stand for people: "some blamed the far right", "injuring 260 others"
            "some", "others", "many", "several", "few", "both", "all", "most", "everyone", "someone",
            "anyone", "nobody", "somebody", "anybody", "everybody", "those"}
_NOT_PARTY_ENTS = _NOT_ACTOR_ENTS | {"LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE"}
_OWNER_ENTS = {"NORP", "GPE", "ORG", "PERSON"}


def stance(tok: Token) -> str | None:
    """ "anti" or "pro" when ``tok`` follows "anti-"/"pro-" ("anti-Israeli", "pro - Syrian")."""
    doc = tok.doc
    prev = [doc[i].lower_ for i in range(max(0, tok.i - 2), tok.i)]
    if prev[-1:] in (["anti"], ["pro"]) or (prev[-1:] == ["-"] and prev[-2:-1] in (["anti"], ["pro"])):
        return "anti" if "anti" in prev else "pro"
    if tok.lower_.startswith(("anti-", "pro-")):
        return tok.lower_.split("-", 1)[0]
    return None


def party(tok: Token, index: ActorIndex) -> bool:
    """Can the phrase headed by ``tok`` act as a party -- a person, group, organisation or state --
    rather than a thing or an event ("the launch", "the measures", "this")? Parties are names,
    personal pronouns, agent nouns ("rebels", "the ministry"), crowds counted ("thousands"),
    and whatever the actors stage resolved as an actor."""
    if tok.lower_ in PERSONAL:
        return True
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in index.event_words or tok.lower_ in index.event_words):
        return False  # "the meeting", "a US-Japan summit": events, whoever holds them
    if tok.ent_type_ in _NOT_PARTY_ENTS and not (tok.ent_type_ == "CARDINAL" and _counted_people(tok, index)):
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in _ACTOR_ENTS:
        return True
    if tok.lemma_.lower() in index.agent_heads or tok.lower_ in index.agent_heads:
        return True
    if tok.pos_ == "NUM":
        return _counted_people(tok, index)
    head = (tok.idx, tok.idx + len(tok))
    if index.covering(*head, head) is not None:
        return True
    return tok.pos_ == "NOUN" and person_noun(tok.lower_, tok.lemma_.lower(), index.event_words)


_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ant", "ent")
_THINGS = frozenset("""
border order number paper letter water matter power corner center centre computer container tower
quarter barrier charter register transfer disaster character chapter layer motor sector factor floor
door error mirror terror horror rumor rumour honor honour favor favour vapor tractor reactor
corridor interior exterior anchor color colour meter metre shelter banner poster tanker launcher
carrier destroyer trailer cluster filter timer sticker answer manner murder offer cover summer winter
thunder lever liter litre fiber fibre theater theatre river silver finger user-friendly
event incident moment component percent content extent accident consent intent talent patent current
plant grant restaurant want warrant covenant implant variant instant quadrant pant
list mist wrist twist median
""".split())


def person_noun(word: str, lemma: str, event_words: frozenset[str]) -> bool:
    """A noun that names a person by what they do ("caller", "climber", "foreigner", "activist"),
    not a thing or an event ("border", "murder", "incident")."""
    w = lemma if lemma.isalpha() else word
    if len(w) < 5 or w in _THINGS or w in event_words or w.endswith(("ment", "ness", "ship")):
        return False
    return w.endswith(_PERSON_SUFFIXES)


def _counted_people(tok: Token, index: ActorIndex) -> bool:
    """ "Thousands protest", "12 were arrested", "hundreds of students": a number of people, not of
    things ("hundreds of vehicles")."""
    of = next((o for p, o in prep_objects(tok) if p == "of"), None)
    if of is not None:
        return party(of, index)
    if tok.lemma_.lower() in _CROWD_NUMBERS:
        return True
    return tok.pos_ == "NUM" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX")


_CROWD_NUMBERS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "tens", "scores",
                  "million", "millions"}


def owned_by_party(tok: Token) -> bool:
    """A thing said with its owner's name: "Chinese claims", "the US bases", "Iraq's missiles"."""
    lo, hi = np_span(tok)
    return any(t.ent_type_ in _OWNER_ENTS and t.i != tok.i for t in tok.doc[lo:hi]) or any(
        c.dep_ == "poss" for c in tok.children)


def actor_like(tok: Token, index: ActorIndex) -> bool:
    """Could this noun phrase be a political actor (an actor mention, a name, "Israeli troops")?"""
    if tok.ent_type_ in _NOT_ACTOR_ENTS:
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in _ACTOR_ENTS or tok.lower_ in PRONOUNS:
        return True
    if tok.lemma_.lower() in index.agent_heads or tok.lower_ in index.agent_heads:
        return True
    lo, hi = np_span(tok)
    doc = tok.doc
    if any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in doc[lo:hi]):
        return True
    return index.covering(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])) is not None


class Resolver:
    """Turns role tokens into ``Filler``s (actors of the document where possible)."""

    def __init__(self, index: ActorIndex, previous_subject: list[Token],
                 demonyms: dict[str, str] | None = None, *, datelines: frozenset[int] = frozenset()) -> None:
        self.index = index
        self.datelines = datelines
        """Tokens of wire datelines: the parser hangs "LA PAZ (Reuters) -" on the subject."""
        self.previous_subject = previous_subject
        self.demonyms = demonyms or {}
        self.dropped: list[str] = []
        """Why role candidates of the current event were not kept (read into its ``reason``)."""

    def holders(self, tok: Token) -> list[Actor]:
        """The named office holders a description stands for: "the US and Russian foreign
        ministers" -> the people of the document whose office is foreign minister (or its
        equivalent, secretary of state) and whose country is named in the phrase."""
        lemma = tok.lemma_.lower()
        if lemma not in OFFICE_HEADS or not self.index.people:
            return []
        lo, hi = np_span(tok)
        doc = tok.doc
        words, countries = [], set()
        for t in doc[lo:hi]:
            code = self.demonyms.get(t.lower_) or self.demonyms.get(t.text.lower().strip("."))
            if code:
                countries.add(code)
            elif t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.i < tok.i:
                words.append(t.lower_)
        for c in tok.children:
            if c.dep_ in ("nmod", "amod") :
                for cc in c.children:
                    if cc.dep_ == "conj":
                        code = self.demonyms.get(cc.lower_)
                        if code:
                            countries.add(code)
        role = norm_office(" ".join(words + [lemma]))
        found = [a for a in self.index.people if norm_office(a.office or "") == role
                 and (a.code in countries or (not countries and False))]
        return found

    def fill(self, tok: Token, how: str, *, depth: int = 0, strict: bool = True) -> list[Filler]:
        """Fillers for the role held by ``tok`` and its conjuncts; ``strict=False`` keeps any noun
        phrase (a subject is an actor whatever it is), otherwise only actor-like ones."""
        out = []
        for t in conjuncts(tok):
            out.extend(self._one(t, how if t == tok else how + " (conjunct)", depth, strict))
        seen, uniq = set(), []
        for f in out:
            key = (f.actor.id if f.actor is not None else f.text.lower(), f.code)
            if key not in seen:
                seen.add(key)
                uniq.append(f)
        return uniq

    def _one(self, tok: Token, how: str, depth: int, strict: bool = True) -> list[Filler]:
        doc = tok.doc
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WP$"):
            a = self.index.covering(tok.idx, tok.idx + len(tok), (tok.idx, tok.idx + len(tok)))
            if a is not None:
                return [Filler(tok, how + ", pronoun of the actor's mentions", a, tok.text)]
            if depth < 3:
                ante = self._antecedent(tok)
                if ante is not None:
                    head = ante[0]
                    while head.dep_ == "conj" and head.head != head:  # the whole "X and Y"
                        head = head.head
                    found = self.fill(head, f"{how}, '{tok.text}' -> {ante[1]}", depth=depth + 1,
                                      strict=strict)
                    if found or tok.lower_ not in PERSONAL:
                        return found
                    # "they" stands for people even when the guess at whom is a thing
                    return [Filler(tok, how + ", unresolved pronoun", None, tok.text)]
            return []
        lo, hi = np_span(tok)
        while lo < tok.i and (lo in self.datelines or doc[lo].is_space):
            lo += 1
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        a = self.index.covering(start, end, (tok.idx, tok.idx + len(tok)))
        if a is not None and tok.lemma_.lower() in RELATIONAL and \
                self.index.covering(tok.idx, tok.idx + len(tok)) is None:
            a = None  # "his counterpart": the actor named is only the owner of the relation
        if a is None or a.kind == "group":
            people = self.holders(tok)
            if people:
                names = ", ".join(p.identifier_text or p.entity_text for p in people)
                return [Filler(tok, f"{how}, '{doc[lo:hi].text}' = {names}", p, doc[lo:hi].text)
                        for p in people]
        if a is not None:
            shared = self._shared_nationalities(tok)
            if len(shared) > 1:  # "French and Belgian troops": French troops and Belgian troops
                return [Filler(tok, f"{how}, {word!r} of the shared head", a, doc[lo:hi].text, code)
                        for word, code in shared]
            return [Filler(tok, how, a, doc[lo:hi].text)]
        for c in tok.children:  # "the bloc's main group - the Syrian National Council"
            if c.dep_ == "appos":
                found = self._one(c, how + ", apposition", depth)
                if found and found[0].actor is not None:
                    return found
        for c in tok.children:  # "their forces", "Syria's troops": the owner's code
            if c.dep_ == "poss" and depth < 3 and tok.lemma_.lower() not in RELATIONAL:
                owner = self._one(c, how + f", owner of '{tok.text}'", depth + 1, True)
                if owner and owner[0].actor is not None:
                    return [Filler(tok, owner[0].how, owner[0].actor, doc[lo:hi].text)]
        for prep, obj in prep_objects(tok):  # "one of the groups", "leaders of the coalition"
            if prep == "of" and (tok.pos_ in ("NUM", "PRON") or tok.lemma_.lower() in _PART_NOUNS):
                found = self._one(obj, how + f", '{tok.text} of'", depth)
                if found:
                    whole = doc[lo:max(hi, np_span(obj)[1])].text  # "Thousands of people"
                    return [Filler(x.token, x.how, x.actor, whole if x.token.i == obj.i else x.text)
                            for x in found]
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") or (
                tok.ent_type_ in _NOT_ACTOR_ENTS and not party(tok, self.index)):
            return []
        if not party(tok, self.index) and not owned_by_party(tok):
            of = next((o for p, o in prep_objects(tok) if p == "of"), None)
            if of is not None and party(of, self.index) and depth < 3:
                # "the first deployment of NATO troops arrived": the troops did
                found = self._one(of, how + f", '{tok.text} of'", depth + 1, strict)
                if found:
                    return found
            if tok.lower_ not in PRONOUNS:
                self.dropped.append(f"'{doc[lo:hi].text}' ({how.split(':')[0]}) is no party")
            return []
        if not strict or actor_like(tok, self.index) or tok.lemma_.lower() in _PART_NOUNS:
            return [Filler(tok, how + ", not in the actor list", None, doc[lo:hi].text)]
        return []

    def _shared_nationalities(self, tok: Token) -> list[tuple[str, str]]:
        """(word, code) of coordinated nationality modifiers of one head noun, in text order:
        "US and British forces", "American and Russian diplomats" (one code each)."""
        out: dict[str, str] = {}
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                for w in (c, *(x for x in c.children if x.dep_ == "conj")):
                    code = self.demonyms.get(w.lower_) or self.demonyms.get(w.text.lower().strip("."))
                    if code and code not in out.values():
                        out[w.text] = code
        return list(out.items())

    def _antecedent(self, tok: Token) -> tuple[Token, str] | None:
        w = tok.lower_
        if w in RELATIVE or tok.tag_ in ("WP", "WDT"):
            clause = tok.head
            while clause.dep_ not in ("relcl", "acl") and clause.head != clause and clause.dep_ != "ROOT":
                clause = clause.head
            if clause.dep_ in ("relcl", "acl"):
                return clause.head, "relative clause noun"
            return None
        # a possessive of the verb's object: "X reiterated its demand"
        if tok.dep_ == "poss" and tok.head.dep_ in ("dobj", "attr", "pobj"):
            v = tok.head.head if tok.head.dep_ != "pobj" else tok.head.head.head
            if v.pos_ in ("VERB", "AUX") and not any(c.dep_ == "relcl" for c in [v]):
                subj, _ = subject(v)
                if subj is not None and subj.lower_ not in PRONOUNS:
                    return subj, f"subject of '{v.text}'"
        # a possessive in a relative clause: "X, who were joined at their meeting"
        x = tok
        while x.head != x and x.dep_ != "ROOT":
            if x.dep_ == "relcl" and w in ("their", "its", "his", "her", "they", "he", "she"):
                return x.head, "relative clause noun"
            if x.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") and x.head.pos_ in ("VERB", "AUX"):
                subj, _ = subject(x.head)
                if subj is not None and subj.i != tok.i and subj.lower_ not in RELATIVE:
                    return subj, f"subject of '{x.head.text}'"
            x = x.head
        if w in ("i", "me", "my", "you", "your"):
            return None
        if self.previous_subject:
            return self.previous_subject[0], "subject of the sentence before"
        return None


OFFICE_HEADS = {"minister", "president", "secretary", "premier", "chancellor", "leader", "envoy",
                "ambassador", "king", "queen", "emir", "prince", "general", "commander", "governor",
                "mayor", "spokesman", "spokeswoman", "chief", "head", "representative"}
_OFFICE_EQUIV = {"secretary of state": "foreign minister", "foreign secretary": "foreign minister",
                 "minister of foreign affairs": "foreign minister", "premier": "prime minister",
                 "secretary of defense": "defence minister", "defense secretary": "defence minister",
                 "defence secretary": "defence minister", "defense minister": "defence minister",
                 "minister of defence": "defence minister", "minister of defense": "defence minister",
                 "interior secretary": "interior minister", "home secretary": "interior minister"}


def norm_office(office: str) -> str:
    o = " ".join(office.lower().replace("-", " ").split())
    o = o[:-1] if o.endswith("s") and not o.endswith("ss") else o
    return _OFFICE_EQUIV.get(o, o)


RELATIONAL = {"counterpart", "rival", "opponent", "successor", "predecessor", "colleague", "host",
              "guest", "adversary", "enemy", "foe", "critic", "challenger", "interlocutor", "visitor",
              "ally", "partner", "neighbour", "neighbor"}
"""Nouns naming someone by a relation to the owner: "his Ethiopian counterpart" is not "him"."""
_PART_NOUNS = {"one", "some", "many", "most", "all", "leader", "member", "head", "chief", "official",
               "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "tens", "scores",
               "million", "millions", "crowd", "number", "patch", "contingent", "batch", "third",
               "half", "position", "base", "camp", "stronghold", "headquarters", "office", "home",
               "convoy", "outpost", "supporter", "follower", "loyalist", "remnant",
               "representative", "spokesman", "spokeswoman", "spokesperson", "delegation", "faction",
               "part", "group", "envoy", "minister", "commander", "unit", "several", "each", "both"}
