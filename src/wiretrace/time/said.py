"""Said-dates: the day (or month) each statement's words were spoken, and why.

Layered, the precise first: a date hanging under the statement's cue ("said on
Monday", "told reporters yesterday", "in November 2019 ... claimed"); else a
date in the attribution's own sentence outside the quoted words ("Speaking on
February 13, she said ..."); else the last day the paragraph named before the
cue (its reference time); else the article's day, the day news is about.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from wiretrace.doctext import text_of
from wiretrace.model import DateEvidence, Mention, Statement, Timex

# A timex names the day of saying when its words hang this close (in
# dependency steps) under the cue: "said on February 13" is 2,
# "Speaking to reporters on February 13, X said" is 3.
MAX_CUE_TIMEX_STEPS = 3
# Confidences by rule (set by hand, ordered by how directly the words date the saying).
CUE_CONFIDENCE = 0.9
SENTENCE_CONFIDENCE = 0.7
PARAGRAPH_CONFIDENCE = 0.6
ARTICLE_DAY_CONFIDENCE = 0.5
# A value at day or month grain, maybe with a time of day after it.
_DAY_OR_MONTH = re.compile(r"^(\d{4}-\d\d(?:-\d\d)?)(?:T.*)?$")


def date_statements(doc: Doc, statements: list[Statement], timexes: list[Timex], pub_date: str | None) -> None:
    """Set each statement's ``date`` and ``date_evidence``."""
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and _day_or_month(t.value)]
    reported = [t for t in dated if all(_outside(t, st) for st in statements)]
    rooted = [(t, span.root) for t in dated if (span := doc.char_span(t.start, t.end, alignment_mode="expand"))]
    for st in statements:
        cue = _cue_token(doc, st)
        found = ((cue is not None and (_cue_date(st, cue, rooted) or _sentence_date(st, cue, reported)))
                 or _paragraph_date(doc, st, reported))
        if found:
            timex, rule, confidence = found
            st.date = _day_or_month(timex.value)
            st.date_evidence = DateEvidence(rule, [Mention(timex.start, timex.end, timex.text)], confidence)
        elif pub_date:
            st.date = pub_date[:10]
            st.date_evidence = DateEvidence("article_day", [], ARTICLE_DAY_CONFIDENCE)


def _cue_token(doc: Doc, st: Statement) -> Token | None:
    """The first token of the statement's cue, if it has one."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand") if st.cue else None
    return cue[0] if cue else None


def _cue_date(st: Statement, cue: Token, rooted: list[tuple[Timex, Token]]) -> tuple[Timex, str, float] | None:
    """A dated timex (with its root token) hanging under the statement's cue, outside its words or
    before the cue ("which in November 2019 Macron claimed was ...")."""
    for timex, root in rooted:
        if _outside(timex, st) and _under(root, cue):
            return timex, "cue_clause", CUE_CONFIDENCE
        if timex.end <= st.cue.start and cue.is_ancestor(root) and _content_follows(cue):
            return timex, "cue_clause", CUE_CONFIDENCE
    return None


def _content_follows(cue: Token) -> bool:
    """Whether what the cue reports comes after it, so that words before it in its clause are the attribution."""
    content = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(content) and all(c.i > cue.i for c in content)


def _sentence_date(st: Statement, cue: Token, reported: list[Timex]) -> tuple[Timex, str, float] | None:
    """A day-grained timex in the cue's sentence, before the cue and outside every statement's words
    (``reported`` holds only those)."""
    sent: Span = cue.sent
    for timex in reported:
        inside = sent.start_char <= timex.start and timex.end <= st.cue.start
        if inside and _is_day(timex.value):
            return timex, "cue_sentence", SENTENCE_CONFIDENCE
    return None


def _paragraph_date(doc: Doc, st: Statement, reported: list[Timex]) -> tuple[Timex, str, float] | None:
    """The last day the paragraph named before the cue, outside every quotation: its reference time
    ("On Thursday the minister flew to Kyiv. He said ...")."""
    if not st.cue:
        return None
    start = text_of(doc).rfind("\n", 0, st.cue.start) + 1
    before = [t for t in reported if start <= t.start and t.end <= st.cue.start and _is_day(t.value)]
    return (before[-1], "paragraph", PARAGRAPH_CONFIDENCE) if before else None


def _outside(timex: Timex, st: Statement) -> bool:
    return all(timex.end <= s or timex.start >= e for s, e in st.spans)


def _under(token: Token, cue: Token) -> bool:
    """Whether ``cue`` governs ``token`` within a few dependency steps."""
    for _ in range(MAX_CUE_TIMEX_STEPS):
        if token.head.i == token.i:
            return False
        token = token.head
        if token == cue:
            return True
    return False


def _is_day(value: str) -> bool:
    return len(_day_or_month(value) or "") == len("YYYY-MM-DD")


def _day_or_month(value: str) -> str | None:
    """The day or month a value names ("2023-02-15TNI" names 2023-02-15); None for coarser or vaguer ones."""
    m = _DAY_OR_MONTH.match(value)
    return m.group(1) if m else None
