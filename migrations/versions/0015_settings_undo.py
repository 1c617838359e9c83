"""settings panel and undo: the digest's weekdays, and confirmed (undoable) actions

Revision ID: 0015_settings_undo
Revises: 0014_search_index
Create Date: 2026-12-02 17:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The models' SurrogateKey: BIGINT, except SQLite's rowid alias.
SurrogateKey = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

revision: str = "0015_settings_undo"
down_revision: str | Sequence[str] | None = "0014_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("digest_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("days", sa.String(length=7), nullable=True))
    op.create_table(
        "confirmed_actions",
        sa.Column("id", SurrogateKey, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("actor_user_id", sa.BigInteger(), nullable=True),
        sa.Column("actor_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("subject_user_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["chat_id"], ["chats.id"], name=op.f("fk_confirmed_actions_chat_id_chats")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_confirmed_actions")),
    )
    op.create_index(
        "ix_confirmed_actions_chat_id_created_at",
        "confirmed_actions",
        ["chat_id", "created_at"],
        unique=False,
    )
    op.create_index("ix_confirmed_actions_actor_user_id", "confirmed_actions", ["actor_user_id"])
    op.create_index(
        "ix_confirmed_actions_subject_user_id", "confirmed_actions", ["subject_user_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_confirmed_actions_subject_user_id", table_name="confirmed_actions")
    op.drop_index("ix_confirmed_actions_actor_user_id", table_name="confirmed_actions")
    op.drop_index("ix_confirmed_actions_chat_id_created_at", table_name="confirmed_actions")
    op.drop_table("confirmed_actions")
    with op.batch_alter_table("digest_settings", schema=None) as batch_op:
        batch_op.drop_column("days")
