"""The tags and sentiment stored for a window of a group's comments, for digests (SQL only).

Both reads are bounded by the comments' (chat_id, created_at) index; a comment without a
feedback row is neutral and untagged (ingest writes rows only for tagged, non-neutral or
explicit feedback). Removed tags are left out; manual ones count like automatic ones.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.feedback_ingest import REMOVED
from bot.db.models import Comment, FeedbackItem, FeedbackItemTag


async def window_tags(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> dict[int, tuple[str, frozenset[str]]]:
    """Per message id: (sentiment, tags) of the comments written in [start, end)."""
    in_window = (
        Comment.chat_id == chat_id,
        Comment.created_at >= start,
        Comment.created_at < end,
        Comment.is_spam.is_(False),
    )
    items = await session.execute(
        select(FeedbackItem.message_id, FeedbackItem.sentiment)
        .join(
            Comment,
            (Comment.chat_id == FeedbackItem.chat_id)
            & (Comment.message_id == FeedbackItem.message_id),
        )
        .where(*in_window)
    )
    tags = await session.execute(
        select(FeedbackItemTag.message_id, FeedbackItemTag.tag)
        .join(
            Comment,
            (Comment.chat_id == FeedbackItemTag.chat_id)
            & (Comment.message_id == FeedbackItemTag.message_id),
        )
        .where(*in_window, FeedbackItemTag.source != REMOVED)
    )
    by_message: dict[int, set[str]] = {}
    for message_id, tag in tags.all():
        by_message.setdefault(int(message_id), set()).add(str(tag))
    found = {
        int(message_id): (str(sentiment), frozenset(by_message.pop(int(message_id), ())))
        for message_id, sentiment in items.all()
    }
    # A tag without an item row cannot come from ingest, but an operator's tag can.
    found.update({message_id: ("neutral", frozenset(t)) for message_id, t in by_message.items()})
    return found
