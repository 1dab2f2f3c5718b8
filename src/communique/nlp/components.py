"""Our spaCy components, registered in this one module."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attribute_rules import SignatureAttributeRuler
from .lemmas import MemoLemmatizer


@Language.factory("communique_attribute_ruler", default_config={"validate": False})
def make_signature_attribute_ruler(nlp: Language, name: str, validate: bool) -> SignatureAttributeRuler:
    """spaCy's attribute ruler, matched per token signature (see ``attribute_rules``)."""
    return SignatureAttributeRuler(nlp.vocab, name=name, validate=validate)


@Language.factory("communique_lemmatizer", assigns=["token.lemma"],
                  default_config={"overwrite": False})
def make_memo_lemmatizer(nlp: Language, name: str, overwrite: bool) -> MemoLemmatizer:
    """spaCy's English rule lemmatizer, memoised per token kind (see ``lemmas``)."""
    return MemoLemmatizer(nlp.vocab, None, name, mode="rule", overwrite=overwrite)


@Language.component("communique_paragraphs",
                    assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, datelines and subheads carry no full stop.

    The parser respects boundaries set before it runs, so a headline never runs into the
    first paragraph and a subhead never becomes the subject of the sentence below it.
    """
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc
