"""The guided /poll, as an operator walks through it in private chat, in each language: question,
options, toggles, times, then the one-line form's own preview, and Send makes the live poll."""

from __future__ import annotations

from aiogram.methods import SendPoll
from sqlalchemy import select

from bot.db.models import PollRecord
from tests.flows.support import ADMIN, FAN, GROUP, OWNER, FlowChat, reads
from tests.support.scene import Scene


async def stored_sources(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(PollRecord.source))).all())


async def test_an_operator_makes_a_poll_step_by_step_in_english(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    assert "New poll for Cat fans" in ada.screen
    await ada.type("Next video?")
    assert "Send the first option" in ada.screen
    await ada.type("Cat vlog")
    assert "Done ▶" not in ada.buttons  # one option is not a choice
    await ada.type("Street food")
    await ada.tap("Done ▶")
    assert "How do fans answer?" in ada.screen
    await ada.tap("⬜ Several answers allowed")
    assert "✅ Several answers allowed" in ada.buttons  # toggled in place
    await ada.tap("Next ▶")
    assert "When does it open?" in ada.screen
    await ada.tap("Now")
    assert "When does it close?" in ada.screen
    await ada.tap("In 1 day")
    preview = ada.screen
    assert "Preview" in preview and "Next video?" in preview and "2. Street food" in preview
    assert "Closes:" in preview and "(Asia/Shanghai)" in preview
    assert scene.calls(SendPoll) == []  # nothing goes live before Send
    await ada.tap("✅ Send")
    [sent] = scene.calls(SendPoll)
    assert sent.chat_id == GROUP["id"] and sent.question == "Next video?"
    assert [option.text for option in sent.options] == ["Cat vlog", "Street food"]
    assert sent.allows_multiple_answers is True and sent.is_anonymous is True
    assert await stored_sources(scene) == ["flow"]
    assert "Poll #1 is in Cat fans" in ada.last


async def test_in_chinese_with_a_chinese_keyboard(scene: Scene) -> None:
    await reads(scene, ADMIN, "zh")
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    assert "为 Cat fans 新建投票" in ada.screen
    await ada.type("下期拍什么？")
    await ada.type("舞蹈｜问答")  # several options at once, with a full-width bar
    assert "1. 舞蹈" in ada.screen and "2. 问答" in ada.screen
    await ada.type("　Vlog　")  # full-width spaces around it
    assert "3. Vlog" in ada.screen
    await ada.tap("完成 ▶")
    await ada.tap("✅ 匿名投票")
    assert "⬜ 匿名投票" in ada.buttons
    await ada.tap("下一步 ▶")
    await ada.tap("现在")
    await ada.type("23：59")  # a local time typed with a full-width colon
    preview = ada.screen
    assert "预览" in preview and "结束：" in preview and "23:59 (Asia/Shanghai)" in preview
    await ada.tap("✅ 发送")
    [sent] = scene.calls(SendPoll)
    assert sent.question == "下期拍什么？" and sent.is_anonymous is False
    assert [option.text for option in sent.options] == ["舞蹈", "问答", "Vlog"]
    assert "已发到 Cat fans" in ada.last


async def test_a_quiz_in_traditional_chinese(scene: Scene) -> None:
    await reads(scene, ADMIN, "zh-Hant")
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    assert "為 Cat fans 新增投票" in ada.screen
    await ada.type("貓咪幾歲了？")
    await ada.type("一歲")
    await ada.type("兩歲")
    await ada.tap("完成 ▶")
    await ada.tap("⬜ 測驗（一個正確答案）")
    await ada.tap("下一步 ▶")
    assert "哪個選項是正確答案？" in ada.screen
    await ada.tap("2. 兩歲")
    await ada.tap("現在")
    await ada.tap("1 天後")
    assert "預覽" in ada.screen
    await ada.tap("✅ 發送")
    [sent] = scene.calls(SendPoll)
    assert sent.type == "quiz" and sent.correct_option_ids == [1]
    assert "已發到 Cat fans" in ada.last


async def test_a_scheduled_start_and_a_close_counted_from_it(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    await ada.type("Q?")
    await ada.type("a | b")
    await ada.tap("Done ▶")
    await ada.tap("Next ▶")
    await ada.type("2h")
    await ada.tap("In 1 hour")
    preview = ada.screen
    assert "Opens:" in preview and "Closes:" in preview
    await ada.tap("✅ Send")
    assert scene.calls(SendPoll) == []  # the clock sends it at its start
    assert "will be sent to Cat fans" in ada.last


async def test_picking_options_from_the_groups_topic_ideas(scene: Scene) -> None:
    for fan, text in [
        (FAN, "下期出猫咪"),
        (OWNER, "想看猫咪"),
        (FAN, "next video about street food"),
    ]:
        await scene.say(GROUP, fan, text)
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    await ada.type("Which topic next?")
    await ada.tap("💡 Pick from the group's topic ideas")
    assert "Topic ideas fans mentioned most" in ada.screen
    idea = next(label for label in ada.buttons if "猫咪" in label)
    await ada.tap(idea)
    assert f"✅ {idea}" in ada.buttons
    await ada.tap(f"✅ {idea}")  # again: taken back
    await ada.tap(idea)
    await ada.tap("Done ▶")
    await ada.type("Something else")
    assert f"1. {idea}" in ada.screen and "2. Something else" in ada.screen
    await ada.tap("Done ▶")
    await ada.tap("Next ▶")
    await ada.tap("Now")
    await ada.tap("When I close it")
    await ada.tap("✅ Send")
    [sent] = scene.calls(SendPoll)
    assert [option.text for option in sent.options] == [idea, "Something else"]


async def test_without_topic_ideas_it_says_so_and_stays(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/poll")
    await ada.type("Q?")
    before = ada.screen
    await ada.tap("💡 Pick from the group's topic ideas")
    assert "No topic ideas" in ada.alerts[-1]
    assert ada.screen == before
