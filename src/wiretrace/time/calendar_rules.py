"""Values for calendar expressions: dates, months, years, decades, quarters, seasons, clock times.

Each handler takes the match and the context and returns (type, value), or
None to reject the match (a later, shorter candidate may then take the words).
"""

from __future__ import annotations

import datetime as dt
import re

from wiretrace.time import dates
from wiretrace.time.context import Context
from wiretrace.time.lexicon import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
    day_ordinal,
    number_value,
    spoken_year,
)
from wiretrace.time.patterns import DAY_WORD

Result = tuple[str, str] | None

_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)
_YEAR4 = re.compile(r"(?<![\d$])(1[6-9]\d\d|20\d\d)(?!\d)")
_DAYNUM = re.compile(r"(?<![\d:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_DAY_WORD = re.compile(rf"\b(?:{DAY_WORD})\b", re.I)
_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?\s*(a\.?m|p\.?m)?|(noon|midday|midnight)", re.I)
# A year with nothing around it counts only in this range (wider ranges catch amounts).
BARE_YEAR_MIN, BARE_YEAR_MAX = 1900, 2039
# A month-day without a year more than this many days on the "wrong" side of the
# document date (future in a past-tense clause) moves to the neighbouring year (90: tuned on TimeBank dev).
YEAR_FLIP_DAYS = 90
# "last February" in March means a year ago, "last April" in October this year's:
# a "last" month is this year's only when at least this many months back (TimeBank gold).
LAST_MONTH_GAP = 2
# A bare month up to this many months after the document's stays in its year even in a
# past-tense clause ("sales fell in November" in an October article: TimeBank gold).
NEAR_MONTHS = 2
# "from June 10 to July 8", "between Dec. 20 and Jan. 5": the words that open and close a range of days,
# at most RANGE_REACH characters before its second date (a date, a year and the joining word).
_RANGE_BEFORE = re.compile(
    rf"\b(?:from|between)\s+(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?\s+(?:to|through|until|till|and|-)\s+$",
    re.I,
)
RANGE_REACH = 40
_NAME_BEFORE_YEAR = re.compile(r"[a-z,;] ([A-Z][a-z]+) $")
_YEAR_END = re.compile(r"year[- ]end", re.I)
_SINCE_BEFORE = re.compile(r"\bsince $", re.I)
# "the second quarter ended Oct. 31": a day something ended on is past, even a few days after the document's.
ENDED_BEFORE = re.compile(r"\bended $", re.I)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Month words that are other words too ("may") count only after a cue; an abbreviation without
# its period before a capitalized word is a name ("Jan Kavan").
_SHORT_MONTHS = ("may", "mar", "jan", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "feb", "apr")
_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_YEAR_CUE = re.compile(
    r"(?:in|since|of|by|until|till|from|during|before|after|year|through|to|and|or|early|late|mid|fiscal)\W*$",
    re.I,
)


def month_in(text: str) -> int | None:
    m = _MONTH_WORD.search(text)
    return MONTHS[m.group(1).lower()] if m else None


def rel_year(text: str, dct: dt.date | None) -> int | None:
    """The year of "this year", "last year", "next year" (None without a document date)."""
    low = text.lower()
    if dct is None:
        return None
    for word, delta in (("last year", -1), ("next year", 1), ("this year", 0)):
        if word in low:
            return dct.year + delta
    return None


def explicit_year(text: str, ctx: Context) -> int | None:
    m = _YEAR4.search(text)
    return int(m.group(1)) if m else spoken_year(text) or rel_year(text, ctx.dct)


def full_date(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    mon = month_in(text)
    rest = _MONTH_WORD.sub(" ", text)
    year = explicit_year(rest, ctx)
    dm = _DAYNUM.search(_YEAR4.sub(" ", rest))
    dw = None if dm else _DAY_WORD.search(rest)
    d = int(dm.group(1)) if dm else day_ordinal(dw.group(0)) if dw else None
    if mon is None or d is None:
        return None
    if year is None:
        year = _guess_year(ctx, mon, d, m)
        if year is None:
            return "DATE", f"XXXX-{mon:02d}-{d:02d}"
    try:
        day = dt.date(year, mon, d)
    except ValueError:
        return None
    return "DATE", dates.week(day) if text.lower().startswith("the week of") else day.isoformat()


def holiday(m: re.Match[str], ctx: Context) -> Result:
    """ "Thanksgiving Day", "last Christmas": the holiday in the year the clause points to."""
    words = m.group(0).split()
    step = {"last": -1, "next": 1, "this": 0}.get(words[0].lower())
    name = " ".join(words[1:] if step is not None else words)
    if not name[0].isupper():
        return None
    if ctx.dct is None:
        return "DATE", "XXXX-" + _holiday_day(2000, name.lower()).strftime("%m-%d")
    year = ctx.dct.year
    day = _holiday_day(year, name.lower())
    if step is None:
        gap = (day - ctx.dct).days
        way = ctx.direction(m.start(), m.end()) if abs(gap) > YEAR_FLIP_DAYS else 0
        step = -1 if way < 0 < gap else 1 if gap < 0 < way else 0
    elif step and (day - ctx.dct).days * step > 0:
        step = 0
    day = _holiday_day(year + step, name.lower())
    return "DATE", dates.week(day) if name.lower().endswith(" week") else day.isoformat()


def _holiday_day(year: int, name: str) -> dt.date:
    if name in EASTER_HOLIDAYS:
        return dates.easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])
    if name in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[name])
    mon, wd, nth, after = WEEKDAY_HOLIDAYS[name]
    return dates.nth_weekday(year, mon, wd, nth) + dt.timedelta(days=after)


