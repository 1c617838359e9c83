"""A victim group with its owner and an administrator, another group with its own
administrator, a plain member and a known fan; all through the real dispatcher."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from tests.operators.support import ScriptedTelegram, scripted_pipeline
from tests.support import updates as u
from tests.support.pipeline import Pipeline

VICTIM = u.group(-1001000000111, "Victim fans <b>")
OTHER = u.group(-1001000000222, "Other fans")
OWNER = u.user(9001, "Mei", username="mei", language_code="zh-hans")
ADMIN = u.user(9002, "Ada", username="ada", language_code="en")
OTHER_ADMIN = u.user(9003, "Oscar", username="oscar", language_code="en")
MEMBER = u.user(9004, "Max", username="max", language_code="en")
FAN = u.user(9005, "Lin", username="lin_fan", language_code="zh-hans")


@dataclass
class Scene:
    pipeline: Pipeline
    telegram: ScriptedTelegram
    updates: u.Updates
    session_factory: async_sessionmaker[AsyncSession]

    async def send(self, chat: dict[str, Any], sender: dict[str, Any], text: str) -> None:
        await self.pipeline.deliver(self.updates.command(chat, sender, text))

    async def say(self, chat: dict[str, Any], sender: dict[str, Any], text: str) -> None:
        await self.pipeline.deliver(self.updates.message(chat, sender, text))


async def cast_the_groups(
    telegram: ScriptedTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Who is who in Telegram's eyes (owners, administrators, people who started the bot), and
    both groups registered as the bot's."""
    telegram.set_status(VICTIM["id"], OWNER["id"], "creator")
    telegram.set_status(VICTIM["id"], ADMIN["id"], "administrator")
    telegram.set_status(OTHER["id"], OTHER_ADMIN["id"], "creator")
    telegram.started.update(person["id"] for person in (OWNER, ADMIN, OTHER_ADMIN, MEMBER))
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        for chat in (VICTIM, OTHER):
            await register_group(
                session,
                chat_id=chat["id"],
                chat_type="supergroup",
                title=chat["title"],
                username=None,
                added_by_user_id=None,
                now=now,
            )


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    pipeline, telegram = scripted_pipeline(session_factory)
    await cast_the_groups(telegram, session_factory)
    scene = Scene(pipeline, telegram, u.Updates(), session_factory)
    await scene.say(VICTIM, FAN, "hello")  # the fan is known by @username from now on
    await scene.say(VICTIM, MEMBER, "hi all")
    return scene
