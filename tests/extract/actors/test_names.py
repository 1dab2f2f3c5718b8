from hypothesis import given
from hypothesis import strategies as st

from communique.extract.actors.names import key, plural_forms, words


def test_key_folds_dictionary_and_news_spellings_together():
    assert key("FRANK_WALTER_STEINMEIER_") == key("Frank-Walter Steinmeier") == "frank walter steinmeier"
    assert key("Gitanas Nausėda") == "gitanas nauseda"
    assert key("George W.  Bush") == "george w bush"


def test_words_split_possessives_and_keep_abbreviations():
    assert [w for w, _, _ in words("Chile's Ministry")] == ["Chile", "'s", "Ministry"]
    assert [w for w, _, _ in words("U.S. troops.")] == ["U.S.", "troops"]
    assert [w for w, _, _ in words("O'Brien")] == ["O'Brien"]


def test_plurals():
    assert plural_forms("police officer") == ["police officers"]
    assert plural_forms("militia") == ["militias"]
    assert plural_forms("policeman") == ["policemen"]
    assert plural_forms("embassy") == ["embassies"]


@given(st.text(max_size=60))
def test_word_offsets_point_into_the_text(text):
    for w, s, e in words(text):
        assert text[s:e] == w or (w and text[s:e].startswith(w))


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30))
def test_ascii_fast_path_folds_as_unicode_normalisation_does(text):
    import unicodedata

    from communique.extract.actors.names import fold

    slow = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    assert fold(text) == slow.casefold()
