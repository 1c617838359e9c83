"""operator queries at scale: a tag's period is a range of its index; runs by status

Revision ID: 0027_query_indexes
Revises: 0026_member_tags
Create Date: 2026-12-03 16:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0027_query_indexes"
down_revision: str | Sequence[str] | None = "0026_member_tags"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The new index leads with the old one's columns, so it serves every query the old one did.
    op.create_index(
        "ix_feedback_item_tags_chat_id_tag_message_id",
        "feedback_item_tags",
        ["chat_id", "tag", "message_id"],
    )
    op.drop_index("ix_feedback_item_tags_chat_id_tag", table_name="feedback_item_tags")
    op.create_index("ix_job_runs_status", "job_runs", ["status"])


def downgrade() -> None:
    op.drop_index("ix_job_runs_status", table_name="job_runs")
    op.create_index("ix_feedback_item_tags_chat_id_tag", "feedback_item_tags", ["chat_id", "tag"])
    op.drop_index("ix_feedback_item_tags_chat_id_tag_message_id", table_name="feedback_item_tags")
