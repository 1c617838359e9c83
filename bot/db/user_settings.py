"""A person's own choices in private chat (SQL only; the caller commits)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import User, UserSettings
from bot.db.upsert import insert_for


async def user_language(session: AsyncSession, user_id: int) -> str | None:
    value = await session.scalar(
        select(UserSettings.language).where(UserSettings.user_id == user_id)
    )
    return str(value) if value else None


async def set_user_language(
    session: AsyncSession, user_id: int, language: str, now: datetime
) -> None:
    statement = insert_for(session, UserSettings.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[UserSettings.user_id],
            set_={"language": statement.excluded.language, "updated_at": now},
        ),
        [{"user_id": user_id, "language": language, "updated_at": now}],
    )


async def person_languages(session: AsyncSession, user_id: int) -> tuple[str | None, str | None]:
    """(chosen language, Telegram language) of a person, either possibly unknown."""
    row = (
        await session.execute(
            select(UserSettings.language, User.language_code)
            .select_from(User)
            .outerjoin(UserSettings, and_(UserSettings.user_id == User.id))
            .where(User.id == user_id)
        )
    ).one_or_none()
    if row is None:
        chosen = await session.scalar(
            select(UserSettings.language).where(UserSettings.user_id == user_id)
        )
        return (str(chosen) if chosen else None, None)
    return row.language, row.language_code
