"""tag learning: decisions' evidence, operators' corrections, proposed keywords' fate

Revision ID: 0024_tag_learning
Revises: 0023_clock_changes
Create Date: 2026-12-03 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_tag_learning"
down_revision: str | Sequence[str] | None = "0023_clock_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SURROGATE_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("feedback_items") as batch:
        batch.add_column(sa.Column("evidence", sa.Text(), nullable=True))
    with op.batch_alter_table("feedback_item_tags") as batch:
        batch.add_column(sa.Column("evidence", sa.Text(), nullable=True))
    op.create_table(
        "tag_corrections",
        sa.Column("id", SURROGATE_KEY, autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=32), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_corrections")),
    )
    op.create_index(
        "ix_tag_corrections_chat_id_created_at",
        "tag_corrections",
        ["chat_id", "created_at"],
    )
    op.create_table(
        "keyword_proposals",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tag", sa.String(length=32), nullable=False),
        sa.Column("keyword", sa.String(length=64), nullable=False),
        sa.Column("decision", sa.String(length=8), nullable=False),
        sa.Column("decided_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "tag", "keyword", name=op.f("pk_keyword_proposals")),
    )


def downgrade() -> None:
    op.drop_table("keyword_proposals")
    op.drop_index("ix_tag_corrections_chat_id_created_at", table_name="tag_corrections")
    op.drop_table("tag_corrections")
    with op.batch_alter_table("feedback_item_tags") as batch:
        batch.drop_column("evidence")
    with op.batch_alter_table("feedback_items") as batch:
        batch.drop_column("evidence")
