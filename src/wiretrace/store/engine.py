"""Where the store lives and how to connect to it: paths, URLs, SQLite settings."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

APP_NAME = "wiretrace"
DB_FILE_NAME = "wiretrace.db"
# Environment variable naming the store (a path or a SQLAlchemy URL).
DB_ENV = "WIRETRACE_DB"
# How long a SQLite writer waits for another one's lock before failing: one
# article is one short transaction, so half a minute covers parallel ingests.
SQLITE_BUSY_TIMEOUT_MS = 30_000
PYSQLITE = "pysqlite"
# Execution option naming the kind of SQLite BEGIN ("IMMEDIATE": take the
# write lock first, for transactions that read then write, e.g. migrations).
SQLITE_BEGIN_OPTION = "wiretrace_sqlite_begin"
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode = WAL",
    # Safe with WAL: a crash may lose the last commits, never corrupt the file.
    "PRAGMA synchronous = NORMAL",
)


def default_db_path() -> str:
    """The store to use when none is named: ``$WIRETRACE_DB``, else the user's data dir.

    A string, as ``$WIRETRACE_DB`` may hold a URL as well as a path.
    """
    named = os.environ.get(DB_ENV)
    if named:
        return named
    return str(Path(platformdirs.user_data_dir(APP_NAME)) / DB_FILE_NAME)


def is_url(db: str) -> bool:
    """Whether ``db`` is a SQLAlchemy URL rather than a filesystem path."""
    return "://" in db


def db_url(db: str | URL) -> URL:
    """The SQLAlchemy URL of a path or URL; a SQLite file's folders are created."""
    if isinstance(db, URL):
        url = db
    elif is_url(db):
        url = sa.make_url(db)
    else:
        url = URL.create("sqlite", database=str(Path(db).expanduser()))
    _make_parent(url)
    return url


def _make_parent(url: URL) -> None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    if url.database.startswith("file:"):  # a SQLite URI filename: leave it to SQLite
        return
    Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def create_store_engine(db: str | URL) -> Engine:
    """An engine for the store; on SQLite every connection gets WAL, foreign keys, a busy timeout."""
    url = db_url(db)
    engine = sa.create_engine(url)
    if url.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _on_sqlite_connect)
    if engine.dialect.driver == PYSQLITE:
        sa.event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    """Settings per connection; the driver's own transaction handling is turned off.

    Python's sqlite3 only opens a transaction before DML, so DDL (the
    migrations) and reads would run outside one; ``_on_sqlite_begin`` issues
    BEGIN itself instead (SQLAlchemy's documented recipe for pysqlite).
    """
    if isinstance(dbapi_conn, sqlite3.Connection):  # pysqlite
        dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_sqlite_begin(conn: sa.Connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE where the connection asks to take the write lock at once."""
    mode = conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that reads then writes; on SQLite it takes the write lock at BEGIN.

    A plain (deferred) SQLite transaction that read first fails at once with
    "database is locked" when another writer got in between: the busy timeout
    does not cover upgrading a read lock. Taking the lock first does.
    """
    with engine.connect() as conn, conn.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"}).begin():
        yield conn
