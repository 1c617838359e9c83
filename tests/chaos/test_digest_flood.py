"""A digest fan-out to 500 operators: a 429 in the middle pauses every call for retry_after, and a
kill -9 in the middle (during a second flood pause) costs nobody their digest nor doubles it.

The 500 subscriptions are seeded in the database (analyst roles, subscriptions, the digest time a
minute ago, so that the bot's first pass at start-up catches the daily run up).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine
from bot.db.migrate import upgrade
from bot.db.models import (
    Chat,
    ChatRole,
    DigestSettings,
    DigestSubscription,
    JobRun,
    SchedulerLease,
)
from bot.domain.recurrence import Cadence, Schedule
from bot.emulator.client import Json
from bot.services.clock import CONCURRENT_RUNS
from tests.support.chaos_world import Chaos

pytestmark = pytest.mark.e2e

RECIPIENTS = 500
RETRY_AFTER = 2
FLOOD_AT = 150
KILL_AT = 320
WAIT = 120.0


async def seed(engine: AsyncEngine, chaos: Chaos, operators: list[Json]) -> None:
    """The group with 500 subscribed analysts; its digest time a minute ago (due now). This
    week's weekly digest is on record as sent, so only the daily one is due, whatever the day."""
    now = datetime.now(UTC)
    due = (now - timedelta(minutes=1)).replace(second=0, microsecond=0)
    group_id, ids = chaos.group["id"], [int(operator["id"]) for operator in operators]
    weekly = Schedule(due.time(), "UTC", Cadence.WEEKLY).last_run(now).period
    async with engine.begin() as connection:
        await connection.execute(
            insert(Chat),
            [
                {
                    "id": group_id,
                    "type": "supergroup",
                    "title": chaos.group["title"],
                    "is_active": True,
                    "first_seen_at": now,
                    "last_update_at": now,
                }
            ],
        )
        await connection.execute(
            insert(DigestSettings),
            [{"chat_id": group_id, "local_time": f"{due:%H:%M}", "updated_at": now}],
        )
        await connection.execute(
            insert(ChatRole),
            [
                {
                    "chat_id": group_id,
                    "user_id": user_id,
                    "role": "analyst",
                    "granted_by_user_id": chaos.owner["id"],
                    "granted_at": now,
                }
                for user_id in ids
            ],
        )
        await connection.execute(
            insert(DigestSubscription),
            [{"chat_id": group_id, "user_id": user_id, "subscribed_at": now} for user_id in ids],
        )
        await connection.execute(
            insert(JobRun),
            [
                {
                    "job": f"digest:weekly:{group_id}:u{user_id}",
                    "period": weekly,
                    "status": "done",
                    "instance": "seed",
                    "claimed_at": now,
                    "finished_at": now,
                }
                for user_id in ids
            ],
        )


async def daily_runs(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(JobRun.status, func.count())
            .where(JobRun.job.like("digest:daily:%"))
            .group_by(JobRun.status)
        )
        return {str(status): int(count) for status, count in rows.all()}


async def sends(chaos: Chaos, at_least: int) -> None:
    deadline = time.monotonic() + WAIT
    while len(await chaos.client.calls("sendMessage")) < at_least:
        assert time.monotonic() < deadline, f"fewer than {at_least} digests sent in {WAIT}s"
        await asyncio.sleep(0.05)


async def flooded(chaos: Chaos, since: int) -> Json:
    """The call the emulator answered with 429, once it happened."""
    deadline = time.monotonic() + WAIT
    while True:
        calls = await chaos.client.calls(None, since)
        hit = [call for call in calls if (call["error"] or {}).get("error_code") == 429]
        if hit:
            return hit[0]
        assert time.monotonic() < deadline, "the injected 429 was never hit"
        await asyncio.sleep(0.02)


async def test_a_429_mid_digest_fan_out_pauses_everything_and_a_kill_loses_no_digest(
    chaos: Chaos,
) -> None:
    client = chaos.client
    operators = [
        await client.create_user(f"Analyst {n}", language_code="en", started=True)
        for n in range(RECIPIENTS)
    ]
    # Members of the group: a digest goes only to someone who still is (checked live).
    for operator in operators:
        await client.set_member(chaos.group["id"], operator["id"], "member", emit=False)
    engine = create_engine(chaos.database_url)
    try:
        await upgrade(engine, "head")
        await seed(engine, chaos, operators)
        bot = await chaos.spawn()

        # A 429 in the middle: nothing more reaches the API until retry_after has passed
        # (getUpdates aside: it feeds the delivery loop, and Telegram does not flood-limit it).
        await sends(chaos, FLOOD_AT)
        since = (await client.state())["call_count"]
        await client.add_fault("sendMessage", status=429, retry_after=RETRY_AFTER)
        first = await flooded(chaos, since)
        await sends(chaos, FLOOD_AT + 2 * CONCURRENT_RUNS)
        after = [
            call
            for call in await client.calls(None, first["index"] + 1)
            if call["method"] != "getUpdates"
        ]
        # Only calls already on their way when the 429 came (one per digest run side by side)
        # may land inside the pause; none is admitted after it.
        early = [call for call in after if call["timestamp"] < first["timestamp"] + RETRY_AFTER]
        assert len(early) < CONCURRENT_RUNS, early
        # The flooded message itself goes again. The clock runs digests side by side (issue 21),
        # so another chat's digest may be admitted in the same instant; the flooded chat's next
        # call is its resend, never a later message of that chat.
        again = [
            call for call in after if call["params"].get("chat_id") == first["params"]["chat_id"]
        ]
        assert again, "the flooded message was never sent again"
        assert (again[0]["method"], again[0]["params"].get("text")) == (
            "sendMessage",
            first["params"].get("text"),
        )

        # Killed in the middle of the fan-out, while a second flood pause holds a message back.
        await sends(chaos, KILL_AT)
        since = (await client.state())["call_count"]
        await client.add_fault("sendMessage", status=429, retry_after=RETRY_AFTER)
        await flooded(chaos, since)
        await asyncio.sleep(1.0)
        assert await bot.kill() == -9
        # The recipients held back: the digests being sent side by side when the pause began.
        held = (await daily_runs(engine)).get("claimed", 0)
        assert 1 <= held <= CONCURRENT_RUNS, held
        async with engine.begin() as connection:
            # Time passes: the dead instance's scheduler lease expires.
            await connection.execute(
                update(SchedulerLease).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
            )
        bot = await chaos.spawn()

        deadline = time.monotonic() + WAIT
        while (runs := await daily_runs(engine)) != {"done": RECIPIENTS}:
            assert time.monotonic() < deadline, runs
            await asyncio.sleep(0.2)
        assert await bot.stop() == 0
    finally:
        await engine.dispose()

    recipients = Counter({int(operator["id"]): 1 for operator in operators})
    for method in ("sendMessage", "sendPhoto"):
        delivered = Counter(
            int(call["params"]["chat_id"]) for call in await client.calls(method) if call["ok"]
        )
        twice = {chat: count for chat, count in delivered.items() if count > 1}
        assert twice == {}, f"{method}: sent more than once to {twice}"
        assert delivered == recipients, f"{method}: {len(delivered)} of {RECIPIENTS} recipients"
