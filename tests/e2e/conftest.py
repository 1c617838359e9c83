"""End to end: the real `python -m bot` process against the Bot API emulator on loopback."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine
from bot.db.models import Comment
from bot.demo.process import BotProcess
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from tests.support.secret_watch import WATCH


@dataclass
class World:
    emulator: Emulator
    client: EmulatorClient
    group: Json
    fans: list[Json]
    database_url: str
    logs: Path

    def bot(self, **settings: str) -> BotProcess:
        return BotProcess.against_emulator(
            self.emulator.base_url,
            self.emulator.token,
            self.database_url,
            self.logs / "bot.log",
            **settings,
        )

    async def stored_comments(self) -> int:
        engine = self.engine()
        try:
            async with engine.connect() as connection:
                return int(await connection.scalar(select(func.count()).select_from(Comment)) or 0)
        except DBAPIError:
            return 0  # the bot has not migrated the database yet
        finally:
            await engine.dispose()

    def engine(self) -> AsyncEngine:
        return create_engine(self.database_url)


@pytest.fixture
async def world(database_url: str, tmp_path: Path) -> AsyncIterator[World]:
    emulator = Emulator()
    base_url = await emulator.start()
    async with EmulatorClient(base_url) as client:
        fans = [await client.create_user(f"Fan {n}", language_code="en") for n in range(5)]
        group = await client.create_chat(
            "supergroup", title="E2E fans", member_ids=[fan["id"] for fan in fans]
        )
        await client.set_bot_membership(group["id"], "administrator", emit=False)
        world = World(emulator, client, group, fans, database_url, tmp_path)
        WATCH.watch_directory(world.logs)  # the bot processes' log files, read at teardown
        yield world
    await emulator.stop()
    await WATCH.scan_database_url(database_url, "e2e database")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
