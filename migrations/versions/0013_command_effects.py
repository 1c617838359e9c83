"""command_effects: what a command message has already caused, so a redelivery posts once

Revision ID: 0013_command_effects
Revises: 0012_giveaway_untold
Create Date: 2026-12-02 17:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_command_effects"
down_revision: str | Sequence[str] | None = "0012_giveaway_untold"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "command_effects",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("effect", sa.String(length=64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", "message_id", "effect", name=op.f("pk_command_effects")),
    )


def downgrade() -> None:
    op.drop_table("command_effects")
