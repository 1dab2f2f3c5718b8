"""Actor mentions in a parsed document: names with their titles, acting places, role phrases.

Each mention is coded on its own (``coder.code_phrase``) from the words of its *phrase*: a
person's name with the title before it ("US Secretary of State John Kerry"), an organisation
with the country that owns it ("Russia's Baltic Fleet"), a noun phrase headed by a role noun
("Israeli soldiers", "Chile's Ministry of Mines"). The mention's own span is the name where
there is one (what later mentions repeat), else the phrase.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .coder import Coding, Word, code_phrase
from .kb import ActorKB
from .names import key
from .recognize import Ent

ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "poss", "ROOT", "attr",
                        "oprd", "csubj"})
ACTOR_PREPS = frozenset({"by", "against", "between", "among"})
TITLE_GLUE = frozenset({"of", "'s", "’s", "-", "the", "for"})
TITLE_WORDS = frozenset({"former", "ex", "acting", "deputy", "interim", "outgoing", "retired", "late",
                         "ousted", "exiled", "deposed", "toppled", "erstwhile", "onetime"})
PERSON_PRONOUNS = {"he": "m", "she": "f"}


@dataclass
class Mention:
    start: int
    end: int
    """Character span of the mention as later text repeats it (the name, else the phrase)."""
    phrase_start: int
    phrase_end: int
    """Character span of everything coded with it (title, owner...)."""
    label: str
    """PERSON, ORG, GPE, NORP, ROLE (a role noun phrase) or PRON."""
    coding: Coding
    token: int
    sent: int
    definite: bool = False
    anaphor: bool = False
    """Set by the merge step when a pronoun or "the minister" joins a named actor."""
    joins: int | None = None
    """For a description in apposition ("Kofi Annan, *UN secretary-general*"): the start of the
    name it describes, whose actor it belongs to."""


def _words(doc: Doc, start: int, end: int, ents: dict[int, str]) -> list[Word]:
    out = []
    for t in doc[start:end]:
        if t.is_space:
            continue
        out.append(Word(t.text, t.idx, t.idx + len(t.text), ents.get(t.i)))
    return out


def _title_start(doc: Doc, ent: Ent, ent_at: dict[int, Ent], kb: ActorKB) -> int:
    """Where the title before a person's name starts ("US Secretary of State | John Kerry")."""
    roles = kb.role_words
    start = ent.start
    i = ent.start - 1
    sent_start = doc[ent.start].sent.start
    while i >= sent_start:
        t = doc[i]
        other = ent_at.get(i)
        if other is not None and other.label in ("GPE", "NORP", "ORG", "FAC") and other.end == i + 1:
            i = other.start - 1
            start = other.start
            continue
        k = key(t.text)
        if t.text.lower() in TITLE_GLUE or (k and k in roles and t.pos_ != "VERB") or \
                k in TITLE_WORDS or (k in kb.places and t.text[:1].isupper()):
            i -= 1
            if t.text.lower() not in TITLE_GLUE:
                start = i + 1
            continue
        break
    while start < ent.start and doc[start].text.lower() in TITLE_GLUE:
        start += 1
    return start


def _acts(tok: Token) -> bool:
    """Whether a place name stands where an actor stands (subject, object, owner...)."""
    if tok.dep_ in ACTOR_DEPS:
        return True
    if tok.dep_ in ("conj", "appos") and tok.head is not tok:
        return _acts(tok.head)
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTOR_PREPS


