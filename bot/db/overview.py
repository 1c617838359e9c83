"""What the dashboard's overview reads beyond the digest rollups (SQL only): distinct active fans
over a whole period and the latest fan quotes of a tag. Both are bounded by
`(chat_id, created_at)` (ix_comments_chat_id_created_at)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.feedback_ingest import REMOVED
from bot.db.models import Comment, FeedbackItemTag

COMMAND_PREFIX = "/"


def _fan_message(staff: Collection[int]) -> tuple[object, ...]:
    return (
        Comment.is_fan.is_(True),
        Comment.is_spam.is_(False),
        Comment.author_kind == "fan",
        Comment.service_kind.is_(None),
        Comment.author_user_id.is_not(None),
        Comment.author_user_id.not_in(list(staff)),
        or_(Comment.text.is_(None), ~Comment.text.startswith(COMMAND_PREFIX, autoescape=True)),
    )


async def active_fans(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime, staff: Collection[int]
) -> int:
    count = await session.scalar(
        select(func.count(func.distinct(Comment.author_user_id))).where(
            Comment.chat_id == chat_id,
            Comment.created_at >= start,
            Comment.created_at < end,
            *_fan_message(staff),  # type: ignore[arg-type]
        )
    )
    return int(count or 0)


async def tag_quotes(
    session: AsyncSession,
    chat_id: int,
    tag: str,
    start: datetime,
    end: datetime,
    *,
    staff: Collection[int],
    limit: int,
) -> list[tuple[int, str, datetime]]:
    """The latest fan comments carrying `tag` in [start, end): (message id, text, when)."""
    rows = await session.execute(
        select(Comment.message_id, Comment.text, Comment.created_at)
        .join(
            FeedbackItemTag,
            (FeedbackItemTag.chat_id == Comment.chat_id)
            & (FeedbackItemTag.message_id == Comment.message_id),
        )
        .where(
            Comment.chat_id == chat_id,
            Comment.created_at >= start,
            Comment.created_at < end,
            FeedbackItemTag.tag == tag,
            FeedbackItemTag.source != REMOVED,
            Comment.text.is_not(None),
            *_fan_message(staff),  # type: ignore[arg-type]
        )
        .order_by(Comment.created_at.desc(), Comment.message_id.desc())
        .limit(limit)
    )
    return [(int(m), str(t), w) for m, t, w in rows.all()]