def _guess_year(ctx: Context, mon: int, d: int, m: re.Match[str]) -> int | None:
    if ctx.dct is None:
        return None
    start = _range_start(ctx, m)
    if start is not None:
        # "from June 10 to July 8", "between Dec. 20 and Jan. 5": a range ends on or after its start.
        return start.year if (mon, d) >= (start.month, start.day) else start.year + 1
    year = ctx.dct.year
    try:
        gap = (dt.date(year, mon, min(d, 28)) - ctx.dct).days
    except ValueError:
        return year
    if gap > 0 and ENDED_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start()):
        return year - 1
    if abs(gap) > YEAR_FLIP_DAYS:
        way = ctx.direction(m.start(), m.end())
        if way < 0 and gap > 0:
            return year - 1
        if way > 0 and gap < 0:
            return year + 1
    return year


def _range_start(ctx: Context, m: re.Match[str]) -> dt.date | None:
    """The day a range opened with ("from June 10 to ..."), when ``m`` closes it."""
    start = dates.as_day(ctx.ref) if ctx.ref else None
    if start is None or not _RANGE_BEFORE.search(ctx.text, max(0, m.start() - RANGE_REACH), m.start()):
        return None
    return start


_PAIR_BEFORE = re.compile(
    r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.? \d{1,2}(?:st|nd|rd|th)? (?:and|or|to|through) $",
    re.I,
)


def paired_day(m: re.Match[str], ctx: Context) -> Result:
    """ "April 24 and 25": the second day takes the month and year of the date just named."""
    if not _PAIR_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()) or not ctx.ref:
        return None
    if dates.as_day(ctx.ref) is None:
        return None
    try:
        return "DATE", dt.date.fromisoformat(ctx.ref[:8] + f"{int(_DAYNUM.match(m.group(0)).group(1)):02d}").isoformat()
    except ValueError:
        return None


