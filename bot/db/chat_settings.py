"""Groups the bot serves and what operators chose for them (SQL only; the caller commits)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Chat, ChatSettings
from bot.db.upsert import insert_for


@dataclass(frozen=True, slots=True)
class GroupRecord:
    id: int
    title: str | None
    is_active: bool
    last_update_at: datetime
    language: str | None
    timezone: str | None


async def ensure_chat(
    session: AsyncSession, chat_id: int, chat_type: str, title: str | None, now: datetime
) -> None:
    """The chat row exists (a command may arrive before the batch that stores its chat)."""
    statement = insert_for(session, Chat.__table__).on_conflict_do_nothing(index_elements=[Chat.id])
    await session.execute(
        statement,
        [
            {
                "id": chat_id,
                "type": chat_type,
                "title": title,
                "is_active": True,
                "first_seen_at": now,
                "last_update_at": now,
            }
        ],
    )


async def register_group(
    session: AsyncSession,
    *,
    chat_id: int,
    chat_type: str,
    title: str | None,
    username: str | None,
    added_by_user_id: int | None,
    now: datetime,
) -> None:
    """The bot is (again) a member: the group is active and remembers who added the bot."""
    chats = insert_for(session, Chat.__table__)
    await session.execute(
        chats.on_conflict_do_update(
            index_elements=[Chat.id],
            set_={
                "type": chats.excluded.type,
                "title": chats.excluded.title,
                "username": chats.excluded.username,
                "is_active": True,
                "inactive_reason": None,
                "last_update_at": chats.excluded.last_update_at,
            },
        ),
        [
            {
                "id": chat_id,
                "type": chat_type,
                "title": title,
                "username": username,
                "is_active": True,
                "first_seen_at": now,
                "last_update_at": now,
            }
        ],
    )
    settings = insert_for(session, ChatSettings.__table__)
    changes: dict[str, object] = {"updated_at": settings.excluded.updated_at}
    if added_by_user_id is not None:
        changes["added_by_user_id"] = settings.excluded.added_by_user_id
    await session.execute(
        settings.on_conflict_do_update(index_elements=[ChatSettings.chat_id], set_=changes),
        [{"chat_id": chat_id, "added_by_user_id": added_by_user_id, "updated_at": now}],
    )


async def group(session: AsyncSession, chat_id: int) -> GroupRecord | None:
    row = (
        await session.execute(
            select(
                Chat.id,
                Chat.title,
                Chat.is_active,
                Chat.last_update_at,
                ChatSettings.language,
                ChatSettings.timezone,
            )
            .outerjoin(ChatSettings, ChatSettings.chat_id == Chat.id)
            .where(Chat.id == chat_id)
        )
    ).one_or_none()
    if row is None:
        return None
    return GroupRecord(
        id=row.id,
        title=row.title,
        is_active=row.is_active,
        last_update_at=row.last_update_at,
        language=row.language,
        timezone=row.timezone,
    )


async def active_groups(session: AsyncSession, chat_ids: set[int]) -> list[GroupRecord]:
    if not chat_ids:
        return []
    rows = (
        await session.execute(
            select(
                Chat.id,
                Chat.title,
                Chat.is_active,
                Chat.last_update_at,
                ChatSettings.language,
                ChatSettings.timezone,
            )
            .outerjoin(ChatSettings, ChatSettings.chat_id == Chat.id)
            .where(
                Chat.id.in_(chat_ids),
                Chat.is_active.is_(True),
                Chat.type.in_(("group", "supergroup")),
            )
            .order_by(Chat.title, Chat.id)
        )
    ).all()
    return [
        GroupRecord(
            id=row.id,
            title=row.title,
            is_active=row.is_active,
            last_update_at=row.last_update_at,
            language=row.language,
            timezone=row.timezone,
        )
        for row in rows
    ]


async def group_language(session: AsyncSession, chat_id: int) -> str | None:
    value = await session.scalar(
        select(ChatSettings.language).where(ChatSettings.chat_id == chat_id)
    )
    return str(value) if value else None


async def set_group_language(
    session: AsyncSession, chat_id: int, language: str, now: datetime
) -> None:
    statement = insert_for(session, ChatSettings.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ChatSettings.chat_id],
            set_={"language": statement.excluded.language, "updated_at": now},
        ),
        [{"chat_id": chat_id, "language": language, "updated_at": now}],
    )


async def adopt_group_language(
    session: AsyncSession, chat_id: int, language: str, now: datetime
) -> None:
    """The group's language, unless its operators already chose one."""
    statement = insert_for(session, ChatSettings.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ChatSettings.chat_id],
            set_={"language": statement.excluded.language, "updated_at": now},
            where=ChatSettings.__table__.c.language.is_(None),
        ),
        [{"chat_id": chat_id, "language": language, "updated_at": now}],
    )


async def group_timezone(session: AsyncSession, chat_id: int) -> str | None:
    value = await session.scalar(
        select(ChatSettings.timezone).where(ChatSettings.chat_id == chat_id)
    )
    return str(value) if value else None


async def set_group_timezone(
    session: AsyncSession, chat_id: int, timezone: str, now: datetime
) -> None:
    statement = insert_for(session, ChatSettings.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ChatSettings.chat_id],
            set_={"timezone": statement.excluded.timezone, "updated_at": now},
        ),
        [{"chat_id": chat_id, "timezone": timezone, "updated_at": now}],
    )


async def groups_added_by(session: AsyncSession, user_id: int) -> set[int]:
    rows = await session.scalars(
        select(ChatSettings.chat_id).where(ChatSettings.added_by_user_id == user_id)
    )
    return set(rows.all())


async def mark_group_removed(session: AsyncSession, chat_id: int, reason: str) -> None:
    await session.execute(
        update(Chat).where(Chat.id == chat_id).values(is_active=False, inactive_reason=reason)
    )


async def all_active_group_ids(session: AsyncSession, limit: int) -> set[int]:
    rows = await session.scalars(
        select(Chat.id)
        .where(Chat.is_active.is_(True), Chat.type.in_(("group", "supergroup")))
        .limit(limit)
    )
    return set(rows.all())
