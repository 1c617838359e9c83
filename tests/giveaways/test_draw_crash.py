"""kill -9 at each step of a draw, then a restart: one draw, the same winners, one announcement.

Each case runs the draw in a subprocess (tests/giveaways/draw_worker.py) that SIGKILLs itself
right after the chosen step has been committed, then runs it again in a fresh process."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import GiveawayRecord
from bot.domain import fairness
from bot.domain.transcript import Transcript
from bot.services.giveaway_draw import STEPS
from tests.giveaways.support import seed_due_giveaway

ROOT = Path(__file__).resolve().parents[2]
CHAT_ID = -1001000000999
CREATOR = 4242
SEED = bytes(range(100, 132))
FANS = list(range(8001, 8021))
WINNERS = 3


async def prepare(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "head")
        sessions = create_session_factory(engine)
        ends_at = datetime.now(UTC) - timedelta(minutes=5)
        async with sessions() as session, session.begin():
            await seed_due_giveaway(
                session,
                chat_id=CHAT_ID,
                title="Crash fans",
                creator=CREATOR,
                prize="Poster",
                winners=WINNERS,
                seed=SEED,
                ends_at=ends_at,
                message_id=77,
                fans=FANS,
            )
    finally:
        await engine.dispose()


async def stored(database_url: str) -> GiveawayRecord:
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            record = await session.get(GiveawayRecord, 1)
            assert record is not None
            return record
    finally:
        await engine.dispose()


def run_worker(database_url: str, outbox: Path, crash_after: str | None) -> int:
    command = [sys.executable, "-m", "tests.giveaways.draw_worker", database_url, str(outbox)]
    if crash_after is not None:
        command.append(crash_after)
    return subprocess.run(command, cwd=ROOT, check=False, timeout=120).returncode


def expected_winners() -> list[int]:
    ids = fairness.entrant_ids(SEED, FANS)
    users = {entrant: user for user, entrant in ids.items()}
    entrants = fairness.canonical_entrants(ids.values())
    pick = fairness.draw(SEED, entrants, WINNERS, {})
    return [users[entrant] for entrant in pick.winners]


@pytest.mark.parametrize("crash_after", STEPS)
async def test_a_kill_after_each_step_then_a_restart_draws_once(
    tmp_path: Path, crash_after: str
) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'crash.sqlite3'}"
    outbox = tmp_path / "outbox.jsonl"
    await prepare(database_url)
    assert run_worker(database_url, outbox, crash_after) == -signal.SIGKILL
    assert run_worker(database_url, outbox, None) == 0
    assert run_worker(database_url, outbox, None) == 0, "a third start finds nothing to do"

    sent = [json.loads(line) for line in outbox.read_text().splitlines()]
    announcements = [line for line in sent if line["kind"] == "announce"]
    winners = expected_winners()
    assert len(announcements) == 1
    assert announcements[0]["winners"] == winners
    assert sorted(line["user_id"] for line in sent if line["kind"] == "winner") == sorted(winners)
    assert [line["user_id"] for line in sent if line["kind"] == "creator"] == [CREATOR]

    record = await stored(database_url)
    assert record.status == "done" and record.transcript is not None
    transcript = Transcript.from_json(record.transcript)
    assert announcements[0]["digest"] == transcript.digest
    assert fairness.verify(transcript.to_dict(), expect_digest=transcript.digest).ok


async def test_an_uninterrupted_draw_sends_the_same(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'plain.sqlite3'}"
    outbox = tmp_path / "outbox.jsonl"
    await prepare(database_url)
    assert run_worker(database_url, outbox, None) == 0
    sent = [json.loads(line) for line in outbox.read_text().splitlines()]
    assert [line["kind"] for line in sent] == ["announce", "winner", "winner", "winner", "creator"]
    assert sent[0]["winners"] == expected_winners()
