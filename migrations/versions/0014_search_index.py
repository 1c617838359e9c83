"""person columns indexed for /mydata and /forget

Revision ID: 0014_search_index
Revises: 0013_command_effects
Create Date: 2026-12-02 17:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014_search_index"
down_revision: str | Sequence[str] | None = "0013_command_effects"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSON_INDEXES = (
    ("feedback_items", "author_user_id"),
    ("chat_roles", "user_id"),
    ("chat_roles", "granted_by_user_id"),
    ("digest_subscriptions", "user_id"),
    ("group_events", "user_id"),
    ("inbox_queries", "user_id"),
    ("poll_votes", "user_id"),
    ("giveaway_entries", "user_id"),
    ("chat_settings", "added_by_user_id"),
    ("audit_log", "subject_user_id"),
    ("audit_log", "actor_user_id"),
    ("feedback_questions", "asked_by_user_id"),
    ("giveaways", "creator_user_id"),
    ("polls", "created_by_user_id"),
    ("videos", "created_by"),
)


def upgrade() -> None:
    for table, column in PERSON_INDEXES:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table, column in reversed(PERSON_INDEXES):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
