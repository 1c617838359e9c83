"""The scene's primitives reach the bot as Telegram would send them: joins and leaves, edits,
reactions, votes and button presses each leave what the real handlers make of them."""

from __future__ import annotations

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import EditMessageText, GetChatAdministrators
from sqlalchemy import select

from bot.db.models import Comment, GroupEvent, PollRecord, PollVote
from handlers.callbacks import GroupPickCb
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OWNER, VICTIM
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene, keyboard

NEWCOMER = u.user(9777, "Nia", username="nia")


async def events(scene: Scene) -> list[tuple[str, int]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(GroupEvent.kind, GroupEvent.user_id).order_by(GroupEvent.id)
        )
        return [(kind, user_id) for kind, user_id in rows.all()]


async def test_a_join_and_a_leave_are_counted_for_the_digest(scene: Scene) -> None:
    await scene.join(VICTIM, NEWCOMER)
    await scene.leave(VICTIM, NEWCOMER)
    assert await events(scene) == [("join", NEWCOMER["id"]), ("leave", NEWCOMER["id"])]


async def test_an_edit_replaces_the_stored_text(scene: Scene) -> None:
    original = await scene.say(VICTIM, FAN, "first words")
    await scene.edit(original, "second thoughts")
    async with scene.session_factory() as session:
        texts = (
            await session.scalars(select(Comment.text).where(Comment.author_user_id == FAN["id"]))
        ).all()
    assert "second thoughts" in texts
    assert "first words" not in texts


async def test_a_reaction_is_counted_once(scene: Scene) -> None:
    message = await scene.say(VICTIM, MEMBER, "look at this")
    message_id = message["message"]["message_id"]
    await scene.react(VICTIM, FAN, message_id)
    assert await events(scene) == [("reaction", FAN["id"])]


async def test_a_vote_on_the_bots_poll_is_stored(scene: Scene) -> None:
    scene.telegram.set_status(VICTIM["id"], scene.pipeline.bot.id, "administrator")
    await send_confirmed(scene, VICTIM, OWNER, "/poll Tea or coffee? | tea | coffee --anonymous no")
    async with scene.session_factory() as session:
        [poll] = (await session.scalars(select(PollRecord))).all()
    assert poll.telegram_poll_id is not None
    await scene.vote(poll.telegram_poll_id, FAN, [1])
    async with scene.session_factory() as session:
        [vote] = (await session.scalars(select(PollVote))).all()
    assert (vote.user_id, vote.option_ids) == (FAN["id"], "1")


async def test_a_tap_on_the_bots_button_is_handled(scene: Scene) -> None:
    scene.telegram.set_status(OTHER["id"], ADMIN["id"], "administrator")
    await scene.say(OTHER, ADMIN, "hello other group")
    await scene.send(u.private(ADMIN), ADMIN, "/groups")
    choices = keyboard(scene.last_with_buttons(ADMIN["id"]))
    assert choices[0] == GroupPickCb(chat_id=OTHER["id"]).pack()
    await scene.tap(ADMIN, u.private(ADMIN), choices[0])
    [chosen] = scene.calls(EditMessageText)
    assert OTHER["title"] in str(chosen.text)


async def test_replies_read_the_home_chat_unless_told(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/help")
    await scene.send(u.private(ADMIN), ADMIN, "/help")
    assert scene.replies() == scene.replies(VICTIM) == scene.replies(VICTIM["id"])
    assert scene.last() == scene.replies()[-1]
    assert scene.replies(ADMIN["id"]) != []


async def test_a_scripted_error_is_what_the_bot_gets(scene: Scene) -> None:
    scene.telegram.fail(
        GetChatAdministrators,
        TelegramBadRequest,
        "Bad Request: chat not found",
        chat_id=VICTIM["id"],
    )
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await scene.pipeline.bot.get_chat_administrators(VICTIM["id"])
    assert len(scene.calls(GetChatAdministrators)) == 1


def test_the_fake_clock_moves_both_readings_together() -> None:
    clock = FakeClock()
    start = clock()
    clock.now += 90
    assert (clock() - start).total_seconds() == 90
    clock.value = start
    assert clock.elapsed() == 0


async def test_an_instance_clock_runs_the_features_jobs_on_fake_time(scene: Scene) -> None:
    clock = scene.clock(FakeClock(), instance="elsewhere")
    assert clock.instance == "elsewhere"
    assert await clock.tick() == []
