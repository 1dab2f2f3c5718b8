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


@dataclass(frozen=True)
class LanguageIdentifierModel:
    identifier: LanguageIdentifier


def load_language_identifier() -> LanguageIdentifierModel:
    return LanguageIdentifierModel(LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True))


def detect_language(text: str, model: LanguageIdentifierModel) -> str:
    """ISO 639-1 code. Short texts and texts dense in English function words are "en"."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < _MIN_WORDS:
        return "en"
    lang, prob = model.identifier.classify(text[:5000])
    if lang == "en":
        return "en"
    english_share = sum(w in _EN_FUNCTION for w in words) / len(words)
    # Both signals must agree before an article is called non-English: all-caps sports tables
    # and lists of names fool the character model, never the function-word count.
    return lang if (prob > 0.9 and english_share < 0.12) else "en"
