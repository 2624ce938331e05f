"""Which analysis made each article (``wiretrace.version.analysis_version``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

NULL for articles stored before this revision, or by a caller that did not
say: ``wiretrace reanalyze`` treats those as outdated.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("analyzed_by", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("analyzed_by")
