"""Another connection holds the database's write lock: a short hold is waited out, a long one
makes the batch retry, unacknowledged, and nothing is lost once the lock is released.

SQLite: `BEGIN IMMEDIATE` on another connection (the bot's busy_timeout is 5 s). PostgreSQL:
`LOCK TABLE comments IN EXCLUSIVE MODE` in another transaction (the batch's lock_timeout is 5 s).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.db.engine import create_engine
from bot.db.models import Comment
from tests.support.chaos import log_events
from tests.support.chaos_world import Chaos

pytestmark = pytest.mark.e2e

BATCH = 10


@asynccontextmanager
async def write_lock(database_url: str) -> AsyncIterator[None]:
    """Hold the write lock on comments from another connection until the block ends."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(
            str(url.database), isolation_level=None, check_same_thread=False
        )
        try:
            await asyncio.to_thread(connection.execute, "BEGIN IMMEDIATE")
            yield
            connection.execute("ROLLBACK")
        finally:
            connection.close()
        return
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    server = await asyncpg.connect(dsn)
    try:
        transaction = server.transaction()
        await transaction.start()
        await server.execute("LOCK TABLE comments IN EXCLUSIVE MODE")
        yield
        await transaction.rollback()
    finally:
        await server.close()


async def stored_texts(database_url: str, chat_id: int) -> tuple[int, int]:
    """(rows, distinct texts) of the group's comments."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows, distinct = (
                await connection.execute(
                    select(func.count(), func.count(func.distinct(Comment.text))).where(
                        Comment.chat_id == chat_id
                    )
                )
            ).one()
    finally:
        await engine.dispose()
    return int(rows), int(distinct)


async def held_batch(chaos: Chaos, hold: float, label: str) -> tuple[int, int]:
    """Send a batch while the lock is held for `hold` seconds; return, from just before the
    release, how many updates were unacknowledged and how many comments were stored."""
    since = (await chaos.client.state())["call_count"]
    async with write_lock(chaos.database_url):
        first = None
        for n in range(BATCH):
            sent = await chaos.client.send_text(
                chaos.group["id"], chaos.fans[n]["id"], f"{label} {n}"
            )
            first = first or int(sent["update_id"])
        await asyncio.sleep(hold - 0.5)
        pending = int((await chaos.client.state())["pending_update_count"])
        stored, _ = await stored_texts(chaos.database_url, chaos.group["id"])
        calls = await chaos.client.calls("getUpdates", since)
        await asyncio.sleep(0.5)
    assert first is not None
    # Offsets the bot sent while the lock was held: none confirms an update of the held batch.
    advanced = [c for c in calls if (c["params"].get("offset") or 0) > first]
    assert advanced == [], f"{label}: getUpdates acknowledged a batch that was not stored"
    return pending, stored


async def test_a_write_lock_is_waited_out_or_retried_and_nothing_is_lost(chaos: Chaos) -> None:
    bot = await chaos.start()
    await chaos.client.send_text(chaos.group["id"], chaos.fans[0]["id"], "before the lock")
    await chaos.delivered()
    log = bot.log_path

    pending, stored = await held_batch(chaos, 3.0, "held 3s")
    assert (pending, stored) == (BATCH, 1)  # not acknowledged while the batch waits
    await chaos.delivered()
    assert await stored_texts(chaos.database_url, chaos.group["id"]) == (1 + BATCH, 1 + BATCH)
    assert log_events(log, "batch.retry") == []  # waited out within the busy/lock timeout

    pending, stored = await held_batch(chaos, 10.0, "held 10s")
    assert (pending, stored) == (BATCH, 1 + BATCH)  # still unacknowledged after 9.5 s
    await chaos.delivered()
    retries = log_events(log, "batch.retry")
    assert retries, "a 10 s lock outlasts the timeout: the batch must have been retried"
    assert await stored_texts(chaos.database_url, chaos.group["id"]) == (
        1 + 2 * BATCH,
        1 + 2 * BATCH,
    )
    assert await bot.stop() == 0
