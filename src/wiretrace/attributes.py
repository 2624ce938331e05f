"""A cached stand-in for spaCy's ``attribute_ruler`` and ``lemmatizer``: the same POS, morph and lemma, much faster.

Both components run Python for every token (a Matcher over 179 patterns,
then rule lemmatization); on news text they took about a third of the
model's time. A token's answers depend only on its form, its tag, its
dependency and, for the few patterns that span two tokens, its neighbours. So
the first token with a given key gets the real rules (the ruler's own
patterns in the ruler's order, then the lemmatizer) and every later one
reuses the result. ``tests/test_pipeline.py`` checks the answers are identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

NAME = "wiretrace_attributes"
Predicate = Callable[[Token], bool]
# One rule: its token patterns (alternatives), the index of the token it sets, the attributes it sets.
Rule = tuple[list[list[Predicate]], int, dict[Any, Any]]
# What a token gets: POS, morph key, lemma, and the tag and dependency where the ruler changed them.
Answer = tuple[int, int, int, int | None, int | None]
MISSING = object()
GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space,
}


class CachedAttributes:
    """Sets POS, morph and lemma (and a space's tag and dependency) as ``ruler`` then ``lemmatizer`` would."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.rules: list[Rule] = [
            ([[_predicate(spec) for spec in pattern] for pattern in raw["patterns"]], raw.get("index", 0), attrs)
            for raw, attrs in zip(ruler.patterns, ruler.attrs, strict=True)
        ]
        self.wide = [rule for rule in self.rules if any(len(p) > 1 for p in rule[0])]
        # What each rule needs of a token's tag and lower form (None: anything), to skip the rest quickly.
        self.needs = [(_allowed(raw, "TAG"), _allowed(raw, "LOWER")) for raw in ruler.patterns]
        self.by_lower: dict[str, list[int]] = {}
        for i, (_, lowers) in enumerate(self.needs):
            for lower in lowers or ():
                self.by_lower.setdefault(lower, []).append(i)
        self.any_lower: dict[str, list[int]] = {}  # by tag: the rules that accept any lower form
        self.cache: dict[tuple, Answer | None] = {}  # None: depends on the neighbours
        self.cache_in_context: dict[tuple, Answer] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            known = self.cache.get(key, MISSING)
            if known is MISSING:
                known = self.cache[key] = None if self._may_take_part(token) else self._compute(token)
            if known is None:
                known = self._in_context(token, key)
            _apply(token, known)
        return doc

    def _may_take_part(self, token: Token) -> bool:
        """Whether a pattern spanning two tokens could put this one in a match."""
        return any(len(p) > 1 and any(test(token) for test in p) for rule in self.wide for p in rule[0])

    def _in_context(self, token: Token, key: tuple) -> Answer:
        doc = token.doc
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        wide_key = (*key, _shape(before), _shape(after))
        known = self.cache_in_context.get(wide_key)
        if known is None:
            known = self.cache_in_context[wide_key] = self._compute(token)
        return known

    def _candidates(self, tag_: str, lower: str) -> list[Rule]:
        """The rules that may touch a token of this tag and lower form, in the ruler's order."""
        general = self.any_lower.get(tag_)
        if general is None:
            general = self.any_lower[tag_] = [
                i for i, (tags, lowers) in enumerate(self.needs) if lowers is None and (tags is None or tag_ in tags)
            ]
        by_lower = [i for i in self.by_lower.get(lower, ()) if self.needs[i][0] is None or tag_ in self.needs[i][0]]
        return [self.rules[i] for i in sorted(general + by_lower)]

    def _compute(self, token: Token) -> Answer:
        tag, dep = token.tag, token.dep
        token.lemma = 0
        for patterns, index, attrs in self._candidates(token.tag_, token.lower_):
            if any(_matches_at(pattern, index, token) for pattern in patterns):
                set_token_attrs(token, attrs)
        if token.lemma == 0:
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]
        changed_tag = token.tag if token.tag != tag else None
        changed_dep = token.dep if token.dep != dep else None
        return token.pos, token.morph.key, token.lemma, changed_tag, changed_dep


def _allowed(raw: dict[str, Any], attr: str) -> frozenset[str] | None:
    """The values of ``attr`` a one-token rule accepts (None: the rule is wider, or accepts any)."""
    allowed: set[str] = set()
    for pattern in raw["patterns"]:
        value = pattern[0].get(attr) if len(pattern) == 1 else None
        if isinstance(value, str):
            allowed.add(value)
        elif isinstance(value, dict) and set(value) == {"IN"}:
            allowed.update(value["IN"])
        else:
            return None
    return frozenset(allowed)


def _apply(token: Token, answer: Answer) -> None:
    token.pos, token.lemma = answer[0], answer[2]
    token.set_morph(answer[1])
    if answer[3] is not None:
        token.tag = answer[3]
    if answer[4] is not None:
        token.dep = answer[4]


def _shape(token: Token | None) -> tuple[int, int, int] | None:
    return None if token is None else (token.orth, token.tag, token.dep)


def _predicate(spec: dict[str, Any]) -> Predicate:
    tests = [(GETTERS[attr], _value_test(value)) for attr, value in spec.items()]
    return lambda token: all(test(get(token)) for get, test in tests)


def _value_test(value: Any) -> Callable[[Any], bool]:
    if isinstance(value, dict) and "IN" in value:
        allowed = set(value["IN"])
        return lambda v: v in allowed
    if isinstance(value, dict) and "NOT_IN" in value:
        banned = set(value["NOT_IN"])
        return lambda v: v not in banned
    if isinstance(value, dict) and "REGEX" in value:
        regex = re.compile(value["REGEX"])
        return lambda v: bool(regex.search(v))
    if isinstance(value, dict):
        raise ValueError(f"attribute_ruler pattern operator not supported here: {value}")
    return lambda v: v == value


def _matches_at(pattern: list[Predicate], index: int, token: Token) -> bool:
    """Whether ``pattern`` matches a span that puts ``token`` at position ``index``."""
    start = token.i - (index % len(pattern))
    if start < 0 or start + len(pattern) > len(token.doc):
        return False
    return all(test(token.doc[start + k]) for k, test in enumerate(pattern))


@Language.factory(NAME)
def make_cached_attributes(nlp: Language, name: str) -> CachedAttributes:
    return CachedAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def use_cached_attributes(nlp: Language) -> None:
    """Swap the pipeline's attribute_ruler and lemmatizer for one cached component (when it has both)."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    nlp.add_pipe(NAME, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
