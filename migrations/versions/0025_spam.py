"""spam in the room: verdicts, reports, recent fingerprints, learned phrases, the group's mode

Revision ID: 0025_spam
Revises: 0024_tag_learning
Create Date: 2026-12-03 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_spam"
down_revision: str | Sequence[str] | None = "0024_tag_learning"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    # ADD COLUMN with a constant default: no table rebuild on SQLite, no rewrite on PostgreSQL.
    op.add_column(
        "comments",
        sa.Column("is_spam", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "door_settings",
        sa.Column("spam_mode", sa.String(length=8), server_default="off", nullable=False),
    )
    op.create_table(
        "spam_verdicts",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("report_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("decided_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spam_verdicts")),
        sa.UniqueConstraint(
            "chat_id", "message_id", name=op.f("uq_spam_verdicts_chat_id_message_id")
        ),
    )
    op.create_index(
        op.f("ix_spam_verdicts_state"), "spam_verdicts", ["state", "chat_id"], unique=False
    )
    op.create_index(op.f("ix_spam_verdicts_user_id"), "spam_verdicts", ["user_id"], unique=False)
    op.create_table(
        "spam_reports",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("decided_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spam_reports")),
    )
    op.create_table(
        "spam_fingerprints",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("fingerprint", sa.String(length=16), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("seen_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spam_fingerprints")),
        sa.UniqueConstraint(
            "chat_id", "message_id", name=op.f("uq_spam_fingerprints_chat_id_message_id")
        ),
    )
    op.create_index(
        op.f("ix_spam_fingerprints_fingerprint"),
        "spam_fingerprints",
        ["fingerprint", "seen_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_spam_fingerprints_seen_at"), "spam_fingerprints", ["seen_at"], unique=False
    )
    op.create_index(
        op.f("ix_spam_fingerprints_user_id"), "spam_fingerprints", ["user_id"], unique=False
    )
    op.create_table(
        "spam_phrases",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.Column("added_by", sa.BigInteger(), nullable=True),
        sa.Column("added_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "phrase", name=op.f("pk_spam_phrases")),
    )


def downgrade() -> None:
    op.drop_table("spam_phrases")
    op.drop_index(op.f("ix_spam_fingerprints_user_id"), table_name="spam_fingerprints")
    op.drop_index(op.f("ix_spam_fingerprints_seen_at"), table_name="spam_fingerprints")
    op.drop_index(op.f("ix_spam_fingerprints_fingerprint"), table_name="spam_fingerprints")
    op.drop_table("spam_fingerprints")
    op.drop_table("spam_reports")
    op.drop_index(op.f("ix_spam_verdicts_user_id"), table_name="spam_verdicts")
    op.drop_index(op.f("ix_spam_verdicts_state"), table_name="spam_verdicts")
    op.drop_table("spam_verdicts")
    # A plain DROP COLUMN (SQLite 3.35+): a batch rebuild of comments would drop the search
    # index's triggers on it (0019_search_index).
    op.drop_column("door_settings", "spam_mode")
    op.drop_column("comments", "is_spam")
