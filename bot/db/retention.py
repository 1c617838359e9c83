"""Per-group retention of comment text (SQL only; the caller commits).

A purge clears the text of comments older than the group's limit and their earlier versions,
and the text of the group's failed updates as old; the rows stay, so counts, tags and sentiment
(what digests read) are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.failed_updates import purge_text_before
from bot.db.models import Comment, CommentVersion, RetentionSetting
from bot.db.upsert import insert_for


@dataclass(frozen=True, slots=True)
class Purged:
    comments: int
    versions: int
    failed_updates: int = 0


async def retention_days(session: AsyncSession, chat_id: int) -> int | None:
    setting = await session.get(RetentionSetting, chat_id)
    return None if setting is None else setting.days


async def set_retention(session: AsyncSession, chat_id: int, days: int, now: datetime) -> None:
    statement = insert_for(session, RetentionSetting.__table__).values(
        chat_id=chat_id, days=days, updated_at=now
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["chat_id"], set_={"days": days, "updated_at": now}
        )
    )


async def clear_retention(session: AsyncSession, chat_id: int) -> bool:
    result = await session.execute(
        delete(RetentionSetting).where(RetentionSetting.chat_id == chat_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def retention_settings(session: AsyncSession) -> dict[int, int]:
    rows = await session.execute(select(RetentionSetting.chat_id, RetentionSetting.days))
    return {int(chat_id): int(days) for chat_id, days in rows.all()}


async def texts_older(session: AsyncSession, chat_id: int, cutoff: datetime) -> int:
    """How many stored comments older than `cutoff` still hold their text."""
    count = await session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(Comment.chat_id == chat_id, Comment.created_at < cutoff, Comment.text.is_not(None))
    )
    return int(count or 0)


async def purge_older(session: AsyncSession, chat_id: int, days: int, now: datetime) -> Purged:
    """Clear what comments older than `days` said; safe to run again (nothing left to clear)."""
    cutoff = now - timedelta(days=days)
    old = and_(Comment.chat_id == chat_id, Comment.created_at < cutoff)
    versions = await session.execute(
        delete(CommentVersion).where(
            CommentVersion.chat_id == chat_id,
            exists().where(
                old,
                Comment.message_id == CommentVersion.message_id,
            ),
        )
    )
    comments = await session.execute(
        update(Comment).where(old, Comment.text.is_not(None)).values(text=None, search_text=None)
    )
    return Purged(
        comments=int(comments.rowcount or 0),  # type: ignore[attr-defined]
        versions=int(versions.rowcount or 0),  # type: ignore[attr-defined]
        failed_updates=await purge_text_before(session, chat_id, cutoff),
    )