def numeric_date(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    try:
        if "-" in text:
            return "DATE", dt.date.fromisoformat(text).isoformat()
        mo, d, y = (int(p) for p in text.split("/"))
        y = y + (1900 if y >= 30 else 2000) if y < 100 else y
        return "DATE", dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def month_year(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    mon = month_in(text)
    year = explicit_year(_MONTH_WORD.sub(" ", text), ctx)
    if mon is None:
        return None
    return "DATE", dates.month(year, mon) if year else f"XXXX-{mon:02d}"


def month(m: re.Match[str], ctx: Context) -> Result:
    """A month without a year: "last February", "next month"'s neighbour, "in March"."""
    text = m.group(0)
    low = text.lower()
    mon = month_in(text)
    if mon is None:
        return None
    if low.startswith(("each ", "every ")):
        return "SET", f"XXXX-{mon:02d}"
    word = low.strip(". ")
    if word in _SHORT_MONTHS and not _YEAR_CUE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    if word in _SHORT_MONTHS[1:] and "." not in low and _NAME_AFTER.match(ctx.text, m.end()):
        return None
    if _month_noun(ctx.text, m):
        return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{mon:02d}"
    return "DATE", dates.month(_month_year(ctx, mon, low, m), mon)


def _month_noun(text: str, m: re.Match[str]) -> bool:
    """ "the annual March for Life", "the ``March of the Mothers'': a march, not the month."""
    before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 5]
    return bool(re.search(r"\bthe\W*(?:\w+ )?\W*$", before)) and after.startswith((" for ", " of "))


def _month_year(ctx: Context, mon: int, low: str, m: re.Match[str]) -> int:
    now = ctx.dct
    if "last" in low.split() or "past" in low.split() or "previous" in low.split():
        return now.year if mon <= now.month - LAST_MONTH_GAP else now.year - 1
    if "next" in low.split() or "coming" in low.split() or "following" in low.split():
        return now.year if mon > now.month else now.year + 1
    if "this" in low.split() or mon == now.month:
        return now.year
    way = ctx.direction(m.start(), m.end())
    if way < 0 and mon > now.month + NEAR_MONTHS:
        return now.year - 1
    if way > 0 and mon < now.month:
        return now.year + 1
    return now.year


def year(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    digits = _YEAR4.search(text)
    if digits is None:
        spoken = spoken_year(text)
        return ("DATE", f"{spoken:04d}") if spoken else None
    y = int(digits.group(1))
    bare = text.strip("'").startswith(str(y))
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if bare and not _YEAR_CUE.search(before) and not BARE_YEAR_MIN <= y <= BARE_YEAR_MAX:
        return None
    if before.rstrip().endswith(("$", "No.", "#")) or ctx.text[m.end() : m.end() + 1] in ("-", "/"):
        return None
    if bare and _in_name(ctx.text, m.start()):
        return None
    return "DATE", f"{y:04d}"


def _in_name(text: str, start: int) -> bool:
    """ "a venture called Orion 1980": a year after a capitalized word inside the sentence ends a name."""
    name = _NAME_BEFORE_YEAR.search(text, max(0, start - 30), start)
    if name is None:
        return False
    word = name.group(1).lower()
    return word not in MONTHS and word not in WEEKDAYS and not any(h.startswith(word) for h in FIXED_HOLIDAYS)


def year_word(m: re.Match[str], ctx: Context) -> Result:
    """ "the year ended March 31" counts a year; "for the year" names the document's; "year-end", the
    books' closing date, is its last day, and "since year-end" the last one past."""
    if ctx.text[m.end() : m.end() + 7].startswith((" ended", " ending")):
        return "DURATION", "P1Y"
    if ctx.dct is None:
        return "DATE", "XXXX"
    if not _YEAR_END.fullmatch(m.group(0)):
        return "DATE", str(ctx.dct.year)
    back = _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
    return "DATE", f"{ctx.dct.year - 1 if back else ctx.dct.year}-12-31"


def decade(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    digits = re.search(r"(\d{3})0'?s|'(\d)0s|([a-z]+ties)", text.lower())
    if digits is None:
        return None
    if digits.group(3):
        tens = str((number_value(digits.group(3)[:-3] + "y") or 0) // 10)
        return "DATE", _decade_century(ctx, tens) + tens
    stem = digits.group(1) or _decade_century(ctx, digits.group(2)) + digits.group(2)
    return "DATE", stem if text.lower().startswith("the") else stem + "X"


def _decade_century(ctx: Context, tens: str) -> str:
    """The century of a decade named without one ("the '80s", "the nineties"): the document's, or the last."""
    century = str(ctx.dct.year)[:2] if ctx.dct else "19"
    return "19" if century == "20" and int(tens) > 3 else century


def century(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    word = re.search(r"(\d{1,2})(?:st|nd|rd|th)|([a-z]+(?:-[a-z]+)?)[- ]century", low)
    if word.group(1):
        n = int(word.group(1))
    elif word.group(2) in ("this", "current") and ctx.dct:
        n = ctx.dct.year // 100 + 1
    elif word.group(2) == "last" and ctx.dct:
        n = ctx.dct.year // 100
    else:
        n = ORDINALS.get(word.group(2), 0) if word.group(2) != "last" else 0
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"


def season(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    code = next(SEASONS[w] for w in SEASONS if w in low)
    if low in ("fall", "spring"):
        return None
    year = explicit_year(low, ctx)
    if year is None and ctx.dct is not None:
        year = _season_year(ctx.dct, code, low.split())
    return "DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}"


def _season_year(now: dt.date, code: str, words: list[str]) -> int:
    start = SEASON_START[code]
    if "last" in words or "past" in words:
        return now.year if now.month >= start + 3 else now.year - 1
    if "next" in words or "coming" in words:
        return now.year if now.month < start else now.year + 1
    return now.year


def clock(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    c = _CLOCK.search(text)
    if c is None or ctx.text[max(0, m.start() - 5) : m.start()].lower() == "high ":
        return None  # "high noon" is an idiom (or a film), not a clock time
    if c.group(4):
        hh, mm = (24 if c.group(4).lower() == "midnight" else 12), 0
    else:
        hh, mm = int(c.group(1)), int(c.group(2) or 0)
        after_noon = re.search(r"in the (?:afternoon|evening)", text, re.I)
        if (c.group(3) and c.group(3).lower().startswith("p") or after_noon) and hh < 12:
            hh += 12
        if hh > 24 or mm > 59:
            return None
    day = _clock_day(text[c.end() :], ctx, m)
    return "TIME", f"{day}T{hh:02d}:{mm:02d}"


def _clock_day(rest: str, ctx: Context, m: re.Match[str]) -> str:
    low = rest.lower()
    base = ctx.ref_day()
    if base is None:
        return "XXXX-XX-XX"
    for word, delta in (("yesterday", -1), ("tomorrow", 1), ("today", 0)):
        if word in low:
            return (ctx.dct + dt.timedelta(days=delta)).isoformat() if ctx.dct else "XXXX-XX-XX"
    wd = re.search(r"[a-z]+day\b", low)
    if wd and wd.group(0) in WEEKDAYS:
        way = ctx.direction(m.start(), m.end())
        return dates.weekday_near(ctx.dct or base, WEEKDAYS[wd.group(0)], way).isoformat()
    mon = month_in(rest)
    dm = _DAYNUM.search(_MONTH_WORD.sub(" ", rest))
    if mon and dm:
        return f"{(ctx.dct or base).year:04d}-{mon:02d}-{int(dm.group(1)):02d}"
    return base.isoformat()
