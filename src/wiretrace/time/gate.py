"""Which lines each rule of the tagger needs to read.

Every rule's regex is tried at each word of the text, and most lines of news
name no time at all; a rule runs only on the lines that hold one of the words
its every match must contain (its trigger words, or a digit). No pattern
matches across a line break and no look-around reaches past one, so the
matches found line by line are exactly those of the whole text: the tests
check it on every expression of the time tables. A rule with no trigger set
here reads every line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wiretrace.time.lexicon import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)

DIGIT = "<digit>"

_MONTHS = set(MONTHS)
_WEEKDAYS = {day for day in WEEKDAYS if day.endswith("day")}
_SEASONS = set(SEASONS)
_PARTS = {part for part in PARTS_OF_DAY if part.isalpha()}
# "midafternoon", "thismorning": the patterns let an edge word or article run into a part of the day.
_GLUED_PARTS = {edge + part for edge in ("early", "late", "mid", "this", "that", "the") for part in _PARTS}
# A duration's unit, singular or plural ("centurie" is the lexicon's stem of "centuries").
_UNITS = {form for unit in set(UNITS) - {"weekend", "centurie"} for form in (unit, unit + "s")} | {"centuries"}
_DECADE_WORDS = set("twenties thirties forties fifties sixties seventies eighties nineties".split())
# One word of each holiday's name will do, and the longest is the rarest ("independence", not "day").
_HOLIDAY_WORDS = {
    max(re.findall(r"[a-z]+", name.casefold()), key=len)
    for name in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)
}

TRIGGERS: dict[str, frozenset[str]] = {
    name: frozenset(words)
    for name, words in {
        "clock": {DIGIT, "noon", "midnight", "midday"},
        "clock_after": {"noon", "midnight"},
        "full_date": _MONTHS,
        "range_start": _MONTHS,
        "numeric_date": {DIGIT},
        "paired_day": {DIGIT},
        "month_year": _MONTHS,
        "quarter": {"quarter", "quarters", "half", "halfs"},
        "decade": {DIGIT} | _DECADE_WORDS,
        "century": {"century"},
        "year": {DIGIT, "nineteen", "thousand"},
        "year_word": {"year"},
        "season": _SEASONS,
        "holiday": _HOLIDAY_WORDS,
        "relday": {"yesterday", "today", "tomorrow", "tonight", "night"},
        "nth_day": {"day"},
        "partday": _PARTS | _GLUED_PARTS,
        "weekday_set": _WEEKDAYS | {day + "s" for day in _WEEKDAYS},
        "weekday": set(WEEKDAYS),
        "month": _MONTHS,
        "earlier": {"week", "month", "year", "day", "decade"},
        "relunit": {"week", "month", "year", "quarter", "weekend", "decade", "century", "day"}
        | {"days", "weeks", "months", "years"},
        "duration": _UNITS,
        "unit_long": {"long"},
        "set": {"hourly", "daily", "nightly", "weekly", "biweekly", "monthly", "yearly"}
        | {"second", "minute", "hour", "day", "night", "week", "month", "quarter", "year"}
        | {"morning", "evening", "afternoon"}
        | _SEASONS
        | _MONTHS
        | _WEEKDAYS,
        "period": {"quarter", "period", "year"},
        "vague_unit": {"days", "weeks", "months", "quarters", "years", "decades", "centuries"}
        | {"while", "hours", "minutes"},
        "ref": {"now", "currently", "recently", "lately", "nowadays", "days", "present", "future", "past"}
        | {"date", "term", "current"},
    }.items()
}

_LINE = re.compile(r"[^\n]*\n?")
_WORD = re.compile(r"[a-z]+")
_ANY_DIGIT = re.compile(r"\d")
# Past a span's last line the scan goes on this far, so a look-ahead at its end sees what it saw before.
_LOOKAHEAD_ROOM = 64


Lines = list[tuple[int, int, frozenset[str]]]


def line_words(text: str) -> Lines:
    """Each line's start, end and the words it holds (case-folded, with DIGIT where it has a digit)."""
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group(0)
        words = set(_WORD.findall(line.casefold()))
        if _ANY_DIGIT.search(line):
            words.add(DIGIT)
        lines.append((m.start(), m.end(), frozenset(words)))
    return lines


def spans_to_read(name: str, lines: Lines) -> Iterator[tuple[int, int]]:
    """The runs of consecutive lines where rule `name` may match."""
    triggers = TRIGGERS.get(name)
    start = end = None
    for line_start, line_end, words in lines:
        if triggers is None or not triggers.isdisjoint(words):
            if start is None:
                start = line_start
            end = line_end
        elif start is not None:
            yield start, end
            start = None
    if start is not None:
        yield start, end


def finditer_gated(name: str, pattern: re.Pattern[str], text: str, lines: Lines) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, reading only the lines where rule `name` may match."""
    for start, end in spans_to_read(name, lines):
        for m in pattern.finditer(text, start, min(len(text), end + _LOOKAHEAD_ROOM)):
            if m.start() >= end:
                break
            yield m
