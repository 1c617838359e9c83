"""Granted roles, and the group each operator's private console acts on (SQL only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.models import ChatRole, Comment, ConsoleSelection, User
from bot.db.upsert import insert_for


async def granted_role(session: AsyncSession, chat_id: int, user_id: int) -> str | None:
    value = await session.scalar(
        select(ChatRole.role).where(ChatRole.chat_id == chat_id, ChatRole.user_id == user_id)
    )
    return str(value) if value else None


async def granted_among(session: AsyncSession, chat_id: int, user_ids: Sequence[int]) -> set[int]:
    """Which of `user_ids` hold a role in the group."""
    found: set[int] = set()
    for chunk in chunks(user_ids):
        rows = await session.scalars(
            select(ChatRole.user_id).where(ChatRole.chat_id == chat_id, ChatRole.user_id.in_(chunk))
        )
        found.update(int(user) for user in rows.all())
    return found


async def grant_role(
    session: AsyncSession,
    *,
    chat_id: int,
    user_id: int,
    role: str,
    granted_by_user_id: int | None,
    now: datetime,
) -> None:
    statement = insert_for(session, ChatRole.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ChatRole.chat_id, ChatRole.user_id],
            set_={
                "role": statement.excluded.role,
                "granted_by_user_id": statement.excluded.granted_by_user_id,
                "granted_at": statement.excluded.granted_at,
            },
        ),
        [
            {
                "chat_id": chat_id,
                "user_id": user_id,
                "role": role,
                "granted_by_user_id": granted_by_user_id,
                "granted_at": now,
            }
        ],
    )


async def revoke_role(session: AsyncSession, chat_id: int, user_id: int) -> bool:
    result = await session.execute(
        delete(ChatRole).where(ChatRole.chat_id == chat_id, ChatRole.user_id == user_id)
    )
    return bool(getattr(result, "rowcount", 0))


async def groups_with_roles(session: AsyncSession, user_id: int) -> set[int]:
    rows = await session.scalars(select(ChatRole.chat_id).where(ChatRole.user_id == user_id))
    return set(rows.all())


async def groups_written_in(session: AsyncSession, user_id: int, limit: int) -> set[int]:
    """Groups where this person wrote: where an administrator among them is likely found."""
    rows = await session.scalars(
        select(Comment.chat_id).where(Comment.author_user_id == user_id).distinct().limit(limit)
    )
    return set(rows.all())


async def current_group(session: AsyncSession, user_id: int) -> int | None:
    value = await session.scalar(
        select(ConsoleSelection.chat_id).where(ConsoleSelection.user_id == user_id)
    )
    return int(value) if value is not None else None


async def select_group(session: AsyncSession, user_id: int, chat_id: int, now: datetime) -> None:
    statement = insert_for(session, ConsoleSelection.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ConsoleSelection.user_id],
            set_={"chat_id": statement.excluded.chat_id, "selected_at": now},
        ),
        [{"user_id": user_id, "chat_id": chat_id, "selected_at": now}],
    )


async def user_by_username(session: AsyncSession, username: str) -> int | None:
    """Who goes by this @username: a username moves from person to person, so of the people
    stored with it the one seen most recently holds it (the others' rows are stale)."""
    value = await session.scalar(
        select(User.id)
        .where(func.lower(User.username) == username.lower())
        .order_by(User.last_seen_at.desc(), User.id.desc())
        .limit(1)
    )
    return int(value) if value is not None else None


async def user_name(session: AsyncSession, user_id: int) -> str | None:
    row = (
        await session.execute(select(User.first_name, User.username).where(User.id == user_id))
    ).one_or_none()
    if row is None:
        return None
    return f"@{row.username}" if row.username else str(row.first_name)


async def role_holders(session: AsyncSession, chat_id: int) -> list[tuple[int, str]]:
    """(user id, role) of everyone granted a role in the group, in the order granted."""
    rows = await session.execute(
        select(ChatRole.user_id, ChatRole.role)
        .where(ChatRole.chat_id == chat_id)
        .order_by(ChatRole.granted_at, ChatRole.user_id)
    )
    return [(int(user_id), str(role)) for user_id, role in rows.all()]
