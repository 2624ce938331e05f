"""Date evidence: why an article's pub_date and a statement's date were chosen.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Each is a JSON object ``{"rule": ..., "mentions": [{"start", "end", "text"}],
"confidence": ...}`` or NULL where no date was given.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), so SQLite's FTS triggers on statements stay.
    op.add_column("articles", sa.Column("pub_date_evidence", sa.JSON(none_as_null=True)))
    op.add_column("statements", sa.Column("date_evidence", sa.JSON(none_as_null=True)))


def downgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("date_evidence")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("pub_date_evidence")
