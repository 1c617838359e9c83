"""A finished day's rollup counts the messages that arrive late for it (issue 20): a bot down
past midnight, or Telegram redelivering a backlog, stores messages dated in a day whose numbers
were already rolled up; that day is measured again, while a batch on time deletes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from bot.db.models import DigestRollup
from bot.services.digest import DayMetrics, DigestBuilder
from tests.support.cast import FAN, MEMBER, VICTIM
from tests.support.scene import Scene

TIMEZONE = "Asia/Shanghai"


def three_days_ago() -> date:
    return (datetime.now(UTC) - timedelta(days=3)).date()


def noon_of(day: date) -> int:
    return int(datetime.combine(day, time(12), tzinfo=UTC).timestamp())


async def measured(scene: Scene, day: date) -> DayMetrics:
    async with scene.session_factory() as session, session.begin():
        history = await DigestBuilder().history(
            session, VICTIM["id"], TIMEZONE, [day], datetime.now(UTC)
        )
    return history[day]


async def rollups(scene: Scene) -> int:
    async with scene.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(DigestRollup)) or 0)


async def test_a_message_arriving_after_its_day_was_rolled_up_is_counted(scene: Scene) -> None:
    day = three_days_ago()
    scene.updates.clock = noon_of(day)
    await scene.say(VICTIM, FAN, "first of the day")
    assert (await measured(scene, day)).messages == 1
    assert await rollups(scene) == 1, "the finished day is rolled up"

    await scene.say(VICTIM, MEMBER, "sent that day, delivered only now")

    assert (await measured(scene, day)).messages == 2


async def test_messages_on_time_keep_the_rollups(scene: Scene) -> None:
    day = three_days_ago()
    scene.updates.clock = noon_of(day)
    await scene.say(VICTIM, FAN, "that day")
    await measured(scene, day)
    scene.updates.clock = int(datetime.now(UTC).timestamp())

    await scene.say(VICTIM, FAN, "today, on time")

    assert await rollups(scene) == 1
    assert (await measured(scene, day)).messages == 1


async def test_a_day_just_over_is_not_rolled_up_before_late_ones_can_arrive(
    scene: Scene,
) -> None:
    day = three_days_ago()
    scene.updates.clock = noon_of(day)
    await scene.say(VICTIM, FAN, "that day")
    async with scene.session_factory() as session, session.begin():
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)
        await DigestBuilder().history(session, VICTIM["id"], "UTC", [day], end)
    assert await rollups(scene) == 0


async def rolled_up_day(scene: Scene) -> tuple[date, dict[str, Any]]:
    day = three_days_ago()
    scene.updates.clock = noon_of(day)
    message = await scene.say(VICTIM, FAN, "first of the day")
    await measured(scene, day)
    assert await rollups(scene) == 1, "the finished day is rolled up"
    return day, message


async def test_a_late_join_and_leave_reopen_their_day_once(scene: Scene) -> None:
    day, _ = await rolled_up_day(scene)

    joined = await scene.join(VICTIM, MEMBER)
    left = await scene.leave(VICTIM, FAN)
    assert (await measured(scene, day)).joins == 1
    assert (await measured(scene, day)).leaves == 1

    await scene.deliver(joined, left)
    after = await measured(scene, day)
    assert (after.joins, after.leaves) == (1, 1), "a redelivered update counts once"


async def test_a_late_reaction_reopens_its_day_once(scene: Scene) -> None:
    day, message = await rolled_up_day(scene)
    message_id = message["message"]["message_id"]

    reaction = await scene.react(VICTIM, MEMBER, message_id, new=("👍", "🔥"))
    assert (await measured(scene, day)).reactions == 2

    await scene.deliver(reaction)
    assert (await measured(scene, day)).reactions == 2, "a redelivered update counts once"
