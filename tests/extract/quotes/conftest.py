import pytest
import spacy
from spacy.tokens import Doc

from communique.extract.quotes import load_cue_lexicon


@pytest.fixture(scope="session")
def lexicon():
    return load_cue_lexicon()


@pytest.fixture(scope="session")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture
def make_doc(vocab):
    """A parsed Doc from rows of (word, head index, dep, pos, tag, lemma)."""

    def make(rows, spaces=None):
        words = [r[0] for r in rows]
        return Doc(vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
                   pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
                   sent_starts=[i == 0 for i in range(len(rows))])

    return make
