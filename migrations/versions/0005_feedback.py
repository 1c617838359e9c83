"""feedback: tag sets, tagged items, questions, inbox queries, tombstones, retention

Revision ID: 0005_feedback
Revises: 0004_digests
Create Date: 2026-11-28 19:52:44.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_feedback"
down_revision: str | Sequence[str] | None = "0004_digests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "feedback_item_tags",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tag", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "message_id", "tag", name=op.f("pk_feedback_item_tags")),
    )
    with op.batch_alter_table("feedback_item_tags", schema=None) as batch_op:
        batch_op.create_index("ix_feedback_item_tags_chat_id_tag", ["chat_id", "tag"], unique=False)

    op.create_table(
        "feedback_items",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("author_user_id", sa.BigInteger(), nullable=True),
        sa.Column("sentiment", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("explicit", sa.Boolean(), nullable=False),
        sa.Column("question_message_id", sa.BigInteger(), nullable=True),
        sa.Column("duplicate_of", sa.BigInteger(), nullable=True),
        sa.Column("tagged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_feedback_items")),
    )
    with op.batch_alter_table("feedback_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_feedback_items_chat_id_status", ["chat_id", "status"], unique=False
        )

    op.create_table(
        "feedback_questions",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.Column("asked_by_user_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "message_id", name=op.f("pk_feedback_questions")),
    )
    op.create_table(
        "forgotten_users",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("forgotten_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_forgotten_users")),
    )
    op.create_table(
        "inbox_queries",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_queries")),
    )
    op.create_table(
        "private_feedback",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("private_message_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_private_feedback")),
        sa.UniqueConstraint(
            "user_id",
            "private_message_id",
            name=op.f("uq_private_feedback_user_id_private_message_id"),
        ),
    )
    op.create_table(
        "feedback_tag_sets",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_feedback_tag_sets_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_feedback_tag_sets")),
    )
    op.create_table(
        "feedback_tags",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("keywords", sa.Text(), nullable=False),
        sa.Column("hashtags", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_feedback_tags_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_tags")),
        sa.UniqueConstraint("chat_id", "name", name=op.f("uq_feedback_tags_chat_id_name")),
    )
    op.create_table(
        "retention_settings",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_retention_settings_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_retention_settings")),
    )


def downgrade() -> None:
    op.drop_table("retention_settings")
    op.drop_table("feedback_tags")
    op.drop_table("feedback_tag_sets")
    op.drop_table("private_feedback")
    op.drop_table("inbox_queries")
    op.drop_table("forgotten_users")
    op.drop_table("feedback_questions")
    with op.batch_alter_table("feedback_items", schema=None) as batch_op:
        batch_op.drop_index("ix_feedback_items_chat_id_status")

    op.drop_table("feedback_items")
    with op.batch_alter_table("feedback_item_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_feedback_item_tags_chat_id_tag")

    op.drop_table("feedback_item_tags")
