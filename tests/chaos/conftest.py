"""A long-lived emulator with a group of fans, and bot processes forked from a warm launcher."""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.demo.process import BotProcess, wait_until_delivered
from bot.emulator.client import EmulatorClient, Json
from bot.emulator.server import Emulator
from tests.support import databases
from tests.support.chaos import BotLauncher, ForkedBot

FANS = 20
SEED_ENV = "FANPULSE_CHAOS_SEED"
BOTH_LEGS_ENV = "FANPULSE_CHAOS_BOTH_LEGS"


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


LAUNCHER = BotLauncher()


def runs_on_this_leg(backend: str) -> bool:
    return backend == "sqlite" or os.environ.get(BOTH_LEGS_ENV) == "1"


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the launcher's imports (seconds of CPU) while the tests before ours run."""
    here = Path(__file__).parent
    ours = any(here in Path(str(item.path)).parents for item in session.items)
    if ours and runs_on_this_leg(databases.backend()):
        LAUNCHER.start()


def pytest_sessionfinish(session: pytest.Session) -> None:
    LAUNCHER.close()


@pytest.fixture(autouse=True)
def sqlite_leg_only(backend: str) -> None:
    if not runs_on_this_leg(backend):
        pytest.skip(
            "chaos tests run on the SQLite leg in CI (time budget: they spend real seconds on"
            f" locks, flood pauses and restarts); {BOTH_LEGS_ENV}=1 runs them on PostgreSQL too"
        )


@pytest.fixture(scope="session")
def bot_launcher() -> BotLauncher:
    LAUNCHER.start()
    return LAUNCHER


@pytest.fixture
async def chaos(
    database_url: str, tmp_path: Path, bot_launcher: BotLauncher
) -> AsyncIterator[Chaos]:
    emulator = Emulator()
    base_url = await emulator.start()
    env = BotProcess.against_emulator(
        base_url, emulator.token, database_url, tmp_path / "unused.log"
    ).env
    async with EmulatorClient(base_url) as client:
        owner = await client.create_user("Owner", language_code="en", started=True)
        fans = [
            await client.create_user(f"Fan {n}", language_code="en", started=True)
            for n in range(FANS)
        ]
        group = await client.create_chat(
            "supergroup",
            title="Chaos fans",
            owner_id=owner["id"],
            member_ids=[fan["id"] for fan in fans],
        )
        await client.set_bot_membership(group["id"], "administrator", emit=False)
        chaos = Chaos(
            emulator, client, bot_launcher, env, group, owner, fans, database_url, tmp_path
        )
        try:
            yield chaos
        finally:
            await chaos.kill_all()
    await emulator.stop()
