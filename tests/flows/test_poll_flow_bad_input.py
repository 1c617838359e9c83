"""Bad input at every step of the guided /poll: the operator is told at once, in their language,
what is wrong and how to fix it, and the step stays as it was."""

from __future__ import annotations

import pytest
from aiogram.methods import SendPoll

from handlers.callbacks import PollFlowCb
from tests.flows.support import ADMIN, GROUP, FlowChat, reads
from tests.support.scene import Scene


async def at_options(ada: FlowChat) -> None:
    await ada.send("/poll")
    await ada.type("Next video?")


async def at_times(ada: FlowChat) -> None:
    await at_options(ada)
    await ada.type("Cat vlog | Street food")
    await ada.tap("Done ▶")
    await ada.tap("Next ▶")


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("   ", "The question is empty"),
        ("x" * 301, "The question is 301 characters long; Telegram allows 300"),
        ("Cats | dogs?", "A | or a word starting with a dash would split the poll"),
        ("Cats —close 1h", "A | or a word starting with a dash would split the poll"),
    ],
)
async def test_a_bad_question(scene: Scene, typed: str, told: str) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    step = ada.screen
    await ada.type(typed)
    assert told in ada.last
    assert ada.screen == step  # still asking for the question
    await ada.type("Next video?")
    assert "Send the first option" in ada.screen


async def test_one_option_is_not_a_poll(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("Cat vlog")
    assert "Done ▶" not in ada.buttons
    # A Done tap from an older keyboard (or forged): refused, the step stays.
    done = PollFlowCb(chat_id=GROUP["id"], act="done").pack()
    await scene.tap(ADMIN, ada.chat, done, message_id=ada.current().message_id)
    assert "A poll needs at least 2 options" in ada.alerts[-1]
    assert "How do fans answer?" not in ada.screen


async def test_duplicate_and_too_long_options(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("Cat vlog")
    step = ada.screen
    await ada.type("cat VLOG")
    assert "“cat VLOG” is already an option" in ada.last
    await ada.type("y" * 101)
    assert "That option is 101 characters long; Telegram allows 100" in ada.last
    await ada.type("fine | Cat vlog")  # one bad option in a batch adds none of it
    assert "already an option" in ada.last
    assert ada.screen == step


async def test_more_options_than_telegram_allows(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type(" | ".join(f"o{n}" for n in range(1, 13)))
    assert "12 of 12 options" in ada.screen
    await ada.type("o13")
    assert "A poll can have at most 12 options" in ada.last
    assert "13. o13" not in ada.screen


async def test_typing_where_a_button_is_the_answer(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_options(ada)
    await ada.type("a | b")
    await ada.tap("Done ▶")
    await ada.type("anonymous please")
    assert "Tap one of the buttons above" in ada.last
    assert "How do fans answer?" in ada.screen


async def test_a_time_it_cannot_read(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_times(ada)
    await ada.type("soonish")
    assert "I cannot read “soonish”" in ada.last
    assert "Type a duration (30m, 2h, 1d) or a local time" in ada.last
    assert "When does it open?" in ada.screen
    await ada.type("2020-01-01 10:00")
    assert "is in the past" in ada.last
    await ada.type("30m")
    assert "When does it close?" in ada.screen


async def test_a_close_before_the_start(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await at_times(ada)
    await ada.tap("In 1 day")
    await ada.tap("Tonight 20:00")  # a bare 20:00 is within a day: before the opening
    assert "It would close before it opens" in ada.alerts[-1]
    assert "When does it close?" in ada.screen
    await ada.type("1s")
    assert "must stay open for at least 5 seconds" in ada.last
    await ada.type("２小时")  # full-width digits and a Chinese unit, counted from the opening
    assert "Preview" in ada.screen
    assert scene.calls(SendPoll) == []


async def test_bad_input_is_explained_in_chinese(scene: Scene) -> None:
    await reads(scene, ADMIN, "zh")
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    await ada.type("下期拍什么？")
    await ada.type("舞蹈")
    await ada.type("舞蹈")
    assert "“舞蹈”已经是选项了" in ada.last
    await ada.type("问答")
    await ada.tap("完成 ▶")
    await ada.tap("下一步 ▶")
    await ada.type("不久以后")
    assert "请输入时长（30m、2h、1d）或群所在时区的当地时间" in ada.last
    assert "What" not in ada.last and "Type" not in ada.last
