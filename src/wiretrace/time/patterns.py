"""Regular-expression pieces for temporal expressions, compiled once at import.

Extents follow the TimeBank/TempEval-3 gold: determiners and modifiers that
belong to the expression are inside ("the third quarter", "nearly two years",
"early next year", "the past three months"); prepositions are outside.
"""

from __future__ import annotations

import re

from wiretrace.time.lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WD_ABBR = r"(?:MON|TUES?|WEDS?|THU(?:RS?)?|FRI|SAT|SUN|Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)"
# Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_1900S = (
    rf"nineteen (?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]{_ONES})?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
SPOKEN_YEAR = rf"(?:{SPOKEN_1900S}|two thousand(?: and {_ONES})?)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night|overnight)"
NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?(?: 1/2)?|{NUMWORD}(?: hundred)?|a hundred|a dozen|a couple of|a couple|couple of"
    r"|a few|several|few|many|some|an?)"
)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
# Words between a count and its unit: "two more weeks", "eight trading days".
COUNT_WORD = r"(?:more|additional|straight|consecutive|full|long|trading|business|working)"
MOD = (
    r"(?:(?:more|less|fewer) than|at least|at most|up to|no more than|nearly|almost|around"
    r"|roughly|approximately|some|over|under|fully|another|an additional)"
)
LEAD = (
    r"(?:the )?(?:first|last|past|next|previous|coming|following|latest|final|remaining|same|other"
    r"|year-earlier|year-ago)"
)
EDGE = (
    r"(?:early|late|mid-?|earlier|later|sometime|the (?:end|beginning|start|middle|rest|first half|last half"
    r"|second half|latter part|early part) of)"
)
# "mid-November", "late-1996": an edge word joined to the name by a hyphen.
HYPHENED = r"(?:(?:mid|early|late)-)"
PRE = rf"(?:{EDGE} |{HYPHENED})"
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
REL = r"(?:this|last|next|this past|this coming|the past|the previous|the coming|the following|the next)"
ZONE = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|local time)"
CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?(?: ?(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b)| o'clock)|\d{1,2}:\d\d(?= ?"
    + ZONE
    + r")|\d{1,2}(?::\d\d)?(?: o'clock)? in the (?:morning|afternoon|evening)|noon|midnight|midday)"
)
DAYREF = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|{MONTH} {DAYNUM})"


