"""Chat rows: reachability and migration (SQL only; the caller commits)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Chat


async def mark_unreachable(session: AsyncSession, chat_id: int, reason: str) -> None:
    await session.execute(
        update(Chat).where(Chat.id == chat_id).values(is_active=False, inactive_reason=reason)
    )
