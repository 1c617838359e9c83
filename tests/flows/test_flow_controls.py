"""What every guided flow has alike, shown on /poll: Cancel and Back, a flow left alone expires
and says so, a restart in the middle goes on, two operators never cross, Edit on the preview
comes back into the flow, and who may start it where."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendPoll
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import func, select

from bot.db.models import ConversationState, FailedUpdate
from bot.db.operators import select_group
from tests.flows.support import ADMIN, FAN, GROUP, OTHER_ADMIN, OWNER, FlowChat, reads
from tests.support.clock import FakeClock
from tests.support.scene import Scene


async def at_options(chat: FlowChat, question: str = "Next video?") -> None:
    await chat.send("/poll")
    await chat.type(question)


async def stored_flows(scene: Scene) -> int:
    async with scene.session_factory() as session:
        rows = select(func.count()).select_from(ConversationState)
        return int(await session.scalar(rows.where(ConversationState.state.is_not(None))) or 0)


async def failed_updates(scene: Scene) -> int:
    async with scene.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(FailedUpdate)) or 0)


async def test_cancel_at_any_step_keeps_nothing(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("Cat vlog")
    await ada.tap("✖️ Cancel")
    assert "Cancelled; nothing was kept. Start again with /poll." in ada.last
    assert await stored_flows(scene) == 0
    await ada.type("Street food")  # no flow any more: plain text in private
    assert "To send feedback" in ada.last
    await ada.send("/poll")
    assert "Send the question" in ada.screen and "Cat vlog" not in ada.screen


async def test_back_goes_one_step_back_with_everything_kept(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("Cat vlog | Street food")
    await ada.tap("Done ▶")
    await ada.tap("◀ Back")
    assert "1. Cat vlog" in ada.screen and "2. Street food" in ada.screen
    await ada.tap("↩ Remove the last option")
    assert "Street food" not in ada.screen
    await ada.tap("◀ Back")
    assert "Send the question" in ada.screen and "Next video?" in ada.screen
    assert "◀ Back" not in ada.buttons  # the first step has nothing behind it
    await ada.type("Which video next?")  # a new question replaces the old one
    assert "Which video next?" in ada.screen and "1. Cat vlog" in ada.screen


async def test_a_flow_left_alone_expires_and_says_so(scene: Scene) -> None:
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    clock.value += timedelta(minutes=29)
    await ada.type("Cat vlog")  # still alive: and the wait starts again
    clock.value += timedelta(minutes=31)
    await ada.type("Street food")
    assert ada.last == (
        "This flow was left alone for 30 minutes and expired; nothing was kept."
        " Start again with /poll."
    )
    assert await stored_flows(scene) == 0
    assert scene.calls(SendPoll) == []


async def test_a_tap_on_an_expired_flow_edits_it_in_the_readers_language(scene: Scene) -> None:
    await reads(scene, ADMIN, "zh-Hant")
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    ada = FlowChat(scene, ADMIN)
    await at_options(ada, "下期拍什麼？")
    await ada.type("舞蹈｜問答")
    step = ada.current()
    clock.value += timedelta(minutes=31)
    await ada.tap("完成 ▶")
    assert "此流程閒置 30 分鐘，已過期" in ada.last
    assert ada.last.startswith("此流程")
    edited = scene.telegram.calls[-2]
    assert getattr(edited, "message_id", None) == step.message_id  # the step itself says so
    await scene.tap(ADMIN, ada.chat, ada_button(step.markup, "完成 ▶"), message_id=step.message_id)
    assert "此流程已結束" in ada.alerts[-1]


def ada_button(markup: InlineKeyboardMarkup | None, label: str) -> str:
    assert markup is not None
    return next(
        str(button.callback_data)
        for row in markup.inline_keyboard
        for button in row
        if button.text == label
    )


async def test_a_restart_in_the_middle_goes_on(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("Cat vlog")
    await ada.type("Street food")
    scene.restart(default_timezone="Asia/Shanghai")  # a new process over the same database
    await ada.tap("Done ▶")
    await ada.tap("Next ▶")
    await ada.tap("Now")
    await ada.tap("When I close it")
    await ada.tap("✅ Send")
    [sent] = scene.calls(SendPoll)
    assert sent.question == "Next video?"
    assert [option.text for option in sent.options] == ["Cat vlog", "Street food"]


async def test_two_operators_in_flows_at_once_never_cross(scene: Scene) -> None:
    ada, bo = FlowChat(scene, ADMIN), FlowChat(scene, OTHER_ADMIN)
    await ada.send("/poll")
    await bo.send("/poll")
    await ada.type("Ada's question?")
    await bo.type("Bo's question?")
    await bo.type("b1 | b2")
    await ada.type("a1")
    await ada.type("a2")
    assert "Ada's question?" in ada.screen and "a2" in ada.screen and "b1" not in ada.screen
    assert "Bo's question?" in bo.screen and "a1" not in bo.screen
    for chat in (bo, ada):
        await chat.tap("Done ▶")
        await chat.tap("Next ▶")
        await chat.tap("Now")
        await chat.tap("When I close it")
        await chat.tap("✅ Send")
    bo_poll, ada_poll = scene.calls(SendPoll)
    assert (bo_poll.question, [o.text for o in bo_poll.options]) == ("Bo's question?", ["b1", "b2"])
    assert (ada_poll.question, [o.text for o in ada_poll.options]) == (
        "Ada's question?",
        ["a1", "a2"],
    )


async def test_edit_on_the_preview_comes_back_into_the_flow(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("Cat vlog | Street food")
    await ada.tap("Done ▶")
    await ada.tap("Next ▶")
    await ada.tap("Now")
    await ada.tap("In 1 day")
    await ada.tap("✏️ Edit")
    assert "Next video?" in ada.screen and "2. Street food" in ada.screen
    await ada.tap("Keep this question ▶")
    await ada.type("Q&A")
    await ada.tap("Done ▶")
    await ada.tap("Next ▶")
    await ada.tap("Now")
    await ada.tap("When I close it")
    assert "3. Q&amp;A" in ada.screen  # the operator's words, escaped in the preview's HTML
    await ada.tap("✅ Send")
    [sent] = scene.calls(SendPoll)
    assert [option.text for option in sent.options] == ["Cat vlog", "Street food", "Q&A"]


async def test_in_a_group_it_says_to_open_the_bot_in_private(scene: Scene) -> None:
    await scene.send(GROUP, OWNER, "/poll")
    [reply] = scene.messages(GROUP)
    assert "open me in private chat and send /poll there" in str(reply.text)
    assert isinstance(reply.reply_markup, InlineKeyboardMarkup)
    [[button]] = reply.reply_markup.inline_keyboard
    assert button.url == "https://t.me/fanpulse_bot?start=console"
    await scene.send(GROUP, OWNER, "/poll help")  # the one-line form's help is still there
    assert "/poll" in scene.replies(GROUP)[-1] and "|" in scene.replies(GROUP)[-1]


async def test_before_a_group_is_chosen_it_asks_which_one(scene: Scene) -> None:
    await scene.say(GROUP, OWNER, "大家好")  # the owner is known to run this group
    mei = FlowChat(scene, OWNER)
    await mei.send("/poll")
    assert "这个投票发到哪个群？" in mei.screen and mei.buttons == ["Cat fans"]
    await mei.tap("Cat fans")
    assert "为 Cat fans 新建投票" in mei.screen
    await mei.type("下期拍什么？")
    assert "请发送第一个选项" in mei.screen


async def test_a_fan_cannot_start_it(scene: Scene) -> None:
    fan = FlowChat(scene, FAN)
    await fan.send("/poll")
    assert "You do not run any group" in fan.last
    async with scene.session_factory() as session, session.begin():
        await select_group(session, FAN["id"], GROUP["id"], datetime.now(UTC))
    await fan.send("/poll")
    assert "This needs the" in fan.last
    await fan.type("Next video?")
    assert "To send feedback" in fan.last
    assert await stored_flows(scene) == 0


async def test_a_tap_on_a_step_the_flow_moved_on_from(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    asked = ada.current()
    await ada.type("Next video?")  # the next step is a new message below
    cancel = ada_button(asked.markup, "✖️ Cancel")
    await scene.tap(ADMIN, ada.chat, cancel, message_id=asked.message_id)
    assert ada.alerts[-1] == "This step has moved on: answer the latest message below."
    assert "Send the first option" in ada.screen  # nothing cancelled


async def test_a_tap_telegram_finds_already_shown_is_answered(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("a | b")
    scene.telegram.fail(
        EditMessageText, TelegramBadRequest, "Bad Request: message is not modified"
    )  # a double tap: Telegram refuses to edit a message into what it shows
    await ada.tap("Done ▶")
    assert scene.calls(AnswerCallbackQuery)  # the button stops spinning
    assert await failed_updates(scene) == 0
