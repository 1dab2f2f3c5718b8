"""Name keys and word splitting shared by the KB builder (``scripts/build_actor_kb.py``) and the coder.

A *key* is the form under which names are stored and looked up: accents folded, case folded,
apostrophes and full stops dropped, hyphens and underscores read as spaces. "Frank-Walter
Steinmeier", "FRANK_WALTER_STEINMEIER_" and "frank walter steinmeier" share one key, so the
dictionaries (upper case, no diacritics, underscores) meet news text without per-source rules.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_DROP = re.compile(r"['.]")
_SPACE = re.compile(r"[\s_\-\u2010-\u2015/]+")
_OTHER = re.compile(r"[^\w\s&]")
_WORD = re.compile(r"[’']s\b|\w+(?:(?:[.\-]|[’'](?!s\b))\w+)*\.?|[^\w\s]", re.UNICODE)

POSSESSIVE = "'s"


def fold(text: str) -> str:
    """Accents off and case folded: "Nausėda" -> "nauseda"."""
    if text.isascii():  # nothing to decompose (the usual case)
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# The actor stage asks for the keys of the same words and phrases over and over (every token
# of every article, every sub-phrase while segmenting): a key is a pure function of its text.
@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The lookup key of a name or phrase (see the module docstring)."""
    s = fold(text.translate(_APOSTROPHES))
    s = _DROP.sub("", s)
    s = _SPACE.sub(" ", s)
    s = _OTHER.sub(" ", s)
    return " ".join(s.split())


def words(text: str) -> list[tuple[str, int, int]]:
    """Split a phrase into words with offsets; a possessive ``'s`` is a word of its own."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w.endswith(".") and len(w) > 2 and w.count(".") == 1 and not w[:-1].isupper():
            # a sentence-final full stop, not an abbreviation such as "U.S." or "Jr."
            out.append((w[:-1], m.start(), m.end() - 1))
            continue
        out.append((w, m.start(), m.end()))
    return out


@lru_cache(maxsize=1 << 14)
def word_key(word: str) -> str:
    """The key of one word; the possessive marker keeps a recognisable form."""
    w = word.translate(_APOSTROPHES)
    if w.lower() == "'s":
        return POSSESSIVE
    return key(w)


def plural_forms(noun: str) -> list[str]:
    """Regular English plurals of the last word of ``noun`` (the PETRARCH agent rules)."""
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith(("s", "x", "z", "ch", "sh")):
        forms = [last + "es"]
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith("man"):
        forms = [last[:-3] + "men"]
    else:
        forms = [last + "s"]
    return [prefix + f for f in forms]
