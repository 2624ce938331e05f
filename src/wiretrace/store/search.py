"""Finding statements: by words (full-text search), speaker, outlet and dates.

Words are matched per dialect, the precise way first: SQLite's FTS5 index,
PostgreSQL's tsvector index, else a case-insensitive substring per word.
User input never reaches a query language unquoted, so punctuation
(``"NATO's``, ``-``, ``AND``) cannot raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from wiretrace.model import Statement
from wiretrace.store.rows import statement_from_row
from wiretrace.store.schema import FTS_TABLE, articles, statements

DEFAULT_LIMIT = 100
# A quoted phrase or a bare word of a user's query.
QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
WORD = re.compile(r"\w", re.UNICODE)
PREFIX_MARK = "*"
# Must stay identical to the expression the GIN index of migration 0001 is
# built on, or PostgreSQL cannot use the index.
PG_TSVECTOR = "to_tsvector('simple', statements.text || ' ' || coalesce(statements.speaker_name, ''))"
# 'simple': no stemming and no stop words, as SQLite's unicode61 tokenizer.
PG_CONFIG = sa.literal_column("'simple'::regconfig")


@dataclass(frozen=True, slots=True)
class StatementHit:
    """A statement found by a search, with what a reader needs of its article."""

    statement: Statement
    article_id: str
    title: str | None
    outlet: str | None
    pub_date: str | None
    source: str


def search_statements(
    conn: Connection,
    speaker: str | None = None,
    text: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = DEFAULT_LIMIT,
    *,
    said_since: str | None = None,
    said_until: str | None = None,
) -> list[StatementHit]:
    """Statements matching every filter given, oldest first (by statement date, else pub_date).

    ``since``/``until`` fall back on the article's pub_date; ``said_since``/``said_until`` keep only
    statements whose own said-date is known and overlaps the range (a month-precision "2019-11" is
    in a range that takes in any day of November 2019).
    """
    when = statement_date()
    query = (
        sa.select(statements, articles.c.title, articles.c.outlet, articles.c.pub_date,
                  articles.c.source.label("article_source"))
        .join(articles, articles.c.id == statements.c.article_id)
        .order_by(when.asc().nulls_last(), statements.c.article_id, statements.c.start, statements.c.pk)
        .limit(limit)
    )
    conditions = _filters(conn.dialect.name, speaker, text, outlet, since, until)
    if conditions is None:
        return []
    conditions.extend(said_date_conditions(said_since, said_until))
    return [statement_hit(row) for row in conn.execute(query.where(*conditions))]


def statement_date() -> ColumnElement[str]:
    """When a statement was said: its own date, else its article's pub_date."""
    return sa.func.coalesce(statements.c.date, articles.c.pub_date)


def _filters(dialect: str, speaker: str | None, text: str | None, outlet: str | None,
             since: str | None, until: str | None) -> list[ColumnElement[bool]] | None:
    """The WHERE conditions; None when the words leave nothing that can match."""
    conditions = []
    if text and text.strip():
        words = text_condition(dialect, text)
        if words is None:
            return None
        conditions.append(words)
    if speaker:
        conditions.append(sa.or_(statements.c.speaker_name.icontains(speaker, autoescape=True),
                                 statements.c.speaker_mention.icontains(speaker, autoescape=True)))
    if outlet:
        conditions.append(articles.c.outlet.icontains(outlet, autoescape=True))
    conditions.extend(date_conditions(since, until))
    return conditions


def date_conditions(since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """ISO strings compare as dates; ``until`` takes in all of its day (or month, year)."""
    when = statement_date()
    found = []
    if since:
        found.append(when >= since)
    if until:
        found.append(sa.func.substr(when, 1, len(until)) <= until)
    return found


def said_date_conditions(since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """On the statement's own date only; each side compared at the coarser of the two precisions."""
    said = statements.c.date
    found = []
    if since:
        found.append(said >= sa.func.substr(since, 1, sa.func.length(said)))
    if until:
        found.append(sa.func.substr(said, 1, len(until)) <= until)
    return found


def text_condition(dialect: str, text: str) -> ColumnElement[bool] | None:
    """Statements whose text or speaker name has every phrase of ``text``; None if it has none."""
    parts = query_parts(text)
    if not parts:
        return None
    if dialect == "sqlite":
        match = sa.select(sa.literal_column("rowid")).select_from(sa.table(FTS_TABLE))
        return statements.c.pk.in_(match.where(sa.literal_column(FTS_TABLE).match(fts5_query(parts))))
    if dialect == "postgresql":
        return sa.and_(*[_tsquery_condition(phrase, prefix) for phrase, prefix in parts])
    return sa.and_(*[_substring_condition(phrase) for phrase, _prefix in parts])


def query_parts(text: str) -> list[tuple[str, bool]]:
    """The phrases of a user's query with whether each is a prefix (``word*``); no word, no part."""
    parts = []
    for match in QUERY_PART.finditer(text):
        phrase = match.group(1) if match.group(1) is not None else match.group(2)
        prefix = match.group(1) is None and phrase.endswith(PREFIX_MARK)
        phrase = phrase.rstrip(PREFIX_MARK) if prefix else phrase
        if WORD.search(phrase):
            parts.append((phrase, prefix))
    return parts


def fts5_query(parts: list[tuple[str, bool]]) -> str:
    """An FTS5 query of quoted phrases, all required: safe for any user input."""
    return " ".join(
        '"' + phrase.replace('"', '""') + '"' + (PREFIX_MARK if prefix else "") for phrase, prefix in parts
    )


def _tsquery_condition(phrase: str, prefix: bool) -> ColumnElement[bool]:
    """A phrase against the tsvector index; a prefix (which phraseto_tsquery lacks) as a substring."""
    if prefix:
        return _substring_condition(phrase)
    query = sa.func.phraseto_tsquery(PG_CONFIG, phrase)
    return sa.literal_column(PG_TSVECTOR).bool_op("@@")(query)


def _substring_condition(phrase: str) -> ColumnElement[bool]:
    return sa.or_(statements.c.text.icontains(phrase, autoescape=True),
                  statements.c.speaker_name.icontains(phrase, autoescape=True))


def statement_hit(row: sa.Row) -> StatementHit:
    """A search or timeline result row (a statement with its article's title, outlet, date, source) as a hit."""
    mapping = row._mapping
    return StatementHit(
        statement=statement_from_row(mapping),
        article_id=mapping["article_id"],
        title=mapping["title"],
        outlet=mapping["outlet"],
        pub_date=mapping["pub_date"],
        source=mapping["article_source"],
    )
