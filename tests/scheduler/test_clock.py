"""The clock: catch-up within the window, missed beyond it, exactly once across instances, the
lease, daylight saving. Time is injected; passes are driven with `tick()` and `run_due(now)`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import job_runs, lease
from bot.db.engine import create_engine, create_session_factory
from bot.db.job_runs import RunStatus
from bot.domain.recurrence import Run, Schedule
from bot.services.clock import (
    LEASE_NAME,
    Action,
    Clock,
    JobFailed,
    PlannedJob,
    plan,
    schedule_jobs,
)
from tests.support.clock import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*parts: int) -> datetime:
    """A Berlin wall time (year, month, day[, hour, minute, second]) as UTC."""
    year, month, day, hour, minute, second = (*parts, 0, 0, 0)[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=BERLIN).astimezone(UTC)


@dataclass
class ScheduleSource:
    """A job per schedule; every run appends (job, period) to `sent`."""

    schedules: dict[str, Schedule]
    sent: list[tuple[str, str]] = field(default_factory=list)
    fail_with: Exception | None = None

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        last = await job_runs.last_periods(session, self.schedules)
        jobs: list[PlannedJob] = []
        for job, schedule in self.schedules.items():
            jobs.extend(schedule_jobs(job, schedule, last.get(job), now, self._action(job)))
        return jobs

    def _action(self, job: str) -> Callable[[Run], Action]:
        def action_for(run: Run) -> Action:
            async def action() -> str | None:
                if self.fail_with is not None:
                    raise self.fail_with
                self.sent.append((job, run.period))
                return f"sent {run.period}"

            return action

        return action_for


def daily(local: time = time(9), tz: str = "Europe/Berlin") -> Schedule:
    return Schedule(local, tz)


async def statuses(
    session_factory: async_sessionmaker[AsyncSession], prefix: str = "test"
) -> dict[str, str]:
    async with session_factory() as session:
        runs = await job_runs.runs_of(session, prefix)
    return {f"{run.job}@{run.period}": run.status.value for run in runs}


async def seed_done(
    session_factory: async_sessionmaker[AsyncSession], job: str, period: str, at: datetime
) -> None:
    async with session_factory() as session, session.begin():
        assert await job_runs.claim(session, job, period, now=at, instance="earlier")
        await job_runs.finish(session, job, period, status=RunStatus.DONE, now=at)


@pytest.fixture
async def second_factory(
    database_url: str, engine: object
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A second instance: its own engine on the same database."""
    other = create_engine(database_url)
    yield create_session_factory(other)
    await other.dispose()


async def test_down_at_nine_back_at_half_past_sends_that_day_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    source = ScheduleSource({"test:daily": daily()})
    await seed_done(session_factory, "test:daily", "2026-06-09", berlin(2026, 6, 9, 9))
    now = FakeClock(berlin(2026, 6, 10, 9, 30))
    clock = Clock(session_factory, [source], now=now, catch_up=timedelta(hours=1))

    reports = await clock.tick()
    assert [(r.period, r.status) for r in reports] == [("2026-06-10", RunStatus.DONE)]
    assert reports[0].detail == "sent 2026-06-10"
    now.value = berlin(2026, 6, 10, 9, 31)
    assert await clock.tick() == []
    assert source.sent == [("test:daily", "2026-06-10")]
    assert clock.wakeups == [berlin(2026, 6, 11, 9)]

    now.value = berlin(2026, 6, 11, 9, 0, 5)
    await clock.tick()
    assert source.sent[-1] == ("test:daily", "2026-06-11")
    assert await statuses(session_factory) == {
        "test:daily@2026-06-09": "done",
        "test:daily@2026-06-10": "done",
        "test:daily@2026-06-11": "done",
    }


