"""The notices tests' scene (tests/notices/support.py) and the dashboard served over it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.dashboard.support import Dashboard, dashboard_over
from tests.notices.support import notices_scene
from tests.support.scene import Scene


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    return await notices_scene(session_factory)


@pytest.fixture
async def dashboard(scene: Scene) -> AsyncIterator[Dashboard]:
    async with dashboard_over(scene) as served:
        yield served
