"""Alembic environment for the Wiretrace store.

Wiretrace runs the migrations itself when a store is opened
(``wiretrace.store.migrate``), handing over an open connection in
``config.attributes["connection"]``. Developers can also run the alembic
command with ``-c src/wiretrace/store/alembic.ini -x db=PATH_OR_URL``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from wiretrace.store.engine import create_store_engine, db_url
from wiretrace.store.schema import is_search_object, metadata

config = context.config


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave the search objects (FTS5 tables, the tsvector index) out of autogenerate's comparison."""
    return not is_search_object(name, type_)


def _target() -> str:
    return context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Write the SQL out (``alembic upgrade head --sql``) instead of running it."""
    context.configure(url=db_url(_target()), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = create_store_engine(_target())
    with engine.begin() as conn:
        _configure(conn)
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
