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

from .coder import Coding, Word, code_phrase_memo
from .docview import DocView
from .kb import ActorKB
from .names import key
from .recognize import Ent

ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "poss", "ROOT", "attr",
                        "oprd", "csubj"})
ACTOR_PREPS = frozenset({"by", "against", "between", "among"})
TITLE_GLUE = frozenset({"of", "'s", "’s", "-", "the", "for"})
TITLE_WORDS = frozenset({"former", "ex", "acting", "deputy", "interim", "outgoing", "retired", "late",
                         "ousted", "exiled", "deposed", "toppled", "erstwhile", "onetime"})
# "his Ethiopian counterpart Tesfaye Alemu": a title by relation to another actor, whose office
# (not whose country) it shares; see ``context.share_counterpart_sector``
RELATIONAL = frozenset({"counterpart", "counterparts"})
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
    relational: bool = False
    """Titled by relation to another actor ("his Ethiopian *counterpart*"): shares its sector."""
    joins: int | None = None
    """For a description in apposition ("Kofi Annan, *UN secretary-general*"): the start of the
    name it describes, whose actor it belongs to."""


def _words(view: DocView, start: int, end: int, ents: dict[int, str]) -> list[Word]:
    out = []
    words, starts, tokens = view.words, view.starts, view.tokens
    for i in range(start, min(end, len(words))):
        if tokens[i].is_space:
            continue
        out.append(Word(words[i], starts[i], starts[i] + len(words[i]), ents.get(i)))
    return out


def _title_start(view: DocView, ent: Ent, ent_at: dict[int, Ent], kb: ActorKB) -> int:
    """Where the title before a person's name starts ("US Secretary of State | John Kerry")."""
    roles = kb.role_words
    words, keys = view.words, view.keys
    start = ent.start
    i = ent.start - 1
    sent_start = view.sent_of[ent.start]
    while i >= sent_start and i not in view.dateline:
        text = words[i]
        other = ent_at.get(i)
        if other is not None and other.label in ("GPE", "NORP", "ORG", "FAC") and other.end == i + 1:
            i = other.start - 1
            start = other.start
            continue
        k = keys[i]
        if text.lower() in TITLE_GLUE or (k and k in roles and view.tokens[i].pos_ != "VERB") or \
                k in TITLE_WORDS or k in RELATIONAL or (k in kb.places and text[:1].isupper()):
            i -= 1
            if text.lower() not in TITLE_GLUE:
                start = i + 1
            continue
        break
    while start < ent.start and words[start].lower() in TITLE_GLUE:
        start += 1
    return start


def _acts(tok: Token) -> bool:
    """Whether a place name stands where an actor stands (subject, object, owner...)."""
    if tok.dep_ in ACTOR_DEPS:
        return True
    if tok.dep_ in ("conj", "appos") and tok.head != tok:
        return _acts(tok.head)
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTOR_PREPS


