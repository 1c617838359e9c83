"""search index: comments' folded text, FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL

Revision ID: 0019_search_index
Revises: 0018_retag_runs
Create Date: 2026-12-03 09:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.search_index import POSTGRES_CREATE, POSTGRES_DROP, SQLITE_CREATE, SQLITE_DROP
from bot.domain.tagging.normalization import normalize

revision: str = "0019_search_index"
down_revision: str | Sequence[str] | None = "0018_retag_runs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 5_000


def upgrade() -> None:
    op.add_column("comments", sa.Column("search_text", sa.Text(), nullable=True))
    _fold_stored_texts()
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_CREATE if sqlite else POSTGRES_CREATE:
        op.execute(statement)


def _fold_stored_texts() -> None:
    # The normal form is the tagger's Python function, so the rows are folded here, a chunk of
    # row ids at a time (before the index exists: it is then built once, not row by row).
    connection = op.get_bind()
    comments = sa.table(
        "comments", sa.column("id", sa.BigInteger), sa.column("text"), sa.column("search_text")
    )
    after = 0
    while True:
        rows = connection.execute(
            sa.select(comments.c.id, comments.c.text)
            .where(comments.c.id > after, comments.c.text.is_not(None))
            .order_by(comments.c.id)
            .limit(CHUNK)
        ).all()
        if not rows:
            return
        connection.execute(
            comments.update()
            .where(comments.c.id == sa.bindparam("row_id"))
            .values(search_text=sa.bindparam("folded")),
            [{"row_id": row.id, "folded": normalize(row.text)} for row in rows],
        )
        after = rows[-1].id


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_DROP if sqlite else POSTGRES_DROP:
        op.execute(statement)
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("search_text")
