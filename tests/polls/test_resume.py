"""A scheduler leader killed in the middle of closing a poll: the next lease holder resumes the
close where it stopped. Exactly one stopPoll takes effect, one results message and one chart go
out, the poll ends closed with its results message noted, and the run ends done.

Death is a `Killed` (BaseException, so nothing on the way catches it) raised by Telegram at a
chosen call, before or after it takes effect, or by the final `job_runs.finish`: the claim stays
`claimed` by instance "a", as after kill -9. Clock "b" runs once a's lease has expired."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SendMessage, SendPhoto, StopPoll, TelegramMethod

from bot.db import job_runs
from bot.db.job_runs import RunStatus, runs_of
from bot.scheduler import LEASE_TTL
from tests.polls.conftest import GROUP, OWNER, Now, PollScene


class Killed(BaseException):
    """The instance dies here (kill -9): nothing after this line of the action runs."""


class DyingTelegram:
    """Telegram as the scene scripts it, except that stopPoll on a closed poll answers Telegram's
    error, and one chosen call kills the caller, before or after it takes effect."""

    def __init__(self, scene: PollScene) -> None:
        self.scene = scene
        self.original = scene.telegram.make_request
        self.lethal: tuple[type[TelegramMethod[Any]], bool] | None = None
        self.stops = 0  # stopPoll calls that closed the poll
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
            self.stops += 1
        if lethal:
            self.lethal = None
            raise Killed
        return answer


async def open_poll(scene: PollScene) -> tuple[int, datetime]:
    await scene.send(GROUP, OWNER, "/poll Next? | Cats | Dogs --close 1h")
    [poll] = await scene.polls()
    assert poll.telegram_poll_id is not None and poll.close_at is not None
    await scene.pipeline.deliver(scene.poll_update(poll.telegram_poll_id, "Next?", [2, 1], 3))
    return poll.id, poll.close_at


def results_messages(scene: PollScene) -> list[str]:
    return [text for text in scene.replies(GROUP["id"]) if "Poll closed" in text]


async def assert_closed_once(scene: PollScene, telegram: DyingTelegram, number: int) -> None:
    assert telegram.stops == 1
    [results] = results_messages(scene)
    assert "Winner: <b>Cats</b>" in results and "3 voters" in results
    [chart] = scene.telegram.methods(SendPhoto)
    assert chart.chat_id == GROUP["id"]
    [poll] = await scene.polls()
    assert poll.status == "closed" and poll.results_message_id is not None
    async with scene.session_factory() as session:
        runs = await runs_of(session, f"poll:close:{number}")
    assert [(run.period, run.status) for run in runs] == [("close", RunStatus.DONE)]


DEATHS: dict[str, tuple[type[TelegramMethod[Any]], bool]] = {
    "before stopPoll": (StopPoll, False),
    "after stopPoll, before the poll is marked closed": (StopPoll, True),
    "after closed is noted, before the results text": (SendMessage, False),
    "after the text is noted, before the chart": (SendPhoto, False),
}


@pytest.mark.parametrize("death", list(DEATHS))
async def test_a_close_killed_at_each_step_is_finished_once_by_the_next_holder(
    scene: PollScene, death: str
) -> None:
    telegram = DyingTelegram(scene)
    number, close_at = await open_poll(scene)
    now = Now(close_at + timedelta(seconds=1))
    method, after = DEATHS[death]
    telegram.kill_at(method, after=after)
    with pytest.raises(Killed):
        await scene.clock(now, instance="a").tick()
    async with scene.session_factory() as session:
        [run] = await runs_of(session, f"poll:close:{number}")
    assert run.status is RunStatus.CLAIMED

    later = Now(now() + LEASE_TTL + timedelta(seconds=1))
    [report] = await scene.clock(later, instance="b").tick()
    assert (report.status, report.detail) == (RunStatus.DONE, "closed")
    await assert_closed_once(scene, telegram, number)
    assert await scene.clock(Now(later() + timedelta(minutes=5)), instance="c").tick() == []
    assert await scene.clock(later, instance="b").tick() == []
    await assert_closed_once(scene, telegram, number)


async def test_a_close_killed_after_its_last_note_only_finishes_the_run(
    scene: PollScene, monkeypatch: pytest.MonkeyPatch
) -> None:
    telegram = DyingTelegram(scene)
    number, close_at = await open_poll(scene)
    now = Now(close_at + timedelta(seconds=1))
    finish = job_runs.finish

    async def dying_finish(*args: Any, **kwargs: Any) -> None:
        raise Killed

    monkeypatch.setattr(job_runs, "finish", dying_finish)
    with pytest.raises(Killed):
        await scene.clock(now, instance="a").tick()
    monkeypatch.setattr(job_runs, "finish", finish)
    later = Now(now() + LEASE_TTL + timedelta(seconds=1))
    [report] = await scene.clock(later, instance="b").tick()
    assert report.status is RunStatus.DONE
    await assert_closed_once(scene, telegram, number)


async def test_a_poll_closed_by_hand_after_the_leader_died_is_left_to_the_operator(
    scene: PollScene,
) -> None:
    telegram = DyingTelegram(scene)
    number, close_at = await open_poll(scene)
    now = Now(close_at + timedelta(seconds=1))
    telegram.kill_at(StopPoll, after=False)
    with pytest.raises(Killed):
        await scene.clock(now, instance="a").tick()
    await scene.send(GROUP, OWNER, f"/poll_close {number}")
    later = Now(now() + LEASE_TTL + timedelta(seconds=1))
    [report] = await scene.clock(later, instance="b").tick()
    assert (report.status, report.detail) == (RunStatus.DONE, "not open")
    await assert_closed_once(scene, telegram, number)


async def test_the_leader_never_takes_over_its_own_claim_before_its_lease_expires(
    scene: PollScene,
) -> None:
    telegram = DyingTelegram(scene)
    number, close_at = await open_poll(scene)
    now = Now(close_at + timedelta(seconds=1))
    telegram.kill_at(SendMessage, after=False)
    with pytest.raises(Killed):
        await scene.clock(now, instance="a").tick()
    # "b" is not the holder while a's lease runs: it does nothing, and the results wait.
    assert await scene.clock(now, instance="b").tick() == []
    assert results_messages(scene) == []
    later = Now(now() + LEASE_TTL + timedelta(seconds=1))
    [report] = await scene.clock(later, instance="b").tick()
    assert report.status is RunStatus.DONE
    await assert_closed_once(scene, telegram, number)
