"""Values for expressions read against the document date or the narrative's
reference time: "yesterday", weekdays, "last month", "two years ago"."""

from __future__ import annotations

import datetime as dt
import re

from wiretrace.time import dates
from wiretrace.time.calendar_rules import Result
from wiretrace.time.context import Context
from wiretrace.time.lexicon import PARTS_OF_DAY, REFS, SETS, UNITS, WEEKDAYS, number_value
from wiretrace.time.patterns import COUNT_WORD, NUMWORD
from wiretrace.time.quarter_rules import last_quarter

# A capitalized word (no sentence end) right before: "VOA Today" is a name.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][A-Za-z]* $")
# The part of the day a phrase names, also when joined to its edge word ("midafternoon").
_PART = re.compile(r"(?:\b|(?<=mid))(morning|afternoon|evening|night|overnight)\b", re.I)
_PARTS = re.compile(r"\b(morning|afternoon|evening|night)s?\b", re.I)
# "Monday and Tuesday nights": the first day shares the part of the day named after the second.
_PAIRED_PARTS = re.compile(r" (?:and|or) [A-Z][a-z]+day (morning|afternoon|evening|night)s\b")
_UNIT = re.compile(
    r"(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?\b",
    re.I,
)
_DUR = re.compile(
    rf"(\d+(?:\.\d+)?(?: 1/2)?|[a-z]+(?:[- ][a-z]+)*?)(?: {COUNT_WORD})?"
    r"[- ](second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?\b",
    re.I,
)
# "the year-earlier nine months" counts nine months (a year back): the prefix is no count.
_YEAR_BACK = re.compile(r"\byear-(?:earlier|ago)\s+", re.I)
# "two to three weeks" is valued by the count it starts from, as a range of days is by its first day.
_RANGE = re.compile(rf"\b(\d+|{NUMWORD}) (?:to|or) (?:\d+|{NUMWORD})(?= )", re.I)
_TIME_PREP = re.compile(r"\b(?:for|in|within|than|about|after|just|only|half)\s+$")
_ORDINAL_NOUN = re.compile(r" (?:day|night|week|month|year|time|term|round|half|quarter|straight|consecutive)\b")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|may|might|could|can|shall)\s+$")
_AMOUNT_BEFORE = re.compile(r"(?:\d|llion|%|cents|dollars|percent)\W*$")
# "today's youth", "the people of tomorrow": nouns of an age, which "today" then names generically.
_ERA_NOUN_AFTER = re.compile(
    r"'s (?:youth|young|world|society|generation|children|kids|teenagers|economy|technology|culture)\b", re.I
)
_OF_BEFORE = re.compile(r"\bthe [a-z]+ of $")
# A sentence's start (after its end mark and any closing quote) and what makes an opening "Now" a
# discourse marker: a comma, or "for" turning to the next item.
_SENTENCE_OPEN = re.compile(r"(?:[.!?]['\"`]*|^)\s*['\"`]*$|\n\s*$")
_DISCOURSE_AFTER = re.compile(r",|\s+for\b")
# "for years", "over the years", "in the years that followed": a bare plural unit as a span.
_SPAN_PREP_BEFORE = re.compile(r"\b(?:for|in|within|over|took|lasted)\s(?:the\s)?$")
_FIGURE_AFTER = re.compile(r"'s (?:[$#]|C\$|\d)")
_PERIOD_WORD = re.compile(r"\b(?:period|quarter)\b", re.I)
_NAMED_TIME_OF = re.compile(
    r" of (?:the )?(?:[A-Z][a-z]+day|today|yesterday|tomorrow|(?:this|that|last|next) \w+|\d|morning|night)"
)
_EVENT_AFTER = re.compile(r" (?:before|after|leading up to)\b")
# "most recently last October", "most recently in 1996": a time named right after the adverb.
_MOST_BEFORE = re.compile(r"\bmost $", re.I)
_TIME_AFTER = re.compile(r",? (?:last|this|in|on|at|during) ", re.I)
_YEAR_BEFORE_UNIT = re.compile(r"\b(?:1[6-9]|20)\d\d (?:quarter|half|year|month|period)\b")
# Half a unit in the next smaller one: "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M.
HALF_UNITS = {"Y": ("6", "M"), "M": ("2", "W"), "D": ("12", "H"), "H": ("30", "M")}
# The years a unit letter spans, for values kept in years ("a decade ago" = 10 years back).
UNIT_YEARS = {"DE": 10, "CE": 100}
# Units of a year or more: "a year earlier" names a date, "a day earlier" a duration (TimeBank).
YEAR_LETTERS = ("Y", "DE", "CE")
# "two weeks ago" is still reckoned in days; from three weeks back a count of weeks names the week
# ("six weeks ago" = 1999-W47): 2 of 2 on TimeBank+AQUAINT dev, against "two weeks ago" as a day.
WEEKS_AGO_IN_DAYS = 2


