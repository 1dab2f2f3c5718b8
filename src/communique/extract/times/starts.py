"""Where a grammar rule can start: an index that spares the regex engine most of the text.

Every rule expression begins with the same word-start assertions, and ``finditer`` tries each
expression at every position of the article: with some thirty rules that cost more than all the
rest of the stage. ``StartIndex`` reads the expressions' parse trees once (at import) and
collects the first few characters each rule can begin with. One scan of the article then finds
the word starts at which some rule can begin, and only there, and only for the rules whose first
characters fit, is a rule tried (``Pattern.match``).

The prefixes over-approximate -- a character class or a repetition is never narrowed, a
lookaround is skipped, anything unusual ends the prefix -- so no match is lost: every position
at which a rule matches is a candidate for that rule. ``grammar.find`` replays ``finditer``'s
rule of looking for the next match after the end of the last, so its matches are exactly those of
``finditer``.
"""
from __future__ import annotations

import re
import re._constants as sre  # the parse tree of ``re`` (private, stable within CPython 3.11+)
import re._parser as sre_parse
from collections.abc import Sequence

_ANY = ("any",)
"""A prefix element that lets any character through (the prefix ends there)."""

_CATEGORY_RE = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
                sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Prefix = tuple  # of character classes: (frozenset of characters, frozenset of categories) or _ANY


def _char_class(op, av):
    if op is sre.LITERAL:
        return frozenset((chr(av),)), frozenset()
    if op is not sre.IN:
        return _ANY                       # ".", a negated literal
    chars, categories = set(), set()
    for iop, iav in av:
        if iop is sre.LITERAL:
            chars.add(chr(iav))
        elif iop is sre.RANGE and iav[1] - iav[0] <= 256:
            chars.update(map(chr, range(iav[0], iav[1] + 1)))
        elif iop is sre.CATEGORY and iav in _CATEGORY_RE:
            categories.add(iav)
        else:
            return _ANY                   # a negated class, a wide range
    return frozenset(chars), frozenset(categories)


def _is_open(prefix: Prefix, k: int) -> bool:
    return len(prefix) < k and (not prefix or prefix[-1] is not _ANY)


def _sequence(items, k: int, heads: set[Prefix]) -> set[Prefix]:
    """The prefixes (up to ``k`` characters) after ``heads`` are followed by ``items``."""
    for op, av in items:
        open_heads = {h for h in heads if _is_open(h, k)}
        if not open_heads:
            break
        heads = (heads - open_heads) | _item(op, av, k, open_heads)
    return heads


def _item(op, av, k: int, heads: set[Prefix]) -> set[Prefix]:
    if op in (sre.LITERAL, sre.IN, sre.NOT_LITERAL, sre.ANY):
        cls = _char_class(op, av)
        return {h + (cls,) for h in heads}
    if op is sre.BRANCH:
        return set().union(*(_sequence(alt, k, heads) for alt in av[1]))
    if op is sre.SUBPATTERN and not av[1] and not av[2]:   # a group without inline flags
        return _sequence(av[3], k, heads)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, k, heads)
    if op in _REPEATS:
        low, high, body = av
        out = set(heads) if low == 0 else set()
        current = heads
        # Past k repetitions the prefixes cannot change: each repetition adds characters or
        # nothing, and a prefix holds at most k.
        for n in range(1, min(high, low + k) + 1):
            current = _sequence(body, k, current)
            if n >= low or not any(_is_open(h, k) for h in current):
                out |= current
            if not any(_is_open(h, k) for h in current):
                break
        return out
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return heads                      # consumes nothing; skipping it only widens
    return {h + (_ANY,) for h in heads}   # group references, conditionals: anything


def prefixes(pattern: str, k: int) -> set[Prefix]:
    """Every way a match of ``pattern`` can begin, ``k`` characters long (shorter where a match
    can end sooner or the pattern says nothing more definite)."""
    return _sequence(sre_parse.parse(pattern), k, {()})


def _class_regex(cls) -> str:
    chars, categories = cls
    if len(chars) == 1 and not categories:
        return re.escape(next(iter(chars)))
    return ("[" + "".join(re.escape(c) for c in sorted(chars))
            + "".join(sorted(_CATEGORY_RE[c] for c in categories)) + "]")