def find_mentions(doc: Doc, ents: list[Ent], kb: ActorKB, *, date: str | None,
                  context: frozenset[str], view: DocView | None = None) -> list[Mention]:
    """``view``: the document's ``DocView`` where the caller has one."""
    if view is None:
        view = DocView(doc)
    dateline = view.dateline
    if dateline:  # "LA PAZ (Reuters) -": where and for whom the story was filed, no actor
        ents = [e for e in ents if dateline.isdisjoint(range(e.start, e.end))]
    labels = {i: e.label for e in ents for i in range(e.start, e.end)}
    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    relational = [i for i, k in enumerate(view.keys) if k in RELATIONAL]
    used: set[int] = set()
    out: list[Mention] = []
    # An article repeats its phrases ("the police", "Mr Annan"): code each one once. The coding
    # depends on the words, their labels and spacing, not on where the phrase stands.
    codings: dict[tuple, Coding] = {}

    def code(ws: list[Word]) -> Coding:
        base = ws[0].start
        k = tuple((w.text, w.start - base, w.end - base, w.label) for w in ws)
        coding = codings.get(k)
        if coding is None:
            coding = codings[k] = code_phrase_memo(kb, ws, k, date=date, context=context)
        return coding

    def add(start: int, end: int, pstart: int, pend: int, label: str, head: int,
            definite: bool = False, prefix: tuple[Word, ...] = ()) -> None:
        if pstart in dateline:
            while pstart < pend and pstart in dateline:
                pstart += 1  # the parser hangs a dateline on the first noun after it
            start = max(start, pstart)
            if start >= end:
                return
        ws = _words(view, pstart, pend, labels)
        if not ws:
            return
        ws = [*prefix, *ws]
        coding = code(ws)
        if label not in ("PERSON", "ORG") and coding.empty:
            return
        mstart, mend = view.char_span(start, end)
        if label == "ROLE" and coding.name is not None and coding.kind == "person":
            # "General Director Ljubomir Acimovic": the name is the mention
            mstart, mend = ws[0].start + coding.name[0], ws[0].start + coding.name[1]
            label = "PERSON"
        out.append(Mention(mstart, mend, *view.char_span(pstart, pend), label, coding, head,
                           view.sent_of[head], definite,
                           relational=any(pstart <= i < pend for i in relational)))
        used.update(range(pstart, pend))

    for e in ents:  # people first: their titles take in the bodies and places they name
        if e.label == "PERSON":
            add(e.start, e.end, _title_start(view, e, ent_at, kb), e.end, "PERSON", e.end - 1)
    # then role phrases: "Chile's Defense Ministry", "US destroyer"; only chunks with a role word
    # can be one (``_role_chunk`` checks again), and most have none: no Span built for those
    roleish = [k in kb.role_words or k in RELATIONAL for k in view.keys]
    for start, end in view.noun_chunks:
        if any(roleish[start:end]):
            _role_chunk(view, doc[start:end], kb, ent_at, used, add)
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
    if view.fragment and not any(m.phrase_start <= doc[0].idx and m.phrase_end >= doc[-1].idx
                                 for m in out):
        # a text that is one phrase (a caption, a bare name): code it whole
        end = len(doc)
        while end > 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        label = "ROLE"
        add(0, end, 0, end, label, doc[0:end].root.i)
    for t, lower in zip(view.tokens, view.lower):
        g = PERSON_PRONOUNS.get(lower)
        if g and t.dep_ in ("nsubj", "nsubjpass"):
            out.append(Mention(t.idx, t.idx + len(t.text), t.idx, t.idx + len(t.text), "PRON",
                               Coding(sector="UNK", kind=None, gender=g,
                                      resolution="unresolved pronoun -> UNK"),
                               t.i, view.sent_of[t.i]))
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


def _role_chunk(view: DocView, chunk, kb: ActorKB, ent_at: dict[int, Ent], used: set[int], add) -> None:
    """A noun phrase with a role word in it is coded whole, owners and all."""
    doc, words, keys, lower, tokens = view.doc, view.words, view.keys, view.lower, view.tokens
    root = chunk.root
    if root.i in used or root.pos_ not in ("NOUN", "PROPN"):
        return
    if not any(keys[i] in kb.role_words or keys[i] in RELATIONAL for i in range(chunk.start, chunk.end)):
        return
    owner = next((c for c in root.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
                  and chunk.start <= c.i), None)
    if owner is not None and kb.agent(keys[owner.i]) and not kb.agent(keys[root.i]):
        # "the Russian government's refusal": the owner is the actor
        _role_chunk(view, doc[chunk.start:owner.i + 1], kb, ent_at, used, add)
        return
    head_is_role = kb.agent(keys[root.i]) or keys[root.i] in RELATIONAL or (
        root.i > 0 and kb.agent(key(f"{words[root.i - 1]} {root.text}")))
    if not head_is_role and root.tag_ in ("NNS", "NNPS") and any(
            c.dep_ == "compound" and kb.agent(keys[c.i]) in ARMED for c in root.children):
        head_is_role = True  # "Israeli army bulldozers": the machines of an armed body
    if not view.fragment and not (head_is_role and (_acts(root) or root.dep_ == "pobj")):
        return  # "the official rate": a role word that does not head an acting phrase
    if _activity(root, lower):
        return  # "agree joint border patrols": what they will do, not who
    start = chunk.start
    person = [i for i in range(chunk.start, chunk.end) if ent_at.get(i) is not None
              and ent_at[i].label == "PERSON"]
    if person:
        owner_end = ent_at[person[-1]].end
        if owner_end < root.i and words[owner_end] in ("'s", "’s") and any(
                c.dep_ == "poss" and c.i == owner_end - 1 for c in root.children):
            start = owner_end + 1  # "Kabila's rebels": the group; the person is an actor of its own
        else:
            return
    for i in range(start, root.i):
        if "\n" in words[i] or "\n" in view.ws[i]:
            start = i + 1  # a dateline or heading is no part of the phrase
    definite = lower[start] == "the"
    while start < root.i and tokens[start].pos_ in ("DET", "PRON", "NUM") and tokens[start].dep_ != "poss":
        start += 1
    end = chunk.end
    n = len(words)
    while end < n - 1 and words[end] == "-" and not view.ws[end - 1] \
            and not view.ws[end] and view.is_alpha[end + 1]:
        end += 2  # "UN secretary-general"
    if end < n - 1 and lower[end] == "of" and (
            ent_at.get(end + 1) is not None or keys[root.i] in PARTITIVE_HEADS):
        nxt = view.chunk_end.get(end + 1)
        end = ent_at[end + 1].end if ent_at.get(end + 1) is not None else (nxt if nxt is not None else end)
    elif end < n - 2 and lower[end] in PLACE_PREPS and tokens[end].head.i == root.i:
        # "rebels in the Ivory Coast", "students at Cumhuriyet University", "doctors from two
        # American aid groups": where they are or come from codes them when nothing else does
        k = end + 2 if lower[end + 1] == "the" else end + 1
        where = ent_at.get(k)
        nxt = view.chunk_end.get(end + 1)
        if where is not None and where.start == k and where.label in ("GPE", "ORG", "FAC"):
            end = where.end
        elif nxt is not None and any(ent_at.get(i) is not None and ent_at[i].label in ("GPE", "NORP")
                                     for i in range(end + 1, nxt)):
            end = nxt
    inside = ent_at.get(end - 1)
    if inside is not None and inside.end > end:
        end = inside.end  # "officials of the International Organization | for Migration"
    if any(i in used for i in range(start, end)):
        return
    label = "ORG" if ent_at.get(root.i) is not None and ent_at[root.i].label == "ORG" else "ROLE"
    mstart, mend = start, end
    if label == "ORG":  # the name is what later mentions repeat
        mstart, mend = ent_at[root.i].start, ent_at[root.i].end
    add(mstart, mend, start, end, label, root.i, definite, _shared_modifiers(root, ent_at))


