"""The publication day of an article that carries no metadata, read from its own words.

Layered, the precise first: a date header or dateline at the top of the text;
else the latest day the text names in a clause that is not about the future
(news reports what has happened, so the newest past day it names is the day it
was written or the day before), its year taken from the text when the date has
none, and a weekday named beside a date checking that year. The answer comes
with a ``DateEvidence``: the rule, the words, a confidence. No day-level
evidence: no date, rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from wiretrace.model import DateEvidence, Mention, Timex
from wiretrace.time import dates
from wiretrace.time.context import Context
from wiretrace.time.lexicon import WEEKDAYS

# A full date after at most this many words, before any sentence ends, is a header or dateline
# ("date 2023-02-13", "LONDON, Feb 13, 2023 -", "Published 14:02, 14 Feb 2023").
HEADER_WORDS = 6
# ... at the start of one of the text's first lines (a title, a byline or a date line may come first).
HEADER_LINES = 3
# The only lower-case words a header may have before its date (a place or a label is capitalized).
HEADER_LABELS = {"date", "dated", "filed", "published", "posted", "updated", "on", "at", "by", "last"}
# Confidences by rule; an answer at or above HIGH_CONFIDENCE counts as "sure" in benchmarks/pubdate.py.
HEADER_CONFIDENCE = 0.9
# A latest day named with its year and backed by a second mention or an agreeing weekday.
SUPPORTED_CONFIDENCE = 0.7
# A latest day named once, or whose year was read off the rest of the text.
SINGLE_CONFIDENCE = 0.5
HIGH_CONFIDENCE = 0.7
# A year-less date beside a weekday is looked for this many years after the latest year the text names
# (the weekdays of a date repeat every 5-6 years, so a longer reach would be ambiguous).
YEARS_AHEAD = 4
# How far (characters) a weekday may sit from a date in the same sentence to be read as its day.
WEEKDAY_REACH = 60
# "yesterday (TUES)", "today (WEDS)": wire copy names the weekday it means.
_RELDAY_WEEKDAY = re.compile(r"(yesterday|today|tonight|last night)\s*\((\w+)\.?\)", re.IGNORECASE)
_YEARLESS_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])$")


@dataclass(slots=True)
class DayMention:
    """A day the text names, with the words that name it and whether its year was written."""

    day: dt.date
    timex: Timex
    year_written: bool
    weekday_agrees: bool = False


def infer_pub_date(text: str, timexes: list[Timex], doc: Any = None) -> tuple[str | None, DateEvidence | None]:
    """The publication day ("YYYY-MM-DD") of ``text`` and why, from timexes tagged without a document date.

    ``doc`` (an optional spaCy Doc over ``text``) lends tense, so that future dates are not taken.
    """
    header = _header(text, timexes)
    if header:
        return header.value, DateEvidence("header", [_mention(header)], HEADER_CONFIDENCE)
    ctx = Context(text=text, dct=None, doc=doc)
    days = [d for d in _day_mentions(text, timexes, ctx) if ctx.direction(d.timex.start, d.timex.end) < 0]
    if not days:
        return None, None
    latest = max(d.day for d in days)
    named = [d for d in days if d.day == latest]
    chosen, said = _weekday_shift(text, latest)
    if not said and not _backed(named):
        return None, None
    words = sorted([_mention(d.timex) for d in named] + said, key=lambda m: m.start)
    return chosen.isoformat(), DateEvidence("latest_past_day", words, _confidence(named))


def _header(text: str, timexes: list[Timex]) -> Timex | None:
    for timex in timexes:
        line_start = text.rfind("\n", 0, timex.start) + 1
        if len([line for line in text[:line_start].split("\n") if line.strip()]) > HEADER_LINES:
            return None
        before = text[line_start : timex.start]
        words = re.findall(r"[^\W\d_]+", before)
        if len(before.split()) > HEADER_WORDS or re.search(r"[.!?]\s", before):
            return None
        if any(w.islower() and w not in HEADER_LABELS for w in words):
            return None
        if timex.type == "DATE" and dates.is_full_day(timex.value):
            return timex
    return None


def _day_mentions(text: str, timexes: list[Timex], ctx: Context) -> list[DayMention]:
    """Every day-grained date the text names, year-less ones given a year the text allows."""
    year = _text_year(timexes, ctx)
    weekdays = [t for t in timexes if _WEEKDAY_VALUE.match(t.value)]
    out = []
    for timex in timexes:
        if timex.type != "DATE":
            continue
        if dates.is_full_day(timex.value):
            day = dates.as_day(timex.value)
            if day:
                out.append(DayMention(day, timex, True, _weekday_named(text, timex, weekdays, day)))
        elif (m := _YEARLESS_DAY.match(timex.value)) and year:
            mention = _yearless(text, timex, weekdays, year, int(m[1]), int(m[2]))
            if mention:
                out.append(mention)
    return out


def _yearless(text: str, timex: Timex, weekdays: list[Timex], year: int, month: int, day: int) -> DayMention | None:
    """A "Sept. 26" in the first year, from the latest the text names on, whose weekday agrees with one beside it.

    Articles seldom name their own year, so without a weekday the year is left unknown."""
    for y in range(year, year + YEARS_AHEAD + 1):
        try:
            candidate = dt.date(y, month, day)
        except ValueError:
            continue
        if _weekday_named(text, timex, weekdays, candidate):
            return DayMention(candidate, timex, False, True)
    return None


def _text_year(timexes: list[Timex], ctx: Context) -> int | None:
    """The latest year the text writes out in a past or present clause: the article is that year or later."""
    years = [
        dates.year_of(t.value)
        for t in timexes
        if t.type == "DATE" and t.value[:4].isdigit() and ctx.direction(t.start, t.end) < 0
    ]
    written = [y for y in years if y]
    return max(written) if written else None


def _weekday_named(text: str, timex: Timex, weekdays: list[Timex], day: dt.date) -> bool:
    """Whether a weekday in the date's own words, or close by in its sentence, is the day's weekday."""
    named = [WEEKDAYS[w] for w in re.findall(r"[a-z]+", timex.text.lower()) if w in WEEKDAYS]
    if not named:
        for wd in weekdays:
            gap = text[min(wd.end, timex.end) : max(wd.start, timex.start)]
            if len(gap) <= WEEKDAY_REACH and not re.search(r"[.!?]\s", gap):
                named.append(int(wd.value[-1]))
    return day.isoweekday() in named


def _weekday_shift(text: str, latest: dt.date) -> tuple[dt.date, list[Mention]]:
    """The latest day moved to the weekday wire copy gives for today ("said yesterday (TUES)" is written Wednesday)."""
    for m in _RELDAY_WEEKDAY.finditer(text):
        wd = WEEKDAYS.get(m[2].lower())
        if wd is None:
            continue
        today = (wd % 7) + 1 if m[1].lower() in ("yesterday", "last night") else wd
        return dates.weekday_near(latest, today, 1), [Mention(m.start(), m.end(), m[0])]
    return latest, []


def _backed(named: list[DayMention]) -> bool:
    """A day named twice, or with a weekday that agrees: one lone date may be history, not the news."""
    return len(named) > 1 or any(d.weekday_agrees for d in named)


def _confidence(named: list[DayMention]) -> float:
    if len(named) > 1 and any(d.year_written or d.weekday_agrees for d in named):
        return SUPPORTED_CONFIDENCE
    return SINGLE_CONFIDENCE


def _mention(timex: Timex) -> Mention:
    return Mention(timex.start, timex.end, timex.text)
