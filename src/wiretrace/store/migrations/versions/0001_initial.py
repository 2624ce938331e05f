"""The first schema: articles, their sources, statements, timexes, errors, search.

Revision ID: 0001
Revises:
Create Date: 2026-05-09

Written by hand and frozen: later changes go in new revisions. The search
side is per dialect: an FTS5 table kept in step by triggers on SQLite, a GIN
index over a tsvector expression on PostgreSQL (it must stay identical to the
expression ``wiretrace.store.search`` queries), nothing elsewhere (search
falls back to substring matching).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)
DATE = sa.String(40)
LABEL = sa.String(16)
NAME = sa.String(64)
SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

SQLITE_FTS = [
    """CREATE VIRTUAL TABLE statements_fts USING fts5(
        text, speaker_name, content='statements', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts(rowid, text, speaker_name)
        VALUES (new.pk, new.text, new.speaker_name);
    END""",
    """CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text, speaker_name)
        VALUES ('delete', old.pk, old.text, old.speaker_name);
    END""",
    """CREATE TRIGGER statements_fts_update AFTER UPDATE OF text, speaker_name ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text, speaker_name)
        VALUES ('delete', old.pk, old.text, old.speaker_name);
        INSERT INTO statements_fts(rowid, text, speaker_name)
        VALUES (new.pk, new.text, new.speaker_name);
    END""",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS statements_fts_update",
    "DROP TRIGGER IF EXISTS statements_fts_delete",
    "DROP TRIGGER IF EXISTS statements_fts_insert",
    "DROP TABLE IF EXISTS statements_fts",
]
PG_TSVECTOR = "to_tsvector('simple', text || ' ' || coalesce(speaker_name, ''))"


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _create_articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("pub_date", DATE),
        sa.Column("pub_date_source", LABEL, nullable=False),
        sa.Column("language", LABEL),
        sa.Column("event", sa.Text),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("debris", sa.JSON, nullable=False),
        sa.Column("ingested_at", DATE, nullable=False),
    )
    op.create_index("ix_articles_pub_date", "articles", ["pub_date", "id"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_table(
        "article_sources",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("added_at", DATE, nullable=False),
    )
    op.create_index("ix_article_sources_source", "article_sources", ["source"])


def _create_statements() -> None:
    op.create_table(
        "statements",
        sa.Column("pk", SURROGATE_KEY, primary_key=True, autoincrement=True),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("id", ID, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
        sa.Column("kind", LABEL, nullable=False),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_mention", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("speaker_type", LABEL),
        sa.Column("speaker_via", sa.JSON(none_as_null=True)),
        sa.Column("cue_text", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("method", NAME, nullable=False),
        sa.Column("date", DATE),
        sa.Column("utterance", ID),
        sa.UniqueConstraint("article_id", "id", name="uq_statements_article_id_id"),
    )
    op.create_index("ix_statements_date", "statements", ["date"])
    op.create_index("ix_statements_speaker_name", "statements", ["speaker_name"])
    op.create_index("ix_statements_utterance", "statements", ["utterance"])


def _create_timexes_and_errors() -> None:
    op.create_table(
        "timexes",
        sa.Column("pk", SURROGATE_KEY, primary_key=True, autoincrement=True),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", LABEL, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("rule", NAME, nullable=False),
    )
    op.create_index("ix_timexes_article_id", "timexes", ["article_id"])
    op.create_table(
        "errors",
        sa.Column("id", ID, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("first_seen", DATE, nullable=False),
        sa.Column("last_seen", DATE, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_errors_source", "errors", ["source"])


def _create_search() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for sql in SQLITE_FTS:
            op.execute(sql)
    elif dialect == "postgresql":
        op.create_index(
            "ix_statements_tsv", "statements", [sa.text(PG_TSVECTOR)], postgresql_using="gin"
        )


def upgrade() -> None:
    _create_articles()
    _create_statements()
    _create_timexes_and_errors()
    _create_search()


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for sql in SQLITE_FTS_DROP:
            op.execute(sql)
    for table in ("errors", "timexes", "statements", "article_sources", "articles"):
        op.drop_table(table)