# Role nouns that also name an activity ("patrols", "a military presence", "intelligence"):
# the activity where something says so, a group of people where it acts or is acted on.
ACTIVITY_HEADS = frozenset({"patrol", "patrols", "presence", "operation", "operations", "intelligence",
                            "security", "surveillance", "resistance", "exercise", "exercises"})
ACTIVITY_MODIFIERS = frozenset({"joint", "regular", "routine", "daily", "nightly", "weekly", "night",
                                "coordinated", "combined", "round-the-clock", "more", "increased",
                                "stepped-up", "further", "new"})
ACTIVITY_VERBS = frozenset({"agree", "set", "conduct", "carry", "mount", "launch", "stage", "hold",
                            "begin", "start", "resume", "step", "increase", "intensify", "boost",
                            "expand", "stop", "halt", "suspend", "end", "plan", "propose", "announce",
                            "discuss", "organise", "organize", "establish", "maintain", "share",
                            "reduce", "scale", "continue"})


def _activity(root: Token, lower: list[str]) -> bool:
    """"joint border patrols", "set up patrols", "share intelligence": an activity, not a group
    (its subject is the actor). Only for the few role nouns that also name what people do; a
    subject, or a patrol that is attacked, stays a group."""
    if lower[root.i] not in ACTIVITY_HEADS and lower[root.i].rsplit("-", 1)[-1] not in ACTIVITY_HEADS:
        return False
    if root.dep_ in ("nsubj", "nsubjpass", "agent") or root.text[:1].isupper():
        return False  # "Patrols found the bodies", "the Border Patrol"
    if any(c.dep_ in ("amod", "advmod", "compound") and c.lower_ in ACTIVITY_MODIFIERS
           for c in root.children):
        return True
    head = root.head
    return root.dep_ in ("dobj", "conj", "attr") and head.pos_ in ("VERB", "AUX") \
        and head.lemma_ in ACTIVITY_VERBS


def _shared_modifiers(root: Token, ent_at: dict[int, Ent]) -> tuple[Word, ...]:
    """Nationality words that qualify a conjunct too: "Israeli helicopters and *tanks*"."""
    if root.dep_ != "conj" or any(c.i < root.i and c.dep_ in ("amod", "compound", "poss")
                                  for c in root.children):
        return ()
    first = root
    while first.dep_ == "conj" and first.head != first:
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
    return tok.dep_ in ("compound", "amod", "poss", "nmod") and head != tok and \
        head.pos_ in ("NOUN", "PROPN") and bool(kb.agent(key(head.text)))
