"""The end-to-end world: the Bot API emulator on loopback, its control client, a group with
fans, the database the real bot process uses, and where its logs go."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine
from bot.db.models import Comment
from bot.demo.process import BotProcess
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
