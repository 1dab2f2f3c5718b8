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
The functions read the document through a ``DocView`` (token attributes as lists).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..teams import is_team, occurrences, team_names
from .docview import DocView
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
# sectors of role nouns used as titles before a name ("King Hussein", "Judge Ito")
OFFICE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "MED"})
CLERGY = frozenset({"bishop", "archbishop", "cardinal", "imam", "rabbi", "pope", "cleric", "sheikh"})
HONORIFICS = frozenset("""mr mrs ms miss dr sir dame lady lord rev reverend sheikh sheik father
brother sister saint st""".split())


@dataclass(frozen=True, slots=True)
class Ent:
    start: int
    end: int
    label: str
    why: str = "model"


@lru_cache(maxsize=1 << 16)  # asked of every word of every article: a pure function of the text
def _titlecase(t: str) -> bool:
    return len(t) > 1 and t[0].isupper() and not t.isupper() and t[1:].replace("-", "").replace("'", "").isalpha()


def _namepart(t: str, caps: bool) -> bool:
    if caps:
        return t.isupper() and t.replace("-", "").replace("'", "").isalpha() and len(t) > 1
    return _titlecase(t)


def caps_sentences(view: DocView) -> set[int]:
    """Indexes of the tokens in sentences written in capitals (headlines, datelines)."""
    out: set[int] = set()
    words, is_alpha = view.words, view.is_alpha
    for sent in view.sents:
        alpha = [words[i] for i in range(sent.start, sent.end) if is_alpha[i] and len(words[i]) > 1]
        if len(alpha) >= 2 and sum(w.isupper() for w in alpha) >= 0.8 * len(alpha):
            out.update(range(sent.start, sent.end))
    return out


def given_name_spans(view: DocView, kb: ActorKB, caps: set[int]) -> list[Ent]:
    """People announced by a given name or an initial: "Pete Sampras", "W. Hegg", "ROBERTO DURAN"."""
    out: list[Ent] = []
    words, keys, ws, sent_start = view.words, view.keys, view.ws, view.is_sent_start
    n = len(words)
    titled = [_titlecase(w) for w in words]
    body_words = {keys[i] for i in range(n) if i not in caps and titled[i] and not sent_start[i]}
    i = 0
    while i < n:
        in_caps = i in caps
        t = words[i]
        k = keys[i]
        starts = False
        if INITIAL_NAME.match(t) and not in_caps:
            out.append(Ent(i, i + 1, "PERSON", "initial"))
            i += 1
            continue
        if INITIAL.match(t) and not in_caps:
            starts = True
        elif (titled[i] or (in_caps and t.isupper())) and k in kb.given_names \
                and k not in NOT_NAMES and k not in kb.places and k not in HONORIFICS \
                and not kb.agent(k):
            starts = True
        if not starts:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < 5:
            w = words[j]
            if w == "-" and ws[j - 1] == "" and ws[j] == "" \
                    and j + 1 < n and _namepart(words[j + 1], in_caps):
                j += 2  # "Anne-Gaelle", "Al-Assad"
                continue
            if INITIAL.match(w) and not in_caps:
                j += 1
                continue
            if w.lower() in PARTICLES and j + 1 < n and _namepart(words[j + 1], in_caps):
                j += 1
                continue
            if not _namepart(w, in_caps) or keys[j] in NOT_NAMES:
                break
            j += 1
        if in_caps:
            j = min(j, i + 2)
        # a name needs a family name after the given name or initial
        if j - i >= 2 and _plausible_name(view, kb, i, j, body_words if in_caps else None):
            out.append(Ent(i, j, "PERSON", "given name" if not INITIAL.match(t) else "initial"))
            i = j
            continue
        i += 1
    return out


def _plausible_name(view: DocView, kb: ActorKB, i: int, j: int, body_words: set[str] | None) -> bool:
    keys = view.keys[i:j]
    whole = " ".join(keys)
    if any(k in DESIGNATORS for k in keys[1:]) or (j < len(view.keys) and view.keys[j] in DESIGNATORS):
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


def _only_frame(view: DocView, kb: ActorKB, e: Ent, people: list[Ent]) -> bool:
    """Whether a model span holds nothing but the given people and words that frame a name:
    nationalities, places, titles, "and", punctuation ("American Dennis Mitchell", "Laurent
    Cabannes and Laurent Benezech", "Scott Draper ( Australia")."""
    inside = {i for p in people if e.start <= p.start and p.end <= e.end for i in range(p.start, p.end)}
    for i in range(e.start, e.end):
        if i in inside:
            continue
        k, w = view.keys[i], view.words[i]
        if not k or w in ("(", ")", ",", "&") or view.lower[i] in ("and", "'s"):
            continue
        place = kb.places.get(k)
        if (place is not None and place.role in ("country", "people")) or k in HONORIFICS \
                or _title_word(kb, k):
            continue
        return False
    return bool(inside)


