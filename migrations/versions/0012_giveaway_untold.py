"""giveaways: the winners who could not be told privately

Revision ID: 0012_giveaway_untold
Revises: 0011_video_metrics_unknown
Create Date: 2026-12-02 14:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_giveaway_untold"
down_revision: str | Sequence[str] | None = "0011_video_metrics_unknown"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("giveaways", schema=None) as batch_op:
        batch_op.add_column(sa.Column("untold_winners", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("giveaways", schema=None) as batch_op:
        batch_op.drop_column("untold_winners")
