"""A group with its owner, an operator's private chat and fans, all through the real dispatcher
(tests/polls/support.py); clocks on fake time come from `scene.clock`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.operators import select_group
from tests.polls.support import ADMIN, GROUP, MEMBER, OWNER
from tests.support.cast import register
from tests.support.scene import Scene


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=GROUP, default_timezone="Asia/Shanghai")
    telegram = scene.telegram
    telegram.set_status(GROUP["id"], OWNER["id"], "creator")
    telegram.set_status(GROUP["id"], ADMIN["id"], "administrator")
    telegram.set_status(GROUP["id"], scene.pipeline.bot.id, "administrator")
    telegram.started.update(person["id"] for person in (OWNER, ADMIN, MEMBER))
    async with session_factory() as session, session.begin():
        await register(session, GROUP)
        await select_group(session, ADMIN["id"], GROUP["id"], datetime.now(UTC))
    return scene
