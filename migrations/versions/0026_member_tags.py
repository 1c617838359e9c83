"""recognition: member tags per group and the tag each fan wears

Revision ID: 0026_member_tags
Revises: 0025_spam
Create Date: 2026-12-03 16:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_member_tags"
down_revision: str | Sequence[str] | None = "0025_spam"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "member_tag_settings",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("kinds", sa.String(length=32), nullable=False),
        sa.Column("right_missing_since", WHEN, nullable=True),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_member_tag_settings_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_member_tag_settings")),
    )
    op.create_table(
        "member_tags",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tag", sa.String(length=16), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "user_id", name=op.f("pk_member_tags")),
    )
    op.create_index("ix_member_tags_user_id", "member_tags", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_member_tags_user_id", table_name="member_tags")
    op.drop_table("member_tags")
    op.drop_table("member_tag_settings")
