"""The scheduler lease: one row per clock name, held by one instance until it expires.

Taking and renewing are the same upsert: the row is written only when it is free, expired, or
already ours, and then read back. Two instances racing for an expired lease both write; the
database orders the writes and the read-back tells each who won. SQL only; the caller commits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import SchedulerLease
from bot.db.upsert import insert_for


async def acquire(
    session: AsyncSession, name: str, holder: str, now: datetime, ttl: timedelta
) -> bool:
    """Take or renew the lease `name` for `holder` until now + ttl; True when `holder` holds it."""
    table = SchedulerLease.__table__
    statement = insert_for(session, table).values(name=name, holder=holder, expires_at=now + ttl)
    statement = statement.on_conflict_do_update(
        index_elements=[SchedulerLease.name],
        set_={"holder": statement.excluded.holder, "expires_at": statement.excluded.expires_at},
        where=or_(SchedulerLease.expires_at <= now, SchedulerLease.holder == holder),
    )
    await session.execute(statement)
    return await holder_of(session, name, now) == holder


async def holder_of(session: AsyncSession, name: str, now: datetime) -> str | None:
    """Who holds the lease now (None when nobody does or it expired)."""
    row = (
        await session.execute(
            select(SchedulerLease.holder, SchedulerLease.expires_at).where(
                SchedulerLease.name == name
            )
        )
    ).one_or_none()
    if row is None or row.expires_at <= now:
        return None
    return str(row.holder)


async def release(session: AsyncSession, name: str, holder: str) -> None:
    """Give the lease up at shutdown so that another instance need not wait for the expiry."""
    await session.execute(
        delete(SchedulerLease).where(SchedulerLease.name == name, SchedulerLease.holder == holder)
    )
