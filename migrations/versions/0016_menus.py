"""chat_settings: when the bot told the group, once, what it does with its messages

Revision ID: 0016_menus
Revises: 0015_settings_undo
Create Date: 2026-12-02 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_menus"
down_revision: str | Sequence[str] | None = "0015_settings_undo"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("chat_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("introduced_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chat_settings", schema=None) as batch_op:
        batch_op.drop_column("introduced_at")