def find_mentions(doc: Doc, ents: list[Ent], kb: ActorKB, *, date: str | None,
                  context: frozenset[str]) -> list[Mention]:
    labels = {i: e.label for e in ents for i in range(e.start, e.end)}
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    used: set[int] = set()
    out: list[Mention] = []

    def add(start: int, end: int, pstart: int, pend: int, label: str, head: int,
            definite: bool = False, prefix: tuple[Word, ...] = ()) -> None:
        ws = _words(doc, pstart, pend, labels)
        if not ws:
            return
        ws = [*prefix, *ws]
        coding = code_phrase(kb, ws, date=date, context=context)
        if label not in ("PERSON", "ORG") and coding.empty:
            return
        span = doc[start:end]
        mstart, mend = span.start_char, span.end_char
        if label == "ROLE" and coding.name is not None and coding.kind == "person":
            # "General Director Ljubomir Acimovic": the name is the mention
            mstart, mend = ws[0].start + coding.name[0], ws[0].start + coding.name[1]
            label = "PERSON"
        out.append(Mention(mstart, mend, doc[pstart:pend].start_char,
                           doc[pstart:pend].end_char, label, coding, head, doc[head].sent.start,
                           definite))
        used.update(range(pstart, pend))

    for e in ents:  # people first: their titles take in the bodies and places they name
        if e.label == "PERSON":
            add(e.start, e.end, _title_start(doc, e, ent_at, kb), e.end, "PERSON", e.end - 1)
    for chunk in doc.noun_chunks:  # then role phrases: "Chile's Defense Ministry", "US destroyer"
        _role_chunk(doc, chunk, kb, ent_at, used, add)
    for e in ents:
        if e.label == "PERSON" or any(i in used for i in range(e.start, e.end)):
            continue
        if e.label == "ORG":
            pstart = e.start
            prev = ent_at.get(e.start - 1) or ent_at.get(e.start - 2)
            if prev is not None and prev.label in ("GPE", "NORP") and \
                    (prev.end == e.start or doc[prev.end].text in ("'s", "’s")):
                pstart = prev.start
            add(e.start, e.end, pstart, e.end, "ORG", e.end - 1)
        elif e.label in ("GPE", "NORP"):
            root = doc[e.start:e.end].root
            if _people(doc, e, root, kb):
                # a people acts or suffers in any role ("a curfew on Palestinians"); its phrase
                # keeps what qualifies it ("ethnic Albanians", "Albanians of southern Serbia")
                pstart, pend = _people_phrase(doc, e, root, ent_at)
                if not any(i in used for i in range(pstart, pend)):
                    add(e.start, e.end, pstart, pend, e.label, root.i)
                continue
            if e.label == "NORP":
                continue  # "Syrian" modifies; "Palestinians" act
            if (_acts(root) or len(doc) <= e.end - e.start + 1) and not _modifies_role(root, kb):
                add(e.start, e.end, e.start, e.end, e.label, root.i)
    if _is_fragment(doc) and not any(m.phrase_start <= doc[0].idx and m.phrase_end >= doc[-1].idx
                                     for m in out):
        # a text that is one phrase (a caption, a bare name): code it whole
        end = len(doc)
        while end > 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        label = "ROLE"
        add(0, end, 0, end, label, doc[0:end].root.i)
    for t in doc:
        g = PERSON_PRONOUNS.get(t.lower_)
        if g and t.dep_ in ("nsubj", "nsubjpass"):
            out.append(Mention(t.idx, t.idx + len(t.text), t.idx, t.idx + len(t.text), "PRON",
                               Coding(sector="UNK", kind=None, gender=g,
                                      resolution="unresolved pronoun -> UNK"),
                               t.i, t.sent.start))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _people(doc: Doc, e: Ent, root: Token, kb: ActorKB) -> bool:
    """A plural nationality noun ("Palestinians", "Bosnian Serbs"), not a modifier."""
    place = kb.places.get(key(doc[e.end - 1].text))
    plural = (place is not None and place.role == "people") or \
        (e.label == "NORP" and root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NNS", "NNPS"))
    return plural and root.dep_ not in ("compound", "amod")


def _people_phrase(doc: Doc, e: Ent, root: Token, ent_at: dict[int, Ent]) -> tuple[int, int]:
    start, end = e.start, e.end
    while start > 0 and doc[start - 1].head.i == root.i and doc[start - 1].dep_ in ("amod", "compound") \
            and doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN"):
        start -= 1  # "ethnic Albanians", "Young Algerians"
    if end < len(doc) - 1 and doc[end].lower_ == "of":
        nxt = ent_at.get(end + 1) or ent_at.get(end + 2)
        if nxt is not None and nxt.label in ("GPE", "LOC") and nxt.start <= end + 2:
            end = nxt.end  # "the Albanians of southern Serbia"
    return start, end


def _is_fragment(doc: Doc) -> bool:
    sents = list(doc.sents)
    return len(sents) == 1 and len(doc) <= 12 and sents[0].root.pos_ not in ("VERB", "AUX")


def _role_chunk(doc: Doc, chunk, kb: ActorKB, ent_at: dict[int, Ent], used: set[int], add) -> None:
    """A noun phrase with a role word in it is coded whole, owners and all."""
    root = chunk.root
    if root.i in used or root.pos_ not in ("NOUN", "PROPN"):
        return
    if not any(key(t.text) in kb.role_words for t in chunk):
        return
    owner = next((c for c in root.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
                  and chunk.start <= c.i), None)
    if owner is not None and kb.agent(key(owner.text)) and not kb.agent(key(root.text)):
        # "the Russian government's refusal": the owner is the actor
        _role_chunk(doc, doc[chunk.start:owner.i + 1], kb, ent_at, used, add)
        return
    head_is_role = kb.agent(key(root.text)) or (root.i > 0 and kb.agent(key(f"{doc[root.i - 1].text} {root.text}")))
    if not head_is_role and root.tag_ in ("NNS", "NNPS") and any(
            c.dep_ == "compound" and kb.agent(key(c.text)) in ARMED for c in root.children):
        head_is_role = True  # "Israeli army bulldozers": the machines of an armed body
    if not _is_fragment(doc) and not (head_is_role and (_acts(root) or root.dep_ == "pobj")):
        return  # "the official rate": a role word that does not head an acting phrase
    if any(ent_at.get(t.i) is not None and ent_at[t.i].label == "PERSON" for t in chunk):
        return
    start = chunk.start
    for t in doc[chunk.start:root.i]:
        if "\n" in t.text or "\n" in t.whitespace_:
            start = t.i + 1  # a dateline or heading is no part of the phrase
    definite = doc[start].lower_ == "the"
    while start < root.i and doc[start].pos_ in ("DET", "PRON", "NUM") and doc[start].dep_ != "poss":
        start += 1
    end = chunk.end
    while end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2  # "UN secretary-general"
    if end < len(doc) - 1 and doc[end].lower_ == "of" and (
            ent_at.get(end + 1) is not None or key(root.text) in PARTITIVE_HEADS):
        nxt = next((c for c in doc.noun_chunks if c.start == end + 1), None)
        end = ent_at[end + 1].end if ent_at.get(end + 1) is not None else (nxt.end if nxt else end)
    elif end < len(doc) - 2 and doc[end].lower_ in PLACE_PREPS and doc[end].head.i == root.i:
        # "rebels in the Ivory Coast", "students at Cumhuriyet University", "doctors from two
        # American aid groups": where they are or come from codes them when nothing else does
        k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        where = ent_at.get(k)
        nxt = next((c for c in doc.noun_chunks if c.start == end + 1), None)
        if where is not None and where.start == k and where.label in ("GPE", "ORG", "FAC"):
            end = where.end
        elif nxt is not None and any(ent_at.get(t.i) is not None and ent_at[t.i].label in ("GPE", "NORP")
                                     for t in nxt):
            end = nxt.end
    if any(i in used for i in range(start, end)):
        return
    label = "ORG" if ent_at.get(root.i) is not None and ent_at[root.i].label == "ORG" else "ROLE"
    mstart, mend = start, end
    if label == "ORG":  # the name is what later mentions repeat
        mstart, mend = ent_at[root.i].start, ent_at[root.i].end
    add(mstart, mend, start, end, label, root.i, definite, _shared_modifiers(doc, root, ent_at))


def _shared_modifiers(doc: Doc, root: Token, ent_at: dict[int, Ent]) -> tuple[Word, ...]:
    """Nationality words that qualify a conjunct too: "Israeli helicopters and *tanks*"."""
    if root.dep_ != "conj" or any(c.i < root.i and c.dep_ in ("amod", "compound", "poss")
                                  for c in root.children):
        return ()
    first = root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return tuple(Word(c.text, c.idx, c.idx + len(c.text), ent_at[c.i].label) for c in first.children
                 if c.i < first.i and c.dep_ in ("amod", "compound") and ent_at.get(c.i) is not None
                 and ent_at[c.i].label in ("GPE", "NORP"))


ARMED = frozenset({"MIL", "COP", "REB", "UAF", "PRM"})
PARTITIVE_HEADS = frozenset({"group", "groups", "members", "member", "number", "dozens", "hundreds",
                             "thousands", "team", "unit", "contingent", "band", "leader", "leaders",
                             "head", "chief", "commander", "commanders", "officials"})
PLACE_PREPS = frozenset({"in", "from", "at"})


def _modifies_role(tok: Token, kb: ActorKB) -> bool:
    """"US" in "a US destroyer", "Chile" in "Chile's ministry": part of a role phrase."""
    head = tok.head
    return tok.dep_ in ("compound", "amod", "poss", "nmod") and head is not tok and \
        head.pos_ in ("NOUN", "PROPN") and bool(kb.agent(key(head.text)))
