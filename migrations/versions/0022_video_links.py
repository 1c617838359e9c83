"""video links: named invite links per video and platform, and every join with its link

Revision ID: 0022_video_links
Revises: 0021_ask_notices
Create Date: 2026-12-03 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_video_links"
down_revision: str | Sequence[str] | None = "0021_ask_notices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "video_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("invite_link", sa.String(length=256), nullable=False),
        sa.Column("created_by_user_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("revoked_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_video_links_chat_id_chats")
        ),
        sa.ForeignKeyConstraint(
            ["video_id"],
            ["videos.id"],
            name=op.f("fk_video_links_video_id_videos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_video_links")),
        sa.UniqueConstraint("invite_link", name=op.f("uq_video_links_invite_link")),
    )
    op.create_index(
        "ix_video_links_chat_id_video_id", "video_links", ["chat_id", "video_id"], unique=False
    )
    op.create_index(
        "ix_video_links_created_by_user_id", "video_links", ["created_by_user_id"], unique=False
    )
    op.create_table(
        "invite_joins",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("invite_link", sa.String(length=256), nullable=True),
        sa.Column("via_request", sa.Boolean(), nullable=False),
        sa.Column("joined_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invite_joins")),
        sa.UniqueConstraint(
            "chat_id",
            "user_id",
            "joined_at",
            name=op.f("uq_invite_joins_chat_id_user_id_joined_at"),
        ),
    )
    op.create_index("ix_invite_joins_invite_link", "invite_joins", ["invite_link"], unique=False)
    op.create_index("ix_invite_joins_user_id", "invite_joins", ["user_id"], unique=False)
    op.create_index(
        "ix_invite_joins_chat_id_joined_at", "invite_joins", ["chat_id", "joined_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_invite_joins_user_id", table_name="invite_joins")
    op.drop_index("ix_invite_joins_chat_id_joined_at", table_name="invite_joins")
    op.drop_index("ix_invite_joins_invite_link", table_name="invite_joins")
    op.drop_table("invite_joins")
    op.drop_index("ix_video_links_created_by_user_id", table_name="video_links")
    op.drop_index("ix_video_links_chat_id_video_id", table_name="video_links")
    op.drop_table("video_links")
