"""Reports of one finding by a source that is no named entity: a poll, a news agency's count, a reporter's question.

Such a source resolves to no entity ("a new poll", "The Associated Press",
"an NBC reporter"), so its reports cannot be told apart by speaker, and a
finding is retold more freely than a quotation: its subjects stay ("Hillary
Clinton and Bernie Sanders ... in California") and its predicate is reworded
("locked in a tight race", "virtually deadlocked"). Two reports are of one
finding when one of them retells it (two quotations of one finding would
share its words), they describe their source alike (the shorter description
is the longer one's words: "a new poll" and "a new statewide poll"), come
out within a day of each other, share a third of their content words, and
do not each name or count something the other does not ("Florida" against
"Ohio", "46 percent" against "48 percent": two findings).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from wiretrace.link.names import HONORIFIC_WORDS
from wiretrace.link.text import STOP_WORDS, WORD, fold, stable_hash, tokens

# Reports of one finding come out the day it is released or the next (morning papers, time zones); later,
# another release of the same kind is as likely (PolNeAR dev: two polls' figures five days apart).
FINDING_WINDOW_DAYS = 1
# Share of the shorter report's content words that a retold finding keeps: set on the PolNeAR train pairs (a
# California poll's two leads share 5 of 14) and checked on all train articles, where below it lie two polls of
# one day (3 of 11) and one poll's two findings (3 of 11), and above it one finding retold (4 of 11, 7 of 17).
FINDING_SHARE = 1 / 3
# A figure: digits, with their thousands separators and decimals ("2,383", "4.5").
NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")


def described_alike(one: str | None, other: str | None) -> bool:
    """Whether two descriptions of a source can name one: the shorter's words are all in the longer, and
    both end in the same noun ("reporter" and "an NBC reporter"; not "New York voters" and "Republican voters")."""
    mine, theirs = _description(one), _description(other)
    if not mine or not theirs or mine[-1] != theirs[-1]:
        return False
    short, long_ = sorted((set(mine), set(theirs)), key=len)
    return short <= long_


def _description(name: str | None) -> list[str]:
    return [w for w in tokens(name or "") if w not in STOP_WORDS]


def source_key(name: str | None, day: str | None) -> int | None:
    """The key under which a described source's reports of a day are indexed (its last noun and the day), among
    the utterances' word shingles: a retold finding may share no run of three words with the first report."""
    words = _description(name)
    if not words or not day or len(day) < 10:
        return None
    return stable_hash(f"\x00source\x00{words[-1]}\x00{day[:10]}")


def source_keys_around(name: str | None, day: str | None) -> set[int]:
    """The keys of a described source's reports within FINDING_WINDOW_DAYS of a day."""
    try:
        base = date.fromisoformat(day[:10]) if day else None
    except ValueError:
        base = None
    if base is None:
        return set()
    days = (base + timedelta(days=n) for n in range(-FINDING_WINDOW_DAYS, FINDING_WINDOW_DAYS + 1))
    return {key for d in days if (key := source_key(name, d.isoformat())) is not None}


def contrasting(one: str, other: str) -> bool:
    """Whether each of two reports names something the other does not, or each gives a figure the other does not."""
    return _each_has_own(names(one), names(other)) or _each_has_own(figures(one), figures(other))


def _each_has_own(mine: set[str], theirs: set[str]) -> bool:
    return bool(mine - theirs) and bool(theirs - mine)


def names(text: str) -> set[str]:
    """The capitalized words of a text, folded, possessives and honorifics ("Mrs.") left out."""
    found = set()
    for word in WORD.findall(text):
        folded = fold(word).removesuffix("'s")
        if word[0].isupper() and folded not in STOP_WORDS and folded not in HONORIFIC_WORDS:
            found.add(folded)
    return found


def figures(text: str) -> set[str]:
    """The numbers of a text, as written without separators ("2,383" -> "2383")."""
    return {match.replace(",", "") for match in NUMBER.findall(text)}
