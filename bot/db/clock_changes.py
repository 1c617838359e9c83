"""The counter of changes to what the clock should run (SQL only; the caller commits)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import ClockChange
from bot.db.upsert import insert_for


async def bump(session: AsyncSession, name: str, now: datetime) -> None:
    statement = insert_for(session, ClockChange.__table__).values(
        name=name, version=1, changed_at=now
    )
    statement = statement.on_conflict_do_update(
        index_elements=[ClockChange.name],
        set_={"version": ClockChange.version + 1, "changed_at": now},
    )
    await session.execute(statement)


async def version(session: AsyncSession, name: str) -> int:
    found = await session.scalar(select(ClockChange.version).where(ClockChange.name == name))
    return int(found or 0)