def _prefix_regex(prefix_set: set[Prefix]) -> str:
    """A regex that matches where one of the prefixes does, as a trie of alternatives (the regex
    engine rejects a branch on its first character)."""
    trie: dict = {}
    for p in prefix_set:
        node = trie
        for cls in p:
            if cls is _ANY:
                break
            node = node.setdefault(_class_regex(cls), {})
        node[None] = {}

    def emit(node: dict) -> str:
        if None in node:
            return ""                     # a prefix ends here: nothing more is required
        alts = [c + emit(sub) for c, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


def _representative(c: str) -> str:
    """Digits stand for every digit and white space for every space in the lookup trie (only
    widens: a character class holding one digit lets every digit through)."""
    return "0" if c.isdecimal() else " " if c.isspace() else c


_ASCII_REPRESENTATIVES = {i: _representative(chr(i)) for i in range(128)
                          if _representative(chr(i)) != chr(i)}
"""``str.translate`` table doing ``_representative`` for ASCII text, the common case."""


def _keys(prefix: Prefix, memo: dict) -> tuple[frozenset[str], ...]:
    """A prefix as the representative characters allowed at each place, up to its first
    element that lets anything through (``memo`` keeps each class's, classes recur)."""
    out = []
    for cls in prefix:
        reps = memo.get(cls)
        if reps is None:
            reps = memo[cls] = _representatives(cls)
        if not reps:
            break
        out.append(reps)
    return tuple(out)


def _representatives(cls) -> frozenset[str]:
    """The representative characters of a class; empty when it lets anything through."""
    if cls is _ANY:
        return frozenset()
    chars, categories = cls
    if categories - {sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE}:
        return frozenset()                # a word category, a negated one
    reps = {_representative(c) for c in chars}
    reps.update("0" if cat == sre.CATEGORY_DIGIT else " " for cat in categories)
    return frozenset(reps)


class StartIndex:
    """Candidate start positions of a list of rule patterns that all begin with ``word_start``.

    ``scan_chars`` characters are checked by the scan (one regex over the text), ``rule_chars``
    by the per-rule lookup; more characters reject more positions but cost more to build.
    """

    def __init__(self, patterns: Sequence[re.Pattern], word_start: str, *, scan_chars: int = 5,
                 rule_chars: int = 6) -> None:
        self.rule_chars = rule_chars
        per_rule = []
        for p in patterns:
            tree = sre_parse.parse(p.pattern) if p.pattern.startswith(word_start) else None
            if tree is None or p.flags & ~re.UNICODE:
                raise ValueError(f"pattern {p.pattern[:40]!r}... must start with the word-start "
                                 "assertions and use no flags")
            if tree.getwidth()[0] == 0:
                # An empty match would make finditer step on by one character; never needed.
                raise ValueError(f"pattern {p.pattern[:40]!r}... can match the empty string")
            per_rule.append(prefixes(p.pattern[len(word_start):], rule_chars))
        scan = {h[:scan_chars] for ps in per_rule for h in ps}
        self._scan = re.compile(word_start + "(?=" + _prefix_regex(scan) + ")")
        self._trie: dict = {}
        memo: dict = {}
        for rule, ps in enumerate(per_rule):
            for keys in {_keys(p, memo) for p in ps}:
                self._insert(self._trie, keys, rule)

    def _insert(self, node: dict, keys: tuple[frozenset[str], ...], rule: int) -> None:
        if not keys:
            accepted = node.get(None, ())
            if rule not in accepted:
                node[None] = accepted + (rule,)
            return
        for c in keys[0]:
            self._insert(node.setdefault(c, {}), keys[1:], rule)

    def candidates(self, low: str) -> list[tuple[int, list[int]]]:
        """(position, rules whose first characters fit there), in text order; a rule may be
        listed twice at one position."""
        out = []
        size, trie = self.rule_chars, self._trie
        for m in self._scan.finditer(low):
            pos = m.start()
            key = low[pos:pos + size]
            if key.isascii():
                key = key.translate(_ASCII_REPRESENTATIVES)
            else:
                key = "".join(map(_representative, key))
            node = trie
            found: list[int] = []
            for c in key:
                node = node.get(c)
                if node is None:
                    break
                found += node.get(None, ())
            out.append((pos, found))
        return out
