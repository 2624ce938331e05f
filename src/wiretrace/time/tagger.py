"""The tagger: every rule's matches, the longest at each place, valued in reading order."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from wiretrace.model import Timex
from wiretrace.time import calendar_rules as cal
from wiretrace.time import dates, gate
from wiretrace.time import quarter_rules as qr
from wiretrace.time import relative_rules as rel
from wiretrace.time.context import Context
from wiretrace.time.patterns import RULES

Handler = Callable[[re.Match[str], Context], tuple[str, str] | None]

HANDLERS: dict[str, Handler] = {
    "clock": cal.clock,
    "clock_after": cal.clock,
    "full_date": cal.full_date,
    "range_start": cal.full_date,
    "numeric_date": cal.numeric_date,
    "paired_day": cal.paired_day,
    "month_year": cal.month_year,
    "quarter": qr.quarter,
    "decade": cal.decade,
    "century": cal.century,
    "year": cal.year,
    "year_word": cal.year_word,
    "season": cal.season,
    "holiday": cal.holiday,
    "relday": rel.relday,
    "nth_day": rel.nth_day,
    "partday": rel.partday,
    "weekday_set": rel.weekday_set,
    "weekday": rel.weekday,
    "month": cal.month,
    "earlier": rel.earlier,
    "relunit": rel.relunit,
    "duration": rel.duration,
    "unit_long": rel.unit_long,
    "set": rel.set_,
    "period": qr.period,
    "vague_unit": rel.vague_unit,
    "ref": rel.ref,
}
PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}
# Rules whose value is read off the reference time, and so must not move it.
NON_ANCHORING = {"ref", "vague_unit", "set", "weekday_set", "nth_day"}
# "the quarter" is the quarter in view and anchors what follows; "the 1988 period", "the period last year" do not.
_PERIOD_BACK = re.compile(r"\d|year", re.IGNORECASE)
_SHIFT_WORDS = ("ago", "earlier", "later", "year-ago", "year-earlier")
# The span results copy reports on besides a quarter: "the nine months", "the first six months".
_MONTHS_REPORTED = re.compile(r"the (?:first |latest )?(?:six|nine|\d+) months", re.IGNORECASE)
# Month and weekday names count only capitalized ("may", "march" are words).
_NAMES = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)

# Time words that are capitalized only at a sentence's start or in a title.
_COMMON_WORDS = frozenset(
    "second seconds minute minutes hour hours day days night nights week weeks month months year years today".split()
)

# "Separately, X posted a third-quarter loss": a paragraph so opened reports on another company's results.
_NEW_TOPIC = re.compile(r"\n\s*Separately,")
# "fourth-quarter earnings": a quarter named as results copy names the one it reports on.
_REPORTED_QUARTER = re.compile(r"\w-quarter$", re.I)


def _lowercase_name(words: str) -> bool:
    return any(n.group(0)[0].islower() for n in _NAMES.finditer(words))


def _title(words: str) -> bool:
    """ "This Week", "60 Minutes": a common time word capitalized inside the words is a title, not a time."""
    return any(w[:1].isupper() and w.lower() in _COMMON_WORDS for w in words.split()[1:])


def _candidates(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    found = []
    lines = gate.line_words(text)
    for name, pattern in RULES:
        for m in gate.finditer_gated(name, pattern, text, lines):
            found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0]), PRIORITY[c[2]]))
    return found


def tag(text: str, pub_date: str | None, doc: Any = None) -> list[Timex]:
    ctx = Context(text=text, dct=dates.parse_pub_date(pub_date), doc=doc)
    out: list[Timex] = []
    taken_until = 0
    topics = [m.start() for m in _NEW_TOPIC.finditer(text)]
    for start, end, name, m in _candidates(text):
        while topics and topics[0] < start:
            topics.pop(0)
            ctx.topic_open, ctx.months_in_view = True, False
        if start < taken_until or _lowercase_name(m.group(0)) or (name != "holiday" and _title(m.group(0))):
            continue
        result = HANDLERS[name](m, ctx)
        if result is None:
            continue
        kind, value = result
        out.append(Timex(start, end, text[start:end], kind, value, name))
        taken_until = end
        _move_reference(ctx, name, kind, value, text[start:end])
    return out


def _move_reference(ctx: Context, name: str, kind: str, value: str, words: str) -> None:
    """A date the narrative names becomes the anchor of "that day", "a year earlier"; a span of months
    reported on ("the first nine months") or a quarter named after it decides what "year-earlier" compares."""
    if kind == "DURATION" and _MONTHS_REPORTED.fullmatch(words):
        ctx.months_in_view = True
    if kind != "DATE" or not value[:1].isdigit():
        return
    if dates.granularity(value) in ("Q", "D"):
        ctx.months_in_view = False  # a quarter, or the day the months ended ("the six months ended Aug. 12")
    if dates.granularity(value) == "Q" and value[6:7].isdigit():
        ctx.quarter_named = value
    if name in NON_ANCHORING or name == "period" and _PERIOD_BACK.search(words):
        return
    if any(w in words.lower() for w in _SHIFT_WORDS) or name == "relday":
        return
    ctx.ref = value
    if (ctx.topic_quarter is None or ctx.topic_open) and _reported_quarter(ctx, value, words):
        ctx.topic_quarter, ctx.topic_open = value, False


def _reported_quarter(ctx: Context, value: str, words: str) -> bool:
    """A quarter of the document's year or the one before that results copy reports on: one over by the
    document date, or one named as an adjective ("fourth-quarter earnings", a fiscal quarter maybe still
    in course); "into the fourth quarter" looks ahead."""
    if ctx.dct is None or dates.granularity(value) != "Q" or not value[6:7].isdigit():
        return False
    year = dates.year_of(value) or 0
    over = year * 12 + 3 * int(value[6]) < ctx.dct.year * 12 + ctx.dct.month
    return 0 <= ctx.dct.year - year <= 1 and (over or bool(_REPORTED_QUARTER.search(words)))
