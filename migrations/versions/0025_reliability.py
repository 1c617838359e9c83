"""the door's person columns indexed for /mydata and /forget; clock_changes for re-planning

Revision ID: 0025_reliability
Revises: 0020_door
Create Date: 2026-12-03 13:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_reliability"
down_revision: str | Sequence[str] | None = "0020_door"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSON_INDEXES = (
    ("member_warnings", "user_id"),
    ("member_reports", "reporter_user_id"),
    ("member_reports", "subject_user_id"),
)


def upgrade() -> None:
    for table, column in PERSON_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.create_table(
        "clock_changes",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_clock_changes")),
    )


def downgrade() -> None:
    op.drop_table("clock_changes")
    for table, column in reversed(PERSON_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
