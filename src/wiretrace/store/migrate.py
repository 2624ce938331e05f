"""Bring a store's schema to the newest revision, with Alembic run from code."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from wiretrace.errors import WiretraceError
from wiretrace.store.engine import write_transaction

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Key of the PostgreSQL advisory lock held while migrating: any fixed number
# that no other application on the server uses ("wiretrace" in ASCII, cut to 63 bits).
PG_MIGRATION_LOCK = int.from_bytes(b"wiretrac", "big") >> 1


class SchemaError(WiretraceError):
    """A store whose schema this version of Wiretrace cannot use."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config built in code: no alembic.ini is needed on a user's machine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> set[str]:
    """The revisions the code knows as newest."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> set[str]:
    """The revisions the database says it is at (empty for a new database)."""
    return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Migrate to head in one transaction; a store already at head is left untouched.

    The transaction holds the database's write lock (SQLite) or an advisory
    lock (PostgreSQL) before it looks, so processes opening a new store at
    once migrate it one after the other, the later ones finding it at head.
    """
    heads = head_revisions()
    with engine.connect() as conn:
        if current_revisions(conn) == heads:  # the usual case: a plain read, no lock
            return
    with write_transaction(engine) as conn:
        _lock(conn)
        current = current_revisions(conn)
        if current == heads:
            return
        _check_known(current, engine)
        command.upgrade(alembic_config(conn), "head")


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))


def _check_known(current: set[str], engine: Engine) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = current - known
    if unknown:
        where = engine.url.render_as_string(hide_password=True)
        raise SchemaError(
            f"{where}: schema revision {', '.join(sorted(unknown))} is newer than this Wiretrace knows"
        )
