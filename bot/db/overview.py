"""What the dashboard's overview reads beyond the digest rollups (SQL only): distinct active fans
over a whole period and the latest fan quotes of a tag. Both are bounded by
`(chat_id, created_at)` (ix_comments_chat_id_created_at)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.db.feedback_ingest import REMOVED
from bot.db.models import Comment, FeedbackItemTag

COMMAND_PREFIX = "/"


def _fan_message(staff: Collection[int], comment: type[Comment] = Comment) -> tuple[object, ...]:
    return (
        comment.is_fan.is_(True),
        comment.is_spam.is_(False),
        comment.author_kind == "fan",
        comment.service_kind.is_(None),
        comment.author_user_id.is_not(None),
        comment.author_user_id.not_in(list(staff)),
        or_(comment.text.is_(None), ~comment.text.startswith(COMMAND_PREFIX, autoescape=True)),
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


async def fans_new_since(
    session: AsyncSession,
    chat_id: int,
    window: tuple[datetime, datetime, datetime],
    staff: Collection[int],
) -> int:
    """Fans active in [split, end) who were not in [since, split): what a window adds to the
    distinct fans of an earlier one. Each of the window's fans is one probe of
    ix_comments_chat_id_author_user_id_created_at, so this reads the recent window only."""
    since, split, end = window
    earlier = aliased(Comment)
    count = await session.scalar(
        select(func.count(func.distinct(Comment.author_user_id))).where(
            Comment.chat_id == chat_id,
            Comment.created_at >= split,
            Comment.created_at < end,
            *_fan_message(staff),  # type: ignore[arg-type]
            ~exists().where(
                earlier.chat_id == chat_id,
                earlier.author_user_id == Comment.author_user_id,
                earlier.created_at >= since,
                earlier.created_at < split,
                *_fan_message(staff, earlier),  # type: ignore[arg-type]
            ),
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
