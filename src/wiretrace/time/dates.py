"""Calendar arithmetic on TIMEX3 values ("1989-Q3", "1998-W07", "2023-02-14")."""

from __future__ import annotations

import datetime as dt
import re

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4X])|(?P<h>H[12])|(?P<w>W\d\d)|(?P<s>SP|SU|FA|WI)"
    r"|(?P<m>\d\d)(?:-(?P<d>\d\d))?))?"
)


_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def is_full_day(value: str) -> bool:
    """Whether a value is exactly one day ("2023-02-14"; not "2023-02-14T10:00" nor "XXXX-02-14")."""
    return bool(_FULL_DAY.match(value))


def parse_pub_date(pub_date: str | None) -> dt.date | None:
    """The day of a "YYYY-MM-DD[THH:MM[:SS]]" publication date; None when absent or unreadable."""
    if not pub_date:
        return None
    try:
        return dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        return None


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def add_months(year: int, mon: int, n: int) -> tuple[int, int]:
    k = year * 12 + (mon - 1) + n
    return k // 12, k % 12 + 1


def add_to_day(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (D, W, M, Q, Y), clamping the day of the month."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12}[unit] * n
    y, m = add_months(d.year, d.month, months)
    last = (dt.date(*add_months(y, m, 1), 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def shift_value(value: str, n: int, unit: str) -> str | None:
    """A value moved by ``n`` units, kept at its own granularity ("1989-Q3" - 1 Y = "1988-Q3")."""
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    if m["d"]:
        return day(add_to_day(dt.date(y, int(m["m"]), int(m["d"])), n, unit))
    if unit == "Y":
        return f"{y + n:04d}" + value[4:]
    if m["m"] and unit in ("M", "Q", "Y"):
        return month(*add_months(y, int(m["m"]), n * (3 if unit == "Q" else 1)))
    if m["q"] and m["q"] != "QX" and unit == "Q":
        k = y * 4 + int(m["q"][1]) - 1 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    return None


def granularity(value: str) -> str:
    """ "D", "W", "M", "Q", "S" (season), "H" (half) or "Y": how fine a value is."""
    m = _VALUE.match(value)
    if not m:
        return ""
    for key, gran in (("d", "D"), ("m", "M"), ("q", "Q"), ("w", "W"), ("s", "S"), ("h", "H")):
        if m[key]:
            return gran
    return "Y"


def as_day(value: str) -> dt.date | None:
    """The day a day-grained value names; None for coarser values."""
    m = _VALUE.match(value)
    if not m or not m["d"]:
        return None
    return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))


def year_of(value: str) -> int | None:
    m = _VALUE.match(value)
    return int(m["y"]) if m else None


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The day with ISO ``weekday`` nearest ``anchor``: 0 the one in its week (Mon-Sun),
    -1 the latest on or before it, 1 the first on or after it."""
    diff = weekday - anchor.isoweekday()
    if direction < 0 and diff > 0:
        diff -= 7
    elif direction > 0 and diff < 0:
        diff += 7
    return anchor + dt.timedelta(days=diff)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` of a month (``nth`` -1: the last one)."""
    if nth < 0:
        last = dt.date(*add_months(year, month, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month, day = divmod(h + el - 7 * m + 90, 25)
    return dt.date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)
