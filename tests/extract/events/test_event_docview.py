"""The per-document lists the stage reads instead of Tokens, and the pattern index that spares
most verbs the walk through their clause: both must say exactly what the slow way says."""
from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from communique.extract.events import triggers
from communique.extract.events.codebook import _unstem, stem
from communique.extract.events.docview import DocView

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, pos, dep, head index, lemma)."""
    words, pos, deps, heads, lemmas = map(list, zip(*rows))
    return Doc(VOCAB, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas)


ATTACK = [("Rebels", "NOUN", "nsubj", 1, "rebel"), ("attacked", "VERB", "ROOT", 1, "attack"),
          ("the", "DET", "det", 3, "the"), ("town", "NOUN", "dobj", 1, "town"),
          ("with", "ADP", "prep", 1, "with"), ("heavy", "ADJ", "amod", 6, "heavy"),
          ("artillery", "NOUN", "pobj", 4, "artillery"), ("on", "ADP", "prep", 1, "on"),
          ("Monday", "PROPN", "pobj", 7, "Monday"), (".", "PUNCT", "punct", 1, ".")]
# "Talks ... held" and "Kerry ... said" cross (a non-projective parse)
CROSSING = [("Talks", "NOUN", "nsubjpass", 3, "talk"), ("Kerry", "PROPN", "nsubj", 4, "Kerry"),
            ("were", "AUX", "auxpass", 3, "be"), ("held", "VERB", "ROOT", 3, "hold"),
            ("said", "VERB", "parataxis", 3, "say")]


def test_lists_agree_with_tokens():
    for rows in (ATTACK, CROSSING):
        doc = parse(rows)
        view = DocView(doc)
        for t in doc:
            assert view.lower[t.i] == t.lower_
            assert view.lemma[t.i] == t.lemma_.lower()  # "Kerry" -> "kerry"
            assert view.dep[t.i] == t.dep_
            assert view.head[t.i] == t.head.i
            assert view.children(t.i) == [c.i for c in t.children]


@given(st.text(alphabet="abceilnorsty", min_size=1, max_size=12))
def test_every_word_is_among_the_surfaces_of_its_stem(word):
    assert word in _unstem(stem(word))
    assert all(stem(w) == stem(word) or w == stem(word) for w in _unstem(stem(word)))


def test_every_pattern_that_can_match_is_filed(codebook):
    for block in codebook.blocks:
        filed = {pos for positions in (block.by_word or {}).values() for pos in positions}
        for pos, p in enumerate(block.ranked):
            usable = p.content > 0 and all(s in codebook.synsets for s in p.synsets)
            assert (pos in filed) == usable, (block.name, p.text)
            if usable:
                keys = [k for k, ps in block.by_word.items() if pos in ps]
                first = codebook.synsets[p.synsets[0]].firsts if p.synsets else frozenset()
                assert all(k in p.needs or k in first for k in keys)
                assert all(k in block.surfaces for k in keys)


def _reference(tok, block, cb, view, own, base):
    """The most specific pattern the plain way: every pattern of the block in dictionary order,
    a later one taken only when it has more words."""
    window = sorted(triggers._window(tok.i, view))
    pre = [x for x in window if x[0] < tok.i]
    post = [x for x in window if x[0] > tok.i]
    pre_f = [triggers._forms(view.lower[t], view.lemma[t]) for t, _ in pre]
    post_f = [triggers._forms(view.lower[t], view.lemma[t]) for t, _ in post]
    have = {f for fs in pre_f + post_f for f in fs}
    best = None
    for p in block.patterns:
        if not p.needs <= have or (best is not None and p.size <= best.size):
            continue
        if p.synsets and not all(cb.synsets[s].firsts & have for s in p.synsets if s in cb.synsets):
            continue
        if p.content == 0 or (own and not (p.content >= 2 or p.code is None or p.code[:2] == own[:2])):
            continue
        if base and p.code and p.code[:2] == "03" and base[:2] != "03" and p.content < 2:
            continue
        shallow = p.content == 1
        if triggers._match_items(p.pre, pre, pre_f, cb, shallow, subject_side=True) and \
                triggers._match_items(p.post, post, post_f, cb, shallow):
            best = p
    return best


def test_indexed_search_takes_the_pattern_a_full_scan_takes(codebook):
    doc = parse(ATTACK)
    view = DocView(doc)
    verb = doc[1]
    taken = 0
    for block in codebook.blocks:
        for own, base in ((None, None), ("190", "190"), (None, "040")):
            got = triggers._best_pattern(verb, block, codebook, view, own, base)
            assert got == _reference(verb, block, codebook, view, own, base), block.name
            taken += got is not None
    assert taken  # the sentence does match some patterns ("attacked ... with artillery")