def merge_person_evidence(ents: list[Ent], extra: list[Ent], *, view: DocView | None = None,
                          kb: ActorKB | None = None) -> list[Ent]:
    """Add person spans, overriding model spans they cover unless the model saw a longer name."""
    out = list(ents)
    for p in extra:
        clash = [e for e in out if _overlaps(e, p)]
        if any(e.label != "PERSON" and e.start <= p.start and p.end <= e.end and
               (e.end - e.start) > (p.end - p.start)
               and (view is None or kb is None or not _only_frame(view, kb, e, extra)) for e in clash):
            continue  # "Phil Simmons Foundation": the organisation wins
        if any(e.label == "PERSON" and e.start <= p.start and p.end <= e.end for e in clash):
            continue
        out = [e for e in out if e not in clash]
        out.append(p)
    return sorted(out, key=lambda e: e.start)


def propagate(view: DocView, ents: list[Ent], kb: ActorKB, caps: set[int]) -> list[Ent]:
    """One label per string in a document, and family names of known people labelled as people."""
    people = [e for e in ents if e.label == "PERSON" and e.end - e.start >= 2]
    surnames: set[str] = set()
    place_surnames: set[str] = set()
    full: set[str] = set()
    words, keys = view.words, view.keys
    for e in people:
        full.add(key(view.span_text(e.start, e.end)))
        last, klast = words[e.end - 1], keys[e.end - 1]
        if len(last) > 2 and (klast in kb.places or klast in kb.regions):
            place_surnames.add(klast)
        if len(last) > 2 and klast not in kb.places and klast not in kb.given_names:
            surnames.add(klast)
    votes: dict[str, Counter] = {}
    for e in ents:
        if e.start not in caps and e.start not in view.dateline:  # "LA PAZ (Reuters)": ORG to the model
            votes.setdefault(key(view.span_text(e.start, e.end)), Counter())[e.label] += 1
    out: list[Ent] = []
    taken: set[int] = set()
    for e in ents:
        k = key(view.span_text(e.start, e.end))
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
    is_alpha = view.name_alpha
    size = len(words)
    i = 0
    while i < size:
        if i in taken or not (words[i][:1].isupper()):
            i += 1
            continue
        hit = None
        for n in lengths:
            if i + n > size or not taken.isdisjoint(range(i, i + n)):
                continue
            if not (is_alpha[i] and is_alpha[i + n - 1]):
                continue
            k = keys[i] if n == 1 else key(view.span_text(i, i + n))
            label = known.get(k)
            if label is None or len(k.split()) != n:
                continue
            in_caps = i in caps
            if not in_caps and not all(_titlecase(words[j]) or words[j].isupper() or not is_alpha[j]
                                       for j in range(i, i + n)):
                continue
            if label == "PERSON" and not in_caps and n == 1 and view.is_sent_start[i] \
                    and view.tokens[i].is_stop:
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


def _as_place(view: DocView, kb: ActorKB, e: Ent) -> Ent:
    """Model "people" that are places or bodies: "Kent", "Magna International Inc",
    "Standard Liege" (a name ending in a place and starting with no given name)."""
    if e.label != "PERSON":
        return e
    keys = view.keys[e.start:e.end]
    k = " ".join(keys)
    first_given = keys[0] in kb.given_names
    if (k in kb.places or k in kb.regions) and (len(keys) == 1 or not first_given) \
            and not _titled(view, kb, e.start):  # "King Hassan" is no town in India
        return Ent(e.start, e.end, "GPE", "known place")
    if any(x in DESIGNATORS for x in keys[1:]):
        return Ent(e.start, e.end, "ORG", "organisation word")
    if len(keys) > 1 and not first_given and keys[-1] in kb.places and keys[-1] not in kb.given_names \
            and not _titled(view, kb, e.start):  # "Foreign Minister Yukihiko Ikeda": a person, whatever the town
        return Ent(e.start, e.end, "ORG", "name ending in a place")
    return e


def dictionary_people(view: DocView, kb: ActorKB, ents: list[Ent]) -> list[Ent]:
    """Multi-word names of dictionary people the model did not label as people."""
    out = []
    for e in ents:
        if e.label in ("ORG", "GPE", "NORP", "LOC", "FAC") and e.end - e.start >= 2:
            ids = kb.index.get(key(view.span_text(e.start, e.end)), ())
            if ids and all(kb.kinds[i] == "person" for i in ids) \
                    and view.keys[e.start] in kb.given_names:
                out.append(Ent(e.start, e.end, "PERSON", "dictionary person"))
    return out


def _titled(view: DocView, kb: ActorKB, i: int) -> bool:
    """A title or honorific stands just before token ``i``."""
    return i > 0 and (view.keys[i - 1] in HONORIFICS or _title_word(kb, view.keys[i - 1]))


