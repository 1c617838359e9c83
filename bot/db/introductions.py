"""The bot's one introduction to a group (what it files, how fans see and erase their data):
claimed once per group, kept when the bot is removed and added back (SQL only; the caller
commits)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CursorResult, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import ChatSettings


async def claim_introduction(session: AsyncSession, chat_id: int, now: datetime) -> bool:
    """True for exactly one caller per group, across restarts and instances."""
    result = await session.execute(
        update(ChatSettings)
        .where(ChatSettings.chat_id == chat_id, ChatSettings.introduced_at.is_(None))
        .values(introduced_at=now)
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


async def release_introduction(session: AsyncSession, chat_id: int) -> None:
    """The introduction could not be posted: the next chance may post it."""
    await session.execute(
        update(ChatSettings).where(ChatSettings.chat_id == chat_id).values(introduced_at=None)
    )
