"""Writing to the store: an article with its parts in one transaction, errors upserted.

Both use the database's own "insert unless there" (``ON CONFLICT``) where
the dialect has it, so two writers never race between a look and an insert;
other dialects fall back to look-then-write.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from wiretrace.model import Article, to_dict
from wiretrace.store import rows
from wiretrace.store.schema import article_sources, articles, errors, event_days, statements, timexes

# Dialects whose insert construct has on_conflict_do_nothing / _do_update.
UPSERT_INSERTS: dict[str, Callable[[sa.Table], Any]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}
# Some drivers (psycopg) leave an INSERT's rowcount unset unless asked to keep it.
COUNT_ROWS = {"preserve_rowcount": True}
# Hex digits of an error row's id (a hash of source, line and problem).
ERROR_KEY_LENGTH = 32


def now_iso() -> str:
    """The current UTC time as an ISO string (what the store keeps for times)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_article(conn: Connection, article: Article, analyzed_by: str | None = None) -> bool:
    """Store an article, its statements, timexes and event days; False (only its source linked) if there."""
    now = now_iso()
    stored = insert_ignore(conn, articles, rows.article_row(article, now, analyzed_by))
    add_source(conn, article.id, article.source, now)
    if not stored:
        return False
    _insert_parts(conn, article)
    return True


def add_source(conn: Connection, article_id: str, source: str, now: str) -> None:
    """Note that a stored article came (also) from ``source``."""
    insert_ignore(conn, article_sources, {"article_id": article_id, "source": source, "added_at": now})


def replace_analysis(conn: Connection, article: Article, analyzed_by: str) -> None:
    """Put a new analysis of a stored article in place of the old one: its row's analysed fields,
    its statements, timexes and event days; its sources and first ingest time stay."""
    row = rows.article_row(article, now_iso(), analyzed_by)
    del row["id"], row["source"], row["ingested_at"]
    conn.execute(sa.update(articles).where(articles.c.id == article.id).values(**row))
    conn.execute(sa.delete(statements).where(statements.c.article_id == article.id))
    conn.execute(sa.delete(timexes).where(timexes.c.article_id == article.id))
    conn.execute(sa.delete(event_days).where(event_days.c.article_id == article.id))
    _insert_parts(conn, article)


def _insert_parts(conn: Connection, article: Article) -> None:
    if article.statements:
        conn.execute(sa.insert(statements), [rows.statement_row(article.id, s) for s in article.statements])
    if article.timexes:
        conn.execute(sa.insert(timexes), [rows.timex_row(article.id, t) for t in article.timexes])
    if article.events:
        conn.execute(sa.insert(event_days), [{"article_id": article.id, **to_dict(e)} for e in article.events])


def insert_ignore(conn: Connection, table: sa.Table, row: dict[str, Any]) -> bool:
    """Insert a row unless one with its primary key is there; True when inserted."""
    make_insert = UPSERT_INSERTS.get(conn.dialect.name)
    if make_insert is not None:
        stmt = make_insert(table).values(**row).on_conflict_do_nothing()
        return conn.execute(stmt, execution_options=COUNT_ROWS).rowcount == 1
    key = [column == row[column.name] for column in table.primary_key.columns]
    if conn.execute(sa.select(sa.literal(1)).select_from(table).where(*key)).first():
        return False
    conn.execute(sa.insert(table).values(**row))
    return True


def error_key(source: str, problem: str, line: int | None) -> str:
    """The id of an error row: the same bad input always gives the same id."""
    text = f"{source}\x00{'' if line is None else line}\x00{problem}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ERROR_KEY_LENGTH]


def upsert_error(conn: Connection, source: str, problem: str, line: int | None) -> None:
    """Record a bad input: a new row, or the same row's count and last_seen bumped."""
    now = now_iso()
    key = error_key(source, problem, line)
    row = {"id": key, "source": source, "line": line, "problem": problem,
           "first_seen": now, "last_seen": now, "count": 1}
    bump = {"last_seen": now, "count": errors.c.count + 1}
    make_insert = UPSERT_INSERTS.get(conn.dialect.name)
    if make_insert is not None:
        stmt = make_insert(errors).values(**row)
        conn.execute(stmt.on_conflict_do_update(index_elements=[errors.c.id], set_=bump))
        return
    updated = conn.execute(sa.update(errors).where(errors.c.id == key).values(**bump),
                           execution_options=COUNT_ROWS)
    if updated.rowcount == 0:
        conn.execute(sa.insert(errors).values(**row))
