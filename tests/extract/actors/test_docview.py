"""``DocView`` must read exactly what the spaCy attributes it replaces would give."""
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from communique.extract.actors.docview import DocView
from communique.extract.actors.names import key

VOCAB = spacy.blank("en").vocab
WORDS = ["Mr.", "Nausėda", ",", "the", "U.S.", "envoy", "'s", "aide", "\n\n", "said", "-", "ok", "."]


def _doc(n_words, spaces, starts, ents):
    words = (WORDS * 3)[:n_words]
    ent_tags = ["O"] * n_words
    for s in ents:
        if s < n_words and words[s] not in ("\n\n",):
            ent_tags[s] = "B-PERSON"
    return Doc(VOCAB, words=words, spaces=spaces[:n_words], ents=ent_tags,
               sent_starts=[True] + starts[:n_words - 1])


docs = st.integers(1, 30).flatmap(lambda n: st.builds(
    _doc, st.just(n), st.lists(st.booleans(), min_size=n, max_size=n),
    st.lists(st.booleans(), min_size=n, max_size=n), st.lists(st.integers(0, n - 1), max_size=4)))


@settings(max_examples=60, deadline=None)
@given(docs)
def test_view_matches_spacy(doc):
    view = DocView(doc)
    assert view.text == doc.text
    assert view.words == [t.text for t in doc]
    assert view.keys == [key(t.text) for t in doc]
    assert view.lower == [t.lower_ for t in doc]
    assert view.sent_of == [t.sent.start for t in doc]
    assert view.ent_type == [t.ent_type_ for t in doc]
    assert [e.text for e in view.ents] == [e.text for e in doc.ents]
    n = len(doc)
    for i in range(n + 1):
        for j in range(i, n + 2):  # empty spans and ends past the doc included
            assert view.span_text(i, j) == doc[i:j].text
            assert view.char_span(i, j) == (doc[i:j].start_char, doc[i:j].end_char)


@pytest.mark.model
def test_noun_chunks_and_fragments_match_spacy(nlp):
    doc = nlp("Russia's foreign minister met the UN envoy of Syria and two aides in Geneva.")
    view = DocView(doc)
    assert view.noun_chunks == [(c.start, c.end) for c in doc.noun_chunks]
    assert view.noun_chunks  # the sentence has chunks: the comparison above means something
    assert all(view.chunk_end[s] == e for s, e in view.noun_chunks)
    assert not view.fragment
    assert DocView(nlp("Chile's Defense Ministry")).fragment
