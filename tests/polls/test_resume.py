"""A scheduler leader killed in the middle of closing a poll: the next lease holder resumes the
close where it stopped. Exactly one stopPoll takes effect, one results message and one chart go
out, the poll ends closed with its results message noted, and the run ends done.

Death is a `Killed` (BaseException, so nothing on the way catches it) raised by Telegram at a
chosen call, before or after it takes effect, or by the final `job_runs.finish`: the claim stays
`claimed` by the dead instance, as after kill -9. The next instance does nothing while the dead
one's lease runs, and resumes the close once it expired. The death points share one scene (one
dispatcher, one database), a poll each, to keep the suite's time down."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SendMessage, SendPhoto, StopPoll, TelegramMethod

from bot.db import job_runs
from bot.db.job_runs import RunStatus, runs_of
from bot.services.clock import LEASE_TTL
from tests.polls.support import GROUP, OWNER, stored_polls
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene


class Killed(BaseException):
    """The instance dies here (kill -9): nothing after this line of the action runs."""


class DyingTelegram:
    """Telegram as the scene scripts it, except that stopPoll on a closed poll answers Telegram's
    error, and one chosen call kills the caller, before or after it takes effect."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self.original = scene.telegram.make_request
        self.lethal: tuple[type[TelegramMethod[Any]], bool] | None = None
        self.stops: Counter[int] = Counter()  # by poll message: stopPoll calls that closed it
        scene.telegram.make_request = self.make_request  # type: ignore[method-assign]

    def kill_at(self, method: type[TelegramMethod[Any]], *, after: bool) -> None:
        self.lethal = (method, after)

    async def make_request(
        self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None
    ) -> Any:
        if isinstance(method, StopPoll):
            poll = self.scene.telegram.polls[int(method.chat_id), method.message_id]
            if poll.is_closed:
                raise TelegramBadRequest(method, "Bad Request: poll has already been closed")
        lethal = self.lethal is not None and isinstance(method, self.lethal[0])
        if lethal and self.lethal is not None and not self.lethal[1]:
            self.lethal = None
            raise Killed
        answer = await self.original(bot, method, timeout)
        if isinstance(method, StopPoll):
            self.stops[method.message_id] += 1
        if lethal:
            self.lethal = None
            raise Killed
        return answer


@dataclass
class Case:
    question: str
    number: int
    message_id: int
    close_at: datetime


async def open_poll(scene: Scene, question: str) -> Case:
    await send_confirmed(scene, GROUP, OWNER, f"/poll {question} | Cats | Dogs --close 1h")
    poll = (await stored_polls(scene))[-1]
    assert poll.question == question
    assert poll.telegram_poll_id is not None and poll.close_at is not None
    assert poll.message_id is not None
    await scene.pipeline.deliver(scene.poll_update(poll.telegram_poll_id, question, [2, 1], 3))
    return Case(question, poll.id, poll.message_id, poll.close_at)


def results_messages(scene: Scene, case: Case) -> list[str]:
    title = f"Poll closed: {case.question}"
    return [text for text in scene.replies(GROUP["id"]) if title in text]


async def assert_closed_once(scene: Scene, telegram: DyingTelegram, case: Case) -> None:
    assert telegram.stops[case.message_id] == 1, case
    [results] = results_messages(scene, case)
    assert "Winner: <b>Cats</b>" in results and "3 voters" in results
    [chart] = [
        call
        for call in scene.telegram.methods(SendPhoto)
        if call.caption == f"Results: {case.question}"
    ]
    assert chart.chat_id == GROUP["id"]
    poll = next(poll for poll in await stored_polls(scene) if poll.id == case.number)
    assert poll.status == "closed" and poll.results_message_id is not None
    async with scene.session_factory() as session:
        runs = await runs_of(session, f"poll:close:{case.number}")
    assert [(run.period, run.status) for run in runs] == [("close", RunStatus.DONE)]


DEATHS: dict[str, tuple[type[TelegramMethod[Any]], bool] | None] = {
    "before stopPoll": (StopPoll, False),
    "after stopPoll, before the poll is marked closed": (StopPoll, True),
    "after closed is noted, before the results text": (SendMessage, False),
    "after the text is noted, before the chart": (SendPhoto, False),
    "after the chart is noted, before the run is finished": None,
}


async def test_a_close_killed_at_each_step_is_finished_once_by_the_next_holder(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    telegram = DyingTelegram(scene)
    finish = job_runs.finish

    async def dying_finish(*args: Any, **kwargs: Any) -> None:
        monkeypatch.setattr(job_runs, "finish", finish)
        raise Killed

    for index, (death, lethal) in enumerate(DEATHS.items()):
        case = await open_poll(scene, f"Next{index}?")
        # Each case starts after the previous holder's lease has expired.
        now = FakeClock(case.close_at + timedelta(hours=index, seconds=1))
        if lethal is None:
            monkeypatch.setattr(job_runs, "finish", dying_finish)
        else:
            telegram.kill_at(lethal[0], after=lethal[1])
        with pytest.raises(Killed):
            await scene.clock(now, instance=f"a{index}").tick()
        async with scene.session_factory() as session:
            [run] = await runs_of(session, f"poll:close:{case.number}")
        assert run.status is RunStatus.CLAIMED, death
        # Nobody else runs the clock while the dead instance's lease runs.
        assert await scene.clock(now, instance=f"b{index}").tick() == [], death

        later = FakeClock(now() + LEASE_TTL + timedelta(seconds=1))
        [report] = await scene.clock(later, instance=f"b{index}").tick()
        assert (report.status, report.detail) == (RunStatus.DONE, "closed"), death
        await assert_closed_once(scene, telegram, case)
        assert await scene.clock(later, instance=f"b{index}").tick() == []
        assert (
            await scene.clock(FakeClock(later() + LEASE_TTL * 2), instance=f"c{index}").tick() == []
        )
        await assert_closed_once(scene, telegram, case)


async def test_a_poll_closed_by_hand_after_the_leader_died_is_left_to_the_operator(
    scene: Scene,
) -> None:
    telegram = DyingTelegram(scene)
    case = await open_poll(scene, "Next?")
    now = FakeClock(case.close_at + timedelta(seconds=1))
    telegram.kill_at(StopPoll, after=False)
    with pytest.raises(Killed):
        await scene.clock(now, instance="a").tick()
    await send_confirmed(scene, GROUP, OWNER, f"/poll_close {case.number}")
    later = FakeClock(now() + LEASE_TTL + timedelta(seconds=1))
    [report] = await scene.clock(later, instance="b").tick()
    assert (report.status, report.detail) == (RunStatus.DONE, "not open")
    await assert_closed_once(scene, telegram, case)
