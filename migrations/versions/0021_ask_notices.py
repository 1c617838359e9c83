"""ask notices: fans told once when what they asked for is answered, and their opt-outs

Revision ID: 0021_ask_notices
Revises: 0020_door
Create Date: 2026-12-03 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_ask_notices"
down_revision: str | Sequence[str] | None = "0020_door"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ask_notices",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("ask_kind", sa.String(length=12), nullable=False),
        sa.Column("ask_ref", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=8), nullable=False),
        sa.Column("video_id", sa.Integer(), nullable=True),
        sa.Column("asked_at", WHEN, nullable=False),
        sa.Column("answered_at", WHEN, nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("told_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ask_notices")),
        sa.UniqueConstraint(
            "chat_id",
            "ask_kind",
            "ask_ref",
            "user_id",
            name=op.f("uq_ask_notices_chat_id_ask_kind_ask_ref_user_id"),
        ),
    )
    op.create_index(op.f("ix_ask_notices_user_id"), "ask_notices", ["user_id"])
    op.create_index(op.f("ix_ask_notices_chat_id"), "ask_notices", ["chat_id", "answered_at"])
    op.create_index(op.f("ix_ask_notices_state"), "ask_notices", ["state", "chat_id"])
    op.create_table(
        "ask_notice_opt_outs",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_ask_notice_opt_outs")),
    )


def downgrade() -> None:
    op.drop_table("ask_notice_opt_outs")
    op.drop_index(op.f("ix_ask_notices_state"), table_name="ask_notices")
    op.drop_index(op.f("ix_ask_notices_chat_id"), table_name="ask_notices")
    op.drop_index(op.f("ix_ask_notices_user_id"), table_name="ask_notices")
    op.drop_table("ask_notices")
