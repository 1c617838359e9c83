"""Votes, closing and results through the real dispatcher and the clock (injected `now`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import matplotlib.image as mpimage
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SendDocument, SendPhoto, StopPoll, TelegramMethod
from aiogram.types import BufferedInputFile

from bot.db.chat_settings import set_group_language
from bot.db.job_runs import RunStatus, runs_of
from bot.domain.fonts import cjk_font
from tests.polls.support import (
    ADMIN,
    FANS,
    GROUP,
    OWNER,
    sent_polls,
    stops,
    stored_polls,
    stored_votes,
    tally_of,
)
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed, settled
from tests.support.scene import Scene

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def open_poll(scene: Scene, text: str) -> tuple[str, int]:
    await send_confirmed(scene, GROUP, OWNER, text)
    [poll] = await stored_polls(scene)
    assert poll.telegram_poll_id is not None
    return poll.telegram_poll_id, poll.id


async def test_votes_changes_and_retractions_are_tracked_idempotently(scene: Scene) -> None:
    poll_id, _ = await open_poll(scene, "/poll Q? | a | b | c --anonymous no --multi")
    first, second = FANS[0], FANS[1]
    batch = [
        scene.answer(poll_id, first, [0]),
        scene.answer(poll_id, second, [1, 2]),
        scene.poll_update(poll_id, "Q?", [1, 1, 1], 2),
    ]
    await scene.pipeline.deliver(*batch)
    assert await stored_votes(scene) == {
        (poll_id, first["id"]): "0",
        (poll_id, second["id"]): "1,2",
    }
    # The first fan changes their mind, the second takes the vote back.
    await scene.pipeline.deliver(
        scene.answer(poll_id, first, [2]),
        scene.answer(poll_id, second, []),
        scene.poll_update(poll_id, "Q?", [0, 0, 1], 1),
    )
    expected = {(poll_id, first["id"]): "2", (poll_id, second["id"]): ""}
    assert await stored_votes(scene) == expected
    tally = await tally_of(scene, poll_id)
    assert tally is not None and (tally.counts, tally.voters) == ("[0, 0, 1]", 1)
    # Redelivery of the whole first batch after the second? Telegram redelivers in order, so
    # a redelivered batch is the latest state again; the same batch twice changes nothing.
    await scene.pipeline.deliver(
        scene.answer(poll_id, first, [2]),
        scene.answer(poll_id, second, []),
        scene.poll_update(poll_id, "Q?", [0, 0, 1], 1),
    )
    assert await stored_votes(scene) == expected


async def test_an_answer_on_behalf_of_a_chat_is_never_attributed(scene: Scene) -> None:
    poll_id, _ = await open_poll(scene, "/poll Q? | a | b --anonymous no")
    update = scene.updates._update(
        "poll_answer",
        {
            "poll_id": poll_id,
            "voter_chat": u.channel(),
            "option_ids": [0],
            "option_persistent_ids": ["0"],
        },
    )
    await scene.pipeline.deliver(update)
    assert await stored_votes(scene) == {}


async def test_the_clock_closes_once_at_the_deadline_and_posts_results(scene: Scene) -> None:
    poll_id, number = await open_poll(scene, "/poll Next? | Cats | Dogs --close 1h")
    await scene.pipeline.deliver(scene.poll_update(poll_id, "Next?", [2, 1], 3))
    [poll] = await stored_polls(scene)
    assert poll.close_at is not None
    now = FakeClock(poll.close_at - timedelta(minutes=1))
    clock = scene.clock(now)
    assert await clock.tick() == []
    assert clock.wakeups == [poll.close_at]
    now.value = poll.close_at + timedelta(seconds=1)
    [report] = await clock.tick()
    assert (report.job, report.status, report.detail) == (
        f"poll:close:{number}",
        RunStatus.DONE,
        "closed",
    )
    assert len(stops(scene)) == 1
    assert (await stored_polls(scene))[0].status == "closed"
    [results] = [t for t in scene.replies(GROUP["id"]) if "Poll closed" in t]
    assert "Cats" in results and "🏆" in results and "3 voters" in results
    assert "Winner: <b>Cats</b>" in results
    [photo] = scene.telegram.methods(SendPhoto)
    assert photo.chat_id == GROUP["id"]
    assert await clock.tick() == []  # nothing left to do
    assert len(stops(scene)) == 1


async def test_a_bot_down_across_the_deadline_closes_the_poll_once_when_it_starts(
    scene: Scene,
) -> None:
    _, number = await open_poll(scene, "/poll Down? | yes | no --close 30m")
    [poll] = await stored_polls(scene)
    assert poll.close_at is not None
    before = FakeClock(poll.close_at - timedelta(minutes=10))
    assert await scene.clock(before, instance="before-crash").tick() == []
    # Down for a day, far beyond the catch-up window: closing late beats never closing.
    after = FakeClock(poll.close_at + timedelta(days=1))
    one, two = scene.clock(after, instance="one"), scene.clock(after, instance="two")
    reports = [*await one.run_due(after()), *await two.run_due(after())]
    assert [r.status for r in reports] == [RunStatus.DONE]
    assert len(stops(scene)) == 1
    assert len([t for t in scene.replies(GROUP["id"]) if "Poll closed" in t]) == 1
    async with scene.session_factory() as session:
        runs = await runs_of(session, f"poll:close:{number}")
    assert [(r.period, r.status) for r in runs] == [("close", RunStatus.DONE)]


async def test_close_now_by_hand_and_the_clock_then_does_nothing(scene: Scene) -> None:
    _, number = await open_poll(scene, "/poll Q? | a | b --close 1h")
    await send_confirmed(scene, u.private(ADMIN), ADMIN, f"/poll_close {number}")
    assert "is closed" in settled(scene, ADMIN["id"])[-1]
    await scene.send(GROUP, OWNER, f"/poll_close {number}")
    assert "is not open" in scene.replies(GROUP["id"])[-1]
    [poll] = await stored_polls(scene)
    assert poll.close_at is not None
    clock = scene.clock(FakeClock(poll.close_at + timedelta(minutes=1)))
    assert await clock.tick() == []
    assert len(stops(scene)) == 1


async def test_a_poll_telegram_closed_itself_still_gets_its_results(scene: Scene) -> None:
    poll_id, number = await open_poll(scene, "/poll Q? | a | b --close 1h")
    await scene.pipeline.deliver(scene.poll_update(poll_id, "Q?", [0, 4], 4, closed=True))
    [poll] = await stored_polls(scene)
    sent = scene.telegram.polls[GROUP["id"], poll.message_id or 0]
    scene.telegram.polls[GROUP["id"], poll.message_id or 0] = sent.model_copy(
        update={"is_closed": True}
    )
    original = scene.telegram.make_request

    async def already_closed(
        bot: Bot, method: TelegramMethod[Any], timeout: int | None = None
    ) -> Any:
        if isinstance(method, StopPoll):
            scene.telegram.calls.append(method)
            raise TelegramBadRequest(method, "Bad Request: poll has already been closed")
        return await original(bot, method, timeout)

    scene.telegram.make_request = already_closed  # type: ignore[method-assign]
    await send_confirmed(scene, GROUP, OWNER, f"/poll_close {number}")
    [results] = [t for t in scene.replies(GROUP["id"]) if "Poll closed" in t]
    assert "Winner: <b>b</b>" in results and "4 voters" in results


async def test_results_in_chinese_with_a_png_chart_drawn_in_a_cjk_font(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], "zh", datetime.now(UTC))
    question = "下一期视频拍什么？"
    poll_id, number = await open_poll(scene, f"/poll {question} | 舞蹈挑战 | 粉丝问答 --close 1h")
    await scene.pipeline.deliver(scene.poll_update(poll_id, question, [5, 2], 7))
    # filterwarnings=error: a glyph missing from the font would fail the render here.
    await send_confirmed(scene, GROUP, OWNER, f"/poll_close {number}")
    [results] = [t for t in scene.replies(GROUP["id"]) if "投票结束" in t]
    assert "胜出：<b>舞蹈挑战</b>" in results and "7 人投票" in results
    [photo] = scene.telegram.methods(SendPhoto)
    assert isinstance(photo.photo, BufferedInputFile)
    data = photo.photo.data
    assert data[:8] == PNG_SIGNATURE
    height, width, _ = mpimage.imread(io.BytesIO(data), format="png").shape
    assert width > 0 and height > 0
    font = cjk_font()
    assert font.covers(question + "舞蹈挑战粉丝问答人投票")
    assert photo.caption is not None and question in photo.caption


async def test_cancel_a_scheduled_poll_and_it_is_never_sent(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, OWNER, "/poll Later? | a | b --start 1h --close 2h")
    [poll] = await stored_polls(scene)
    assert poll.start_at is not None
    await scene.send(GROUP, OWNER, "/poll_cancel 999")
    assert "is not a scheduled poll" in scene.replies(GROUP["id"])[-1]
    await scene.send(GROUP, OWNER, f"/poll_cancel {poll.id}")
    assert "is cancelled" in scene.replies(GROUP["id"])[-1]
    clock = scene.clock(FakeClock(poll.start_at + timedelta(minutes=1)))
    assert await clock.tick() == []
    assert sent_polls(scene) == []


async def test_a_scheduled_poll_is_sent_by_the_clock_then_closed(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, OWNER, "/poll Later? | a | b --start 1h --close 2h")
    [poll] = await stored_polls(scene)
    assert poll.start_at is not None and poll.close_at is not None
    now = FakeClock(poll.start_at)
    clock = scene.clock(now)
    [sent] = await clock.tick()
    assert (sent.job, sent.detail) == (f"poll:send:{poll.id}", "sent")
    [send_poll] = sent_polls(scene)
    assert send_poll.close_date == poll.close_at
    now.value = poll.close_at
    [closed] = await clock.tick()
    assert closed.detail == "closed"
    assert (await stored_polls(scene))[0].status == "closed"


async def test_list_and_export_say_what_an_anonymous_poll_cannot_show(scene: Scene) -> None:
    public_id, public = await open_poll(scene, "/poll Public? | =SUM(A1) | b --anonymous no")
    await send_confirmed(scene, GROUP, OWNER, "/poll Secret? | a | b")
    secret = (await stored_polls(scene))[1].id
    await scene.pipeline.deliver(
        scene.answer(public_id, FANS[0], [0]),
        scene.answer(public_id, FANS[1], [1]),
        scene.answer(public_id, FANS[1], []),
        scene.poll_update(public_id, "Public?", [1, 0], 1),
    )
    await scene.send(u.private(ADMIN), ADMIN, "/polls")
    listing = scene.replies(ADMIN["id"])[-1]
    assert f"#{public}" in listing and f"#{secret}" in listing
    assert "public" in listing and "anonymous" in listing
    await scene.send(u.private(ADMIN), ADMIN, f"/poll_export {public}")
    await scene.send(u.private(ADMIN), ADMIN, f"/poll_export {secret}")
    first, second = scene.telegram.methods(SendDocument)
    assert "one row per voter" in str(first.caption)
    assert "no per-voter rows" in str(second.caption)
    assert isinstance(first.document, BufferedInputFile)
    public_csv = first.document.data.decode("utf-8")
    assert public_csv.startswith("\ufeff")
    assert "'=SUM(A1)" in public_csv  # a formula-looking option is neutralised
    assert str(FANS[0]["id"]) in public_csv and "retracted" in public_csv
    assert isinstance(second.document, BufferedInputFile)
    secret_csv = second.document.data.decode("utf-8")
    assert "user id" not in secret_csv
