"""The clock (ARCHITECTURE section 5): APScheduler only wakes us up; the database decides.

What should run lives in the features' own tables. A feature plugs in a `JobSource` whose
`planned(session, now)` lists `PlannedJob`s: a job series (`job`, e.g. "digest:daily:-100:42"),
one occurrence of it (`period`, e.g. "2026-11-28"), the UTC instant it is due, and the action.
Sources list, per series, the occurrences not yet recorded up to now plus the next one ahead
(`schedule_jobs` does that for a `Schedule`); the clock keeps no state of its own.

On every pass (`run_due`) the clock decides per series, like `schedule.due_runs`:
- the latest occurrence at or before now runs if it is at most `catch_up` old;
- every older unrecorded occurrence, and the latest one beyond the window, is recorded `missed`
  and never runs late;
- occurrences ahead become APScheduler wake-ups (in-memory, rebuilt on every pass).
A run is claimed in `job_runs(job, period)` (INSERT ... ON CONFLICT DO NOTHING, committed) BEFORE
its action starts: only the claimer runs it, so a run happens at most once across restarts,
retries and instances. A crash during the action leaves the row `claimed`: not run twice,
unless its source lists the occurrence again as `resumes` (its action picks up where the dead
instance stopped, as digests do per message): then the lease holder takes the claim over.

With several instances only the holder of the scheduler lease runs passes. Every instance renews
or tries to take the lease on a heartbeat; a dead holder's lease expires and is taken within
`LEASE_TTL + HEARTBEAT` (40 s by default; settings SCHEDULER_LEASE_SECONDS and
SCHEDULER_HEARTBEAT_SECONDS). `rebuild()` (features call it after changing a schedule
or deadline) runs a pass now on the holder; elsewhere the holder sees the change on its next
heartbeat pass.

A heartbeat re-plans only when something changed: `rebuild()` on any instance bumps a counter
in `clock_changes`, and the holder's heartbeat reads it (one row) and passes again only when it
moved, when the earliest planned instant has come (a wake-up may have been lost), when it just
took the lease, or every `REPLAN_AT_LEAST` as a safety net. Planning every source for 1,000
groups took 252-293 ms per heartbeat (issue 21); an unchanged heartbeat is one read.
`rebuild(chat_id)`, after a change to one group's settings, plans only that group's jobs of the
sources that plan per group (`GroupJobSource`) and keeps the other groups' wake-ups.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import clock_changes, job_runs, lease
from bot.db.job_runs import RunStatus
from bot.domain.recurrence import Run, Schedule

log = structlog.get_logger(__name__)

LEASE_NAME = "clock"
LEASE_TTL = timedelta(seconds=30)
HEARTBEAT = timedelta(seconds=10)
STOP_GRACE = timedelta(seconds=20)
DEFAULT_CATCH_UP = timedelta(hours=1)
# Sources can change what should run without `rebuild()` (a claimed run of a dead instance to
# resume, rows written by hand): a heartbeat re-plans at least this often anyway.
REPLAN_AT_LEAST = timedelta(minutes=5)
# A series down for longer than this records only its latest occurrences as missed.
MAX_BACKFILL = 62
# Due runs of one pass that run side by side. Each is one series' own occurrence, claimed on
# its own, and mostly waits on Telegram: the outbound limiter paces the sends (about 30 messages
# a second to different chats), so about that many in flight keeps it busy, and 1,000 digests
# at 09:00 take about as long as the slowest share of them instead of their sum (issue 21).
CONCURRENT_RUNS = 30

Action = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class PlannedJob:
    """One occurrence of a job series; `run` returns a detail to record (or None).

    `resumes`: the occurrence is already claimed by an instance that no longer holds the lease
    (it died mid-action); the source lists it again because its action resumes where that one
    stopped. The clock takes the claim over (only if it is still that instance's) and runs it.
    """

    job: str
    period: str
    run_at: datetime
    run: Action
    resumes: bool = False


class JobSource(Protocol):
    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]: ...


@runtime_checkable
class GroupJobSource(JobSource, Protocol):
    """A source that can also list one group's jobs alone, so that a change to that group's
    settings re-plans them without planning every group's (`rebuild(chat_id)`)."""

    def in_group(self, job: str, chat_id: int) -> bool: ...

    async def planned_for_group(
        self, session: AsyncSession, now: datetime, chat_id: int
    ) -> Sequence[PlannedJob]: ...


class JobFailed(Exception):
    """Raised by an action to record the run as failed with this detail (no traceback logged)."""


@dataclass(frozen=True, slots=True)
class RunReport:
    job: str
    period: str
    status: RunStatus
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    due: tuple[PlannedJob, ...]
    missed: tuple[PlannedJob, ...]
    upcoming: tuple[PlannedJob, ...]


def plan(jobs: Iterable[PlannedJob], now: datetime, catch_up: timedelta) -> Plan:
    """Split unrecorded occurrences into what runs now, what was missed and what lies ahead."""
    series: dict[str, list[PlannedJob]] = {}
    upcoming: list[PlannedJob] = []
    for job in jobs:
        if job.run_at > now:
            upcoming.append(job)
        else:
            series.setdefault(job.job, []).append(job)
    due: list[PlannedJob] = []
    missed: list[PlannedJob] = []
    for past in series.values():
        past.sort(key=lambda job: job.run_at)
        *older, latest = past
        missed.extend(older)
        (due if now - latest.run_at <= catch_up else missed).append(latest)
    return Plan(tuple(due), tuple(missed), tuple(upcoming))


def schedule_jobs(
    job: str,
    schedule: Schedule,
    last_period: str | None,
    now: datetime,
    action_for: Callable[[Run], Action],
) -> list[PlannedJob]:
    """A schedule's unrecorded occurrences up to `now` and its next one, as planned jobs.

    `last_period` is the latest recorded period of `job` (`job_runs.last_periods`); None means no
    history, and only the latest occurrence is listed (nothing before it counts as missed).
    """
    latest = schedule.last_run(now)
    runs: list[Run] = []
    if last_period is None:
        runs.append(latest)
    elif latest.period > last_period:
        run = schedule.run_after(schedule.run_of_period(last_period))
        while run.period < latest.period:
            runs.append(run)
            run = schedule.run_after(run)
        runs = [*runs[-(MAX_BACKFILL - 1) :], latest]
    runs.append(schedule.next_run(now))
    return [PlannedJob(job, run.period, run.at, action_for(run)) for run in runs]


def instance_id() -> str:
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def utc_now() -> datetime:
    return datetime.now(UTC)


class Clock:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        sources: Iterable[JobSource] = (),
        *,
        catch_up: timedelta = DEFAULT_CATCH_UP,
        instance: str | None = None,
        now: Callable[[], datetime] = utc_now,
        lease_ttl: timedelta = LEASE_TTL,
        heartbeat: timedelta = HEARTBEAT,
        concurrent_runs: int = CONCURRENT_RUNS,
    ) -> None:
        self._session_factory = session_factory
        self._sources = list(sources)
        self.catch_up = catch_up
        self.instance = instance or instance_id()
        self._now = now
        self._lease_ttl = lease_ttl
        self._heartbeat = heartbeat
        self._concurrent_runs = concurrent_runs
        self._scheduler: AsyncIOScheduler | None = None
        self._pass_lock = asyncio.Lock()
        self._background: asyncio.Task[Any] | None = None
        self._wakeups: set[datetime] = set()
        self.holding = False
        # Grows each time this instance stops holding the lease: a pass begun under one holding
        # stops before its next job once it changed (another instance may be running them).
        self._lease_losses = 0
        # What the last pass planned from: the change counter, the lease holding it ran under
        # and the instant by which a heartbeat must plan again (None: plan on the next one).
        self._planned_version = 0
        self._planned_losses = -1
        self._replan_by: datetime | None = None
        # Per source (by its place in `_sources`), the instants ahead of each job series as
        # last planned: a group's re-plan replaces its own series and keeps everyone else's.
        self._upcoming: dict[int, dict[str, set[datetime]]] = {}

    def add_source(self, source: JobSource) -> None:
        self._sources.append(source)

    @property
    def wakeups(self) -> list[datetime]:
        return sorted(self._wakeups)

    async def start(self) -> None:
        """Start the in-memory clock; the first heartbeat (lease, catch-up pass) runs now."""
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(
            self._on_heartbeat,
            "interval",
            seconds=self._heartbeat.total_seconds(),
            id="heartbeat",
            next_run_time=datetime.now(UTC),
            coalesce=True,
            max_instances=1,
        )
        scheduler.start()
        self._scheduler = scheduler
        log.info("clock.start", instance=self.instance, catch_up_s=self.catch_up.total_seconds())

    async def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        if self._background is not None:
            # Let a pass in progress finish its sends (a cancelled action stays `claimed`: lost).
            done, _ = await asyncio.wait({self._background}, timeout=STOP_GRACE.total_seconds())
            if not done:
                self._background.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._background
        if self.holding:
            async with self._session_factory() as session, session.begin():
                await lease.release(session, LEASE_NAME, self.instance)
            self.holding = False
        self._wakeups.clear()
        log.info("clock.stop", instance=self.instance)

    async def hold_lease(self) -> bool:
        """Take or renew the lease; False (and no wake-ups) when another instance holds it."""
        async with self._session_factory() as session, session.begin():
            holding = await lease.acquire(
                session, LEASE_NAME, self.instance, self._now(), self._lease_ttl
            )
        if holding != self.holding:
            log.info("clock.lease", instance=self.instance, holding=holding)
        self._set_holding(holding)
        if not holding:
            self._set_wakeups(())
        return holding

    def now(self) -> datetime:
        """The time this clock runs on: what services compare deadlines with (a fake clock in
        tests)."""
        return self._now()

    def _set_holding(self, holding: bool) -> None:
        if self.holding and not holding:
            self._lease_losses += 1
        self.holding = holding

    async def tick(self) -> list[RunReport]:
        """One heartbeat, awaited: hold the lease, then (only as its holder) run a pass."""
        if not await self.hold_lease():
            return []
        return await self.run_due(self._now())

    async def rebuild(self, chat_id: int | None = None) -> None:
        """A feature changed what should run: re-plan now if this instance runs the clock, on
        the holder's next heartbeat otherwise. With `chat_id` (a change to that group's
        settings only), the holder re-plans that group's jobs of the sources that plan per
        group (`GroupJobSource`) and the other sources as usual, not every group's digests.

        Once started, the pass runs in the background (a handler never waits for digests to go
        out); a clock that was not started (tests) runs it before returning."""
        async with self._session_factory() as session, session.begin():
            await clock_changes.bump(session, LEASE_NAME, self._now())
        if not self.holding:
            return
        if self._scheduler is not None:
            self._start_pass(chat_id)
        else:
            await self.run_due(self._now(), chat_id=chat_id)

    async def run_due(self, now: datetime, *, chat_id: int | None = None) -> list[RunReport]:
        """One pass: record what was missed, claim and run what is due, set the wake-ups.
        With `chat_id`, the group-planning sources plan that group only."""
        async with self._pass_lock:
            version = await self._change_version()
            losses = self._lease_losses
            by_source = await self._planned(now, chat_id)
            decided = plan((job for jobs in by_source.values() for job in jobs), now, self.catch_up)
            reports = [await self._record_missed(job, now) for job in decided.missed]
            reports.extend(await self._run_side_by_side(decided.due))
            self._remember_upcoming(by_source, now, chat_id)
            instants = [at for series in self._upcoming.values() for ats in series.values()
                        for at in ats]  # fmt: skip
            self._set_wakeups(instants)
            self._note_planned(now, version, losses, min(instants, default=None), chat_id)
        return [report for report in reports if report is not None]

    def _remember_upcoming(
        self, by_source: dict[int, list[PlannedJob]], now: datetime, chat_id: int | None
    ) -> None:
        for index, jobs in by_source.items():
            source = self._sources[index]
            kept: dict[str, set[datetime]] = {}
            if chat_id is not None and isinstance(source, GroupJobSource):
                kept = {
                    job: instants
                    for job, instants in self._upcoming.get(index, {}).items()
                    if not source.in_group(job, chat_id)
                }
            for job in jobs:
                if job.run_at > now:
                    kept.setdefault(job.job, set()).add(job.run_at)
            self._upcoming[index] = kept

    def _note_planned(
        self,
        now: datetime,
        version: int,
        losses: int,
        next_instant: datetime | None,
        chat_id: int | None,
    ) -> None:
        """What a heartbeat compares with to know whether it must plan again."""
        replan_by = now + REPLAN_AT_LEAST
        if next_instant is not None:
            replan_by = min(next_instant, replan_by)
        if chat_id is None:
            self._planned_version, self._planned_losses = version, losses
            self._replan_by = replan_by
            return
        # A group's pass covers the change this instance just counted, and nothing else: any
        # other change (another instance's, a lease lost) still makes a heartbeat plan all.
        if version == self._planned_version + 1 and losses == self._planned_losses:
            self._planned_version = version
        if self._replan_by is not None and next_instant is not None:
            self._replan_by = min(self._replan_by, next_instant)

    async def needs_pass(self, now: datetime) -> bool:
        """Whether a heartbeat must plan again (see the module's docstring); one read."""
        if self._replan_by is None or now >= self._replan_by:
            return True
        if self._planned_losses != self._lease_losses:
            return True
        return await self._change_version() != self._planned_version

    async def heartbeat(self) -> bool:
        """What the heartbeat does, awaited: hold the lease, then pass only if something
        changed. True when it passed."""
        if not await self.hold_lease():
            return False
        if not await self.needs_pass(self._now()):
            return False
        await self.run_due(self._now())
        return True

    async def _change_version(self) -> int:
        async with self._session_factory() as session:
            return await clock_changes.version(session, LEASE_NAME)

    async def _run_side_by_side(self, due: Sequence[PlannedJob]) -> list[RunReport | None]:
        """The due runs, at most `concurrent_runs` at a time, in the order planned; none starts
        once the lease was lost during the pass (another instance may be running them)."""
        slots = asyncio.Semaphore(self._concurrent_runs)
        losses = self._lease_losses

        async def run(job: PlannedJob) -> RunReport | None:
            async with slots:
                if self._lease_losses != losses:
                    log.warning("clock.run_skipped", job=job.job, reason="lease lost")
                    return None
                return await self._run(job)

        # Every run goes to its end (a cancelled send would stay `claimed`, never resent);
        # a database failure of one is raised once all have finished.
        outcomes = await asyncio.gather(*(run(job) for job in due), return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
        return [outcome for outcome in outcomes if not isinstance(outcome, BaseException)]

    async def _planned(self, now: datetime, chat_id: int | None) -> dict[int, list[PlannedJob]]:
        """Each source's unrecorded occurrences (by its place in `_sources`); a source that
        fails is left out and keeps what it planned before."""
        by_source: dict[int, list[PlannedJob]] = {}
        async with self._session_factory() as session:
            for index, source in enumerate(self._sources):
                try:
                    if chat_id is not None and isinstance(source, GroupJobSource):
                        by_source[index] = list(
                            await source.planned_for_group(session, now, chat_id)
                        )
                    else:
                        by_source[index] = list(await source.planned(session, now))
                except Exception:
                    # One broken feature must not stop the others' schedules.
                    log.exception("clock.source_failed", source=type(source).__name__)
            recorded = await job_runs.last_periods(
                session,
                {job.job for jobs in by_source.values() for job in jobs if job.run_at <= now},
            )
        return {
            index: [
                job
                for job in jobs
                if job.run_at > now
                or job.job not in recorded
                or job.period > recorded[job.job]
                or job.resumes
            ]
            for index, jobs in by_source.items()
        }

    async def _record_missed(self, job: PlannedJob, now: datetime) -> RunReport | None:
        async with self._session_factory() as session, session.begin():
            recorded = await job_runs.claim(
                session,
                job.job,
                job.period,
                now=now,
                instance=self.instance,
                status=RunStatus.MISSED,
            )
        if not recorded:
            return None
        log.info("clock.missed", job=job.job, period=job.period, due=job.run_at.isoformat())
        return RunReport(job.job, job.period, RunStatus.MISSED)

    async def _run(self, job: PlannedJob) -> RunReport | None:
        async with self._session_factory() as session, session.begin():
            claimed = await job_runs.claim(
                session, job.job, job.period, now=self._now(), instance=self.instance
            )
            if not claimed and job.resumes:
                claimed = await job_runs.take_over(
                    session, job.job, job.period, now=self._now(), instance=self.instance
                )
        if not claimed:
            return None
        status, detail = RunStatus.DONE, None
        try:
            detail = await job.run()
        except JobFailed as error:
            status, detail = RunStatus.FAILED, str(error)
        except Exception as error:
            log.exception("clock.run_failed", job=job.job, period=job.period)
            status, detail = RunStatus.FAILED, f"{type(error).__name__}: {error}"
        async with self._session_factory() as session, session.begin():
            await job_runs.finish(
                session, job.job, job.period, status=status, now=self._now(), detail=detail
            )
        log.info("clock.run", job=job.job, period=job.period, status=status.value)
        return RunReport(job.job, job.period, status, detail)

    def _set_wakeups(self, instants: Iterable[datetime]) -> None:
        wanted = set(instants)
        scheduler = self._scheduler
        if scheduler is not None:
            for instant in self._wakeups - wanted:
                with contextlib.suppress(Exception):
                    scheduler.remove_job(_wakeup_id(instant))
            for instant in wanted - self._wakeups:
                scheduler.add_job(
                    self._on_wakeup,
                    "date",
                    run_date=instant,
                    id=_wakeup_id(instant),
                    replace_existing=True,
                    misfire_grace_time=None,
                )
        self._wakeups = wanted

    async def _on_heartbeat(self) -> None:
        # Renewing the lease never waits for a pass: a long pass (many digests under the
        # outbound rate limits) must not let the lease expire.
        try:
            holding = await self.hold_lease()
        except Exception:
            # Not renewed: another instance may take the lease any moment, so stop as if lost.
            log.exception("clock.lease_failed", instance=self.instance)
            self._set_holding(False)
            self._set_wakeups(())
            return
        if holding and await self.needs_pass(self._now()):
            self._start_pass()

    async def _on_wakeup(self) -> None:
        if self.holding:
            self._start_pass()

    def _start_pass(self, chat_id: int | None = None) -> None:
        # A pass under way either began after this change, or read the change counter before
        # it and the next heartbeat sees the counter moved and plans everything.
        if self._background is not None and not self._background.done():
            return
        self._background = asyncio.create_task(self._background_pass(chat_id))

    async def _background_pass(self, chat_id: int | None) -> None:
        try:
            await self.run_due(self._now(), chat_id=chat_id)
        except Exception:
            log.exception("clock.pass_failed", instance=self.instance)


def _wakeup_id(instant: datetime) -> str:
    return f"wake:{instant.isoformat()}"
