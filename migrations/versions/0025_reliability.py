"""the door's person columns indexed, now that /mydata lists them and /forget deletes them

Revision ID: 0025_reliability
Revises: 0020_door
Create Date: 2026-12-03 13:05:00.000000
"""

from collections.abc import Sequence

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


def downgrade() -> None:
    for table, column in reversed(PERSON_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
