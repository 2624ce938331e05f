"""Dates of articles and statements: publication days read from the text, said-dates, and searching by them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wiretrace.cli import app
from wiretrace.time import tag_timexes
from wiretrace.time.pubdate import HIGH_CONFIDENCE, infer_pub_date


def pub_date(text: str) -> tuple[str | None, str | None, float]:
    value, evidence = infer_pub_date(text, tag_timexes(text, None))
    return value, evidence.rule if evidence else None, evidence.confidence if evidence else 0.0


# --- publication day from the text ---------------------------------------------------------------

PUB_CASES = [
    # (text, expected day, expected rule)
    ("Filed 2021-06-04 LISBON The port reopened after the storm.", "2021-06-04", "header"),
    ("OSLO, March 3, 2022 - Ministers met to talk about fishing quotas.", "2022-03-03", "header"),
    # A title line first, then the dateline opening the first paragraph.
    ("Quota talks stall again in the north\n\nOSLO, March 3, 2022 - Ministers met to talk about fishing quotas.",
     "2022-03-03", "header"),
    # The latest past day, named with its weekday: the story is about that day.
    (
        "The council first debated the plan on May 2, 2019. The mayor signed it on Friday, May 10, 2019, "
        "and the works began on May 10, 2019 as well.",
        "2019-05-10",
        "latest_past_day",
    ),
    # A year-less date takes the first year from the text's latest one on whose weekday agrees.
    (
        "The club was founded in 2013. Its new stadium opened on Saturday, Aug. 6, to a full house.",
        "2016-08-06",
        "latest_past_day",
    ),
    # Wire copy: "said yesterday (TUES)" is written on the Wednesday after the day the text names.
    (
        "The ferry sank on Tuesday, Jan. 9, 2024. The captain said yesterday (TUES) that the crew was safe.",
        "2024-01-10",
        "latest_past_day",
    ),
]


@pytest.mark.parametrize(("text", "day", "rule"), PUB_CASES)
def test_pub_date_from_text(text: str, day: str, rule: str) -> None:
    value, found_rule, _confidence = pub_date(text)
    assert (value, found_rule) == (day, rule)


def test_pub_date_evidence_points_at_its_words() -> None:
    text = "KIGALI, 12 April 2020 - The border stayed shut, officials said on Sunday."
    value, evidence = infer_pub_date(text, tag_timexes(text, None))
    assert value == "2020-04-12" and evidence is not None
    assert evidence.confidence is not None and evidence.confidence >= HIGH_CONFIDENCE
    assert all(text[m.start : m.end] == m.text for m in evidence.mentions)
    assert evidence.mentions[0].text == "12 April 2020"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor spoke on Monday about the new bridge.",  # a weekday alone names no week
        "The bank was founded on June 3, 1921, by two brothers.",  # one historical date is not the news
        "The vote on Sept. 14 decided it.",  # a year-less date without year or weekday
        "The talks will resume on March 4, 2030, the envoy said.",  # the future is not the day of writing
    ],
)
def test_weak_evidence_gives_no_date(text: str) -> None:
    assert pub_date(text)[0] is None


def test_one_date_named_once_is_not_high_confidence() -> None:
    value, _rule, confidence = pub_date("The strike ended on Thursday, Oct. 5, 2017, after nine days.")
    assert value == "2017-10-05" and confidence < HIGH_CONFIDENCE


def test_inferred_pub_date_is_stored_with_its_evidence(pipe) -> None:
    text = "date 2023-02-13 The minister said talks would resume.\n\nShe said it twice."
    article = pipe.analyze(text)
    assert article.pub_date == "2023-02-13" and article.pub_date_source == "text"
    assert article.pub_date_evidence is not None and article.pub_date_evidence.rule == "header"
    mention = article.pub_date_evidence.mentions[0]
    assert text[mention.start : mention.end] == "2023-02-13"


# --- said-dates -----------------------------------------------------------------------------------

SAID_TEXT = (
    "The port chief said on Monday that the cranes were repaired.\n\n"
    "Speaking to reporters on March 2 in Gdansk, the minister said the strike was over.\n\n"
    "The union, which in November 2019 the minister called \"a nuisance\", did not reply.\n\n"
    "\"We are ready,\" a docker said.\n\n"
    "On Friday the ferry docked in Tallinn. Its captain said the crossing was calm."
)


@pytest.fixture(scope="module")
def said_article(pipe):
    return pipe.analyze(SAID_TEXT, pub_date="2023-03-08")


def _statement(article, words: str):
    return next(s for s in article.statements if words in s.text)


@pytest.mark.parametrize(
    ("words", "date", "rule"),
    [
        ("cranes were repaired", "2023-03-06", "cue_clause"),  # "said on Monday", published on a Wednesday
        ("strike was over", "2023-03-02", "cue_clause"),  # the date hangs on "Speaking", under the cue
        ("a nuisance", "2019-11", "cue_clause"),  # month precision where that is all the text gives
        ("We are ready", "2023-03-08", "article_day"),  # nothing closer: the day of the news
        ("crossing was calm", "2023-03-03", "paragraph"),  # the paragraph's reference time
    ],
)
def test_said_dates(said_article, words: str, date: str, rule: str) -> None:
    st = _statement(said_article, words)
    assert st.date == date
    assert st.date_evidence is not None and st.date_evidence.rule == rule
    for m in st.date_evidence.mentions:
        assert SAID_TEXT[m.start : m.end] == m.text


def test_a_date_inside_another_quote_does_not_date_the_next_statement(pipe) -> None:
    text = '"We will vote tomorrow," the speaker said, adding that the bill would pass.'
    article = pipe.analyze(text, pub_date="2024-05-06")
    st = _statement(article, "the bill would pass")
    assert st.date == "2024-05-06"


def test_no_pub_date_and_no_cue_date_leaves_the_said_date_empty(pipe) -> None:
    article = pipe.analyze('"We are ready," a docker said.')
    assert article.statements and article.statements[0].date is None


# --- searching by said-date -----------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture()
def dated_db(tmp_path: Path) -> str:
    records = [
        {"source": "a", "text": "Mayor Ann Holt said on Monday that the bridge would reopen.",
         "pub_date": "2025-03-05"},
        {"source": "b", "text": "Coach Rita Sand said in November 2019 that the team was tired.",
         "pub_date": "2025-03-05"},
        {"source": "c", "text": "Judge Omar Diaz said the court would sit.", "pub_date": "2025-04-20"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert run("ingest", str(path), "--db", db, "--quiet").exit_code == 0
    return db


def _speakers(db: str, *args: str) -> list[str]:
    result = run("quotes", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["speaker"]["name"] for line in result.stdout.splitlines()]


def test_quotes_said_since_and_until(dated_db: str) -> None:
    assert _speakers(dated_db, "--said-since", "2025-03-01") == ["Ann Holt", "Omar Diaz"]
    assert _speakers(dated_db, "--said-since", "2025-03-01", "--said-until", "2025-03-31") == ["Ann Holt"]
    assert _speakers(dated_db, "--said-until", "2020-01-01") == ["Rita Sand"]


def test_quotes_said_range_takes_in_a_month_precision_date(dated_db: str) -> None:
    assert _speakers(dated_db, "--said-since", "2019-11-20", "--said-until", "2019-11-25") == ["Rita Sand"]
    assert _speakers(dated_db, "--said-since", "2019-12-01", "--said-until", "2020-12-31") == []
