"""A pass runs its due jobs side by side, at most `concurrent_runs` at a time (issue 21: 1,000
digests one after another took the sum of their sends), and still each exactly once: two
instances running the same pass at the same moment run every job once between them."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.engine import create_engine, create_session_factory
from bot.services.clock import Clock, PlannedJob
from tests.support.clock import FakeClock

NOW = datetime(2026, 6, 10, 7, tzinfo=UTC)


class ManyJobs:
    """`count` jobs due now, as slow as a send to Telegram: each waits until `together` are in
    flight at once (which one after another never are: the first would wait in vain)."""

    def __init__(self, count: int, together: int = 1) -> None:
        self.count = count
        self.together = together
        self.all_in = asyncio.Event()
        self.ran: Counter[str] = Counter()
        self.in_flight = 0
        self.peak = 0

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        return [PlannedJob(f"test:job{n}", "p", now, self._action(n)) for n in range(self.count)]

    def _action(self, n: int) -> Callable[[], Awaitable[str]]:
        return lambda: self._run(n)

    async def _run(self, n: int) -> str:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        if self.in_flight >= self.together:
            self.all_in.set()
        await asyncio.wait_for(self.all_in.wait(), timeout=30)  # a guard against a hang only
        self.in_flight -= 1
        self.ran[f"test:job{n}"] += 1
        return "done"


async def test_due_runs_go_side_by_side_up_to_the_bound(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    source = ManyJobs(12, together=5)
    clock = Clock(session_factory, [source], instance="one", now=FakeClock(NOW), concurrent_runs=5)
    reports = await clock.tick()
    assert source.peak == 5
    assert source.ran == Counter({f"test:job{n}": 1 for n in range(12)})
    assert [report.job for report in reports] == [f"test:job{n}" for n in range(12)]


@pytest.fixture
async def second_factory(
    database_url: str, engine: object
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    other = create_engine(database_url)
    yield create_session_factory(other)
    await other.dispose()


async def test_two_instances_in_the_same_pass_run_each_job_once(
    session_factory: async_sessionmaker[AsyncSession],
    second_factory: async_sessionmaker[AsyncSession],
) -> None:
    source = ManyJobs(10)
    one = Clock(session_factory, [source], instance="one", now=FakeClock(NOW))
    two = Clock(second_factory, [source], instance="two", now=FakeClock(NOW))
    # Past the lease: only the claims in job_runs decide who runs what.
    reports = await asyncio.gather(one.run_due(NOW), two.run_due(NOW))
    assert source.ran == Counter({f"test:job{n}": 1 for n in range(10)})
    assert sorted(report.job for runs in reports for report in runs) == sorted(source.ran)
