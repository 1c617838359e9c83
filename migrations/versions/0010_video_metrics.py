"""video_metrics: platform numbers per video, platform and day (cumulative snapshots)

Revision ID: 0010_video_metrics
Revises: 0009_videos
Create Date: 2026-11-28 21:33:06.359145
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_video_metrics"
down_revision: str | Sequence[str] | None = "0009_videos"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "video_metrics",
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("plays", sa.BigInteger(), nullable=False),
        sa.Column("likes", sa.BigInteger(), nullable=False),
        sa.Column("comments", sa.BigInteger(), nullable=False),
        sa.Column("favourites", sa.BigInteger(), nullable=False),
        sa.Column("shares", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "plays >= 0 AND likes >= 0 AND comments >= 0 AND favourites >= 0 AND shares >= 0",
            name=op.f("ck_video_metrics_counts_non_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_video_metrics_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("video_id", "platform", "day", name=op.f("pk_video_metrics")),
    )


def downgrade() -> None:
    op.drop_table("video_metrics")
