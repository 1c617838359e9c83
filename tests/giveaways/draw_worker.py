"""A draw in its own process, for the crash tests: `python -m tests.giveaways.draw_worker
DATABASE_URL OUTBOX [CRASH_AFTER_STEP]`. It runs one clock pass with the giveaway draw source;
what a courier would send is appended to OUTBOX (one JSON line each, flushed to disk), and with
CRASH_AFTER_STEP the process kills itself with SIGKILL right after that step, like kill -9."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.db.engine import create_engine, create_session_factory
from bot.db.models import GiveawayRecord
from bot.services.clock import Clock
from bot.services.giveaway_draw import GiveawayDraws, Outcome, Person


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, **line: object) -> None:
        with self.path.open("a", encoding="utf-8") as file:
            file.write(json.dumps(line) + "\n")
            file.flush()
            os.fsync(file.fileno())


class FileCourier:
    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox

    async def announce(self, outcome: Outcome) -> int | None:
        self.outbox.write(
            kind="announce",
            winners=[person.user_id for person in outcome.winners],
            digest=outcome.round_digest,
        )
        return 1

    async def tell_winner(self, person: Person, outcome: Outcome) -> bool:
        self.outbox.write(kind="winner", user_id=person.user_id)
        return True

    async def tell_creator(self, user_id: int, outcome: Outcome) -> bool:
        self.outbox.write(kind="creator", user_id=user_id)
        return True

    async def show_count(self, record: GiveawayRecord, count: int) -> None:
        return None


class EveryoneIsAMember:
    async def status(self, chat_id: int, user_id: int) -> str:
        return "member"


async def run(database_url: str, outbox: Path, crash_after: str | None) -> None:
    async def on_step(step: str, giveaway_id: int) -> None:
        if step == crash_after:
            os.kill(os.getpid(), signal.SIGKILL)

    engine = create_engine(database_url)
    try:
        draws = GiveawayDraws(
            create_session_factory(engine),
            EveryoneIsAMember(),
            FileCourier(Outbox(outbox)),
            on_step=on_step,
        )
        clock = Clock(create_session_factory(engine), [draws])
        await clock.run_due(datetime.now(UTC))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None))
