"""The flows' scene (tests/flows/support.py): a group, its owner and two administrators who
chose it in their private console, through the real dispatcher."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.flows.support import flow_scene
from tests.support.scene import Scene


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    return await flow_scene(session_factory)
