"""The per-article step: one document in, its analysis out. Pure: no I/O, no state
beyond the loaded model, so it runs the same in-process, in a pool and in Spark.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from wiretrace.clean import clean_text
from wiretrace.model import Article, Cleaned, Document, Statement, Timex, content_hash
from wiretrace.statements import extract_statements
from wiretrace.time import tag_timexes

# An explicit full date this early in the text is the article's dateline.
DATELINE_CHARS = 200
# A first line of at most this many words, with no closing full stop, is a title.
MAX_HEADLINE_WORDS = 20
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A timex names the day of saying when its words hang this close (in
# dependency steps) under the cue: "said on February 13" is 2.
MAX_CUE_TIMEX_STEPS = 3


def analyze_document(nlp: Language, document: Document) -> Article:
    """Clean, parse and analyze one article."""
    cleaned = clean_text(document.text)
    return analyze_parsed(document, cleaned, nlp(cleaned.masked))


def analyze_parsed(document: Document, cleaned: Cleaned, doc: Doc) -> Article:
    """The analysis of one article whose masked text is already parsed."""
    article_id = content_hash(document.text)
    pub_date, pub_date_source = document.pub_date, "metadata" if document.pub_date else "none"
    timexes = tag_timexes(cleaned.masked, pub_date, doc)
    if pub_date is None:
        pub_date = dateline(timexes)
        pub_date_source = "text" if pub_date else "none"
        timexes = tag_timexes(cleaned.masked, pub_date, doc) if pub_date else timexes
    statements = extract_statements(doc, article_id)
    date_statements(doc, statements, timexes, pub_date)
    return Article(
        id=article_id, source=document.source, raw=document.text, text=cleaned.text,
        title=document.title or headline(cleaned.text), outlet=document.outlet, url=document.url,
        pub_date=pub_date, pub_date_source=pub_date_source, language=document.language,
        debris=cleaned.debris, statements=statements, timexes=timexes,
    )


def headline(text: str) -> str | None:
    """The first line of a plain text, when it has the shape of a title."""
    first = text.lstrip().split("\n", 1)[0].strip()
    words = first.split()
    if 0 < len(words) <= MAX_HEADLINE_WORDS and not first.endswith((".", ":", ",")) and first[0].isupper():
        return first
    return None


def dateline(timexes: list[Timex]) -> str | None:
    """A full date at the very top of the text (a dateline or date header)."""
    for timex in timexes:
        if timex.start < DATELINE_CHARS and timex.type == "DATE" and FULL_DATE.fullmatch(timex.value):
            return timex.value
    return None


def date_statements(doc: Doc, statements: list[Statement], timexes: list[Timex], pub_date: str | None) -> None:
    """Set each statement's said-date: a date in its cue clause, else the publication day."""
    for st in statements:
        st.date = _cue_date(doc, st, timexes) or pub_date


def _cue_date(doc: Doc, st: Statement, timexes: list[Timex]) -> str | None:
    """The value of a dated timex hanging under the statement's cue."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand") if st.cue else None
    if not cue:
        return None
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        outside = all(timex.end <= s or timex.start >= e for s, e in st.spans)
        if span and outside and timex.type == "DATE" and _is_day_or_month(timex.value) and _under(span.root, cue[0]):
            return timex.value
    return None


def _under(token: Token, cue: Token) -> bool:
    """Whether ``cue`` governs ``token`` within a few dependency steps."""
    for _ in range(MAX_CUE_TIMEX_STEPS):
        if token.head is token:
            return False
        token = token.head
        if token == cue:
            return True
    return False


def _is_day_or_month(value: str) -> bool:
    return len(value) in (7, 10) and value[:4].isdigit()