def _title_word(kb: ActorKB, k: str) -> bool:
    """A role noun standing before a name ("Minister", "General"); a given name that is also a
    role noun of no office ("Dean", "Christian") starts the name instead."""
    sector = kb.agent(k)
    if not sector:
        return False
    return k not in kb.given_names or sector in OFFICE_SECTORS or k in CLERGY


def trim(view: DocView, kb: ActorKB, e: Ent) -> list[Ent]:
    """Model spans without trailing scores and punctuation, leading titles, or run-ons into a
    second name ("J. Russell 56", "King Norodom Sihanouk", "Gillespie st Kaluwitharana")."""
    words, ws, is_alpha, keys = view.words, view.ws, view.name_alpha, view.keys
    start, end = e.start, e.end
    while start < end and ((not is_alpha[start] and not INITIAL.match(words[start])
                            and not INITIAL_NAME.match(words[start]))
                           or view.lower[start] in ("the", "a", "an")):
        start += 1
    for k in range(start + 1, end):
        if words[k] in ("-", "--", "\u2013", "\u2014") and ws[k] and ws[k - 1]:
            end = k  # "the Syrian National Council - has": a dash ends the name
            break
    if e.label != "PERSON":
        while end > start + 1 and is_alpha[end - 1] and words[end - 1].islower():
            end -= 1
    while end > start and (not is_alpha[end - 1] or words[end - 1].lower() in ("'s", "’s")):
        if INITIAL.match(words[end - 1]):
            break
        end -= 1
    if e.label == "PERSON":
        while end - start > 1 and (keys[start] in HONORIFICS or _title_word(kb, keys[start])
                                   or words[start].lower().startswith(("major-", "lieutenant-"))):
            start += 1
        for k in range(start + 1, end):
            t = words[k]
            lowerword = is_alpha[k] and t.islower() and t not in PARTICLES \
                and not (words[k - 1] == "-" and not ws[k - 1])  # "Hou-jen"
            joiner = t in ("-", "'") and not ws[k] and not ws[k - 1]
            breaker = not is_alpha[k] and not joiner and not INITIAL.match(t) \
                and not INITIAL_NAME.match(t)
            case_change = t.isupper() and len(t) >= 2 and _titlecase(words[k - 1])
            if lowerword or breaker or case_change:
                return [x for part in ((start, k), (k if case_change else k + 1, end))
                        if part[1] > part[0] for x in trim(view, kb, Ent(*part, e.label, e.why))]
    if end <= start:
        return []
    return [Ent(start, end, e.label, e.why)]


def recognize(doc: Doc, kb: ActorKB, *, view: DocView | None = None) -> list[Ent]:
    """The document's named entities after the corrections described in the module docstring.
    ``view``: the document's ``DocView`` where the caller has one."""
    if view is None:
        view = DocView(doc)
    caps = caps_sentences(view)
    ents = [t for e in view.ents if e.label_ in NAME_LABELS and not (e.start in caps and e.label_ == "PERSON")
            and any(c.isupper() for c in e.text)  # "antiwar" is no name
            and not _no_name(view.words[e.start:e.end])
            for t in trim(view, kb, Ent(e.start, e.end, e.label_))]
    ents = [_as_place(view, kb, e) for e in ents]
    people = [t for e in given_name_spans(view, kb, caps) for t in trim(view, kb, e)]
    ents = merge_person_evidence(ents, people, view=view, kb=kb)
    ents = merge_person_evidence(ents, dictionary_people(view, kb, ents))
    from .slots import slot_people  # slots builds on this module's name shapes

    ents = merge_person_evidence(ents, slot_people(view, kb, ents, caps), view=view, kb=kb)
    return _teams(view, propagate(view, ents, kb, caps))


TIME_ZONES = frozenset("""gmt utc est edt cst cdt mst mdt pst pdt bst cet cest eet eest ist jst aest
hkt sgt msk""".split())


def _no_name(words: list[str]) -> bool:
    """What the model labels a name but is none: a time zone ("by 1350 GMT") or a table's column
    heads ("W D L PCT GB")."""
    if len(words) == 1 and words[0].lower() in TIME_ZONES:
        return True
    return len(words) >= 3 and all(w.isupper() and len(w) <= 3 for w in words)


def _teams(view: DocView, ents: list[Ent]) -> list[Ent]:
    """Names in results lines are clubs there and wherever else the article names them so,
    except after a preposition of place (see ``extract.teams``); the model often misses them."""
    person = [False] * len(view.words)
    for e in ents:
        if e.label == "PERSON":
            person[e.start:e.end] = [True] * (e.end - e.start)
    teams = team_names(view.words, view.ws, person)
    spans = [(a, b) for a, b in occurrences(view.words, view.ws, teams)
             if not any(person[a:b]) and is_team(view.words, a, b, view.span_text(a, b), teams)]
    if not spans:
        return ents
    keep = [e for e in ents if not any(e.start < b and a < e.end for a, b in spans)]
    return sorted(keep + [Ent(a, b, "ORG", "team in a results line") for a, b in spans],
                  key=lambda e: e.start)
