"""What a rule needs to know beyond its match: the document date, the running
reference time of the narrative, and whether the words around look past or future."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from wiretrace.doctext import text_of
from wiretrace.time import dates

# Cues that a clause speaks of the future, for texts analysed without a parse.
_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|would|shall|'ll|is to|are to|going to|(?<!announced )(?<!unveiled )plans? to|planned to"
    r"|planning (?:to|for)|prepar(?:e|es|ing) for|scheduled|set to|expected to|intends? to"
    r"|agree(?:s|d|ment)? to|payable|effective"
    r"|as (?:soon|early) as|ahead of)\b",
    re.IGNORECASE,
)
# "said Monday that ...", "told reporters on Monday": a weekday right after a past reporting verb
# (and its one-word object) is the day of the saying.
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|told|announced|reported|added|predicted|declared)(?: (?!that\b)[A-Za-z']+)?(?: on)? $"
)
# How far before a timex the reporting verb is looked for.
REPORTED_REACH = 30
# After a timex its clause also ends where a reported clause begins: in "said on Monday that prices
# would rise" the "would" is the reported clause's, not the saying's.
_REPORTED_CLAUSE = re.compile(r"\s(?:that|whether)\s", re.I)
# Where a clause ends: a sentence end (not an initial's or a title's period), a line break, a comma
# or semicolon, an opening or closing quote. The commas around a state's abbreviation after a city
# ("the Peoria, Ill., bank") end nothing.
_CLAUSE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)[.!?]\s|[;:]\s"
    r"|(?<!, [A-Z][a-z]\.)(?<!, [A-Z][a-z]{2}\.)(?<!, [A-Z][a-z]{3}\.)(?<!, [A-Z][a-z]{4}\.)"
    r",(?! [A-Z][a-z]{1,4}\.,)\s|\n|``|''|\""
)
# "given them until 9 a.m. Tuesday", "settle the claim by February": a deadline lies ahead, unless the
# clause looks back ("had not ... until"); "since March" always looks back.
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by) $", re.I)
_SINCE_BEFORE = re.compile(r"\bsince $", re.I)
_PAST_LIMIT = re.compile(r"\b(?:had|not|n't|never)\b", re.I)
# "had been set to end Friday", "had planned to": a plan seen from after it, so the past.
_PLUPERFECT = re.compile(r"\bhad\b", re.I)
# What may stand between a clause start and a fronted timex: "On Tuesday, ...", "And early Friday, ...".
_FRONTED_BEFORE = re.compile(r"\s*(?:(?:and|but|also|then)\s+)?(?:(?:on|by|until|from|at|in|early|late)\s+)?", re.I)
# An absolute clause opened by "with" after a comma ("..., with the third departing from August 6").
_ABSOLUTE = re.compile(r"with\s", re.I)
# How far around a timex (characters) the tense cues are looked for: about a clause.
TENSE_WINDOW = 80


@dataclass(slots=True)
class Context:
    """The state a rule reads; ``ref`` is the last date the narrative moved to."""

    text: str
    dct: dt.date | None
    doc: Any = None
    ref: str | None = None
    # The first quarter the text names: results copy compares "the year-ago period" with it.
    topic_quarter: str | None = None
    # A new company's results begin ("Separately, ..."): the next recent quarter named becomes the topic.
    topic_open: bool = False
    # Results copy now reporting a span of months ("for the nine months"): its "year-earlier" names a year.
    months_in_view: bool = False
    # The last quarter the text named: "that quarter", "the following quarter" point back to it.
    quarter_named: str | None = None

    @property
    def anchor(self) -> str | None:
        """The running reference, else the document date."""
        if self.ref:
            return self.ref
        return dates.day(self.dct) if self.dct else None

    def ref_day(self) -> dt.date | None:
        """The reference day when the narrative has moved to one, else the document date."""
        day = dates.as_day(self.ref) if self.ref else None
        return day or self.dct

    def direction(self, start: int, end: int) -> int:
        """-1 when the clause around ``start:end`` reads as past, 1 as future (news defaults to past)."""
        if _REPORTED_BEFORE.search(self.text, max(0, start - REPORTED_REACH), start):
            return -1
        if _SINCE_BEFORE.search(self.text, max(0, start - 8), start):
            return -1
        if _DEADLINE_BEFORE.search(self.text, max(0, start - 8), start) and not _PAST_LIMIT.search(
            self.text, max(0, start - TENSE_WINDOW), end + TENSE_WINDOW // 2
        ):
            return 1
        cued = self._cue_direction(start, end)
        if self.doc is not None:
            # The parse knows the verb's tense; a future cue it cannot see ("payable", "set to") still counts.
            return max(_doc_direction(self.doc, start, end), cued)
        return cued

    def _clause_start(self, start: int) -> int:
        """Where the clause holding ``start`` begins; an absolute clause ("..., with the third departing
        from August 6") reaches back to the clause before it, whose tense it has."""
        lo = max(0, start - TENSE_WINDOW)
        ends = list(_CLAUSE_END.finditer(self.text, lo, start))
        if ends and _ABSOLUTE.match(self.text, ends[-1].end()):
            return self._clause_start(ends[-1].start())
        return ends[-1].end() if ends else lo

    def _cue_direction(self, start: int, end: int) -> int:
        """1 when a future cue stands in the clause around ``start:end``, else -1."""
        left = self._clause_start(start)
        reach = end + TENSE_WINDOW // 2
        if _FRONTED_BEFORE.fullmatch(self.text, left, start) and self.text.startswith(",", end):
            # "On Tuesday, the league plans to ...": a fronted adverbial takes the tense of the clause after it.
            end, reach = end + 1, end + 1 + TENSE_WINDOW
        stops = [m.start() for m in (_CLAUSE_END.search(self.text, end, reach),
                                     _REPORTED_CLAUSE.search(self.text, end, reach)) if m]
        window = self.text[left : min(stops, default=reach)]
        return 1 if _FUTURE_CUES.search(window) and not _PLUPERFECT.search(window) else -1


def _doc_direction(doc: Any, start: int, end: int) -> int:
    """Tense from the parse: the verb the timex hangs on, and its auxiliaries."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return -1
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.idx > end and _REPORTED_CLAUSE.search(text_of(doc), end, head.idx):
        return -1  # "warned on Thursday that strikes could follow": a misparse into the reported clause
    words = [c for c in head.children if c.dep_ in ("aux", "auxpass")] + [head]
    if any(w.lower_ in ("will", "'ll", "shall", "wo", "going") for w in words):
        return 1
    if head.tag_ in ("VBD", "VBN") or any(w.tag_ == "VBD" for w in words):
        return -1
    return 1 if head.tag_ in ("VB", "VBG") and any(w.tag_ == "MD" for w in words) else -1
