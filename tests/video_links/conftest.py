"""An emulated group (tests/video_links/support.py) per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator
from tests.video_links.support import EmulatedGroup, emulated_group


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def control(emulator: Emulator) -> AsyncIterator[EmulatorClient]:
    async with EmulatorClient(emulator.base_url) as client:
        yield client


@pytest.fixture
async def fans(
    emulator: Emulator,
    control: EmulatorClient,
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[EmulatedGroup]:
    group = await emulated_group(emulator, control, session_factory)
    yield group
    await group.bot.session.close()
