"""Event days: the named events of each article, by which an undated one borrows another's day.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Articles stored before this revision have none until ``wiretrace reanalyze``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ID = sa.String(64)
DATE = sa.String(40)
SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "event_days",
        sa.Column("pk", SURROGATE_KEY, primary_key=True, autoincrement=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("day", DATE),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_event_days_key", "event_days", ["key"])
    op.create_index("ix_event_days_article_id", "event_days", ["article_id"])


def downgrade() -> None:
    op.drop_table("event_days")
