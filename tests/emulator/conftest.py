"""A started emulator, an aiogram Bot pointed at it, and a control client, per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer

from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator
from tests.support.loopback import LoopbackSession


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator(webhook_retry_min=0.01, webhook_retry_max=0.05)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[Bot]:
    session = LoopbackSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = Bot(emulator.token, session=session)
    yield bot
    await session.close()


@pytest.fixture
async def control(emulator: Emulator) -> AsyncIterator[EmulatorClient]:
    async with EmulatorClient(emulator.base_url) as client:
        yield client
