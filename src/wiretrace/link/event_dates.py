"""An undated article's day, borrowed from another outlet's report of the same event.

A scraped page often carries no date, and its own words name none ("NATO's
chief warned today ... as he opened a two-day meeting of defence ministers in
Brussels"); another report of the story may ("a meeting ... in Brussels on
February 14"). When the undated article's lead events (``wiretrace.time.events``)
share their key with dated events of linked articles of the same story (their
salient words as alike as ``stories.SAME_STORY`` asks of two dated reports),
and those name one day, that day is the article's. Two days named: no date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiretrace.analyze import analyze_document
from wiretrace.link import stories
from wiretrace.model import Article, DateEvidence, Mention, document_of
from wiretrace.store import Store, links

if TYPE_CHECKING:
    from wiretrace.pipeline import Pipeline

# Below the latest-day rules' supported answers: the day rests on another text and on the lead's reading.
BORROWED_CONFIDENCE = 0.5


def borrowed_pub_date(store: Store, article: Article) -> tuple[str, DateEvidence] | None:
    """The day other reports give the undated article's events, with the evidence; None when none or two."""
    with store.engine.connect() as conn:
        own = links.own_day_events(conn, article.id)
        reports = links.dated_reports(conn, {row.key for row in own}, article.id) if own else []
    if not reports:
        return None
    terms = stories.salient_terms(article.text, article.title)
    same_story = [r for r in reports if stories.term_similarity(terms, r.terms) >= stories.SAME_STORY]
    days = {r.day for r in same_story}
    if len(days) != 1:
        return None
    day = days.pop()
    keys = {r.key for r in same_story}
    words = {(row.start, row.end): Mention(row.start, row.end, row.text) for row in own if row.key in keys}
    return day, DateEvidence("same_event", sorted(words.values(), key=lambda m: m.start), BORROWED_CONFIDENCE,
                             article=min(r.article_id for r in same_story))


def redate(pipe: Pipeline, store: Store, article: Article, version: str) -> Article:
    """The stored undated article re-analyzed and stored again with the day another report of its
    event gives (``borrowed_pub_date``); the article as it was when no report does."""
    borrowed = borrowed_pub_date(store, article)
    if borrowed is None:
        return article
    dated = analyze_document(pipe.nlp, document_of(article), borrowed)
    store.replace_analysis(dated, version)
    return dated
