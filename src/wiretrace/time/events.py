"""Named events and their days: what lets an undated report borrow the day another outlet gives.

An event mention is an event noun ("meeting", "summit", "talks") in a sentence
that names a place (a GPE, LOC or FAC entity): its key is the noun's lemma
and the place ("meeting|brussels"), which another report of the same event
shares however it words the rest. A dated article's sentence that names one
day gives its events that day ("a meeting in Brussels on February 14"). An
undated article's lead (its first paragraphs: the news of the day, in the
order news is written) reports its events without a day ("as he opened a
two-day meeting of defence ministers in Brussels"): those are the article's
own day, unless the clause is about the future or names a day of its own.
"""

from __future__ import annotations

import re
from typing import Any

from wiretrace.doctext import ents_in
from wiretrace.model import EventDay, Timex
from wiretrace.time import dates
from wiretrace.time.context import Context

# Scheduled public occasions that outlets report on their day. Not elections, votes or wars:
# articles name those for months before and after, so a mention says nothing of the article's day.
EVENT_NOUNS = frozenset({
    "meeting", "summit", "talk", "talks", "conference", "visit", "trip", "session", "forum", "rally",
    "hearing", "debate", "speech", "briefing", "gathering", "ceremony", "convention",
})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# An article's lead, where news writing puts the day's event: its first paragraphs (a title
# line counts as one), and no more than this many characters of them.
LEAD_PARAGRAPHS = 3
LEAD_CHARS = 1000
# Words before an event noun that move it off the article's day ("next week's summit" is a timex anyway).
_NOT_TODAY = frozenset({"next", "upcoming", "planned", "last", "previous", "earlier", "former", "future"})
# Timex values that leave a sentence on the article's own day.
_TODAY_VALUES = frozenset({"PRESENT_REF"})


def event_days(text: str, doc: Any, timexes: list[Timex], pub_date: str | None) -> list[EventDay]:
    """The event mentions of a parsed article: each with the one day its sentence names, or, in the
    lead, the article's own day (``pub_date``; None when the article is undated)."""
    if doc is None:
        return []
    ctx = Context(text=text, dct=None, doc=doc)
    lead_end = _lead_end(text)
    by_sentence: dict[int, list[Any]] = {}
    for tok in doc:  # event nouns are few: only their sentences are looked at
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in EVENT_NOUNS:
            by_sentence.setdefault(tok.sent.start, []).append(tok)
    found = []
    for nouns in by_sentence.values():
        sent = nouns[0].sent
        places = sorted({ent.text.lower() for ent in ents_in(sent, PLACE_LABELS)})
        if not places:
            continue
        inside = [t for t in timexes if sent.start_char <= t.start < sent.end_char and t.type in ("DATE", "TIME")]
        day = _one_day(inside)
        if day is None and (sent.start_char >= lead_end or not _on_its_day(inside, pub_date)):
            continue
        for noun in nouns:
            if day is None and (_off_today(noun) or ctx.direction(noun.idx, noun.idx + len(noun)) > 0):
                continue
            found += [EventDay(f"{noun.lemma_.lower()}|{place}", day or pub_date, noun.idx,
                               noun.idx + len(noun), noun.text) for place in places]
    return found


def _lead_end(text: str) -> int:
    """Where the lead ends: after the first LEAD_PARAGRAPHS non-blank lines, at most LEAD_CHARS in."""
    lines = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return min(lines[LEAD_PARAGRAPHS - 1] if len(lines) >= LEAD_PARAGRAPHS else len(text), LEAD_CHARS)


def _on_its_day(timexes: list[Timex], pub_date: str | None) -> bool:
    """Whether a lead sentence's timexes leave it on the article's day: none, or only "today"."""
    return all(t.value in _TODAY_VALUES or t.value == pub_date for t in timexes)


def _one_day(timexes: list[Timex]) -> str | None:
    """The day a sentence names, when it names exactly one (two days: which is the event's is unknown)."""
    days = {t.value for t in timexes if dates.is_full_day(t.value)}
    return days.pop() if len(days) == 1 else None


def _off_today(noun: Any) -> bool:
    """An event the words before it place on another day ("the upcoming summit", "last week's talks")."""
    return any(w.lower_ in _NOT_TODAY for child in noun.children if child.i < noun.i for w in child.subtree)
