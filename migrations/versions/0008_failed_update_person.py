"""failed updates: the person who sent them

Revision ID: 0008_failed_update_person
Revises: 0007_polls
Create Date: 2026-11-28 20:38:50.379705
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_failed_update_person"
down_revision: str | Sequence[str] | None = "0007_polls"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("failed_updates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_failed_updates_user_id", ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("failed_updates", schema=None) as batch_op:
        batch_op.drop_index("ix_failed_updates_user_id")
        batch_op.drop_column("user_id")
