"""Which language an article is in (py3langid, a packaged model: no download)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Short English function words: a text of running English prose is ~40% these.
_EN_FUNCTION = frozenset(
    "the a an of to in and or is are was were be been has have had for on at by with from that this "
    "it its as not but he she they we his her their said will would".split())
_MIN_WORDS = 12
"""Below this many words language identification is a guess; such texts are taken as English."""
_EN_SHARE = 0.12
"""A text with at least this share of English function words is English."""
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageIdentifierModel:
    identifier: LanguageIdentifier


def load_language_identifier() -> LanguageIdentifierModel:
    return LanguageIdentifierModel(LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True))


def detect_language(text: str, model: LanguageIdentifierModel) -> str:
    """ISO 639-1 code. Short texts and texts dense in English function words are "en"."""
    words = _WORD.findall(text[:5000].lower())
    if len(words) < _MIN_WORDS:
        return "en"
    # Both signals must agree before an article is called non-English: all-caps sports tables
    # and lists of names fool the character model, never the function-word count. So a text
    # dense in function words is English whatever the model says, and the model (most of the
    # cost of cleaning plain text) runs only on the others.
    english_share = sum(map(_EN_FUNCTION.__contains__, words)) / len(words)
    if english_share >= _EN_SHARE:
        return "en"
    lang, prob = model.identifier.classify(text[:5000])
    if lang == "en":
        return "en"
    return lang if prob > 0.9 else "en"
