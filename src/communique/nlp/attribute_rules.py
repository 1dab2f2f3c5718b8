"""spaCy's attribute ruler, with the same rules and results, matched per token signature.

en_core_web_sm's ``attribute_ruler`` maps tags to coarse POS and morphology and fixes lemmas
with 179 rules, nearly all about one token ("TAG is VBZ and LOWER is 's"). spaCy runs them
through its general ``Matcher``, which re-evaluates every set/regex predicate of every rule at
every token: ~14% of the whole model's time on news text. Whether a one-token rule matches
depends only on the token's (TAG, LOWER, DEP, IS_SPACE), so here the matching rules are worked
out once per distinct signature and remembered; the few multi-token rules ("gon na") are
checked where their first word occurs. Matches are then applied exactly as spaCy does: sorted
by rule number, later rules winning, through spaCy's own ``set_token_attrs``.

``tests/nlp/test_attribute_rules.py`` checks the results equal the stock component's.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline.attributeruler import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

_GETTERS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space, "ORTH": lambda t: t.text, "POS": lambda t: t.pos_,
}
_MAX_SIGNATURES = 500_000
"""The memo is cleared past this many signatures (a few tens of MB), bounding a worker's memory."""


class UnsupportedRule(ValueError):
    """A rule uses a key or operator this matcher does not implement (the stock one is kept)."""


def _predicate(key: str, value: object) -> Callable[[Token], bool]:
    get = _GETTERS.get(key)
    if get is None:
        raise UnsupportedRule(key)
    if not isinstance(value, dict):
        return lambda t: get(t) == value
    if len(value) != 1:
        raise UnsupportedRule(f"{key}: {value}")
    (op, arg), = value.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda t: get(t) in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda t: get(t) not in banned
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda t: bool(rx.search(get(t)))
    raise UnsupportedRule(f"{key}: {op}")


def _required_values(value: object) -> frozenset | None:
    """The values an attribute must take for a spec to match, when they are a finite set."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


def _token_matcher(spec: dict) -> Callable[[Token], bool]:
    preds = [_predicate(k, v) for k, v in spec.items()]
    return lambda t: all(p(t) for p in preds)


class SignatureAttributeRuler(AttributeRuler):
    """A drop-in ``AttributeRuler`` whose matching is memoised per token signature."""

    def _compile(self) -> None:
        # One-token rules are filed under a value their token must have (its LOWER, else its
        # TAG), so a new signature is tested against a handful of rules, not all of them.
        self._by_lower: dict[str, list[tuple[int, Callable[[Token], bool]]]] = {}
        self._by_tag: dict[str, list[tuple[int, Callable[[Token], bool]]]] = {}
        self._anywhere: list[tuple[int, Callable[[Token], bool]]] = []
        # Multi-token rules are filed under the LOWER hash one of their tokens must have (its
        # "anchor"), so they are tried only where that word occurs; the rest everywhere.
        self._multi_by_lower: dict[int, list[tuple[int, int, list[Callable[[Token], bool]]]]] = {}
        self._multi: list[tuple[int, list[Callable[[Token], bool]]]] = []
        for key, rule in enumerate(self.patterns):
            for pattern in rule["patterns"]:
                for spec in pattern:
                    if any(k in spec for k in ("OP", "_")):
                        raise UnsupportedRule(str(spec))
                matchers = [_token_matcher(spec) for spec in pattern]
                if len(matchers) > 1:
                    for j, spec in enumerate(pattern):
                        values = _required_values(spec.get("LOWER"))
                        if values is not None:
                            for v in values:
                                h = self.vocab.strings.add(v)
                                self._multi_by_lower.setdefault(h, []).append((key, j, matchers))
                            break
                    else:
                        self._multi.append((key, matchers))
                    continue
                entry, spec = (key, matchers[0]), pattern[0]
                for attr, index in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
                    values = _required_values(spec.get(attr))
                    if values is not None:
                        for v in values:
                            index.setdefault(v, []).append(entry)
                        break
                else:
                    self._anywhere.append(entry)
        self._memo: dict[tuple, tuple[int, ...]] = {}
        self._compiled_for = len(self.patterns)

    def _keys_for(self, doc: Doc, i: int, sig: tuple) -> tuple[int, ...]:
        keys = self._memo.get(sig)
        if keys is None:
            if len(self._memo) >= _MAX_SIGNATURES:
                self._memo.clear()
            tok = doc[i]
            candidates = (self._anywhere + self._by_lower.get(tok.lower_, [])
                          + self._by_tag.get(tok.tag_, []))
            keys = tuple(sorted({k for k, match in candidates if match(tok)}))
            self._memo[sig] = keys
        return keys

    def match(self, doc: Doc):
        if getattr(self, "_compiled_for", None) != len(self.patterns):
            self._compile()
        n_doc = len(doc)
        matches = []
        # The signature read as integers from one array: no Token object per token.
        for i, (tag, lower, dep, space) in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            for k in self._keys_for(doc, i, (tag, lower, dep, bool(space))):
                matches.append((k, i, i + 1))
            for key, j, matchers in self._multi_by_lower.get(lower, ()):
                start, n = i - j, len(matchers)
                if start >= 0 and start + n <= n_doc and all(m(doc[start + x]) for x, m in enumerate(matchers)):
                    matches.append((key, start, start + n))
        for key, matchers in self._multi:
            n = len(matchers)
            for i in range(n_doc - n + 1):
                if all(m(doc[i + j]) for j, m in enumerate(matchers)):
                    matches.append((key, i, i + n))
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches) -> None:
        indices, attrs = self.indices, self.attrs
        for key, start, end in matches:
            index = indices[key]
            token = doc[start + index] if index >= 0 else doc[end + index]
            set_token_attrs(token, attrs[key])


def use_signature_attribute_ruler(nlp: Language) -> bool:
    """Swap the pipeline's attribute ruler for the memoised one, keeping its rules and place.

    Returns False (and leaves spaCy's own component) when a rule uses something not handled here.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    patterns = nlp.get_pipe("attribute_ruler").patterns
    probe = SignatureAttributeRuler(nlp.vocab, name="attribute_ruler", validate=False)
    probe.add_patterns(patterns)
    try:
        probe._compile()
    except UnsupportedRule:
        return False
    new = nlp.replace_pipe("attribute_ruler", "communique_attribute_ruler")
    new.add_patterns(patterns)
    return True
