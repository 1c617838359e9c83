"""Destructive actions asked first and then undoable (SQL only; the caller commits)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import ConfirmedAction
from bot.domain.roles import Actor


@dataclass(frozen=True, slots=True)
class StoredAction:
    id: int
    chat_id: int
    kind: str
    state: str
    payload: dict[str, Any]
    created_at: datetime
    done_at: datetime | None


async def add(
    session: AsyncSession,
    *,
    chat_id: int,
    kind: str,
    payload: dict[str, Any],
    actor: Actor,
    now: datetime,
    subject_user_id: int | None = None,
) -> int:
    row = ConfirmedAction(
        chat_id=chat_id,
        kind=kind,
        state="asked",
        payload=json.dumps(payload, ensure_ascii=False),
        actor_user_id=actor.user_id,
        actor_chat_id=actor.anonymous_chat_id,
        subject_user_id=subject_user_id,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return int(row.id)


async def load(session: AsyncSession, action_id: int) -> StoredAction | None:
    row = await session.get(ConfirmedAction, action_id)
    if row is None:
        return None
    return StoredAction(
        id=row.id,
        chat_id=row.chat_id,
        kind=row.kind,
        state=row.state,
        payload=json.loads(row.payload),
        created_at=row.created_at,
        done_at=row.done_at,
    )


async def move(
    session: AsyncSession,
    action_id: int,
    *,
    from_state: str,
    to_state: str,
    payload: dict[str, Any] | None = None,
    done_at: datetime | None = None,
) -> bool:
    """Change the state only if it still is `from_state`: of two presses at once, one wins."""
    values: dict[str, Any] = {"state": to_state}
    if payload is not None:
        values["payload"] = json.dumps(payload, ensure_ascii=False)
    if done_at is not None:
        values["done_at"] = done_at
    result = await session.execute(
        update(ConfirmedAction)
        .where(ConfirmedAction.id == action_id, ConfirmedAction.state == from_state)
        .values(**values)
    )
    return bool(getattr(result, "rowcount", 0))
