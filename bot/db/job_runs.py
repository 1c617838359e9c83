"""Scheduled runs, one row per (job, period): claimed before the action, finished after it.

The claim is an INSERT ... ON CONFLICT DO NOTHING: whoever inserts the row runs the action, anyone
else (a second instance, a restarted one, a retry) sees the row and does nothing. SQL only; the
caller commits, and must commit the claim before running the action.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.models import JobRun
from bot.db.upsert import insert_for

DETAIL_LIMIT = 4000


class RunStatus(StrEnum):
    CLAIMED = "claimed"  # the action started (a crash leaves it here: at most once, never twice)
    DONE = "done"
    MISSED = "missed"  # due while nobody could run it, beyond the catch-up window: never run late
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class JobRunRecord:
    job: str
    period: str
    status: RunStatus
    claimed_at: datetime
    finished_at: datetime | None
    detail: str | None
    instance: str = ""


async def claim(
    session: AsyncSession,
    job: str,
    period: str,
    *,
    now: datetime,
    instance: str,
    status: RunStatus = RunStatus.CLAIMED,
) -> bool:
    """Record the run of `period`; True only for the one caller whose row was inserted."""
    statement = (
        insert_for(session, JobRun.__table__)
        .values(
            job=job,
            period=period,
            status=status.value,
            instance=instance,
            claimed_at=now,
            finished_at=now if status is not RunStatus.CLAIMED else None,
        )
        .on_conflict_do_nothing(index_elements=["job", "period"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def take_over(
    session: AsyncSession, job: str, period: str, *, now: datetime, instance: str
) -> bool:
    """Move a run left `claimed` by another instance to `instance`; True for the one caller
    that moved it (a run that finished, or that someone else took, is left alone)."""
    result = await session.execute(
        update(JobRun)
        .where(
            JobRun.job == job,
            JobRun.period == period,
            JobRun.status == RunStatus.CLAIMED.value,
            JobRun.instance != instance,
        )
        .values(instance=instance, claimed_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def retry(
    session: AsyncSession, job: str, period: str, *, now: datetime, instance: str
) -> bool:
    """Claim again, for `instance`, a run that ended failed or missed; True for the one caller
    that did (a claimed or done run is left alone)."""
    result = await session.execute(
        update(JobRun)
        .where(
            JobRun.job == job,
            JobRun.period == period,
            JobRun.status.in_([RunStatus.FAILED.value, RunStatus.MISSED.value]),
        )
        .values(
            status=RunStatus.CLAIMED.value,
            instance=instance,
            claimed_at=now,
            finished_at=None,
            detail=None,
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def orphaned(session: AsyncSession, job_prefix: str, holder: str) -> dict[str, JobRunRecord]:
    """Runs of jobs starting with `job_prefix` left `claimed` by an instance other than the
    lease holder `holder` (so: one that died or lost the lease mid-action), the latest by job.

    Read by ix_job_runs_status: the prefix (LIKE, which SQLite's binary index cannot seek)
    filtered the whole history of runs on every pass."""
    query = select(JobRun).where(
        _starts_with(job_prefix),
        JobRun.status == RunStatus.CLAIMED.value,
    )
    query = query.where(JobRun.instance != holder).order_by(JobRun.period)
    rows = (await session.execute(query)).scalars()
    return {
        row.job: JobRunRecord(
            job=row.job,
            period=row.period,
            status=RunStatus(row.status),
            claimed_at=row.claimed_at,
            finished_at=row.finished_at,
            detail=row.detail,
            instance=row.instance or "",
        )
        for row in rows
    }


async def note(session: AsyncSession, job: str, period: str, detail: str) -> None:
    """Record an action's progress on its claimed run (what a resumed run may skip)."""
    await session.execute(
        update(JobRun)
        .where(
            JobRun.job == job,
            JobRun.period == period,
            JobRun.status == RunStatus.CLAIMED.value,
        )
        .values(detail=detail[:DETAIL_LIMIT])
    )


async def finish(
    session: AsyncSession,
    job: str,
    period: str,
    *,
    status: RunStatus,
    now: datetime,
    detail: str | None = None,
) -> None:
    await session.execute(
        update(JobRun)
        .where(JobRun.job == job, JobRun.period == period)
        .values(
            status=status.value,
            finished_at=now,
            detail=detail[:DETAIL_LIMIT] if detail else None,
        )
    )


async def last_periods(session: AsyncSession, jobs: Collection[str]) -> dict[str, str]:
    """The latest recorded period (any status) of each job that has one."""
    if not jobs:
        return {}
    found: dict[str, str] = {}
    for chunk in chunks(jobs):
        rows = await session.execute(
            select(JobRun.job, func.max(JobRun.period))
            .where(JobRun.job.in_(chunk))
            .group_by(JobRun.job)
        )
        found.update((str(job), str(period)) for job, period in rows.all())
    return found


async def runs_of(session: AsyncSession, job_prefix: str) -> list[JobRunRecord]:
    """Every recorded run whose job starts with `job_prefix`, oldest period first."""
    rows = await session.execute(
        select(JobRun).where(_starts_with(job_prefix)).order_by(JobRun.period, JobRun.job)
    )
    return [
        JobRunRecord(
            job=row.job,
            period=row.period,
            status=RunStatus(row.status),
            claimed_at=row.claimed_at,
            finished_at=row.finished_at,
            detail=row.detail,
            instance=row.instance or "",
        )
        for row in rows.scalars()
    ]


def _starts_with(job_prefix: str) -> ColumnElement[bool]:
    escaped = job_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return JobRun.job.like(f"{escaped}%", escape="\\")
