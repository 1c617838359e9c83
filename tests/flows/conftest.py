"""A group with its owner and an administrator who chose it in their private console, through
the real dispatcher (tests/flows/support.py reads the private chat like a conversation)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.operators import select_group
from tests.flows.support import ADMIN, FAN, GROUP, OTHER_ADMIN, OWNER
from tests.support.cast import register
from tests.support.scene import Scene


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=GROUP, default_timezone="Asia/Shanghai")
    telegram = scene.telegram
    telegram.set_status(GROUP["id"], OWNER["id"], "creator")
    for admin in (ADMIN, OTHER_ADMIN):
        telegram.set_status(GROUP["id"], admin["id"], "administrator")
    telegram.set_status(GROUP["id"], scene.pipeline.bot.id, "administrator")
    telegram.started.update(person["id"] for person in (OWNER, ADMIN, OTHER_ADMIN, FAN))
    async with session_factory() as session, session.begin():
        await register(session, GROUP)
        for person in (ADMIN, OTHER_ADMIN):
            await select_group(session, person["id"], GROUP["id"], datetime.now(UTC))
    return scene
