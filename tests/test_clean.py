"""The cleaner: boilerplate lines, markup and glued headlines out; real text kept."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from wiretrace.clean import clean_text

BODY = "The council voted on Tuesday to extend the program for two more years.\n"
AFTER = "\nMembers said the money would come from reserves.\n"

# Lines that are debris whole, each between two lines of prose.
BOILERPLATE = [
    "* Follow City Desk on Snapchat, Tiktok, Twitter and Facebook",
    "Follow Jane Roe on Twitter @janeroe",
    "Like us on Facebook",
    "Photo: AP (Fair Use)",
    "Image credit: Reuters",
    "Sam Poe via Getty Images",
    "Written by staff",
    "By Jane Roe and Ben Moss",
    "READ MORE: Mayor unveils plan to cut bus fares across the region",
    "Related: Council row over parking fees deepens",
    "Advertisement",
    "Story continues below advertisement",
    "Share this article",
    "Sign up for our morning briefing newsletter",
    "Want the latest news? Sign up here.",
    "We use cookies to improve your experience on our site. Read our cookie policy.",
    "© 2021 Valley Gazette. All rights reserved.",
    "Copyright 2019 Valley Gazette",
    "Click here to read the full story",
    '<tweet tweet-id="123456789012"><tweet/>.',
    "pic.twitter.com/AbCdEf123",
    "[embed]https://video.example.com/watch?v=abc[/embed]",
]

# Prose that only looks like boilerplate in part: it stays.
REAL = [
    "NATO Chief Visits Capital; Talks Accelerate",
    "LONDON (Reuters) - The talks resumed on Monday after a week-long pause.",
    "date 2023-02-13 The minister has said the plan will go ahead.",
    "She said she would follow the talks closely on Twitter and in person.",
    "The photo showed the two leaders shaking hands outside the hall.",
    "By contrast, the opposition wants the vote delayed.",
    "He worked for Reuters for a decade before entering politics.",
    "Critics say it is not enough.",
    "“Follow the money,” she told reporters.",
    "According to BuzzFeed and LinkedIn, the numbers rose in March.",
    "McCain and DeSantis met the O'Neill family in Washington.",
    "The ship, named Air Force One by the crew, left port.",
    "He said the FBI and the CIA were told about it.",
    "Voters in the north were perhaps the most divided of all.",
]

# (raw, the headline that must go, the real text that must stay)
GLUED = [
    ("The vote ended in chaos. Leaders accused of packing hall with same 'extras' at summit series "
     "No-one could say when the next meeting would be.",
     "Leaders accused of packing hall with same 'extras' at summit series",
     "No-one could say when the next meeting would be."),
    ("Mayor hails biggest pay deal for bus drivers in decade“We all agree this is fair,” he said.",
     "Mayor hails biggest pay deal for bus drivers in decade",
     "“We all agree this is fair,” he said."),
    ("Crowds gather across the city as the old bridge finally closes for repairsOfficials from three "
     "districts meet next week.",
     "Crowds gather across the city as the old bridge finally closes for repairs",
     "Officials from three districts meet next week."),
    ("The mayor spoke last. Presenter 'cuts off' guest who says councillor 'deserved' the fine'They "
     "compared it to a siege.",
     "Presenter 'cuts off' guest who says councillor 'deserved' the fine",
     "They compared it to a siege."),
    ("The count went on all night. Council leader quits over secret parking fund row Perhaps the "
     "result will settle it.",
     "Council leader quits over secret parking fund row",
     "Perhaps the result will settle it."),
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_removed(line: str) -> None:
    assert clean_text(BODY + line + AFTER).text == BODY + AFTER[1:]


@pytest.mark.parametrize("line", REAL)
def test_real_lines_kept(line: str) -> None:
    raw = line + "\n" + BODY
    assert clean_text(raw).text == raw


@pytest.mark.parametrize(("raw", "debris", "real"), GLUED)
def test_glued_headline_removed_and_sentence_kept(raw: str, debris: str, real: str) -> None:
    cleaned = clean_text(BODY + raw)
    assert debris not in cleaned.text
    assert real in cleaned.text
    assert BODY in cleaned.text


def test_text_without_debris_is_unchanged() -> None:
    raw = "Council Extends Bus Program\n\n" + BODY + "\n" + "A short paragraph.\n" + AFTER
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.masked == raw
    assert cleaned.debris == []
    assert cleaned.segments == [(0, len(raw))]


def test_cleaned_parts_agree() -> None:
    raw = BODY + "Advertisement\n" + GLUED[0][0] + "\n" + '<tweet tweet-id="42"><tweet/>.' + AFTER
    cleaned = clean_text(raw)
    assert len(cleaned.masked) == len(raw)
    assert cleaned.text == "".join(raw[s:e] for s, e in cleaned.segments)
    assert cleaned.masked.count("\n") == raw.count("\n")
    for m in cleaned.debris:
        assert m.text == raw[m.start:m.end]
        assert cleaned.masked[m.start:m.end].strip() == ""
    for s, e in cleaned.segments:
        assert cleaned.masked[s:e] == raw[s:e]
    at = cleaned.text.index("No-one")
    assert raw[cleaned.to_original(at):].startswith("No-one")


def test_whole_line_takes_its_line_end() -> None:
    cleaned = clean_text(BODY + "Share this article\n" + AFTER)
    assert [m.text for m in cleaned.debris] == ["Share this article\n"]


def test_embed_keeps_the_words_it_wraps() -> None:
    raw = BODY + '<tweet id="1" author="@roe">We will win this vote</tweet>.' + AFTER
    text = clean_text(raw).text
    assert "We will win this vote" in text
    assert "<tweet" not in text


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_seeds_debris_removed_and_real_text_kept(shared_dir: Path) -> None:
    gold = load(shared_dir / "eval" / "seeds_gold.py", "seeds_gold")
    norm = load(shared_dir / "eval" / "score_seeds.py", "score_seeds").norm
    removed = total = 0
    for path in sorted((shared_dir / "corpus" / "seeds").glob("*.txt")):
        clean = norm(clean_text(path.read_text(encoding="utf-8")).text)
        debris = gold.BOILERPLATE.get(path.name[:3], [])
        total += len(debris)
        removed += sum(norm(x) not in clean for x in debris)
        for keep in gold.MUST_KEEP.get(path.name[:3], []):
            assert norm(keep) in clean, keep
        first = re.sub(r"\s+", " ", path.read_text(encoding="utf-8").split("\n")[0]).strip()
        assert norm(first)[:40] in clean  # the opening line (a title or lead) stays
    assert (removed, total) == (9, 9)
