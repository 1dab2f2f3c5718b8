"""Find names in a parsed document: the model's entities, corrected with name knowledge.

en_core_web_sm misses many people in wire copy (result tables, headline capitals, foreign
names) and gives one string different labels in one article. The corrections, in order:

1. given names: a known given name or an initial followed by capitalised words is a person
   ("Gabriela Sabatini", "W. Hegg"), unless the model saw a longer organisation around it;
2. dictionary people: a multi-word name of a person in the actor dictionary is a person;
3. one label per string: a family name of a person found in the article is that person
   wherever else it stands ("Hussain", "Such"), and a string the model labelled two ways
   takes the label with the stronger evidence;
4. headline capitals: in an all-capitals line the model's labels are noise; strings known
   from the article (case-folded) and given-name patterns are labelled instead.

The result is a list of ``Ent`` (token spans); ``doc.ents`` is left untouched for the other stages.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from .kb import ActorKB
from .names import key

INITIAL = re.compile(r"^[A-Z]\.$")
INITIAL_NAME = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*(?:de|[A-Z][a-z]*'?[A-Z]?[a-z]+)$")
PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "le", "la", "al", "el", "bin",
                       "du", "dos", "del", "ter", "ten", "mac"})
NOT_NAMES = frozenset("""january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr the a an and or of
in on at to for by with from but as it he she they we i you his her their its our this that these
those there here when where while after before""".split())
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
# words that make a capitalised run an organisation or a place, not a person
DESIGNATORS = frozenset("""inc ltd co corp corporation plc llc ag sa spa nv bv gmbh group holdings
industries international pharmaceuticals communications bank bancorp trust fund financial
securities capital partners associates airlines airways motors energy resources mining oil gas
systems technologies bridge park square street road avenue stadium airport course league club
university college school hospital institute foundation council committee party union
association federation counties county city town valley island islands river lake mountain
hotel centre center church cathedral mosque temple palace house hall tower open cup trophy
championship championships tournament games festival award prize united rovers athletic
athletico wanderers albion fc""".split())
HONORIFICS = frozenset("""mr mrs ms miss dr sir dame lady lord rev reverend sheikh sheik father
brother sister saint st""".split())


@dataclass(frozen=True, slots=True)
class Ent:
    start: int
    end: int
    label: str
    why: str = "model"


def _titlecase(t: str) -> bool:
    return len(t) > 1 and t[0].isupper() and not t.isupper() and t[1:].replace("-", "").replace("'", "").isalpha()


def _namepart(t: str, caps: bool) -> bool:
    if caps:
        return t.isupper() and t.replace("-", "").replace("'", "").isalpha() and len(t) > 1
    return _titlecase(t)


def caps_sentences(doc: Doc) -> set[int]:
    """Indexes of the tokens in sentences written in capitals (headlines, datelines)."""
    out: set[int] = set()
    for sent in doc.sents:
        alpha = [t for t in sent if t.is_alpha and len(t) > 1]
        if len(alpha) >= 2 and sum(t.text.isupper() for t in alpha) >= 0.8 * len(alpha):
            out.update(range(sent.start, sent.end))
    return out


def given_name_spans(doc: Doc, kb: ActorKB, caps: set[int]) -> list[Ent]:
    """People announced by a given name or an initial: "Pete Sampras", "W. Hegg", "ROBERTO DURAN"."""
    out: list[Ent] = []
    body_words = {key(t.text) for t in doc if t.i not in caps and _titlecase(t.text)
                  and not t.is_sent_start}
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        in_caps = i in caps
        t = tok.text
        k = key(t)
        starts = False
        if INITIAL_NAME.match(t) and not in_caps:
            out.append(Ent(i, i + 1, "PERSON", "initial"))
            i += 1
            continue
        if INITIAL.match(t) and not in_caps:
            starts = True
        elif (_titlecase(t) or (in_caps and t.isupper())) and k in kb.given_names \
                and k not in NOT_NAMES and k not in kb.places and k not in HONORIFICS \
                and not kb.agent(k):
            starts = True
        if not starts:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < 5:
            w = doc[j].text
            if w == "-" and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "" \
                    and j + 1 < n and _namepart(doc[j + 1].text, in_caps):
                j += 2  # "Anne-Gaelle", "Al-Assad"
                continue
            if INITIAL.match(w) and not in_caps:
                j += 1
                continue
            if w.lower() in PARTICLES and j + 1 < n and _namepart(doc[j + 1].text, in_caps):
                j += 1
                continue
            if not _namepart(w, in_caps) or key(w) in NOT_NAMES:
                break
            j += 1
        if in_caps:
            j = min(j, i + 2)
        # a name needs a family name after the given name or initial
        if j - i >= 2 and _plausible_name(doc, kb, i, j, body_words if in_caps else None):
            out.append(Ent(i, j, "PERSON", "given name" if not INITIAL.match(t) else "initial"))
            i = j
            continue
        i += 1
    return out


def _plausible_name(doc: Doc, kb: ActorKB, i: int, j: int, body_words: set[str] | None) -> bool:
    keys = [key(t.text) for t in doc[i:j]]
    whole = " ".join(keys)
    if any(k in DESIGNATORS for k in keys[1:]) or (j < len(doc) and key(doc[j].text) in DESIGNATORS):
        return False  # "Magna International", "Trent Bridge", "Jones Medical Industries"
    if whole in kb.places or " ".join(keys[:2]) in kb.places:
        return False  # "Hong Kong"
    ids = kb.index.get(whole, ())
    if ids and all(kb.kinds[x] != "person" for x in ids):
        return False
    last = keys[-1]
    if last in kb.places and kb.places[last].role != "city":
        return False
    if last.endswith("s") and kb.agent(last) and not kb.agent(last + "s"):
        return False  # "Add Women": a plural role noun is no family name
    if body_words is not None:  # a capitals headline: the name must recur in the body
        return last in body_words and keys[0] in body_words
    return True


def _overlaps(a: Ent, b: Ent) -> bool:
    return a.start < b.end and b.start < a.end


def merge_person_evidence(ents: list[Ent], extra: list[Ent]) -> list[Ent]:
    """Add person spans, overriding model spans they cover unless the model saw a longer name."""
    out = list(ents)
    for p in extra:
        clash = [e for e in out if _overlaps(e, p)]
        if any(e.label != "PERSON" and e.start <= p.start and p.end <= e.end and
               (e.end - e.start) > (p.end - p.start) for e in clash):
            continue  # "Phil Simmons Foundation": the organisation wins
        if any(e.label == "PERSON" and e.start <= p.start and p.end <= e.end for e in clash):
            continue
        out = [e for e in out if e not in clash]
        out.append(p)
    return sorted(out, key=lambda e: e.start)


def _text(doc: Doc, e: Ent) -> str:
    return doc[e.start:e.end].text


def propagate(doc: Doc, ents: list[Ent], kb: ActorKB, caps: set[int]) -> list[Ent]:
    """One label per string in a document, and family names of known people labelled as people."""
    people = [e for e in ents if e.label == "PERSON" and e.end - e.start >= 2]
    surnames: set[str] = set()
    place_surnames: set[str] = set()
    full: set[str] = set()
    for e in people:
        full.add(key(_text(doc, e)))
        last = doc[e.end - 1].text
        if len(last) > 2 and (key(last) in kb.places or key(last) in kb.regions):
            place_surnames.add(key(last))
        if len(last) > 2 and key(last) not in kb.places and key(last) not in kb.given_names:
            surnames.add(key(last))
    votes: dict[str, Counter] = {}
    for e in ents:
        if e.start not in caps:
            votes.setdefault(key(_text(doc, e)), Counter())[e.label] += 1
    out: list[Ent] = []
    taken: set[int] = set()
    for e in ents:
        k = key(_text(doc, e))
        if e.label != "PERSON" and e.end - e.start == 1 and (
                k in surnames or (k in place_surnames and e.why == "known place")):
            # a family name that is also a place ("Kerry") only where the model saw a person
            e = Ent(e.start, e.end, "PERSON", "family name of a person in the article")
        elif e.label != "PERSON" and k in full:
            e = Ent(e.start, e.end, "PERSON", "name of a person in the article")
        elif k in votes and len(votes[k]) > 1 and e.why == "model":
            label = votes[k].most_common(1)[0][0]
            if "PERSON" in votes[k] and (k in full or k in surnames):
                label = "PERSON"
            e = Ent(e.start, e.end, label, "majority label in the article")
        out.append(e)
        taken.update(range(e.start, e.end))
    # unlabelled occurrences of known family names and full names (a given name alone is too
    # often a different person's: "Mark" after "Mark Brooks")
    known = {k: "PERSON" for k in surnames | full}
    for k, c in votes.items():
        if k not in known and len(c) == 1 and len(k) > 2:
            known.setdefault(k, next(iter(c)))
    lengths = sorted({len(k.split()) for k in known}, reverse=True)
    i = 0
    while i < len(doc):
        if i in taken or not (doc[i].text[:1].isupper()):
            i += 1
            continue
        hit = None
        for n in lengths:
            span = doc[i:i + n]
            if len(span) < n or any(j in taken for j in range(i, i + n)):
                continue
            if not (span[0].is_alpha and span[-1].is_alpha):
                continue
            k = key(span.text)
            label = known.get(k)
            if label is None or len(k.split()) != n:
                continue
            in_caps = i in caps
            if not in_caps and not all(_titlecase(t.text) or t.text.isupper() or not t.is_alpha
                                       for t in span):
                continue
            if label == "PERSON" and not in_caps and n == 1 and doc[i].is_sent_start \
                    and doc[i].is_stop:
                continue  # "Such a result" is not Mr Such
            hit = Ent(i, i + n, label, "same string elsewhere in the article")
            break
        if hit:
            out.append(hit)
            taken.update(range(hit.start, hit.end))
            i = hit.end
        else:
            i += 1
    return sorted(out, key=lambda e: e.start)


def _as_place(doc: Doc, kb: ActorKB, e: Ent) -> Ent:
    """Model "people" that are places or bodies: "Kent", "Magna International Inc",
    "Standard Liege" (a name ending in a place and starting with no given name)."""
    if e.label != "PERSON":
        return e
    keys = [key(t.text) for t in doc[e.start:e.end]]
    k = " ".join(keys)
    first_given = keys[0] in kb.given_names
    if (k in kb.places or k in kb.regions) and (len(keys) == 1 or not first_given):
        return Ent(e.start, e.end, "GPE", "known place")
    if any(x in DESIGNATORS for x in keys[1:]):
        return Ent(e.start, e.end, "ORG", "organisation word")
    if len(keys) > 1 and not first_given and keys[-1] in kb.places and keys[-1] not in kb.given_names:
        return Ent(e.start, e.end, "ORG", "name ending in a place")
    return e


def dictionary_people(doc: Doc, kb: ActorKB, ents: list[Ent]) -> list[Ent]:
    """Multi-word names of dictionary people the model did not label as people."""
    out = []
    for e in ents:
        if e.label in ("ORG", "GPE", "NORP", "LOC", "FAC") and e.end - e.start >= 2:
            ids = kb.index.get(key(_text(doc, e)), ())
            if ids and all(kb.kinds[i] == "person" for i in ids) \
                    and key(doc[e.start].text) in kb.given_names:
                out.append(Ent(e.start, e.end, "PERSON", "dictionary person"))
    return out


def trim(doc: Doc, kb: ActorKB, e: Ent) -> list[Ent]:
    """Model spans without trailing scores and punctuation, leading titles, or run-ons into a
    second name ("J. Russell 56", "King Norodom Sihanouk", "Gillespie st Kaluwitharana")."""
    start, end = e.start, e.end
    while start < end and ((not doc[start].is_alpha and not INITIAL.match(doc[start].text)
                            and not INITIAL_NAME.match(doc[start].text))
                           or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    for k in range(start + 1, end):
        if doc[k].text in ("-", "--", "\u2013", "\u2014") and doc[k].whitespace_ and doc[k - 1].whitespace_:
            end = k  # "the Syrian National Council - has": a dash ends the name
            break
    if e.label != "PERSON":
        while end > start + 1 and doc[end - 1].is_alpha and doc[end - 1].text.islower():
            end -= 1
    while end > start and (not doc[end - 1].is_alpha or doc[end - 1].text.lower() in ("'s", "’s")):
        if INITIAL.match(doc[end - 1].text):
            break
        end -= 1
    if e.label == "PERSON":
        while end - start > 1 and (key(doc[start].text) in HONORIFICS or kb.agent(key(doc[start].text))
                                   or doc[start].text.lower().startswith(("major-", "lieutenant-"))):
            start += 1
        for k in range(start + 1, end):
            t = doc[k]
            lowerword = t.is_alpha and t.text.islower() and t.text not in PARTICLES \
                and not (doc[k - 1].text == "-" and not doc[k - 1].whitespace_)  # "Hou-jen"
            joiner = t.text in ("-", "'") and not t.whitespace_ and not doc[k - 1].whitespace_
            breaker = not t.is_alpha and not joiner and not INITIAL.match(t.text) \
                and not INITIAL_NAME.match(t.text)
            case_change = t.text.isupper() and len(t) >= 2 and _titlecase(doc[k - 1].text)
            if lowerword or breaker or case_change:
                return [x for part in ((start, k), (k if case_change else k + 1, end))
                        if part[1] > part[0] for x in trim(doc, kb, Ent(*part, e.label, e.why))]
    if end <= start:
        return []
    return [Ent(start, end, e.label, e.why)]


def recognize(doc: Doc, kb: ActorKB) -> list[Ent]:
    """The document's named entities after the corrections described in the module docstring."""
    caps = caps_sentences(doc)
    ents = [t for e in doc.ents if e.label_ in NAME_LABELS and not (e.start in caps and e.label_ == "PERSON")
            and any(c.isupper() for c in e.text)  # "antiwar" is no name
            for t in trim(doc, kb, Ent(e.start, e.end, e.label_))]
    ents = [_as_place(doc, kb, e) for e in ents]
    people = [t for e in given_name_spans(doc, kb, caps) for t in trim(doc, kb, e)]
    ents = merge_person_evidence(ents, people)
    ents = merge_person_evidence(ents, dictionary_people(doc, kb, ents))
    return propagate(doc, ents, kb, caps)
