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

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

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
    rows = await session.execute(
        select(JobRun.job, func.max(JobRun.period)).where(JobRun.job.in_(jobs)).group_by(JobRun.job)
    )
    return {str(job): str(period) for job, period in rows.all()}


async def runs_of(session: AsyncSession, job_prefix: str) -> list[JobRunRecord]:
    """Every recorded run whose job starts with `job_prefix`, oldest period first."""
    escaped = job_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = await session.execute(
        select(JobRun)
        .where(JobRun.job.like(f"{escaped}%", escape="\\"))
        .order_by(JobRun.period, JobRun.job)
    )
    return [
        JobRunRecord(
            job=row.job,
            period=row.period,
            status=RunStatus(row.status),
            claimed_at=row.claimed_at,
            finished_at=row.finished_at,
            detail=row.detail,
        )
        for row in rows.scalars()
    ]
