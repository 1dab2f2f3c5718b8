""""They" as a subject: the group it stands for, where the text makes that plain.

"His overtures to Kabila's rebels were snubbed. *They* had earlier warned him": the subject of the
sentence before ("His overtures") is no actor; the nearest group of people named before the
pronoun is. A "they" joins the nearest group (a plural role phrase or a people: "rebels",
"Palestinians") in its sentence or the one before, in the same paragraph. It joins nothing
where a coordination ("Peru and Bolivia") stands nearer (the pronoun may stand for all of
it: the events stage reads conjuncts itself) or where no group is that near.
"""
from __future__ import annotations

from .coder import Coding
from .docview import DocView
from .mentions import Mention

PLURAL_SUBJECTS = frozenset({"they"})


def _group_like(m: Mention) -> bool:
    return m.label in ("ROLE", "NORP", "GPE", "ORG") and m.coding.kind == "group"


def resolve_plural_pronouns(view: DocView, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a "they" mention added for each subject "they" that joins a group
    (``Mention.joins`` is set to the group's mention)."""
    tokens, lower = view.tokens, view.lower
    sent_starts = [s.start for s in view.sents]
    named = sorted((m for m in mentions if m.label != "PRON"), key=lambda m: m.token)
    added: list[Mention] = []
    for i, w in enumerate(lower):
        if w not in PLURAL_SUBJECTS or tokens[i].dep_ not in ("nsubj", "nsubjpass"):
            continue
        sent = view.sent_of[i]
        n = sent_starts.index(sent)
        floor = sent_starts[n - 1] if n > 0 else 0
        start = view.starts[i]
        chosen = None
        for m in reversed(named):
            if m.token >= i:
                continue
            if m.token < floor or "\n\n" in view.text[m.end:start]:
                break
            if _group_like(m):
                chosen = m
                break
            t = tokens[m.token]
            if t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children):
                break  # "Peru and Bolivia ... they": perhaps both
        if chosen is None:
            continue
        added.append(Mention(start, start + len(view.words[i]), start, start + len(view.words[i]),
                             "PRON", Coding(sector="UNK", kind="group", resolution="pronoun"), i,
                             sent, joins=chosen.start))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, -m.end))