def _c(pattern: str) -> re.Pattern[str]:
    """A case-blind pattern that starts and ends on word edges (names are checked for capitals later)."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w]|-\w)", re.IGNORECASE)


CLOCK_RE = _c(
    rf"(?:(?:around|approximately|shortly (?:before|after)|just (?:before|after)) )?{CLOCK}"
    rf"(?: {ZONE})?(?: (?:on )?(?:(?:this|that|yesterday|tomorrow|{WEEKDAY}) )?{PART})?"
    rf"(?:,? (?:{DAYREF}))?(?:,? {YEAR})?"
)
CLOCK_AFTER_RE = _c(rf"(?:{WEEKDAY}|yesterday|today|tomorrow) (?:at )?(?:noon|midnight)")
# A day of the month read out ("March eighth", "May twenty-first"), as broadcast transcripts write it.
DAY_WORD = (
    r"(?:(?:twenty|thirty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth"
)
FULL_DATE_RE = _c(
    rf"(?:the week of |(?:{REL} )?{WEEKDAY},? )?{PRE}?(?:{MONTH} (?:{DAYNUM}|{DAY_WORD})|{DAYNUM} (?:of )?{MONTH})"
    rf"(?:,? {YEAR})?"
)
# "the summit on March 20-21": the first day of a range of days (the word-edge guard of _c would refuse it).
RANGE_START_RE = re.compile(rf"(?<![\w-])(?:{MONTH} {DAYNUM})(?=[-\u2013]\d{{1,2}}\b)", re.IGNORECASE)
# "April 24 and 25": the second day of a pair (its month is checked, and read, from the date before it).
PAIRED_DAY_RE = _c(
    r"(?:(?<= and )|(?<= or )|(?<= to )|(?<= through ))(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d)"
    r"(?! ?%| (?:percent|per|of|million|billion|times|people|points|cents|shares|[ap]\.?m\b))"
)
NUMERIC_DATE_RE = _c(r"(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d))")
MONTH_YEAR_RE = _c(rf"(?:{EDGE} )?{PRE}?{MONTH},?(?: of)? (?:{YEAR}|{SPOKEN_YEAR}|(?:this|last|next) year)")
MONTH_RE = _c(rf"(?:(?:{EDGE}|{REL}|each|every) )*{HYPHENED}?{MONTH}(?!\.? ?\d)")
YEAR_RE = _c(
    rf"(?:(?:{EDGE}|(?:the )?fiscal(?: year)?|(?:the )?calendar(?: year)?|FY|the year) |(?:the )?{HYPHENED}"
    rf"|(?:pre|post)-)?'?{YEAR}"  # "post-1959 politics": the year the prefix counts from
    r"(?:'s)?(?! ?%| (?:percent|million|billion|shares|people|tons|feet|meters|miles|votes))"
    rf"|(?:the year )?{SPOKEN_1900S}|the year {SPOKEN_YEAR}"
)
# Every holiday the lexicon dates, longest name first ("Christmas Eve" before "Christmas").
_HOLIDAY_NAMES = sorted({*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS}, key=len, reverse=True)
HOLIDAY_RE = _c(r"(?:(?:last|next|this) )?(?:" + "|".join(re.escape(name) for name in _HOLIDAY_NAMES) + ")")
# "the year ended June 30" (a span), "for the year", "a high for the year of $42", "year-end": the year
# the copy reports on.
YEAR_WORD_RE = _c(
    r"the year(?= end(?:ed|ing)\b)|the full year|(?:(?<=for )|(?<=of )|(?<=in ))the year(?![- ](?!of \$)\w)"
    r"|the end of the year|year[- ]end|year's end"
)
# "the nineties" needs its article: "in their fifties" is an age. "the last half of the '80s" is the decade.
DECADE_RE = _c(
    rf"(?:the )?(?:{PRE}(?:the )?)?(?:\d{{3}}0s|'\d0s|\d{{3}}0's)"
    rf"|the {PRE}?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
)
CENTURY_RE = _c(r"(?:the )?(?:early |late |mid-?)?(?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)[- ]century")
# "the third-quarter loss": the article goes with the noun, the hyphened quarter stands alone (TimeBank).
QUARTER_RE = _c(
    rf"(?:(?:the(?! (?:[a-z]+ )?{ORD}-)|this|last|next|(?:this|last|next) year's|(?:the )?{YEAR}(?:'s)?) )?"
    rf"(?:(?:same|comparable|latest|year-ago|year-earlier|fiscal|current|previous|calendar|recent|most recent)[ ]"
    r"|fiscal-)*"
    rf"{ORD}[- ](?:fiscal[- ])?"
    rf"(?:quarter|half)s?(?:,? (?:of )?(?:fiscal )?(?:{YEAR}|(?:this|last|next|the) year))?"
    rf"|(?:the )?(?:first|last|final) two quarters (?:of )?(?:{YEAR}|(?:this|last|next) year)"
    rf"|{ORD}(?= (?:and|or) {ORD}[- ](?:fiscal[- ])?(?:quarter|half)s?\b)"  # "the [second] and fourth quarters"
)
# "the corresponding period last year", "last year's quarter": the quarter in view, a year back.
PERIOD_RE = _c(
    rf"(?:the |last year's )?(?:{YEAR} )?(?:(?:same|comparable|corresponding|latest|year-ago|year-earlier|current"
    r"|previous|recent|most recent|fiscal|latest fiscal|current fiscal|first fiscal) )*(?:quarter|period|fiscal year)"
    r"(?: a year (?:ago|earlier)| (?:of )?last year)?"
    r"|(?:comparable |same )?year-(?:ago|earlier)"
)
SEASON_RE = _c(
    rf"(?:(?:{EDGE}|{REL}|the) )*{SEASON}(?:,?(?: of)? (?:{YEAR}|{SPOKEN_YEAR}|(?:this|last|next) year))?"
)
# "mid-afternoon yesterday", "late morning today": a part of the day put first.
RELDAY_RE = _c(
    rf"(?:(?:early|late|earlier|later|mid-?|the day (?:before|after)) |(?:(?:early |late |mid-?)?{PART}) )?"
    rf"(?:yesterday|today|tomorrow|tonight"
    rf"|last night)(?: ?\({WD_ABBR}\))?(?:,? {PART}| at (?:noon|midnight))?"
)
# "today is the eighth day of the blockade", "it's the second day of the strike": a day of an event
# that the clause says is the present one.
NTH_DAY_RE = _c(
    rf"(?:(?<=today is )|(?<=it is )|(?<=it's )|(?<=this is ))the (?:{DAY_WORD}|\d{{1,2}}(?:st|nd|rd|th))"
    r" (?:straight |consecutive )?day(?= of )"
)
# "this morning", "late that night"; "by mid afternoon" needs its edge word (a bare "morning" is a noun).
PARTDAY_RE = _c(
    rf"(?:(?:early|late|later|earlier|mid-?) )?(?:this|that|the) ?{PART}"
    r"|(?:early|late|mid-?) ?(?:morning|afternoon|evening)"
)
# TimeBank leaves "early", "later" and a possessive "'s" outside a weekday ("Earlier [Friday]", "[Sunday]'s");
# "the day before Friday" keeps its article, "the [day before last Friday]" does not.
WEEKDAY_RE = _c(
    rf"(?:day (?:before|after) |the day (?:before|after) (?!(?:last|this|next) ))?"
    rf"(?:(?:last|this|next|this past|this coming|the previous|the following|the next) )?"
    rf"(?:{WEEKDAY}|{WD_ABBR}(?=\)))(?: (?:{PART}))?"
)
# "Tuesday nights" recurs as "Tuesdays" does; so does "Monday" in "Monday and Tuesday nights".
WEEKDAY_SET_RE = _c(
    rf"(?:(?:every|each|on) )?{WEEKDAY}s(?: (?:{PART})s?)?|{WEEKDAY} {PART}s"
    rf"|{WEEKDAY}(?= (?:and|or) {WEEKDAY} {PART}s\b)"
)
RELUNIT_RE = _c(
    rf"(?:(?:{EDGE}|the) )?(?:{REL}|that|the same|the current|the previous|the latest|earlier|later)"
    rf" (?:week|month|year|quarter|weekend|decade|century|day|fiscal year|few (?:days|weeks|months|years))"
    rf"(?: or (?:so|two))?"
    r"|the week(?:end)?"
    r"|the (?:end|beginning|start|middle) of the (?:week|month|decade)"
)
EARLIER_RE = _c(r"(?:earlier|later) (?:this|that|in the|last|next) (?:week|month|year|day|decade)")
# "two to three weeks", "12 to 18 months": a range of counts is one span ("between two to six days" names
# its two bounds apart).
RANGE_FROM = rf"(?:(?<!between )(?:\d+|{NUMWORD}) (?:to|or) (?=(?:\d+|{NUMWORD}) ))"
# "the nine months" keeps its article; an adjective ("the 14-day strike") and a year
# before an ordinal ("the 1988 second quarter") do not count. "later" stays outside a count
# shorter than a year ("[three days] later": TimeBank), which is then the duration it counts.
DURATION_RE = _c(
    rf"(?:{LEAD} |the (?=(?:\d+|{NUMWORD}) {UNIT}))?(?:{MOD} (?!the\b))*{RANGE_FROM}?{NUM}"
    rf"(?: {COUNT_WORD})?[- ]{UNIT}(?! (?:quarter|half)\b)"
    rf"(?:(?:,| and) (?:a half|{NUM} {UNIT}))?(?: or (?:so|more|longer))?"
    r"(?: (?:ago|earlier|from now|hence|before that|after that)"
    r"|(?:(?<=year)|(?<=years)|(?<=decade)|(?<=decades)) later)?"
)
# "a day-long meeting", "a decades-long battle": the span an adjective measures.
UNIT_LONG_RE = _c(rf"(?:(?:\d+|{NUMWORD})[- ])?{UNIT}-long")
# "the weeks ahead" counts as "the coming weeks" does; "for a while" is a span of no known unit;
# hours and minutes count only with a lead word ("the first hours of the war"; "hours" alone is a noun).
VAGUE_UNIT_RE = _c(
    rf"(?:(?:{LEAD}|recent|many|(?:the )?coming) )?(?:days|weeks|months|quarters|years|decades|centuries)"
    r"(?: ago| earlier| later)?|the (?:days|weeks|months|years) ahead|(?<=for )a (?:long |little )?while"
    rf"|(?:{LEAD}|the early) (?:hours|minutes)|the early (?:days|weeks|months|years)"
)
SET_RE = _c(
    rf"(?:hourly|daily|nightly|weekly|biweekly|monthly|yearly"
    rf"|(?:every|each|per|a) (?:other )?(?:second|minute|hour|day|night|week|month|quarter|year|morning"
    rf"|evening|afternoon|{SEASON}|{MONTH}|{WEEKDAY})"
    rf"|(?:\d+|{NUMWORD}) times? (?:a|per|each) (?:day|week|month|year))"
)
# "future" without "the", before a word, is an adjective ("future payments"), not a time; "formerly",
# like "previously" and "already", only orders an event before another and is left out (TimeBank).
REF_RE = _c(
    r"(?:now|currently|recently|lately|nowadays|these days|at present"
    r"|the present|the (?:near |distant |foreseeable )?future|(?:near |distant |foreseeable )?future(?! [a-z])"
    rf"|the past(?! (?:\d|{NUMWORD}|few|several|couple|many)\b)|a later date|the (?:near|short) term"
    r"|(?:then[- ])?current)",
)

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("clock", CLOCK_RE),
    ("clock_after", CLOCK_AFTER_RE),
    ("full_date", FULL_DATE_RE),
    ("range_start", RANGE_START_RE),
    ("numeric_date", NUMERIC_DATE_RE),
    ("paired_day", PAIRED_DAY_RE),
    ("month_year", MONTH_YEAR_RE),
    ("quarter", QUARTER_RE),
    ("decade", DECADE_RE),
    ("century", CENTURY_RE),
    ("year", YEAR_RE),
    ("year_word", YEAR_WORD_RE),
    ("season", SEASON_RE),
    ("holiday", HOLIDAY_RE),
    ("relday", RELDAY_RE),
    ("nth_day", NTH_DAY_RE),
    ("partday", PARTDAY_RE),
    ("weekday_set", WEEKDAY_SET_RE),
    ("weekday", WEEKDAY_RE),
    ("month", MONTH_RE),
    ("earlier", EARLIER_RE),
    ("relunit", RELUNIT_RE),
    ("duration", DURATION_RE),
    ("unit_long", UNIT_LONG_RE),
    ("set", SET_RE),
    ("period", PERIOD_RE),
    ("vague_unit", VAGUE_UNIT_RE),
    ("ref", REF_RE),
)
