"""Reading articles back as model dataclasses: one, or all of them streamed in batches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from wiretrace.errors import WiretraceError
from wiretrace.model import Article
from wiretrace.store import rows
from wiretrace.store.schema import article_links, article_sources, articles, errors, statements, timexes

T = TypeVar("T")
# Articles read per round trip when streaming: three queries per batch, and
# memory bounded by this many articles with their statements.
ARTICLE_BATCH = 200
# The order articles are streamed and linked in: by pub_date (undated last), then id.
BY_DATE = (articles.c.pub_date.asc().nulls_last(), articles.c.id)
COUNTED_TABLES = {"articles": articles, "statements": statements, "timexes": timexes, "errors": errors}


class AmbiguousKeyError(WiretraceError):
    """An article id prefix that matches more than one article."""


def find_article_row(conn: Connection, key: str) -> Row | None:
    """The article a key names: its id, a source it came from, or a unique id prefix.

    A source that several articles came from (a file edited between runs)
    names the one stored last.
    """
    row = conn.execute(sa.select(articles).where(articles.c.id == key)).first()
    if row is not None:
        return row
    by_source = (
        sa.select(articles)
        .join(article_sources, article_sources.c.article_id == articles.c.id)
        .where(article_sources.c.source == key)
        .order_by(article_sources.c.added_at.desc(), articles.c.id)
    )
    row = conn.execute(by_source.limit(1)).first()
    if row is not None or not key:
        return row
    return _by_prefix(conn, key)


def _by_prefix(conn: Connection, prefix: str) -> Row | None:
    query = sa.select(articles).where(articles.c.id.startswith(prefix, autoescape=True))
    found = conn.execute(query.order_by(articles.c.id).limit(2)).all()
    if len(found) > 1:
        raise AmbiguousKeyError(f"{prefix}: more than one article id starts with it")
    return found[0] if found else None


def load_articles(conn: Connection, article_rows: Sequence[Row]) -> list[Article]:
    """Full Articles for some article rows: their statements and timexes fetched together."""
    ids = [row.id for row in article_rows]
    found_statements = _children(conn, statements, ids, rows.statement_from_row)
    found_timexes = _children(conn, timexes, ids, rows.timex_from_row)
    return [
        rows.article_from_row(row._mapping, found_statements[row.id], found_timexes[row.id])
        for row in article_rows
    ]


def _children(
    conn: Connection, table: sa.Table, ids: list[str], build: Callable[[rows.Row], T]
) -> dict[str, list[T]]:
    """Rows of a child table for some articles, rebuilt, in insertion (list) order."""
    found: dict[str, list[T]] = defaultdict(list)
    if not ids:
        return found
    query = sa.select(table).where(table.c.article_id.in_(ids)).order_by(table.c.pk)
    for row in conn.execute(query):
        found[row.article_id].append(build(row._mapping))
    return found


def iter_articles(conn: Connection, batch: int | None = None) -> Iterator[Article]:
    """Every article, ordered by pub_date (undated last) then id, streamed in batches."""
    batch = batch or ARTICLE_BATCH
    query = sa.select(articles).order_by(*BY_DATE)
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
    for chunk in result.partitions():
        yield from load_articles(conn, chunk)


def analyses(conn: Connection, article_ids: Sequence[str]) -> dict[str, str | None]:
    """For each of these ids that is stored: the analysis that made it (None: unknown)."""
    query = sa.select(articles.c.id, articles.c.analyzed_by).where(articles.c.id.in_(list(article_ids)))
    return {row.id: row.analyzed_by for row in conn.execute(query)}


def analysis_states(conn: Connection) -> list[Row]:
    """Every article in ``iter_articles`` order: its ``id``, ``analyzed_by`` and whether it is ``linked``."""
    linked = article_links.c.article_id.is_not(None).label("linked")
    query = (sa.select(articles.c.id, articles.c.analyzed_by, linked)
             .outerjoin(article_links, article_links.c.article_id == articles.c.id)
             .order_by(*BY_DATE))
    return list(conn.execute(query))


def count_rows(conn: Connection) -> dict[str, int]:
    """How many articles, statements, timexes and errors the store holds."""
    return {
        name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for name, table in COUNTED_TABLES.items()
    }


def error_rows(conn: Connection) -> list[dict]:
    """The recorded bad inputs, by source and line."""
    query = sa.select(
        errors.c.source, errors.c.line, errors.c.problem,
        errors.c.first_seen, errors.c.last_seen, errors.c.count,
    ).order_by(errors.c.source, errors.c.line.asc().nulls_first(), errors.c.problem)
    return [dict(row._mapping) for row in conn.execute(query)]
