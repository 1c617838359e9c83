"""clock_changes: a counter the heartbeat reads to re-plan only after a change

Revision ID: 0023_clock_changes
Revises: 0022_video_links
Create Date: 2026-12-03 13:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_clock_changes"
down_revision: str | Sequence[str] | None = "0022_video_links"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clock_changes",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_clock_changes")),
    )


def downgrade() -> None:
    op.drop_table("clock_changes")
