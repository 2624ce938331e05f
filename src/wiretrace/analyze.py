"""The per-article step: one document in, its analysis out. Pure: no I/O, no state
beyond the loaded model, so it runs the same in-process, in a pool and in Spark.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wiretrace.clean import clean_text
from wiretrace.ingest import is_english
from wiretrace.model import Article, Cleaned, DateEvidence, Document, content_hash
from wiretrace.prefilter import parse_text
from wiretrace.statements import extract_statements
from wiretrace.time import tag_timexes
from wiretrace.time.events import event_days
from wiretrace.time.pubdate import infer_pub_date
from wiretrace.time.said import date_statements

# A day taken from another article, and why: (YYYY-MM-DD, evidence).
Borrowed = tuple[str, DateEvidence]
# A first line of at most this many words, with no closing full stop, is a title.
MAX_HEADLINE_WORDS = 20


def analyze_document(nlp: Language, document: Document, borrowed: Borrowed | None = None) -> Article:
    """Clean, parse and analyze one article; ``borrowed``: the day of a document with no date of its
    own, taken from another article (``wiretrace.link.event_dates``), with its evidence."""
    cleaned = clean_text(document.text)
    return analyze_parsed(document, cleaned, nlp(text_to_parse(document, cleaned)), borrowed)


def text_to_parse(document: Document, cleaned: Cleaned) -> str:
    """What spaCy parses of an article: the masked text, the sentences that need no parse
    blanked; nothing for an article not in English, which is not analyzed."""
    return parse_text(cleaned.masked) if is_english(document.language) else ""


def analyze_parsed(document: Document, cleaned: Cleaned, doc: Doc, borrowed: Borrowed | None = None) -> Article:
    """The analysis of one article whose masked text is already parsed."""
    if not is_english(document.language):
        return not_analyzed(document, cleaned)
    article_id = content_hash(document.text)
    pub_date, pub_date_source = document.pub_date, "metadata" if document.pub_date else "none"
    pub_date_evidence = None
    if pub_date is None and borrowed is not None:
        (pub_date, pub_date_evidence), pub_date_source = borrowed, "text"
    timexes = tag_timexes(cleaned.masked, pub_date, doc)
    if pub_date is None:
        pub_date, pub_date_evidence = infer_pub_date(cleaned.masked, timexes, doc)
        pub_date_source = "text" if pub_date else "none"
        timexes = tag_timexes(cleaned.masked, pub_date, doc) if pub_date else timexes
    statements = extract_statements(doc, article_id)
    for st in statements:  # the parse saw blanked sentences (prefilter): words come from the text itself
        st.text = cleaned.masked[st.start : st.end]
    date_statements(doc, statements, timexes, pub_date)
    return Article(
        id=article_id, source=document.source, raw=document.text, text=cleaned.text,
        title=document.title or headline(cleaned.text), outlet=document.outlet, url=document.url,
        pub_date=pub_date, pub_date_source=pub_date_source, pub_date_evidence=pub_date_evidence,
        language=document.language,
        debris=cleaned.debris, statements=statements, timexes=timexes,
        events=event_days(cleaned.masked, doc, timexes, pub_date),
    )


def headline(text: str) -> str | None:
    """The first line of a plain text, when it has the shape of a title."""
    first = text.lstrip().split("\n", 1)[0].strip()
    words = first.split()
    if 0 < len(words) <= MAX_HEADLINE_WORDS and not first.endswith((".", ":", ",")) and first[0].isupper():
        return first
    return None


def not_analyzed(document: Document, cleaned: Cleaned) -> Article:
    """An article in another language: stored, cleaned and marked with its language, but with no
    statements or timexes, since the English model would find wrong ones."""
    return Article(
        id=content_hash(document.text), source=document.source, raw=document.text, text=cleaned.text,
        title=document.title, outlet=document.outlet, url=document.url, pub_date=document.pub_date,
        pub_date_source="metadata" if document.pub_date else "none", language=document.language,
        debris=cleaned.debris,
    )
