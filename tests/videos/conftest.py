"""The shared cast (tests/support/cast.py) with a channel linked to the victim group."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.support.cast import FAN, VICTIM, cast_the_groups
from tests.support.scene import Scene
from tests.videos.support import CHANNEL


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=VICTIM)
    scene.telegram.linked_channels[VICTIM["id"]] = CHANNEL["id"]
    await cast_the_groups(scene.telegram, session_factory)
    await scene.say(VICTIM, FAN, "hello")
    return scene
