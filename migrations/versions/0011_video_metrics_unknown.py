"""video_metrics: a number not given is NULL (unknown), not 0

Revision ID: 0011_video_metrics_unknown
Revises: 0010_video_metrics
Create Date: 2026-12-02 14:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_video_metrics_unknown"
down_revision: str | Sequence[str] | None = "0010_video_metrics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("plays", "likes", "comments", "favourites", "shares")


def upgrade() -> None:
    with op.batch_alter_table("video_metrics") as batch:
        for name in COLUMNS:
            batch.alter_column(name, existing_type=sa.BigInteger(), nullable=True)


def downgrade() -> None:
    for name in COLUMNS:
        op.execute(f"UPDATE video_metrics SET {name} = 0 WHERE {name} IS NULL")  # noqa: S608
    with op.batch_alter_table("video_metrics") as batch:
        for name in COLUMNS:
            batch.alter_column(name, existing_type=sa.BigInteger(), nullable=False)
