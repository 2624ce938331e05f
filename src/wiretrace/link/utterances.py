"""When two reported statements are one saying, and how their wordings differ.

Two statements report one utterance when their speakers can be one entity,
their words are one wording (a partial quote is contained in the full one it
was cut from; a retelling shares most of its content words) and their
occasions agree: said-dates where both are known, else the reports' dates,
else the story they belong to. The same words said on two occasions stay
two utterances.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from wiretrace.link.text import STOP_WORDS, content_words, tokens

# Text inside quotation marks (a last one may run to the statement's end): the words of a
# mixed statement that are the speaker's own.
QUOTED = re.compile(r"[\"\u201c\u201e]([^\"\u201c\u201d\u201e]+)(?:[\"\u201d]|$)")
# A statement of this many words or fewer matches only as a run of the other's words
# (and only under the same named speaker): "lazy", "party to the conflict".
SHORT_WORDS = 4
# Share of the shorter statement's content words found in the longer one (tuned on
# the PolNeAR pairs in tests/data/utterance_pairs.jsonl, see benchmarks/utterances.py).
CONTAINMENT = 0.75
# At least this many shared content words for a long statement to match.
MIN_SHARED = 3
# Without a named speaker on one side, the wording must agree this much more.
UNNAMED_CONTAINMENT = 0.9
# Said-dates this many days apart are one occasion (time zones, "late on Monday").
SAID_TOLERANCE_DAYS = 1
# Reports of one saying, with no said-date, come out within this many days of each other
# (PolNeAR pairs: a rally line quoted four days later, "last week").
REPORT_WINDOW_DAYS = 7
# Date rules (wiretrace.time.said) that only copy the article's day: no evidence of the occasion.
FALLBACK_DATE_RULES = frozenset({"article_day"})


@dataclass(slots=True)
class Said:
    """A statement as the linker compares it: its words, speaker entity, occasion."""

    article_id: str
    statement_id: str
    text: str
    kind: str
    entity_id: str | None
    date: str | None
    pub_date: str | None
    story_id: str | None
    words: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.words:
            self.words = match_words(self.text, self.kind)


def said_date(date_: str | None, rule: str | None) -> str | None:
    """A statement's said-date as evidence of its occasion: None where it was only the article's day."""
    return None if rule in FALLBACK_DATE_RULES else date_


def match_words(text: str, kind: str) -> list[str]:
    """The words compared: a mixed statement's quoted words (the speaker's own), else all."""
    if kind == "mixed":
        quoted = [w for part in QUOTED.findall(text) for w in tokens(part)]
        if quoted:
            return quoted
    return tokens(text)


def same_saying(one: Said, other: Said) -> bool:
    """Whether two statements report one utterance (see the module docstring)."""
    if one.entity_id and other.entity_id and one.entity_id != other.entity_id:
        return False
    named = bool(one.entity_id and other.entity_id)
    return same_wording(one.words, other.words, named) and same_occasion(one, other)


def same_wording(one: list[str], other: list[str], named: bool) -> bool:
    """One wording: a short one as a run of the other's words, a long one by shared content words."""
    short, long_ = sorted((one, other), key=len)
    if not short:
        return False
    if len(short) <= SHORT_WORDS:
        # "a “loser,” a “liar” and a “whiner”": quoted words apart, each a content word of the other
        return named and (is_run_of(short, long_) or all(w not in STOP_WORDS and w in long_ for w in short))
    mine, theirs = set(content_words(short)), set(content_words(long_))
    if len(mine) < MIN_SHARED:
        return is_run_of(short, long_)
    shared = len(mine & theirs)
    floor = CONTAINMENT if named else UNNAMED_CONTAINMENT
    return shared >= MIN_SHARED and shared / len(mine) >= floor


def is_run_of(short: list[str], long_: list[str]) -> bool:
    """Whether ``short`` occurs in ``long_`` as consecutive words."""
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def same_occasion(one: Said, other: Said) -> bool:
    """Said-dates agree; else the reports are close in time; else they share a story."""
    if one.article_id == other.article_id and not (one.date and other.date):
        return True
    if one.date and other.date:
        return dates_agree(one.date, other.date, SAID_TOLERANCE_DAYS)
    first, second = one.date or one.pub_date, other.date or other.pub_date
    if first and second:
        return dates_agree(first, second, REPORT_WINDOW_DAYS)
    return one.story_id is not None and one.story_id == other.story_id


def dates_agree(one: str, other: str, tolerance_days: int) -> bool:
    """ISO dates within a tolerance; a month ("2019-11") or year agrees with any day inside it."""
    if len(one) < 10 or len(other) < 10:
        n = min(len(one), len(other), 10)
        return one[:n] == other[:n]
    try:
        gap = date.fromisoformat(one[:10]) - date.fromisoformat(other[:10])
    except ValueError:
        return False
    return abs(gap.days) <= tolerance_days


def wording_diff(base: str, variant: str) -> str:
    """A word-level diff of a variant against the base wording: ``[-gone-]`` and ``{+new+}``.

    The base words before and after the part a partial quote was cut from show as "…".
    """
    base_words, variant_words = base.split(), variant.split()
    opcodes = difflib.SequenceMatcher(None, base_words, variant_words, autojunk=False).get_opcodes()
    parts = []
    if opcodes and opcodes[0][0] == "delete":
        opcodes, parts = opcodes[1:], ["\u2026"]
    tail = opcodes and opcodes[-1][0] == "delete"
    for op, a0, a1, b0, b1 in opcodes[:-1] if tail else opcodes:
        if op == "equal":
            parts.append(" ".join(base_words[a0:a1]))
            continue
        if a1 > a0:
            parts.append("[-" + " ".join(base_words[a0:a1]) + "-]")
        if b1 > b0:
            parts.append("{+" + " ".join(variant_words[b0:b1]) + "+}")
    return " ".join(parts + (["\u2026"] if tail else []))
