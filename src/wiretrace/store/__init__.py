"""The store: articles, statements, timexes and bad inputs in SQLite (default) or PostgreSQL.

    from wiretrace.store import open_store, default_db_path
    with open_store(default_db_path()) as store:
        store.add_article(article)
        hits = store.search_statements(speaker="stoltenberg", text="critical time")

The schema is made and kept up to date by Alembic migrations, run on open.
"""

from wiretrace.store.engine import default_db_path
from wiretrace.store.export import ExportError, export_records, write_export
from wiretrace.store.migrate import SchemaError
from wiretrace.store.read import AmbiguousKeyError
from wiretrace.store.search import StatementHit
from wiretrace.store.store import Store, open_store

__all__ = [
    "AmbiguousKeyError",
    "ExportError",
    "SchemaError",
    "StatementHit",
    "Store",
    "default_db_path",
    "export_records",
    "open_store",
    "write_export",
]
