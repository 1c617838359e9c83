"""The fingerprints' prune is a clock job planned only when a stale fingerprint exists: an idle
instance records no runs, and a wave's fingerprints are pruned once they leave the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.db.models import JobRun, SpamFingerprint
from bot.domain.spam import FINGERPRINT_WINDOW
from bot.services.spam import PRUNE_JOB
from tests.spam.support import accounts, wave
from tests.support.cast import ADMIN, VICTIM
from tests.support.clock import FakeClock
from tests.support.scene import Scene


async def prune_runs(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(JobRun.status).where(JobRun.job == PRUNE_JOB))
        return list(rows)


async def fingerprints(scene: Scene) -> int:
    async with scene.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(SpamFingerprint)) or 0)


async def test_the_prune_is_planned_only_when_a_stale_fingerprint_exists(scene: Scene) -> None:
    start = datetime.now(UTC)
    await scene.clock(FakeClock(start)).tick()
    assert await prune_runs(scene) == []  # nothing stored: nothing planned
    await scene.send(VICTIM, ADMIN, "/door spam on")
    await wave(scene, VICTIM, accounts(3))
    assert await fingerprints(scene) == 3
    await scene.clock(FakeClock(start + timedelta(minutes=1))).tick()
    assert await prune_runs(scene) == []  # fresh fingerprints are not stale
    stale = start + FINGERPRINT_WINDOW + timedelta(minutes=10)
    await scene.clock(FakeClock(stale)).tick()
    assert await prune_runs(scene) == ["done"]
    assert await fingerprints(scene) == 0
    # Pruned: a later heartbeat, in another period, has nothing to plan.
    await scene.clock(FakeClock(stale + timedelta(minutes=30))).tick()
    assert await prune_runs(scene) == ["done"]
