"""Guided flows' FSM state per storage key (SQL only; the caller commits). One row per key: the
state and the data are written together by an upsert, so two writers never leave two rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import ConversationState
from bot.db.upsert import insert_for


async def read(session: AsyncSession, key: str) -> tuple[str | None, str | None]:
    """(state, data as JSON); (None, None) when the key has nothing stored."""
    row = await session.get(ConversationState, key, populate_existing=True)
    return (row.state, row.data) if row is not None else (None, None)


async def keys(session: AsyncSession) -> set[str]:
    """Every key with a row: few (people who used a guided flow), read once per process."""
    return set((await session.scalars(select(ConversationState.key))).all())


async def write_state(session: AsyncSession, key: str, state: str | None, now: datetime) -> None:
    statement = insert_for(session, ConversationState.__table__).values(
        key=key, state=state, data="{}", updated_at=now
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["key"], set_={"state": state, "updated_at": now}
        )
    )


async def write_data(session: AsyncSession, key: str, data: str, now: datetime) -> None:
    statement = insert_for(session, ConversationState.__table__).values(
        key=key, state=None, data=data, updated_at=now
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["key"], set_={"data": data, "updated_at": now}
        )
    )
