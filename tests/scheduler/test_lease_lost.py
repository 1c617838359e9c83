"""A clock pass goes on only while its instance holds the lease (developers' notes, issue 20):
once a renewal finds another instance holding it, or fails, the pass stops before its next job,
which the new holder runs instead of both."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import SchedulerLease
from bot.services.clock import LEASE_NAME, Clock, PlannedJob
from tests.support.clock import FakeClock

NOW = datetime(2026, 6, 10, 7, tzinfo=UTC)


class TwoJobs:
    """Two jobs due now; the first one's action lasts long enough for a heartbeat to find the
    lease taken by another instance."""

    def __init__(self, clock_of: list[Clock], factory: async_sessionmaker[AsyncSession]) -> None:
        self.ran: list[str] = []
        self._clock_of = clock_of
        self._factory = factory

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        return [
            PlannedJob("test:first", "p", now, self._first),
            PlannedJob("test:second", "p", now, self._second),
        ]

    async def _first(self) -> str:
        self.ran.append("first")
        async with self._factory() as session, session.begin():
            await session.execute(
                update(SchedulerLease)
                .where(SchedulerLease.name == LEASE_NAME)
                .values(holder="other", expires_at=NOW + timedelta(minutes=5))
            )
        assert not await self._clock_of[0].hold_lease()  # the heartbeat, mid-pass
        return "done"

    async def _second(self) -> str:
        self.ran.append("second")
        return "done"


async def test_a_pass_stops_once_its_instance_lost_the_lease(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clocks: list[Clock] = []
    source = TwoJobs(clocks, session_factory)
    # One run at a time: the second waits for a slot, and finds the lease lost by then.
    clocks.append(
        Clock(session_factory, [source], instance="one", now=FakeClock(NOW), concurrent_runs=1)
    )
    reports = await clocks[0].tick()
    assert source.ran == ["first"]
    assert [report.job for report in reports] == ["test:first"]
