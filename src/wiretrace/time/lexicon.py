"""Words of time: months, weekdays, numbers, units, seasons, parts of the day."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Wire copy writes weekdays as "TUES", "THURS": abbreviations are listed too.
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "weds": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Holidays of US news copy. Fixed ones: (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
}
# Moving ones: (month, ISO weekday, nth of the month with -1 the last, days after it);
# Election Day is the Tuesday after the first Monday of November.
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int, int]] = {
    "memorial day": (5, 1, -1, 0),
    "labor day": (9, 1, 1, 0),
    "thanksgiving day": (11, 4, 4, 0),
    "thanksgiving": (11, 4, 4, 0),
    "election day": (11, 1, 1, 1),
}

# Feasts counted from Easter Sunday: days after it ("Easter week" is the week it ends).
EASTER_HOLIDAYS: dict[str, int] = {
    "palm sunday": -7,
    "good friday": -2,
    "easter sunday": 0,
    "easter week": 0,
    "easter": 0,
    "easter monday": 1,
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
}

# Unit word -> (TIMEX3 letter, whether it needs the "T" time designator).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "centurie": ("CE", False),
    "weekend": ("WE", False),
}

UNIT_FACTOR: dict[str, int] = {"fortnight": 2}

ONES: dict[str, int] = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "hundred": 100,
    "a thousand": 1000,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Vague amounts: the number becomes "X" in the value (PXY).
VAGUE = ("several", "few", "a few", "some", "many", "numerous", "a number of")

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "last": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

SETS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "biweekly": "P2W",
}

# Words that tell a present reference ("now") or a vague past or future.
REFS: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "formerly": "PAST_REF",
    "once": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "later": "FUTURE_REF",
    "recent": "PAST_REF",
    "current": "PRESENT_REF",
    "then current": "PAST_REF",
    "then-current": "PAST_REF",
    "the moment": "PRESENT_REF",
}


def number_value(words: str) -> int | None:
    """The integer a number phrase stands for ("twenty four", "24", "a"); None if vague."""
    w = words.lower().replace("-", " ").strip()
    if w in VAGUE or not w:
        return None
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    if w in ONES:
        return ONES[w]
    parts = w.split()
    total = 0
    for p in parts:
        if p in TENS:
            total += TENS[p]
        elif p in ONES and p not in ("a", "an"):
            total = total * 100 if ONES[p] == 100 and total else total + ONES[p]
        else:
            return None
    return total or None


def day_ordinal(word: str) -> int | None:
    """The day a read-out ordinal names ("eighth" = 8, "twenty-first" = 21); None if it is none."""
    w = word.lower()
    if w == "thirtieth":
        return 30
    tens, _, ones = w.rpartition("-")
    n = ORDINALS.get(ones) if ones != "last" else None
    if n is None or (tens and tens not in TENS):
        return None
    return TENS.get(tens, 0) + n


def spoken_year(words: str) -> int | None:
    """The year a read-out year names ("nineteen ninety-six" = 1996, "two thousand" = 2000); None if none."""
    w = words.lower().replace("-", " ")
    if "nineteen " in w:
        rest = w.split("nineteen ", 1)[1].split()
        tail = number_value(" ".join(rest[:2])) or number_value(" ".join(rest[:1]))
        return 1900 + tail if tail and tail < 100 else None
    if "two thousand" in w:
        rest = w.split("two thousand", 1)[1].replace(" and ", " ").split()
        tail = number_value(rest[0]) if rest else None
        return 2000 + (tail or 0)
    return None
