"""A change to one group's digest settings or time zone re-plans that group's digests only
(issue 21: planning every group's digests took 252-293 ms at 1,000 groups), keeps the other
groups' wake-ups, and spares the next heartbeat a full plan; a change the holder did not make
itself is still planned in full."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.clock import HEARTBEAT, Clock, PlannedJob
from bot.services.digest_delivery import DigestService
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.scene import Scene

NOW = datetime(2026, 6, 10, 6, tzinfo=UTC)  # before both groups' 09:00 UTC digests
CHANGED = u.group(-1001000000701, "Changed fans")
OTHER = u.group(-1001000000702, "Other fans")
OWNER = u.user(7101, "Olga", language_code="en")


class PlanningCount:
    """How often the clock asked the digests for every group's jobs and for one group's."""

    def __init__(self, digests: DigestService, monkeypatch: pytest.MonkeyPatch) -> None:
        self.everyone = 0
        self.groups: list[int] = []
        self.jobs: list[str] = []
        planned, for_group = digests.planned, digests.planned_for_group

        async def all_groups(session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
            self.everyone += 1
            return await planned(session, now)

        async def one_group(
            session: AsyncSession, now: datetime, chat_id: int
        ) -> Sequence[PlannedJob]:
            self.groups.append(chat_id)
            jobs = await for_group(session, now, chat_id)
            self.jobs.extend(job.job for job in jobs)
            return jobs

        monkeypatch.setattr(digests, "planned", all_groups)
        monkeypatch.setattr(digests, "planned_for_group", one_group)


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory)
    scene.telegram.started.add(OWNER["id"])
    for chat in (CHANGED, OTHER):
        scene.telegram.set_status(chat["id"], OWNER["id"], "creator")
        await scene.send(chat, OWNER, "/digest_subscribe")
    return scene


def digests_of(clock: Clock) -> DigestService:
    (digests,) = [source for source in clock._sources if isinstance(source, DigestService)]
    return digests


def at(hour: int, day: int = 10) -> datetime:
    return datetime(2026, 6, day, hour, tzinfo=UTC)


async def holding_clock(scene: Scene, fake: FakeClock) -> Clock:
    scene.pipeline.run_on(fake)
    clock = scene.pipeline.clock
    await clock.tick()
    assert clock.holding
    return clock


@pytest.mark.parametrize("command", ["/digest_time 10:00", "/timezone Asia/Shanghai"])
async def test_a_groups_change_re_plans_that_groups_digests_only(
    scene: Scene, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    fake = FakeClock(NOW)
    clock = await holding_clock(scene, fake)
    assert at(9) in clock.wakeups
    count = PlanningCount(digests_of(clock), monkeypatch)

    await scene.send(CHANGED, OWNER, command)

    assert (count.everyone, count.groups) == (0, [CHANGED["id"]])
    recipient = f"{CHANGED['id']}:u{OWNER['id']}"
    assert sorted(set(count.jobs)) == [f"digest:daily:{recipient}", f"digest:weekly:{recipient}"]
    # The other group's 09:00 stays planned; the changed one's moved.
    moved = at(10) if command.startswith("/digest_time") else at(1, day=11)  # 09:00 Shanghai
    assert at(9) in clock.wakeups and moved in clock.wakeups
    fake.value += HEARTBEAT
    assert not await clock.heartbeat(), "the change was planned: the heartbeat reads one row"
    assert count.everyone == 0


async def test_a_change_on_another_instance_is_planned_in_full(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeClock(NOW)
    clock = await holding_clock(scene, fake)
    count = PlanningCount(digests_of(clock), monkeypatch)
    other = scene.clock(fake, instance="two")
    assert not await other.hold_lease()

    await other.rebuild(CHANGED["id"])  # e.g. /digest_time handled by the other instance
    fake.value += HEARTBEAT

    assert await clock.heartbeat()
    assert (count.everyone, count.groups) == (1, [])


async def test_the_changed_groups_digest_goes_out_at_its_new_time_and_the_others_at_theirs(
    scene: Scene,
) -> None:
    fake = FakeClock(NOW)
    clock = await holding_clock(scene, fake)
    await scene.send(CHANGED, OWNER, "/digest_time 10:00")

    fake.value = at(9)
    await clock.tick()
    assert scene.photos(OWNER["id"]) == ["Other fans: daily digest"]
    fake.value = at(10)
    await clock.tick()
    assert scene.photos(OWNER["id"]) == ["Other fans: daily digest", "Changed fans: daily digest"]