def relday(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    if m.group(0)[0].isupper() and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "USA Today", "VOA Today": a capitalized word after a name is part of it
    if low in ("today", "tomorrow") and _generic_era(ctx.text, m):
        return None
    delta = -1 if "yesterday" in low or "last night" in low else 1 if "tomorrow" in low else 0
    delta += -1 if "day before" in low else 1 if "day after" in low else 0
    part = _PART.search(low.replace("last night", "last NI"))
    if ctx.dct is None:
        return ("DATE", "PRESENT_REF") if delta == 0 and not part else ("DATE", "XXXX-XX-XX")
    day = _named_weekday(low, ctx.dct + dt.timedelta(days=delta)).isoformat()
    if "last night" in low:
        return "TIME", f"{day}TNI"
    if part:
        return "TIME", f"{day}T{PARTS_OF_DAY[part.group(1)]}"
    return "DATE", day


def nth_day(m: re.Match[str], ctx: Context) -> Result:
    """ "Today is the eighth day of the blockade": the day the clause calls the present one."""
    return "DATE", ctx.dct.isoformat() if ctx.dct else "PRESENT_REF"


def _generic_era(text: str, m: re.Match[str]) -> bool:
    """ "today's youth", "in today's world", "the people of tomorrow": the present or coming age, no day."""
    if _ERA_NOUN_AFTER.match(text, m.end()):
        return True
    return bool(_OF_BEFORE.search(text, max(0, m.start() - 20), m.start()))


def _named_weekday(low: str, day: dt.date) -> dt.date:
    """Wire copy's "yesterday (TUES)" names its weekday: the nearest such day wins over the offset,
    which is off by one when the copy was filed after midnight or dated in another time zone."""
    named = re.search(r"\((\w+)\.?\)", low)
    wd = WEEKDAYS.get(named.group(1)) if named else None
    if wd is None:
        return day
    back, ahead = dates.weekday_near(day, wd, -1), dates.weekday_near(day, wd, 1)
    return back if (day - back) <= (ahead - day) else ahead


def partday(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    part = _PART.search(low)
    if low.startswith("the") and re.match(r" (?:of|the|when|that|before|after)\b", ctx.text[m.end() : m.end() + 8]):
        return None  # "the night of Oct. 23", "the night the plane fell": a night the words go on to name
    base = ctx.dct if low.startswith("this") or "this " in low else ctx.ref_day()
    if base is None:
        return "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[part.group(1)]}"
    return "TIME", f"{base.isoformat()}T{PARTS_OF_DAY[part.group(1)]}"


def weekday(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    name = next((w for w in re.findall(r"[a-z]+", low) if w in WEEKDAYS), None)
    if name is None or not _capitalized(m.group(0), name):
        return None
    wd = WEEKDAYS[name]
    if ctx.dct is None:
        return "DATE", f"XXXX-WXX-{wd}"
    d = _weekday_date(ctx, wd, low, m)
    d += dt.timedelta(days=-1 if "day before" in low else 1 if "day after" in low else 0)
    part = _PART.search(low)
    # TimeBank keeps "Wednesday night" a DATE, its value carrying the part of the day.
    return "DATE", d.isoformat() + (f"T{PARTS_OF_DAY[part.group(1)]}" if part else "")


def _capitalized(text: str, name: str) -> bool:
    i = text.lower().find(name)
    return text[i].isupper()


def _weekday_date(ctx: Context, wd: int, low: str, m: re.Match[str]) -> dt.date:
    words = low.split()
    # "the previous Friday", "the following Monday" count from the narrative's day, "last Friday" from today.
    now = ctx.ref_day() if "previous" in words or "following" in words else ctx.dct
    if "last" in words or "previous" in words or "past" in words:
        return dates.weekday_near(now - dt.timedelta(days=1), wd, -1)
    if "next" in words or "following" in words or "coming" in words:
        return dates.weekday_near(now + dt.timedelta(days=1), wd, 1)
    if "this" in words or wd == now.isoweekday():
        return dates.weekday_near(now, wd, 0)
    if ctx.text.startswith("'s", m.end()):
        # "Wednesday's ruling": a day named for what happened on it, whatever the clause's tense.
        return dates.weekday_near(now, wd, -1)
    return dates.weekday_near(now, wd, ctx.direction(m.start(), m.end()))


def weekday_set(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    name = next((w for w in re.findall(r"[a-z]+", low) if w.rstrip("s") in WEEKDAYS), None)
    if name is None or not _capitalized(m.group(0), name):
        return None
    part = _PARTS.search(low) or _PAIRED_PARTS.match(ctx.text, m.end())
    suffix = f"T{PARTS_OF_DAY[part.group(1)]}" if part else ""
    return "SET", f"XXXX-WXX-{WEEKDAYS[name.rstrip('s')]}{suffix}"


def relunit(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    u = _UNIT.search(low)
    if u is None:
        return None
    unit = u.group(1)
    if low == "the weekend":
        return _the_weekend(m, ctx)
    if low == "the week":
        return _the_week(ctx)
    # "the past year" names last year (TimeBank); "the coming year" and "the past few days" are spans.
    if "few" in low or "the coming" in low and unit not in ("weekend",):
        letter = UNITS[unit][0]
        num = "X" if "few" in low else "1"
        return "DURATION", _dur_value(num, letter, UNITS[unit][1])
    if unit == "day" and low.split()[0] == "that" and not (ctx.ref and dates.as_day(ctx.ref)):
        return None  # "you have strong redemptions that day": no day named before it to point back to
    step = _step(low)
    if low == "last year" and ctx.topic_quarter and _periods_figure_after(ctx.text, m):
        return "DATE", dates.shift_value(ctx.topic_quarter, -1, "Y")
    base = _rel_base(ctx, low, unit)
    if base is None:
        return "DATE", _unanchored(step)
    if unit == "quarter" and "latest" in low:
        return "DATE", ctx.topic_quarter or last_quarter(base)
    if low == "this quarter" and ctx.topic_quarter and ctx.text.startswith("'s", m.end()):
        return "DATE", ctx.topic_quarter  # "This quarter's loss" in results copy: the quarter reported on
    if unit == "year" and "latest" in low:
        return "DATE", str(base.year - 1)  # "the latest fiscal year": the last one closed, as for quarters
    return _unit_value(unit, base, step)


def _periods_figure_after(text: str, m: re.Match[str]) -> bool:
    """ "Sales in the latest period were $1.8 billion, up from last year's $1.6 billion": last year's figure
    for the period the sentence names, so that period a year back."""
    if not _FIGURE_AFTER.match(text, m.end()):
        return False
    start = max((text.rfind(end, 0, m.start()) for end in (". ", "\n")), default=-1)
    return bool(_PERIOD_WORD.search(text, start + 1, m.start()))


def _the_weekend(m: re.Match[str], ctx: Context) -> Result:
    """ "over the weekend": the last one before the document date; the next one in a future clause."""
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE"
    way = ctx.direction(m.start(), m.end())
    saturday = dates.weekday_near(ctx.dct - dt.timedelta(days=1) if way < 0 else ctx.dct, 6, way)
    return "DATE", dates.week(saturday) + "-WE"


def _the_week(ctx: Context) -> Result:
    """ "For the week, the index fell 3.8%": the article alone does not say which week the discourse means;
    the value keeps the year in view and leaves the week open."""
    anchor = ctx.anchor
    return "DATE", f"{anchor[:4]}-WXX" if anchor and anchor[:4].isdigit() else "XXXX-WXX"


def _step(low: str) -> int:
    words = low.split()
    if any(w in words for w in ("last", "previous", "past")):
        return -1
    if any(w in words for w in ("next", "following", "coming")):
        return 1
    return 0


def _rel_base(ctx: Context, low: str, unit: str) -> dt.date | None:
    """ "that day" and "the following year" read from the narrative; "last week" from the document date."""
    if "the next" in low or any(w in low.split() for w in ("that", "same", "following", "previous")):
        return _narrative_day(ctx, unit)
    return ctx.dct


def _narrative_day(ctx: Context, unit: str) -> dt.date | None:
    """The reference time as a day, also when the narrative moved to a month or year ("in 1998 ... that year")."""
    grain = dates.granularity(ctx.ref) if ctx.ref else ""
    if unit == "year" and grain in ("Y", "M", "Q", "S", "H"):
        return dt.date(dates.year_of(ctx.ref), 1, 1)
    if unit == "month" and grain == "M":
        return dt.date(dates.year_of(ctx.ref), int(ctx.ref[5:7]), 1)
    if unit == "quarter" and ctx.quarter_named:
        # "the second quarter ended Oct. 31 ... that quarter": the quarter named, not the one its last day opens
        return dt.date(dates.year_of(ctx.quarter_named), 3 * int(ctx.quarter_named[6]) - 2, 1)
    return ctx.ref_day()


def _unanchored(step: int) -> str:
    return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[step]


def _unit_value(unit: str, base: dt.date, step: int) -> Result:
    if unit == "day":
        return "DATE", (base + dt.timedelta(days=step)).isoformat()
    if unit in ("week", "weekend"):
        w = dates.week(base + dt.timedelta(weeks=step))
        return "DATE", w + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return "DATE", dates.month(*dates.add_months(base.year, base.month, step))
    if unit == "quarter":
        return "DATE", dates.shift_value(dates.quarter_of(base), step, "Q")
    if unit == "decade":
        return "DATE", str(base.year // 10 + step)
    if unit.startswith("centur"):
        return "DATE", f"{base.year // 100 + step:02d}"
    return "DATE", f"{base.year + step:04d}"


def earlier(m: re.Match[str], ctx: Context) -> Result:
    """ "earlier this month", "later that day": the unit the words name."""
    low = m.group(0).lower()
    unit = _UNIT.search(low).group(1)
    base = _narrative_day(ctx, unit) if "that" in low.split() else ctx.dct
    if base is None:
        return "DATE", "PAST_REF" if low.startswith("earlier") else "FUTURE_REF"
    return _unit_value(unit, base, _step(low))


def _dur_value(num: str, letter: str, timey: bool) -> str:
    if num.endswith(".5") and letter in HALF_UNITS:
        whole, (half, small) = num[:-2], HALF_UNITS[letter]
        head = f"{whole}{letter}" if whole != "0" else ""
        return f"PT{head}{half}{small}" if timey else f"P{head}{half}{small}"
    if letter == "CE" and num == "X":
        return "PXC"  # "for centuries": TimeML's century unit (counted ones are kept in years)
    if letter in UNIT_YEARS:
        num = "X" if num == "X" else _fmt(float(num) * UNIT_YEARS[letter])
        letter = "Y"
    if letter == "WE":
        letter, num = "D", "X" if num == "X" else _fmt(float(num) * 2)
    return f"PT{num}{letter}" if timey else f"P{num}{letter}"


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


_LEAD_WORDS = re.compile(
    r"^(?:(?:more|less|fewer) than|at least|at most|up to|no more than|nearly|almost|about|around|roughly"
    r"|approximately|just|only|some|over|under|barely|fully|another|an additional|the|first|last|past|next"
    r"|previous|coming|following|latest|final|remaining|same|other|year-earlier|year-ago)\s+"
)


def _amount(words: str) -> str:
    w = words.lower().strip()
    while True:
        stripped = _LEAD_WORDS.sub("", w)
        if stripped == w:
            break
        w = stripped
    if re.fullmatch(r"\d+ 1/2", w):
        return _fmt(int(w.split()[0]) + 0.5)
    n = number_value(w)
    return "X" if n is None else _fmt(n)


def duration(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    low = text.lower()
    parts = list(_DUR.finditer(_RANGE.sub(r"\1", _YEAR_BACK.sub("", text), count=1)))
    if not parts:
        return None
    num = _amount(parts[0].group(1))
    unit = parts[0].group(2).lower()
    before, after = ctx.text[max(0, m.start() - 12) : m.start()], ctx.text[m.end() : m.end() + 12]
    if _is_fraction(low, after) or _is_rate(low, before) or _is_age_or_ordinal(low, before, after):
        return None
    if low == "one day" and _MODAL_BEFORE.search(before.lower()):
        return "DATE", "FUTURE_REF"  # "it may one day be cheaper": some day ahead, not a day's length
    if _YEAR_BEFORE_UNIT.search(low):
        return None  # "the 1988 quarter" names a quarter of 1988, not 1,988 of them
    letter, timey = UNITS[unit]
    num = _fmt(float(num) * 2) if unit == "fortnight" and num != "X" else num
    # "two hours later", "a day earlier": TimeBank keeps a count shorter than a year the duration it
    # counts, unless it is reckoned back from the document date ("ago") or forward ("from now").
    shifted = not timey and (low.endswith(("ago", "from now", "hence")) or letter in YEAR_LETTERS)
    if shifted and low.endswith(("ago", "earlier", "later", "from now", "hence", "before that", "after that")):
        return _shifted(ctx, low, num, letter)
    value = _dur_value(num, letter, timey)
    if " and a half" in low or ", a half" in low:
        value = _plus_half(num, letter, timey)
    elif len(parts) > 1:
        value = _compound(value, parts[1], timey)
    return "DURATION", value


def unit_long(m: re.Match[str], ctx: Context) -> Result:
    """ "day-long" spans one day, "two-week-long" two weeks, "decades-long" an unknown number of decades."""
    low = m.group(0).lower().removesuffix("-long")
    counted = _DUR.search(low)
    unit = counted.group(2) if counted else _UNIT.search(low).group(1)
    num = _amount(counted.group(1)) if counted else "X" if low.endswith("s") else "1"
    letter, timey = UNITS[unit]
    return "DURATION", _dur_value(num, letter, timey)


def _is_fraction(low: str, after: str) -> bool:
    """ "three-quarters of its food", "a quarter of the market": a share, not a time."""
    return bool(re.fullmatch(r"(?:.* )?(?:[a-z]+-quarters|an? quarter)", low)) and after.startswith(" of ")


def _is_age_or_ordinal(low: str, before: str, after: str) -> bool:
    """ "52 years old" is an age and "a second group" an ordinal: neither is a stretch of time."""
    if after.startswith(" old"):
        return True
    if low == "a second" and _ORDINAL_NOUN.match(after):
        return True  # "for a second day", "for a second time": the next in a series
    return low == "a second" and not _TIME_PREP.search(before.lower()) and bool(re.match(r" [a-z]", after))


def _is_rate(low: str, before: str) -> bool:
    """ "$2 million a year", "358,000 a month": an amount per unit, not a stretch of time."""
    return bool(re.fullmatch(r"an? [a-z]+", low)) and bool(_AMOUNT_BEFORE.search(before.lower()))


def _plus_half(num: str, letter: str, timey: bool) -> str:
    if num == "X":
        return _dur_value(num, letter, timey)
    if letter == "M" and timey:
        return f"PT{num}M30S"
    return _dur_value(_fmt(float(num) + 0.5), letter, timey)


def _compound(value: str, second: re.Match[str], timey: bool) -> str:
    """ "a year and four days" = P1Y4D."""
    letter2, timey2 = UNITS[second.group(2).lower()]
    num2 = _amount(re.sub(r"^(?:and|,)\s*", "", second.group(1).strip()))
    if timey2 and "T" not in value:
        return f"{value}T{num2}{letter2}"
    return value + f"{num2}{letter2}"


def _shifted(ctx: Context, low: str, num: str, letter: str) -> Result:
    """ "two years ago" from the document date; "a year earlier" from the reference time."""
    sign = -1 if low.endswith(("ago", "earlier", "before that")) else 1
    if num == "X" or letter in ("S", "H") and "T" in _dur_value(num, letter, True):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = float(num)
    if n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    n, years = int(n), UNIT_YEARS.get(letter)
    base = ctx.ref if low.endswith(("earlier", "later", "before that", "after that")) else None
    if letter == "Y" and n == 1 and ctx.months_in_view and ctx.dct is not None:
        base = str(ctx.dct.year)  # "net for the nine months ... a year earlier": the year before
    elif letter == "Y" and ctx.ref and dates.granularity(ctx.ref) in ("Q", "H") and n == 1:
        base = ctx.topic_quarter or ctx.ref
    if letter == "Y" and base and dates.granularity(base) == "M":
        base = base[:4]  # TimeML: "a year earlier" than a month names the year
    if base is None:
        if ctx.dct is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        # "up from seven a year ago": a single year back from the document date is the same month last
        # year (TimeBank); more years back name a year ("five years ago").
        grain = "M" if letter == "Y" and n == 1 and low.endswith("ago") else letter if not years else "Y"
        base = _ago_base(ctx.dct, grain)
    moved = dates.shift_value(base, sign * n * (years or 1), "Y" if years else letter)
    if letter == "W" and n > WEEKS_AGO_IN_DAYS and moved and dates.as_day(moved):
        moved = dates.week(dates.as_day(moved))
    return ("DATE", moved) if moved else ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")


def _ago_base(dct: dt.date, letter: str) -> str:
    """The document date at the grain of the unit counted back: years give a year, months a month."""
    if letter == "Y":
        return str(dct.year)
    if letter in ("M", "Q"):
        return dates.month(dct.year, dct.month)
    return dct.isoformat()


def set_(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    if low in SETS:
        return "SET", SETS[low]
    if low.startswith(("a ", "per ")):
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"(\d|%|llion|times|twice|cents|dollars|percent|once|hours|days)\W*$", before):
            return None
    name = low.split()[-1]
    if name in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[name]}"
    u = _UNIT.search(name)
    if u is None:
        return None
    letter, timey = UNITS[u.group(1)]
    return "SET", _dur_value("1", letter, timey)


def vague_unit(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    if low.endswith("while"):
        return "DURATION", "PXX"
    u = _UNIT.search(low)
    letter, timey = UNITS[u.group(1)]
    if low.endswith(("ago", "earlier")):
        return "DATE", "PAST_REF"
    if " " not in low and not _bare_unit_is_span(ctx.text, m):
        return None
    if low.startswith("the ") and _EVENT_AFTER.match(ctx.text, m.end()):
        return None  # "in the first days after Bush sent troops": a span the event dates, as bare units are
    if _NAMED_TIME_OF.match(ctx.text, m.end()):
        return None  # "the early hours of Thursday morning": the time is the one named after
    return "DURATION", _dur_value("X", letter, timey)


def _bare_unit_is_span(text: str, m: re.Match[str]) -> bool:
    """ "for years", "over the years", "follows months of talks" are spans ("weeks or months of" is one,
    named first); "in the weeks before the shooting" is a span dated by the event, which the words don't give."""
    before = text[max(0, m.start() - 10) : m.start()].lower()
    if before.endswith("the ") and _EVENT_AFTER.match(text, m.end()):
        return False
    if _SPAN_PREP_BEFORE.search(before):
        return True
    return text.startswith(" of ", m.end()) and not re.search(r"\b(?:or|and)\s$", before)


def _most_recently_before_time(text: str, m: re.Match[str]) -> bool:
    """ "most recently last October": the adverb only points at the time named after it."""
    return bool(_MOST_BEFORE.search(text, max(0, m.start() - 5), m.start()) and _TIME_AFTER.match(text, m.end()))


def _discourse_now(text: str, m: re.Match[str]) -> bool:
    """ "Now, he says, ...", "Now for the weather": a sentence-opening "Now" set off by a comma, or
    turning to the next item, marks the discourse, not the present."""
    opens = m.start() == 0 or _SENTENCE_OPEN.search(text, max(0, m.start() - 4), m.start()) is not None
    return opens and _DISCOURSE_AFTER.match(text, m.end()) is not None


def ref(m: re.Match[str], ctx: Context) -> Result:
    text = m.group(0)
    low = text.lower()
    if low == "recently" and _most_recently_before_time(ctx.text, m):
        return None
    if low == "now" and _discourse_now(ctx.text, m):
        return None
    if low in ("this time", "this point", "this moment", "this stage"):
        return "DATE", "PRESENT_REF"
    if low.startswith("that "):
        return "DATE", "PAST_REF"
    value = REFS.get(low) or REFS.get(
        low.replace("near ", "").replace("distant ", "").replace("foreseeable ", "")
    )
    return ("DATE", value) if value else None
