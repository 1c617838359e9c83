"""A chaos test's world: the emulator, its control client, the bot processes it forked, the
group and its fans; and the run's seed."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from bot.demo.process import wait_until_delivered
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from tests.support.chaos import BotLauncher, ForkedBot

FANS = 20
SEED_ENV = "FANPULSE_CHAOS_SEED"


def chaos_seed() -> int:
    """The run's seed: FANPULSE_CHAOS_SEED replays a failure, otherwise a fresh one."""
    value = os.environ.get(SEED_ENV)
    seed = int(value) if value else random.SystemRandom().randrange(2**32)
    # Shown with the test's output (pytest prints it for a failure): the way to replay it.
    print(f"chaos seed {seed} (replay with {SEED_ENV}={seed})")  # noqa: T201
    return seed


@dataclass
class Chaos:
    emulator: Emulator
    client: EmulatorClient
    launcher: BotLauncher
    env: dict[str, str]
    group: Json
    owner: Json
    fans: list[Json]
    database_url: str
    logs: Path
    bots: list[ForkedBot] = field(default_factory=list)

    @property
    def fan_ids(self) -> set[int]:
        return {int(fan["id"]) for fan in self.fans}

    async def spawn(self, **settings: str) -> ForkedBot:
        """A new bot process (settings as for BotProcess), not waited for."""
        env = self.env | {key.upper(): value for key, value in settings.items()}
        log_path = self.logs / f"bot-{len(self.bots) + 1:03}.log"
        bot = await self.launcher.spawn(log_path, env)
        self.bots.append(bot)
        return bot

    async def kill_all(self) -> None:
        """A failed test must not leave a bot process polling a stopped emulator."""
        for bot in self.bots:
            if bot.code is None:
                await bot.kill()

    async def start(self, **settings: str) -> ForkedBot:
        """A new bot process, once it polls."""
        before = len(await self.client.calls("getUpdates"))
        bot = await self.spawn(**settings)
        await bot.wait_ready(self.client, "getUpdates", before)
        return bot

    async def delivered(self, timeout: float = 60) -> None:
        await wait_until_delivered(self.client, timeout=timeout)

    def bot_messages(self, messages: list[Json]) -> list[Json]:
        bot_id = self.emulator.world.bot_id
        return [m for m in messages if m.get("from", {}).get("id") == bot_id]
