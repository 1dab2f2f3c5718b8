"""Language identification: the character model runs only where its answer can matter."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from communique.clean.language import (_EN_FUNCTION, LanguageIdentifierModel, detect_language,
                                       load_language_identifier)

ENGLISH = ("The minister said on Monday that the talks would resume in Geneva and that both sides "
           "had agreed to attend, but he would not say when they were to start.")
GERMAN = ("Die Bundesregierung hat am Montag beschlossen, die Gespräche in Genf fortzusetzen; beide "
          "Seiten wollen teilnehmen, wann genau, blieb jedoch offen.")
NAMES = ("Bayern Muenchen Borussia Dortmund Schalke Leverkusen Wolfsburg Hoffenheim Freiburg Mainz "
         "Augsburg Hertha Stuttgart Bremen Koeln Union Bochum Heidenheim")


@dataclass
class _Model:
    """A stand-in for py3langid that records what it is asked."""
    answer: tuple[str, float]
    asked: int = 0

    def classify(self, text: str) -> tuple[str, float]:
        self.asked += 1
        return self.answer


def _detect(text: str, answer: tuple[str, float]) -> tuple[str, int]:
    model = _Model(answer)
    return detect_language(text, LanguageIdentifierModel(model)), model.asked


def test_english_prose_needs_no_model():
    # Dense in English function words: English whatever the model would say.
    assert _detect(ENGLISH, ("de", 1.0)) == ("en", 0)


def test_other_text_asks_the_model():
    assert _detect(GERMAN, ("de", 0.99)) == ("de", 1)
    assert _detect(GERMAN, ("de", 0.6)) == ("en", 1)     # an unsure model: English
    assert _detect(NAMES, ("en", 0.99)) == ("en", 1)


def test_short_text_is_english():
    assert _detect("Die Gespräche in Genf", ("de", 1.0)) == ("en", 0)


@pytest.mark.parametrize("text", [ENGLISH, GERMAN, NAMES, ENGLISH[:90] + " " + GERMAN])
def test_same_decision_as_asking_the_model_first(text):
    """The shortcut decides as the rule always did: the model's answer, unless it is unsure or
    the text is dense in English function words."""
    model = load_language_identifier()
    lang, prob = model.identifier.classify(text[:5000])
    words = [w for w in "".join(c if c.isalpha() else " " for c in text[:5000].lower()).split()]
    share = sum(w in _EN_FUNCTION for w in words) / len(words)
    expected = "en" if lang == "en" else (lang if prob > 0.9 and share < 0.12 else "en")
    assert detect_language(text, model) == expected
