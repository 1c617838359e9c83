"""The comments carrying one tag, kept aside so that a deleted tag can come back with them
(SQL only; the caller commits)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Comment, FeedbackItemTag
from bot.db.upsert import insert_for

CHUNK = 500  # ids per IN list


async def assignments(session: AsyncSession, chat_id: int, tag: str) -> list[tuple[int, str]]:
    """(message id, source) of every comment carrying `tag`."""
    rows = await session.execute(
        select(FeedbackItemTag.message_id, FeedbackItemTag.source)
        .where(FeedbackItemTag.chat_id == chat_id, FeedbackItemTag.tag == tag)
        .order_by(FeedbackItemTag.message_id)
    )
    return [(int(message_id), str(source)) for message_id, source in rows.all()]


async def restore_assignments(
    session: AsyncSession, chat_id: int, tag: str, items: Sequence[tuple[int, str]]
) -> int:
    """Put `tag` back on the comments that still exist (a fan who asked to be forgotten in the
    meantime stays forgotten); returns how many."""
    restored = 0
    for start in range(0, len(items), CHUNK):
        chunk = dict(items[start : start + CHUNK])
        present = await session.scalars(
            select(Comment.message_id).where(
                Comment.chat_id == chat_id, Comment.message_id.in_(list(chunk))
            )
        )
        rows = [
            {"chat_id": chat_id, "message_id": message_id, "tag": tag, "source": chunk[message_id]}
            for message_id in present.all()
        ]
        if rows:
            statement = insert_for(session, FeedbackItemTag.__table__).on_conflict_do_nothing()
            await session.execute(statement, rows)
            restored += len(rows)
    return restored
