"""Who said it: the source span as written, and the actor it refers to.

The source span is the subject phrase as the article writes it ("he", "the minister", "Scott
Pruitt, the Republican attorney general of Oklahoma"): PolNeAR-style scoring compares against that.
The referent is found, in order, through the actors' own mentions (the actors stage merges
surnames, titles and the pronouns it resolved), then through rules of our own: a personal pronoun
goes to the last compatible person who was a subject (quote speakers first), "they" to the last
group or compound speaker, a relative pronoun to its antecedent, a title noun ("the minister") to
the last actor whose office or name holds that word, and a bare surname to the fuller name met
before. Without actors, spaCy's named entities stand in for them (no ``ref``).

Compound speakers ("Kerry and Lavrov said") keep one source span covering both; ``ref`` is the
first conjunct's actor, ``refs`` every conjunct's, and ``identifier_text`` joins the names with
"and".
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...schema import Actor, Speaker

PERSONAL = {"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
PLURAL = {"they", "them", "we", "us"}
RELATIVE = {"who", "which", "that", "whom"}
_PERSON_ENTS = {"PERSON"}
_GROUP_ENTS = {"ORG", "NORP", "GPE"}
_SPEAKER_ENTS = _PERSON_ENTS | _GROUP_ENTS
_CUT_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}
_NEAR = 400
"""A speaker this many characters back still governs a following "he said"."""
_HONORIFIC = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


@dataclass(frozen=True)
class Referent:
    """One mention of something that can speak, with what it stands for."""

    start: int
    end: int
    name: str
    ref: str | None
    person: bool
    gender: str | None = None


def source_range(head: Token) -> tuple[int, int]:
    """The subject phrase around ``head``, cut before any clause that hangs from it."""
    if head.pos_ == "PRON" or head.lower_ in RELATIVE:
        return head.idx, head.idx + len(head.text)
    left, right = head.left_edge.i, head.right_edge.i
    for c in head.children:
        if c.dep_ in _CUT_DEPS and c.i > head.i:
            right = min(right, c.left_edge.i - 1)
    for c in head.subtree:
        if c != head and c.dep_ in ("relcl", "acl") and c.i > head.i:
            right = min(right, c.left_edge.i - 1)
    doc = head.doc
    while right > head.i and (doc[right].is_punct or doc[right].is_space or doc[right].lower_ in ("who", "which", "that")):
        right -= 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    if right - left > 25:
        left = min(t.i for t in head.subtree if t.dep_ in ("compound", "flat", "amod", "det") or t == head)
        right = head.i
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def name_range(head: Token) -> tuple[int, int]:
    """The flat name around ``head``: its compound words ("Sergei Lavrov" for "Lavrov")."""
    left = right = head.i
    for c in head.children:
        if c.dep_ in ("compound", "flat") and c.i < head.i and c.pos_ == "PROPN":
            left = min(left, c.i)
    doc = head.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _gender(text: str, start: int) -> str | None:
    before = text[max(0, start - 6):start].split()
    return _HONORIFIC.get(before[-1].lower()) if before else None


def build_referents(doc: Doc, text: str, actors: list[Actor]) -> list[Referent]:
    """Every mention of an actor, plus spaCy entities no actor covers, in text order."""
    # Rows (start, end, name, ref, person, gender) first: the gender of a name is only known
    # once all are in, and a frozen ``Referent`` is then made once per row.
    rows: list[tuple[int, int, str, str | None, bool, str | None]] = []
    for a in actors:
        name = a.identifier_text or a.entity_text
        person = a.kind == "person"
        # ``references`` (pronouns, "the minister") exist once the actors stage resolves them.
        for m in (*a.mentions, *getattr(a, "references", ())):
            rows.append((m.start, m.end, name, a.id, person, _gender(text, m.start)))
    surnames = {a.identifier_text.split()[-1].lower(): (a.identifier_text, a.id) for a in actors
                if a.kind == "person" and a.identifier_text and a.identifier_text.split()}
    covered = sorted((r[0], r[1]) for r in rows)
    starts = [c[0] for c in covered]
    seen_people: dict[str, str] = {}
    for ent in doc.ents:
        label = ent.label_
        if label not in _SPEAKER_ENTS:
            continue
        start_char, end_char = ent.start_char, ent.end_char
        i = bisect_left(starts, start_char)
        near = covered[max(0, i - 1):i + 1]
        if any(s < end_char and start_char < e for s, e in near):
            continue
        name = ent.text.strip()
        person = label in _PERSON_ENTS
        parts = name.split()
        if not person and len(parts) == 1 and parts[0].lower() in seen_people:
            # A surname the tagger mislabels ("Lavrov" as ORG) after the full name was seen.
            person = True
        if parts and parts[-1].lower() in surnames and (person or len(parts) == 1):
            # "Kerry" after the actors stage met "John Kerry" but left this mention unmerged.
            full, ref = surnames[parts[-1].lower()]
            rows.append((start_char, end_char, full, ref, True, _gender(text, start_char)))
            continue
        if person:
            last = parts[-1].lower() if parts else name.lower()
            if last in seen_people and len(seen_people[last]) > len(name):
                name = seen_people[last]
            elif len(parts) > 1 or last not in seen_people:
                seen_people[last] = name
        rows.append((start_char, end_char, name, None, person, _gender(text, start_char)))
    rows.sort(key=_row_span)
    # A person's gender once known from "Mr."/"Mrs." holds for all its mentions.
    genders = {r[2]: r[5] for r in rows if r[5]}
    return [Referent(start, end, name, ref, person, genders.get(name))
            for start, end, name, ref, person, _ in rows]


def _row_span(row: tuple) -> tuple[int, int]:
    return row[0], row[1]


class Resolver:
    """Finds referents for source heads; remembers the speakers seen so far for pronouns."""

    def __init__(self, doc: Doc, text: str, actors: list[Actor]):
        self.doc = doc
        self.text = text
        self.referents = build_referents(doc, text, actors)
        self.starts = [r.start for r in self.referents]
        self.speakers: list[tuple[int, list[Referent]]] = []
        self.plural_sources: dict[int, Referent] = {}
        """Plural noun sources ("the top diplomats") by offset, with their phrase as the name."""
        """(offset, referents) of each source resolved so far, in text order."""

    def at(self, start: int, end: int) -> Referent | None:
        i = bisect_left(self.starts, end)
        best = None
        for r in self.referents[max(0, i - 8):i]:
            if r.start < end and start < r.end and (best is None or r.end - r.start < best.end - best.start):
                best = r
        return best

    def _subject_person_before(self, pos: int, gender: str | None) -> Referent | None:
        """The last person mentioned before ``pos``, subjects first, then any mention."""
        i = bisect_left(self.starts, pos)
        fallback = None
        for r in reversed(self.referents[max(0, i - 60):i]):
            if not r.person or (gender and r.gender and r.gender != gender):
                continue
            span = self.doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return r
            fallback = fallback or r
        return fallback

    def pronoun(self, tok: Token) -> list[Referent]:
        pos = tok.idx
        low = tok.lower_
        if low in PERSONAL:
            gender = PERSONAL[low]
            last_speaker = next((refs[0] for off, refs in reversed(self.speakers)
                                 if off < pos and len(refs) == 1 and refs[0].person
                                 and (not refs[0].gender or refs[0].gender == gender)), None)
            subj = self._subject_person_before(pos, gender)
            if last_speaker and subj:
                # The later of the two: a person introduced after the last quote takes over.
                return [subj if subj.start > self._offset_of(last_speaker) else last_speaker]
            return [r for r in (last_speaker or subj,) if r]
        if low in PLURAL:
            for off, refs in reversed(self.speakers):
                if off < pos and len(refs) > 1:
                    return refs
                if off < pos and off in self.plural_sources:
                    # "The top diplomats stressed ... They also stressed ...".
                    return refs or [self.plural_sources[off]]
            i = bisect_left(self.starts, pos)
            for r in reversed(self.referents[max(0, i - 20):i]):
                if not r.person:
                    return [r]
        return []

    def _offset_of(self, r: Referent) -> int:
        return max((off for off, refs in self.speakers if r in refs), default=r.start)

    def title(self, tok: Token) -> list[Referent]:
        """"the minister" -> the last referent whose name or mention holds the word."""
        word = tok.lemma_.lower()
        i = bisect_left(self.starts, tok.idx)
        for r in reversed(self.referents[max(0, i - 80):i]):
            mention = self.text[r.start:r.end].lower()
            if word in mention.split() or word in r.name.lower().split():
                return [r]
            # Titles written just before a name ("Foreign Minister Sergei Lavrov").
            if word in self.text[max(0, r.start - 40):r.start].lower().split()[-4:]:
                return [r]
        return []

    def resolve_head(self, tok: Token, depth: int = 0) -> list[Referent]:
        hit = self.at(tok.idx, tok.idx + len(tok.text))
        low = tok.lower_
        if low in PERSONAL and tok.pos_ == "PRON":
            # '"...," he added' right after a quote of Kerry's is Kerry: the discourse of quotes
            # decides when its speaker is near; the actors' own coreference otherwise.
            mine = self.pronoun(tok)
            near = bool(mine) and tok.idx - self._offset_of(mine[0]) < _NEAR
            if mine and (near or hit is None):
                return mine
        if hit is not None:
            return [hit]
        if low in RELATIVE and depth < 2:
            antecedent = self._antecedent(tok)
            if antecedent is None:
                return []
            found = self.resolve_head(antecedent, depth + 1)
            if found:
                return found
            # No actor: the antecedent phrase itself names the source ("the rules that promise").
            s, e = source_range(antecedent)
            return [Referent(s, e, self.text[s:e], None, antecedent.ent_type_ == "PERSON")]
        if tok.pos_ == "PRON":
            return self.pronoun(tok)
        if tok.pos_ == "NOUN":
            return self.title(tok)
        if tok.pos_ == "PROPN":
            s, e = name_range(tok)
            hit = self.at(s, e)
            if hit:
                return [hit]
            name = self.text[s:e]
            return [Referent(s, e, self._surname(name, s), None, tok.ent_type_ == "PERSON")]
        return []

    @staticmethod
    def _antecedent(tok: Token) -> Token | None:
        """The noun a relative pronoun stands for: the head of its relative clause, or failing
        a clean parse, the noun just before it ("Morial, the chief executive, who ...")."""
        verb = tok.head
        if verb.dep_ in ("relcl", "acl") and verb.head != verb and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        doc = tok.doc
        k = tok.i - 1
        while k >= 0 and (doc[k].is_punct or doc[k].is_space):
            k -= 1
        if k < 0 or doc[k].pos_ not in ("NOUN", "PROPN"):
            return None
        prev = doc[k]
        while prev.dep_ in ("compound", "flat") and prev.head.i > prev.i:
            prev = prev.head
        return prev

    def _surname(self, name: str, pos: int) -> str:
        words = name.split()
        if len(words) != 1:
            return name
        i = bisect_left(self.starts, pos)
        for r in reversed(self.referents[:i]):
            if r.name.split() and r.name.split()[-1] == words[0]:
                return r.name
        return name

    def speaker(self, head: Token, span: tuple[int, int] | None = None) -> Speaker:
        """The speaker whose source phrase is headed by ``head`` (or written at ``span``)."""
        start, end = span or source_range(head)
        heads = [head] + ([c for c in head.conjuncts if c.i > head.i] if head.pos_ != "PRON" else [])
        refs: list[Referent] = []
        for h in heads:
            for r in self.resolve_head(h):
                if r not in refs:
                    refs.append(r)
        self.speakers.append((head.idx, refs))
        if head.tag_ in ("NNS", "NNPS") or len(heads) > 1:
            self.plural_sources[head.idx] = Referent(start, end, self.text[start:end], None, False)
        names = []
        for r in refs:
            if r.name not in names:
                names.append(r.name)
        ids = [r.ref for r in refs if r.ref]
        return Speaker(ref=ids[0] if ids else None, refs=ids, identifier_text=" and ".join(names) or None,
                       entity_text=self.text[start:end], start=start, end=end)
