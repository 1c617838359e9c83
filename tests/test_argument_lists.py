"""Lookups by a list of stored ids answer however long the list: past asyncpg's 32,767
parameters and SQLite's 32,766, on both databases (bot/db/chunks.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import job_runs
from bot.db.chunks import CHUNK, chunks
from bot.db.giveaways import entry_counts
from bot.db.video_linking import active_counts
from bot.db.video_report import linked_comments, snapshots

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PAST_EVERY_LIMIT = 32_767 + 1


def test_chunks_keep_every_value_once_in_order() -> None:
    values = list(range(2 * CHUNK + 1))
    cut = list(chunks(values))
    assert [len(chunk) for chunk in cut] == [CHUNK, CHUNK, 1]
    assert [value for chunk in cut for value in chunk] == values
    assert list(chunks([])) == []


async def test_lookups_past_the_parameter_limit_find_what_is_stored(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    jobs = [f"poll:close:{n}" for n in range(PAST_EVERY_LIMIT)]
    async with session_factory() as session, session.begin():
        for job in (jobs[0], jobs[-1]):
            assert await job_runs.claim(session, job, "close", now=NOW, instance="test")
    ids = list(range(1, PAST_EVERY_LIMIT + 1))
    async with session_factory() as session:
        assert await job_runs.last_periods(session, jobs) == {jobs[0]: "close", jobs[-1]: "close"}
        assert await entry_counts(session, ids) == {}
        assert await active_counts(session, ids) == {}
        assert await snapshots(session, ids) == {}
        assert await linked_comments(session, ids) == {}
