"""The operators' scene (a group with its owner and an administrator, a member, a fan) with a
Telegram that also knows channels, departures, edits and documents."""

from __future__ import annotations

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.__main__ import build_clock, build_dispatcher
from bot.config import load_settings
from bot.devtools.recording_session import TOKEN
from bot.telegram.batch_store import BatchStore
from bot.telegram.processing import UpdateProcessor
from tests.giveaways.support import GiveawayTelegram
from tests.operators.conftest import (
    ADMIN,
    FAN,
    MEMBER,
    OTHER_ADMIN,
    OWNER,
    VICTIM,
    Scene,
    cast_the_groups,
)
from tests.support import updates as u
from tests.support.pipeline import Pipeline

GROUP = VICTIM


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    telegram = GiveawayTelegram()
    bot = Bot(TOKEN, session=telegram)
    settings = load_settings(bot_token=TOKEN)
    dispatcher = build_dispatcher(settings)
    build_clock(settings, session_factory, bot, dispatcher)
    pipeline = Pipeline(
        bot=bot,
        session=telegram,
        dispatcher=dispatcher,
        processor=UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher)),
        store=BatchStore(session_factory, max_attempts=1),
    )
    await cast_the_groups(telegram, session_factory)
    scene = Scene(pipeline, telegram, u.Updates(), session_factory)
    await scene.say(VICTIM, FAN, "hello")
    await scene.say(VICTIM, MEMBER, "hi all")
    return scene


__all__ = ["ADMIN", "FAN", "GROUP", "MEMBER", "OTHER_ADMIN", "OWNER", "scene"]
