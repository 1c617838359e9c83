"""giveaways and their entries

Revision ID: 0006_giveaways
Revises: 0005_feedback
Create Date: 2026-11-28 19:55:52.746949
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_giveaways"
down_revision: str | Sequence[str] | None = "0005_feedback"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SurrogateKey = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "giveaways",
        sa.Column("id", SurrogateKey, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("creator_user_id", sa.BigInteger(), nullable=True),
        sa.Column("creator_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("prize", sa.Text(), nullable=False),
        sa.Column("winner_count", sa.Integer(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("seed", sa.String(length=64), nullable=False),
        sa.Column("commitment", sa.String(length=64), nullable=False),
        sa.Column("beacon_url", sa.String(length=255), nullable=True),
        sa.Column("beacon_round", sa.BigInteger(), nullable=True),
        sa.Column("beacon_genesis_time", sa.BigInteger(), nullable=True),
        sa.Column("beacon_period", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("shown_count", sa.Integer(), nullable=False),
        sa.Column("count_shown_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("transcript", sa.Text(), nullable=True),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("announce_claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result_message_id", sa.BigInteger(), nullable=True),
        sa.Column("winners_claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("creator_claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rerolls_announced", sa.Integer(), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["chat_id"], ["chats.id"], name=op.f("fk_giveaways_chat_id_chats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_giveaways")),
    )
    with op.batch_alter_table("giveaways", schema=None) as batch_op:
        batch_op.create_index("ix_giveaways_chat_id_status", ["chat_id", "status"], unique=False)

    op.create_table(
        "giveaway_entries",
        sa.Column("id", SurrogateKey, autoincrement=True, nullable=False),
        sa.Column("giveaway_id", SurrogateKey, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(length=255), nullable=False),
        sa.Column("last_name", sa.String(length=255), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["giveaway_id"],
            ["giveaways.id"],
            name=op.f("fk_giveaway_entries_giveaway_id_giveaways"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_giveaway_entries")),
        sa.UniqueConstraint(
            "giveaway_id", "user_id", name=op.f("uq_giveaway_entries_giveaway_id_user_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("giveaway_entries")
    with op.batch_alter_table("giveaways", schema=None) as batch_op:
        batch_op.drop_index("ix_giveaways_chat_id_status")
    op.drop_table("giveaways")
