"""the door: per-group door settings, newcomers' checks, welcome posts, warnings, reports

Revision ID: 0020_door
Revises: 0019_search_index
Create Date: 2026-12-03 09:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_door"
down_revision: str | Sequence[str] | None = "0019_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "door_settings",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("welcome", sa.Boolean(), nullable=False),
        sa.Column("welcome_text", sa.Text(), nullable=True),
        sa.Column("rules", sa.Text(), nullable=True),
        sa.Column("rules_required", sa.Boolean(), nullable=False),
        sa.Column("check_mode", sa.String(length=12), nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("answers", sa.Text(), nullable=True),
        sa.Column("check_minutes", sa.Integer(), nullable=False),
        sa.Column("trust_other_groups", sa.Boolean(), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("giveaway_guard", sa.Boolean(), nullable=False),
        sa.Column("spike_joins", sa.Integer(), nullable=False),
        sa.Column("warn_limit", sa.Integer(), nullable=False),
        sa.Column("warn_mute_minutes", sa.Integer(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_door_settings")),
    )
    op.create_table(
        "door_checks",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.Column("via_request", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("prompt_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("prompt_message_id", sa.BigInteger(), nullable=True),
        sa.Column("deadline", WHEN, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("decided_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_door_checks")),
    )
    op.create_index(
        op.f("ix_door_checks_chat_id"), "door_checks", ["chat_id", "user_id"], unique=False
    )
    op.create_index(
        op.f("ix_door_checks_user_id"), "door_checks", ["user_id", "state"], unique=False
    )
    op.create_table(
        "door_posts",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("sent_at", WHEN, nullable=False),
        sa.Column("delete_at", WHEN, nullable=False),
        sa.Column("deleted_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_door_posts")),
    )
    op.create_index(
        op.f("ix_door_posts_chat_id"), "door_posts", ["chat_id", "sent_at"], unique=False
    )
    op.create_table(
        "member_warnings",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "user_id", name=op.f("pk_member_warnings")),
    )
    op.create_index(
        op.f("ix_member_warnings_user_id"), "member_warnings", ["user_id"], unique=False
    )
    op.create_table(
        "member_reports",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("reporter_user_id", sa.BigInteger(), nullable=False),
        sa.Column("subject_user_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("decided_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_reports")),
    )
    op.create_index(
        op.f("ix_member_reports_reporter_user_id"),
        "member_reports",
        ["reporter_user_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_member_reports_subject_user_id"),
        "member_reports",
        ["subject_user_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_member_reports_subject_user_id"), table_name="member_reports")
    op.drop_index(op.f("ix_member_reports_reporter_user_id"), table_name="member_reports")
    op.drop_table("member_reports")
    op.drop_index(op.f("ix_member_warnings_user_id"), table_name="member_warnings")
    op.drop_table("member_warnings")
    op.drop_index(op.f("ix_door_posts_chat_id"), table_name="door_posts")
    op.drop_table("door_posts")
    op.drop_index(op.f("ix_door_checks_user_id"), table_name="door_checks")
    op.drop_index(op.f("ix_door_checks_chat_id"), table_name="door_checks")
    op.drop_table("door_checks")
    op.drop_table("door_settings")
