"""A scheduler leader killed between sendPoll and recording the poll (developers' notes, issue
20): the poll stayed `scheduled` with its send run claimed, never to go out as far as fanpulse
knew. The next lease holder sends it again and records it; a finished send is not repeated."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import SendPoll, TelegramMethod

from bot.db.job_runs import RunStatus, runs_of
from bot.services.clock import LEASE_TTL
from tests.polls.support import GROUP, OWNER, stored_polls
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene


class Killed(BaseException):
    """The instance dies here (kill -9): nothing after this line of the action runs."""


async def test_a_send_killed_after_sendpoll_is_sent_by_the_next_holder(scene: Scene) -> None:
    original = scene.telegram.make_request
    lethal = [True]

    async def dying(bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:
        answer = await original(bot, method, timeout)
        if isinstance(method, SendPoll) and lethal:
            lethal.clear()
            raise Killed
        return answer

    scene.telegram.make_request = dying  # type: ignore[method-assign]
    await send_confirmed(scene, GROUP, OWNER, "/poll Later? | a | b --start 1h --close 3h")
    [poll] = await stored_polls(scene)
    assert poll.start_at is not None
    now = FakeClock(poll.start_at + timedelta(minutes=1))
    with pytest.raises(Killed):
        await scene.clock(now, instance="a").tick()
    [poll] = await stored_polls(scene)
    assert poll.status == "scheduled"

    later = FakeClock(now() + LEASE_TTL + timedelta(seconds=1))
    reports = await scene.clock(later, instance="b").tick()
    assert [(r.job, r.detail) for r in reports] == [(f"poll:send:{poll.id}", "sent")]
    [poll] = await stored_polls(scene)
    assert poll.status == "open" and poll.telegram_poll_id is not None
    async with scene.session_factory() as session:
        runs = await runs_of(session, f"poll:send:{poll.id}")
    assert [(run.period, run.status) for run in runs] == [("send", RunStatus.DONE)]
    assert len(scene.telegram.methods(SendPoll)) == 2
    assert not [r for r in await scene.clock(later, instance="b").tick() if "send" in r.job]
