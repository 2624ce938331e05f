"""Across articles: entities, aliases, roles, utterances, stories, near-duplicates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The linker fills these one article at a time; each table is indexed by the
key the linker looks things up by (a surname's first letters, an alias, a
role, a word shingle, a MinHash band, an entity and date), so adding an
article costs the same in a small store and a large one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.String(64)
DATE = sa.String(40)
LABEL = sa.String(16)
SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _entity_fk() -> sa.ForeignKey:
    return sa.ForeignKey("entities.id", ondelete="CASCADE")


def _create_entities() -> None:
    op.create_table(
        "entities",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", LABEL, nullable=False),
        sa.Column("given", sa.Text, nullable=False),
        sa.Column("surname_key", sa.Text, nullable=False),
        sa.Column("surname", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.Column("statements", sa.Integer, nullable=False),
        sa.Column("first_date", DATE),
        sa.Column("last_date", DATE),
    )
    op.create_index("ix_entities_surname_key_given", "entities", ["surname_key", "given"])
    op.create_index("ix_entities_surname", "entities", ["surname"])
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", ID, _entity_fk(), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_entity_aliases_key", "entity_aliases", ["key"])
    op.create_table(
        "entity_roles",
        sa.Column("pk", SURROGATE_KEY, primary_key=True, autoincrement=True),
        sa.Column("entity_id", ID, _entity_fk(), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("mention", sa.Text, nullable=False),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("date", DATE),
    )
    op.create_index("ix_entity_roles_role", "entity_roles", ["role", "date"])
    op.create_index("ix_entity_roles_entity_id", "entity_roles", ["entity_id"])
    op.create_table(
        "article_entities",
        sa.Column("entity_id", ID, _entity_fk(), primary_key=True),
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("pub_date", DATE),
    )
    op.create_index("ix_article_entities_entity_date", "article_entities", ["entity_id", "pub_date"])
    op.create_index("ix_article_entities_article_id", "article_entities", ["article_id"])


def _create_utterances() -> None:
    op.create_table(
        "utterances",
        sa.Column("id", ID, primary_key=True),
        sa.Column("entity_id", ID),
        sa.Column("speaker_name", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("said_date", DATE),
        sa.Column("first_article_id", ID, nullable=False),
        sa.Column("first_pub_date", DATE),
        sa.Column("statements", sa.Integer, nullable=False),
    )
    op.create_index("ix_utterances_entity_id", "utterances", ["entity_id"])
    op.create_table(
        "utterance_shingles",
        sa.Column("shingle", sa.BigInteger, primary_key=True),
        sa.Column("utterance_id", ID, primary_key=True),
    )


def _create_stories() -> None:
    op.create_table(
        "stories",
        sa.Column("id", ID, primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("first_date", DATE),
        sa.Column("last_date", DATE),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    op.create_table(
        "article_links",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("story_id", ID, nullable=False),
        sa.Column("signature", sa.JSON, nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
    )
    op.create_index("ix_article_links_story_id", "article_links", ["story_id"])
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("hash", sa.BigInteger, primary_key=True),
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
    )
    op.create_table(
        "near_duplicates",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("original_id", ID, _article_fk(), primary_key=True),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_index("ix_near_duplicates_original_id", "near_duplicates", ["original_id"])


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), so SQLite's FTS triggers on statements stay.
    op.add_column("statements", sa.Column("entity_id", ID))
    op.create_index("ix_statements_entity_id", "statements", ["entity_id"])
    _create_entities()
    _create_utterances()
    _create_stories()


def downgrade() -> None:
    for table in ("near_duplicates", "minhash_bands", "article_links", "stories", "utterance_shingles",
                  "utterances", "article_entities", "entity_roles", "entity_aliases", "entities"):
        op.drop_table(table)
    op.drop_index("ix_statements_entity_id", table_name="statements")
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("entity_id")