async def test_back_the_next_day_records_missed_and_sends_nothing_late(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    source = ScheduleSource({"test:daily": daily()})
    await seed_done(session_factory, "test:daily", "2026-06-09", berlin(2026, 6, 9, 9))
    now = FakeClock(berlin(2026, 6, 11, 8, 0))
    clock = Clock(session_factory, [source], now=now, catch_up=timedelta(hours=1))

    reports = await clock.tick()
    assert [(r.period, r.status) for r in reports] == [("2026-06-10", RunStatus.MISSED)]
    assert source.sent == []
    now.value = berlin(2026, 6, 11, 8, 30)
    assert await clock.tick() == []

    now.value = berlin(2026, 6, 11, 9, 0)
    await clock.tick()
    now.value = berlin(2026, 6, 11, 9, 20)
    await clock.tick()
    assert source.sent == [("test:daily", "2026-06-11")]
    assert await statuses(session_factory) == {
        "test:daily@2026-06-09": "done",
        "test:daily@2026-06-10": "missed",
        "test:daily@2026-06-11": "done",
    }


async def test_every_day_down_is_recorded_missed_and_the_window_is_the_boundary(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    source = ScheduleSource({"test:daily": daily()})
    await seed_done(session_factory, "test:daily", "2026-06-05", berlin(2026, 6, 5, 9))
    clock = Clock(session_factory, [source], now=FakeClock(berlin(2026, 6, 9, 10)))

    reports = await clock.run_due(berlin(2026, 6, 9, 10))  # exactly one hour late: still due
    assert [(r.period, r.status) for r in reports] == [
        ("2026-06-06", RunStatus.MISSED),
        ("2026-06-07", RunStatus.MISSED),
        ("2026-06-08", RunStatus.MISSED),
        ("2026-06-09", RunStatus.DONE),
    ]
    fresh = ScheduleSource({"test:other": daily()})
    other = Clock(session_factory, [fresh], catch_up=timedelta(hours=1))
    late = await other.run_due(berlin(2026, 6, 9, 10, 0, 1))
    assert [(r.period, r.status) for r in late] == [("2026-06-09", RunStatus.MISSED)]
    assert fresh.sent == []


async def test_two_instances_sharing_the_database_run_a_job_once(
    session_factory: async_sessionmaker[AsyncSession],
    second_factory: async_sessionmaker[AsyncSession],
) -> None:
    first = ScheduleSource({"test:daily": daily()})
    second = ScheduleSource({"test:daily": daily()})
    at = berlin(2026, 6, 10, 9, 0, 1)
    one = Clock(session_factory, [first], instance="one")
    two = Clock(second_factory, [second], instance="two")

    # Without the lease (both think they run the clock), the claim alone decides.
    results = await asyncio.gather(one.run_due(at), two.run_due(at))
    assert sorted(len(reports) for reports in results) == [0, 1]
    assert len(first.sent) + len(second.sent) == 1

    # With the lease, only the holder even plans.
    later = berlin(2026, 6, 11, 9, 0, 1)
    one_now, two_now = FakeClock(later), FakeClock(later)
    one = Clock(session_factory, [first], instance="one", now=one_now)
    two = Clock(second_factory, [second], instance="two", now=two_now)
    assert len(await one.tick()) == 1
    assert await two.tick() == []
    assert (one.holding, two.holding) == (True, False)
    assert len(first.sent) + len(second.sent) == 2


async def test_the_lease_is_taken_over_after_the_holder_stops_renewing(
    session_factory: async_sessionmaker[AsyncSession],
    second_factory: async_sessionmaker[AsyncSession],
) -> None:
    start = datetime(2026, 6, 10, 7, tzinfo=UTC)
    one_now, two_now = FakeClock(start), FakeClock(start)
    one = Clock(session_factory, instance="one", now=one_now, lease_ttl=timedelta(seconds=45))
    two = Clock(second_factory, instance="two", now=two_now, lease_ttl=timedelta(seconds=45))
    assert await one.hold_lease()
    two_now.value = start + timedelta(seconds=15)
    assert not await two.hold_lease()
    one_now.value = start + timedelta(seconds=15)
    assert await one.hold_lease()  # renewed: now valid until +60 s

    two_now.value = start + timedelta(seconds=59)
    assert not await two.hold_lease()
    two_now.value = start + timedelta(seconds=60)
    assert await two.hold_lease()  # "one" died after its renewal at +15 s
    one_now.value = start + timedelta(seconds=61)
    assert not await one.hold_lease()
    async with session_factory() as session:
        assert await lease.holder_of(session, LEASE_NAME, start + timedelta(seconds=61)) == "two"


async def test_stop_releases_the_lease_for_the_next_instance(
    session_factory: async_sessionmaker[AsyncSession],
    second_factory: async_sessionmaker[AsyncSession],
) -> None:
    at = datetime(2026, 6, 10, 7, tzinfo=UTC)
    one = Clock(session_factory, instance="one", now=FakeClock(at))
    two = Clock(second_factory, instance="two", now=FakeClock(at + timedelta(seconds=1)))
    assert await one.hold_lease()
    await one.stop()
    assert await two.hold_lease()


@pytest.mark.parametrize(
    ("first_day", "last_day"),
    [((2026, 3, 27), (2026, 3, 31)), ((2026, 10, 23), (2026, 10, 27))],
    ids=["spring-forward", "fall-back"],
)
async def test_dst_fires_once_per_local_day_at_0230_and_0900_berlin(
    session_factory: async_sessionmaker[AsyncSession],
    first_day: tuple[int, int, int],
    last_day: tuple[int, int, int],
) -> None:
    source = ScheduleSource({"test:0230": daily(time(2, 30)), "test:0900": daily(time(9))})
    now = FakeClock(berlin(*first_day, 0, 0))
    clock = Clock(session_factory, [source], now=now, catch_up=timedelta(minutes=10))
    end = berlin(*last_day, 23, 55)
    # Every wake-up the clock asks for, a second look 20 minutes later, and every 10 minutes
    # of each night (where the transitions are).
    instants = {now.value}
    while now.value <= end:
        instants.discard(now.value)
        await clock.tick()
        instants |= {at for at in clock.wakeups for at in (at, at + timedelta(minutes=20))}
        night = now.value.astimezone(BERLIN).replace(hour=0, minute=0)
        if now.value.astimezone(BERLIN).hour < 5:
            instants.add(now.value + timedelta(minutes=10))
        else:
            instants.add((night + timedelta(days=1)).astimezone(UTC))
        now.value = min(instants)

    for job in ("test:0230", "test:0900"):
        periods = [period for name, period in source.sent if name == job]
        assert len(periods) == len(set(periods))
        assert periods == [
            f"{first_day[0]}-{first_day[1]:02d}-{d:02d}"
            for d in range(first_day[2], last_day[2] + 1)
        ]
    day_before = (datetime(*first_day) - timedelta(days=1)).date().isoformat()  # noqa: DTZ001
    assert await statuses(session_factory) == {
        f"{job}@{period}": "done" for job, period in source.sent
    } | {f"test:0230@{day_before}": "missed", f"test:0900@{day_before}": "missed"}


async def test_failures_are_recorded_with_what_failed_and_not_retried(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    at = berlin(2026, 6, 10, 9, 1)
    source = ScheduleSource(
        {"test:daily": daily()}, fail_with=JobFailed("2 of 3 recipients: blocked")
    )
    clock = Clock(session_factory, [source])
    reports = await clock.run_due(at)
    assert [(r.status, r.detail) for r in reports] == [
        (RunStatus.FAILED, "2 of 3 recipients: blocked")
    ]
    source.fail_with = RuntimeError("boom")
    source.schedules["test:other"] = daily()
    reports = await clock.run_due(at)
    assert [(r.job, r.status, r.detail) for r in reports] == [
        ("test:other", RunStatus.FAILED, "RuntimeError: boom")
    ]
    assert await clock.run_due(at + timedelta(minutes=1)) == []


async def test_a_broken_source_does_not_stop_the_others(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    class Broken:
        async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
            raise RuntimeError("feature bug")

    source = ScheduleSource({"test:daily": daily()})
    clock = Clock(session_factory, [Broken(), source])
    await clock.run_due(berlin(2026, 6, 10, 9, 1))
    assert source.sent == [("test:daily", "2026-06-10")]


async def test_rebuild_runs_a_changed_schedule_only_on_the_lease_holder(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    source = ScheduleSource({})
    now = FakeClock(berlin(2026, 6, 10, 8, 59))
    clock = Clock(session_factory, [source], now=now)
    await clock.rebuild()
    assert clock.wakeups == []
    await clock.tick()
    source.schedules["test:daily"] = daily(time(8, 30))
    await clock.rebuild()
    assert source.sent == [("test:daily", "2026-06-10")]
    assert clock.wakeups == [berlin(2026, 6, 11, 8, 30)]


def test_plan_only_the_latest_occurrence_of_a_series_can_be_due() -> None:
    async def nothing() -> None:
        return None

    now = datetime(2026, 6, 10, 12, tzinfo=UTC)
    jobs = [
        PlannedJob("a", "1", now - timedelta(minutes=50), nothing),
        PlannedJob("a", "2", now - timedelta(minutes=10), nothing),
        PlannedJob("b", "1", now - timedelta(hours=2), nothing),
        PlannedJob("b", "2", now + timedelta(hours=1), nothing),
    ]
    decided = plan(jobs, now, timedelta(hours=1))
    assert [(j.job, j.period) for j in decided.due] == [("a", "2")]
    assert [(j.job, j.period) for j in decided.missed] == [("a", "1"), ("b", "1")]
    assert [(j.job, j.period) for j in decided.upcoming] == [("b", "2")]


async def test_started_clock_catches_up_on_its_first_heartbeat(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    ran = asyncio.Event()

    class DueNow:
        async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
            async def action() -> str | None:
                ran.set()
                return None

            return [PlannedJob("test:now", "p1", now - timedelta(minutes=5), action)]

    clock = Clock(session_factory, [DueNow()])
    await clock.start()
    try:
        await asyncio.wait_for(ran.wait(), timeout=30)
    finally:
        await clock.stop()
    assert await statuses(session_factory) == {"test:now@p1": "done"}
    async with session_factory() as session:
        assert await lease.holder_of(session, LEASE_NAME, datetime.now(UTC)) is None
