"""Claims on what a command message has caused (SQL only; callers own transactions)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import CommandEffect
from bot.db.upsert import insert_for

# Telegram gives up redelivering an update within a day; a claim older than this guards nothing.
KEPT = timedelta(days=2)


async def claim(
    session: AsyncSession, chat_id: int, message_id: int, effect: str, now: datetime
) -> bool:
    """Record `effect` of the message; True only for the one caller whose row was inserted."""
    statement = (
        insert_for(session, CommandEffect.__table__)
        .values(chat_id=chat_id, message_id=message_id, effect=effect, claimed_at=now)
        .on_conflict_do_nothing(index_elements=["chat_id", "message_id", "effect"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def forget_old(session: AsyncSession, chat_id: int, now: datetime) -> None:
    await session.execute(
        delete(CommandEffect).where(
            CommandEffect.chat_id == chat_id, CommandEffect.claimed_at < now - KEPT
        )
    )
