"""A long-lived emulator with a group of fans, and bot processes forked from a warm launcher."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.demo.process import BotProcess
from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator
from tests.support import databases
from tests.support.chaos import BotLauncher
from tests.support.chaos_world import FANS, Chaos

BOTH_LEGS_ENV = "FANPULSE_CHAOS_BOTH_LEGS"

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
