"""Wire datelines: "LA PAZ (Reuters) -", "LIMA, May 7 (Reuters) --", "BEIRUT, Lebanon (AP) —".

A dateline opens a paragraph and says where the reporter filed from and for which agency. The
parser hangs it on the first noun of the sentence ("PAZ" a modifier of "Peru"), so without this
step the city becomes part of an actor's phrase, the capital an acting government, and the
agency an actor. A dateline is: at the start of a paragraph, up to a dozen tokens of capitalised
words, commas, a date and a parenthesised agency, ended by a dash; the first word in capitals or
a parenthesis in it (so that "Peru and Bolivia - a history" is no dateline). The Reuters corpus
form "LONDON 1996-08-30" on a line of its own is one too. Read by the actors and events stages.
"""
from __future__ import annotations

import re

DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015", "---"})
MAX_TOKENS = 14
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady"})
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTHS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _dateline_end(words: list[str], i: int) -> int | None:
    """The index after the dash of a dateline starting at token ``i``, if one does."""
    first = words[i]
    if not (first[:1].isupper() and first[:1].isalpha()) or first.lower().rstrip(".") in HONORIFICS:
        return None
    capitals = len(first) > 1 and first.isupper()
    paren = False
    depth = 0
    for k in range(i + 1, min(len(words) - 1, i + MAX_TOKENS)):
        w = words[k]
        if "\n" in w:
            return None
        if w in DASHES:
            if depth or not (capitals or paren):
                return None
            return k + 1
        if w == "(":
            depth += 1
            paren = True
        elif w == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and w[:1].isalpha() and not w[:1].isupper():
            return None  # a lowercase word outside the agency: running text
        elif depth == 0 and w[:1].isdigit() and words[k - 1].lower().rstrip(".") not in MONTHS:
            # "LONDON 1996-08-30" on a line of its own; "ARSENAL 2 - CHELSEA 1" is a score
            return _iso_dated(words, k) if capitals else None
        elif depth == 0 and not (w[:1].isalnum() or w in (",", ".", "/")):
            return None
    return None


def _iso_dated(words: list[str], k: int) -> int | None:
    """The index after "1996-08-30" at token ``k`` when the line ends there."""
    for n in (1, 5):  # one token, or split at the hyphens
        if ISO_DATE.fullmatch("".join(words[k:k + n])):
            end = k + n
            return end if end >= len(words) or "\n" in words[end] else None
    return None


def dateline_tokens(words: list[str], ws: list[str]) -> frozenset[int]:
    """The indexes of the tokens of every dateline, dash included (``words``/``ws``: the
    tokens' texts and trailing whitespace)."""
    out: set[int] = set()
    n = len(words)
    # paragraph starts: the first token, and the token after each one holding a line break
    starts = [0, *(i + 1 for i, (w, s) in enumerate(zip(words, ws)) if "\n" in w or "\n" in s)]
    for i in starts:
        while i < n and words[i].isspace():
            i += 1
        if i >= n or i in out:
            continue
        end = _dateline_end(words, i)
        if end is not None:
            out.update(range(i, end))
    return frozenset(out)
