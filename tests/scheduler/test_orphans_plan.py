"""Every pass asks each resumable source for runs a dead instance left `claimed`; they are
read by ix_job_runs_status, never by filtering the whole history of runs (issue 21: a
prefix LIKE, which SQLite's binary index cannot seek, read every run ever recorded)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db import job_runs
from bot.db.job_runs import RunStatus
from tests.support.query_plans import plans_of


async def test_orphaned_runs_are_read_by_status_on_both_databases(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await job_runs.claim(session, "digest:daily:-1:u1", "2026-12-01", now=now, instance="a")
        await job_runs.claim(
            session, "digest:daily:-1:u1", "2026-11-30", now=now, instance="a",
            status=RunStatus.MISSED,
        )  # fmt: skip
    found: dict[str, job_runs.JobRunRecord] = {}

    async def orphans() -> None:
        async with session_factory() as session:
            found.update(await job_runs.orphaned(session, "digest:", "b"))

    (plan,) = await plans_of(engine)(orphans)

    assert list(found) == ["digest:daily:-1:u1"] and found["digest:daily:-1:u1"].period == (
        "2026-12-01"
    )
    assert "ix_job_runs_status" in plan, plan
    assert "SCAN job_runs" not in plan and "Seq Scan" not in plan, plan
