"""Who is who in most dispatcher-level tests: a victim group with its owner and an
administrator, another group with its own administrator, a plain member and a known fan."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from tests.support import updates as u
from tests.support.telegram import ScriptedTelegram

VICTIM = u.group(-1001000000111, "Victim fans <b>")
OTHER = u.group(-1001000000222, "Other fans")
OWNER = u.user(9001, "Mei", username="mei", language_code="zh-hans")
ADMIN = u.user(9002, "Ada", username="ada", language_code="en")
OTHER_ADMIN = u.user(9003, "Oscar", username="oscar", language_code="en")
MEMBER = u.user(9004, "Max", username="max", language_code="en")
FAN = u.user(9005, "Lin", username="lin_fan", language_code="zh-hans")


async def cast_the_groups(
    telegram: ScriptedTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Who is who in Telegram's eyes (owners, administrators, people who started the bot), and
    both groups registered as the bot's."""
    telegram.set_status(VICTIM["id"], OWNER["id"], "creator")
    telegram.set_status(VICTIM["id"], ADMIN["id"], "administrator")
    telegram.set_status(OTHER["id"], OTHER_ADMIN["id"], "creator")
    telegram.started.update(person["id"] for person in (OWNER, ADMIN, OTHER_ADMIN, MEMBER))
    async with session_factory() as session, session.begin():
        for chat in (VICTIM, OTHER):
            await register(session, chat)


async def register(
    session: AsyncSession, chat: dict[str, Any], *, added_by: int | None = None
) -> None:
    """The group registered as the bot's, as when it was added."""
    await register_group(
        session,
        chat_id=chat["id"],
        chat_type="supergroup",
        title=chat["title"],
        username=None,
        added_by_user_id=added_by,
        now=datetime.now(UTC),
    )
