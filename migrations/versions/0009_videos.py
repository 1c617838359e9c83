"""videos: the registry and the comments linked to each video

Revision ID: 0009_videos
Revises: 0008_failed_update_person
Create Date: 2026-11-28 21:30:09.351677
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_videos"
down_revision: str | Sequence[str] | None = "0008_failed_update_person"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "videos",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("platform_video_id", sa.String(length=128), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("announcement_message_id", sa.BigInteger(), nullable=True),
        sa.Column("channel_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("channel_message_id", sa.BigInteger(), nullable=True),
        sa.Column("thread_message_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["chat_id"], ["chats.id"], name=op.f("fk_videos_chat_id_chats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_videos")),
        sa.UniqueConstraint("chat_id", "number", name=op.f("uq_videos_chat_id_number")),
    )
    op.create_table(
        "video_comment_links",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_video_comment_links_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "chat_id", "message_id", "video_id", name=op.f("pk_video_comment_links")
        ),
    )
    with op.batch_alter_table("video_comment_links", schema=None) as batch_op:
        batch_op.create_index("ix_video_comment_links_video_id", ["video_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("video_comment_links", schema=None) as batch_op:
        batch_op.drop_index("ix_video_comment_links_video_id")

    op.drop_table("video_comment_links")
    op.drop_table("videos")
