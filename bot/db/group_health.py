"""What /status counts from storage (SQL only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Comment


async def comments_since(session: AsyncSession, chat_id: int, since: datetime) -> int:
    # Served by ix_comments_chat_id_created_at.
    total = await session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(Comment.chat_id == chat_id, Comment.created_at >= since)
    )
    return int(total or 0)


async def last_comment_at(session: AsyncSession, chat_id: int) -> datetime | None:
    return await session.scalar(
        select(func.max(Comment.created_at)).where(Comment.chat_id == chat_id)
    )
