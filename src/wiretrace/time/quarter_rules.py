"""Values for the periods results copy reports on: quarters and halves ("the third quarter",
"fourth-quarter"), and the quarter in view ("the quarter", "the latest period", "the year-ago period")."""

from __future__ import annotations

import datetime as dt
import re

from wiretrace.time import dates
from wiretrace.time.calendar_rules import Result, explicit_year, month_in
from wiretrace.time.context import Context
from wiretrace.time.lexicon import ORDINALS
from wiretrace.time.patterns import MONTH

_ORD = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal[- ])?(quarter|half)", re.I
)
# "the first two quarters of 1990" name a half of that year.
_TWO_QUARTERS = re.compile(r"\b(first|last|final) two quarters\b", re.I)
_ENDED_AFTER = re.compile(r" (?:end|ended|ending)\b")
_ENDED_DAY = re.compile(rf" (?:ended|ending) ({MONTH}) (\d{{1,2}})\b")
# A quarter that ended on a day is named by the calendar quarter of the day this many days earlier, its middle.
QUARTER_MIDDLE_DAYS = 45
_YEAR_IN = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def last_quarter(d: dt.date) -> str:
    """The quarter reported on at ``d``: the last one finished (results come after a quarter)."""
    return dates.shift_value(dates.quarter_of(d), -1, "Q")


# "the second and fourth quarters": the first ordinal shares the noun named after the second.
_SHARED_NOUN = re.compile(r" (?:and|or) \w+[- ](?:fiscal[- ])?((?:quarter|half)s?)\b", re.I)


def quarter(m: re.Match[str], ctx: Context) -> Result:
    low = m.group(0).lower()
    shared = _SHARED_NOUN.match(ctx.text, m.end()) if low in ORDINALS else None
    if shared:
        low = f"{low} {shared.group(1).lower()}"
    code = _quarter_code(low)
    if code is None:
        return None
    if re.search(r"\bquarters\b", low) and not _TWO_QUARTERS.search(low):
        return "SET", f"XXXX-{code}"  # "business is done in the fourth quarters": each year's
    year = explicit_year(low.replace("'s", ""), ctx)
    if year is None:
        year = _quarter_year(ctx, code)
        if year is not None and _ended_after_dct(ctx, m):
            year -= 1  # "the second quarter ended Oct. 31" four days before Oct. 31: last year's
    if year is None:
        return "DATE", f"XXXX-{code}"
    if "year-ago" in low or "year-earlier" in low:
        year -= 1
    return "DATE", f"{year:04d}-{code}"


def _quarter_code(low: str) -> str | None:
    """ "Q3" for "the third quarter", "H2" for "the second half" or "the last two quarters"."""
    two = _TWO_QUARTERS.search(low)
    if two:
        return "H1" if two.group(1) == "first" else "H2"
    o = _ORD.search(low)
    if o is None:
        return None
    n = ORDINALS[o.group(1)] if o.group(1) not in ("final", "last") else (4 if o.group(2) == "quarter" else 2)
    return f"Q{n}" if o.group(2) == "quarter" else f"H{min(n, 2)}"


def _ended_after_dct(ctx: Context, m: re.Match[str]) -> bool:
    """The quarter is said to have ended on a day that, in the document's year, is still to come."""
    e = _ENDED_DAY.match(ctx.text, m.end())
    mon = month_in(e.group(1)) if e else None
    return mon is not None and ctx.dct is not None and (mon, int(e.group(2))) > (ctx.dct.month, ctx.dct.day)


def _quarter_year(ctx: Context, code: str) -> int | None:
    if ctx.dct is None:
        return None
    start = (int(code[1]) - 1) * (3 if code[0] == "Q" else 6) + 1
    return ctx.dct.year if start <= ctx.dct.month else ctx.dct.year - 1


def period(m: re.Match[str], ctx: Context) -> Result:
    """ "the quarter", "the year-ago period", "year-earlier": the quarter in view, maybe a year back."""
    low = m.group(0).lower()
    if low in ("period", "quarter", "fiscal year"):
        return None
    if "fiscal year" in low:
        return _fiscal_year(m, ctx, low)
    back = "year-ago" in low or "year-earlier" in low or "a year" in low or "last year" in low
    named = _YEAR_IN.search(low)
    if ctx.months_in_view and ctx.dct is not None and (back or named):
        # "the nine months ... the year-earlier period": the months lie in a year, not in one quarter.
        return "DATE", named.group(0) if named else str(ctx.dct.year - 1)
    ended = _quarter_ended(ctx, m) if low in ("the quarter", "quarter") else None
    if ended:
        return "DATE", ended
    base = _quarter_in_view(ctx, low)
    if base is None:
        return ("DATE", "XXXX-QX") if "quarter" in low else None
    if named:
        # "the 1988 period": the quarter in view, in the year named.
        return "DATE", named.group(0) + base[4:]
    return "DATE", dates.shift_value(base, -1, "Y") if back else base


def _fiscal_year(m: re.Match[str], ctx: Context, low: str) -> Result:
    """ "earnings for the fiscal year" (no "ended ...") name the year in course, as "for the year" does;
    "the latest fiscal year" the last one closed; else a year's span."""
    named_for = ctx.text.endswith("for ", 0, m.start()) and not _ENDED_AFTER.match(ctx.text, m.end())
    if ("current" in low or named_for) and ctx.dct:
        return "DATE", str(ctx.dct.year)
    return ("DATE", str(ctx.dct.year - 1)) if "latest" in low and ctx.dct else ("DURATION", "P1Y")


def _quarter_in_view(ctx: Context, low: str) -> str | None:
    """The quarter results copy reports on: the topic quarter or the quarter the narrative is in; "this",
    "current" and (with no topic) "latest" read the document date, "the latest" being the last one over."""
    base = ctx.topic_quarter or (ctx.ref if ctx.ref and dates.granularity(ctx.ref) == "Q" else None)
    if low == "the period" and base is None:
        return None  # "the period from 2008 to 2012": a quarter only where results copy has one in view
    if ctx.dct is not None and (
        base is None or re.search(r"\b(this|current)\b", low) or "latest" in low and ctx.topic_quarter is None
    ):
        return last_quarter(ctx.dct)
    return base


def _quarter_ended(ctx: Context, m: re.Match[str]) -> str | None:
    """ "the quarter ended July 31": the calendar quarter most of its three months fall in (here the second)."""
    e = _ENDED_DAY.match(ctx.text, m.end())
    mon = month_in(e.group(1)) if e else None
    if mon is None or ctx.dct is None:
        return None
    year = ctx.dct.year if (mon, int(e.group(2))) <= (ctx.dct.month, ctx.dct.day) else ctx.dct.year - 1
    end = dt.date(year, mon, min(int(e.group(2)), 28))
    return dates.quarter_of(end - dt.timedelta(days=QUARTER_MIDDLE_DAYS))
