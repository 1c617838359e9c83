"""`/poll_close` killed in the middle (issue 20, developers' notes): the operator's close runs as
the poll's claimed close run, noted step by step, so the clock of the instance that comes next
finishes it: one stopPoll that took effect, one results message, one chart, the run done. While
the command might still be running on some instance (COMMAND_CLOSE_GRACE) nobody resumes it.

Death is tests/polls/test_resume.py's `Killed`, raised by Telegram at a chosen call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import SendMessage, SendPhoto, StopPoll, TelegramMethod

from bot.db.job_runs import RunStatus, runs_of
from bot.services.poll_lifecycle import COMMAND_CLOSE_GRACE
from tests.polls.support import GROUP, OWNER
from tests.polls.test_resume import (
    DyingTelegram,
    Killed,
    assert_closed_once,
    open_poll,
    results_messages,
)
from tests.support.clock import FakeClock
from tests.support.drafts import confirm
from tests.support.scene import Scene

DEATHS: dict[str, tuple[type[TelegramMethod[Any]], bool]] = {
    "after stopPoll, before the poll is marked closed": (StopPoll, True),
    "after closed is noted, before the results text": (SendMessage, False),
    "after the text is noted, before the chart": (SendPhoto, False),
}


@pytest.mark.parametrize("death", DEATHS)
async def test_a_poll_close_killed_midway_is_finished_once_by_the_next_clock(
    scene: Scene, death: str
) -> None:
    telegram = DyingTelegram(scene)
    case = await open_poll(scene, "Next?")
    await scene.send(GROUP, OWNER, f"/poll_close {case.number}")
    method, after = DEATHS[death]
    telegram.kill_at(method, after=after)
    with pytest.raises(Killed):
        await confirm(scene, OWNER, GROUP)
    async with scene.session_factory() as session:
        [run] = await runs_of(session, f"poll:close:{case.number}")
    assert run.status is RunStatus.CLAIMED and run.instance.startswith("command@")
    before = results_messages(scene, case)

    # Within the grace the command may still be running elsewhere: the clock leaves it alone.
    soon = FakeClock(datetime.now(UTC) + timedelta(seconds=30))
    assert await scene.clock(soon, instance="next").tick() == []
    assert results_messages(scene, case) == before

    later = FakeClock(datetime.now(UTC) + COMMAND_CLOSE_GRACE + timedelta(seconds=1))
    [report] = await scene.clock(later, instance="next").tick()
    assert (report.status, report.detail) == (RunStatus.DONE, "closed")
    await assert_closed_once(scene, telegram, case)
    assert await scene.clock(later, instance="next").tick() == []
    await assert_closed_once(scene, telegram, case)
