"""digests: settings, subscriptions, group events, daily rollups, a first-message index

Revision ID: 0004_digests
Revises: 0003_clock
Create Date: 2026-11-28 19:50:02.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_digests"
down_revision: str | Sequence[str] | None = "0003_clock"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "digest_rollups",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("metrics", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "day", "timezone", name=op.f("pk_digest_rollups")),
    )
    op.create_table(
        "group_events",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("happened_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_events")),
        sa.UniqueConstraint(
            "chat_id",
            "kind",
            "user_id",
            "message_id",
            "happened_at",
            name=op.f("uq_group_events_chat_id_kind_user_id_message_id_happened_at"),
        ),
    )
    op.create_index(
        "ix_group_events_chat_id_happened_at", "group_events", ["chat_id", "happened_at"]
    )
    op.create_table(
        "digest_settings",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.Column("operators_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_digest_settings_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_digest_settings")),
    )
    op.create_table(
        "digest_subscriptions",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("subscribed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_digest_subscriptions_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("chat_id", "user_id", name=op.f("pk_digest_subscriptions")),
    )
    op.create_index(
        "ix_comments_chat_id_author_user_id_created_at",
        "comments",
        ["chat_id", "author_user_id", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_comments_chat_id_author_user_id_created_at", table_name="comments")
    op.drop_table("digest_subscriptions")
    op.drop_table("digest_settings")
    op.drop_index("ix_group_events_chat_id_happened_at", table_name="group_events")
    op.drop_table("group_events")
    op.drop_table("digest_rollups")
