"""Counting a person's rows in every person column."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.privacy import PERSON_COLUMNS, OnForget


async def person_rows(
    session_factory: async_sessionmaker[AsyncSession], user_id: int
) -> dict[str, int]:
    """Rows naming the person, per `table.column`, for every column forgetting clears."""
    counts: dict[str, int] = {}
    async with session_factory() as session:
        for person in PERSON_COLUMNS:
            if person.on_forget is OnForget.KEEP:
                continue
            total = await session.scalar(
                select(func.count()).select_from(person.model).where(person.key == user_id)
            )
            counts[f"{person.table}.{person.column}"] = int(total or 0)
    return counts
