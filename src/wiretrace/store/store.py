"""The Store: one object over one database, the only door the other stages use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

from sqlalchemy.engine import URL, Connection, Engine, Row

from wiretrace.model import Article
from wiretrace.store import links, migrate, read, search, write
from wiretrace.store.engine import create_store_engine, write_transaction
from wiretrace.store.search import StatementHit


def open_store(db: str | URL) -> Store:
    """Open (creating and migrating as needed) the store at a path or SQLAlchemy URL."""
    engine = create_store_engine(db)
    try:
        migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


class Store:
    """Articles with their statements and timexes, and the bad inputs met on the way.

    Every method opens its own short connection (a transaction per write),
    so one Store may be shared by the threads of one process.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def writing(self) -> AbstractContextManager[Connection]:
        """A write transaction that takes SQLite's write lock first (``engine.write_transaction``)."""
        return write_transaction(self.engine)

    def add_article(self, article: Article, analyzed_by: str | None = None) -> bool:
        """Store an article in one transaction; False if its id is already there.

        An article already there only gains the link to ``article.source``
        (an article may come from several sources). If anything fails, nothing
        of the article is stored and the error propagates. ``analyzed_by``
        names the analysis that made it (``wiretrace.version``).
        """
        with self.writing() as conn:
            return write.insert_article(conn, article, analyzed_by)

    def add_source(self, article_id: str, source: str) -> None:
        """Note that a stored article came (also) from ``source``."""
        with self.writing() as conn:
            write.add_source(conn, article_id, source, write.now_iso())

    def replace_analysis(self, article: Article, analyzed_by: str) -> None:
        """Replace a stored article's analysis (row fields, statements, timexes) in one transaction."""
        with self.writing() as conn:
            write.replace_analysis(conn, article, analyzed_by)

    def analyses(self, article_ids: list[str]) -> dict[str, str | None]:
        """For each of these ids that is stored: the analysis that made it (None: unknown)."""
        with self.engine.connect() as conn:
            return read.analyses(conn, article_ids)

    def analysis_states(self) -> list[Row]:
        """Every article by date: its ``id``, ``analyzed_by`` and whether it is ``linked``."""
        with self.engine.connect() as conn:
            return read.analysis_states(conn)

    def is_linked(self, article_id: str) -> bool:
        """Whether the linker has met the article."""
        with self.engine.connect() as conn:
            return links.is_linked(conn, article_id)

    def clear_links(self) -> None:
        """Forget every link between articles, in one transaction (before relinking them all)."""
        with self.writing() as conn:
            links.clear_links(conn)

    def record_error(self, source: str, problem: str, line: int | None = None) -> None:
        """Note a bad input; meeting the same one again bumps its count, never a new row."""
        with self.writing() as conn:
            write.upsert_error(conn, source, problem, line)

    def get_article(self, key: str) -> Article | None:
        """The article with this id, source, or unique id prefix (AmbiguousKeyError if not unique)."""
        with self.engine.connect() as conn:
            row = read.find_article_row(conn, key)
            return None if row is None else read.load_articles(conn, [row])[0]

    def iter_articles(self) -> Iterator[Article]:
        """Every article, by pub_date (undated last) then id, streamed in batches."""
        with self.engine.connect() as conn:
            yield from read.iter_articles(conn)

    def counts(self) -> dict[str, int]:
        """How many articles, statements, timexes and errors are stored."""
        with self.engine.connect() as conn:
            return read.count_rows(conn)

    def errors(self) -> list[dict[str, Any]]:
        """The bad inputs met: source, line, problem, first_seen, last_seen, count."""
        with self.engine.connect() as conn:
            return read.error_rows(conn)

    def search_statements(
        self,
        speaker: str | None = None,
        text: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = search.DEFAULT_LIMIT,
        *,
        said_since: str | None = None,
        said_until: str | None = None,
    ) -> list[StatementHit]:
        """Statements matching every filter given, oldest first (see ``search.search_statements``)."""
        with self.engine.connect() as conn:
            return search.search_statements(
                conn, speaker, text, outlet, since, until, limit, said_since=said_since, said_until=said_until
            )

    def entities(self, query: str | None = None, limit: int = search.DEFAULT_LIMIT) -> list[links.EntityInfo]:
        """Entities whose name or an alias contains ``query`` (all when None), most quoted first."""
        with self.engine.connect() as conn:
            return links.find_entities(conn, query, limit)

    def utterances(self, query: str | None = None, limit: int = search.DEFAULT_LIMIT) -> list[links.UtteranceInfo]:
        """Utterances whose wording or speaker contains ``query`` (all when None), with their reports."""
        with self.engine.connect() as conn:
            return links.find_utterances(conn, query, limit)

    def timeline(self, entity: str | None = None, story: str | None = None,
                 limit: int = search.DEFAULT_LIMIT) -> list[StatementHit]:
        """The statements of the entity best matching ``entity`` or of a story, in the order said."""
        with self.engine.connect() as conn:
            return links.timeline(conn, entity, story, limit)

    def link_records(self) -> Iterator[dict[str, Any]]:
        """The linker's export records (entities, utterances, stories, near-duplicates), streamed."""
        with self.engine.connect() as conn:
            yield from links.link_records(conn)

    def close(self) -> None:
        """Close the store's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
