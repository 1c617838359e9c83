"""Nothing goes live without a preview: /poll answers its operator with what fans will see,
and only that operator's Send posts it, once. Deleting a poll made by mistake asks first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import DeleteMessage, SendPhoto
from sqlalchemy import select

from bot.db.chat_settings import set_group_language
from bot.db.models import AuditRecord
from bot.db.user_settings import set_user_language
from tests.polls.support import ADMIN, GROUP, OWNER, sent_polls, stored_polls
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.drafts import confirm, draft_buttons, send_confirmed, settled
from tests.support.scene import Scene


async def audit_actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def test_the_preview_shows_what_fans_see_and_send_posts_it_once(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, "/poll Next video? | Cat vlog | Street food --close 2h")
    preview = scene.last(GROUP)
    assert "Preview" in preview and "Next video?" in preview
    assert "1. Cat vlog" in preview and "2. Street food" in preview
    assert "(Asia/Shanghai)" in preview  # when it closes, in the group's time zone
    assert sent_polls(scene) == [] and await stored_polls(scene) == []
    send, _edit, _cancel = draft_buttons(scene, GROUP)
    await scene.tap(ADMIN, GROUP, send)
    await scene.tap(ADMIN, GROUP, send)  # a double tap, or the callback delivered again
    [sent] = sent_polls(scene)
    assert sent.question == "Next video?"
    [poll] = await stored_polls(scene)
    assert poll.status == "open"
    assert "already handled" in scene.telegram.answers()[-1]
    assert await audit_actions(scene) == ["poll-created"]


async def test_cancel_discards_it_and_says_so(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, "/poll Q? | a | b")
    send, _edit, cancel = draft_buttons(scene, GROUP)
    await scene.tap(ADMIN, GROUP, cancel)
    assert "Cancelled: nothing was sent" in settled(scene, GROUP)[-1]
    await scene.tap(ADMIN, GROUP, send)
    assert sent_polls(scene) == [] and await stored_polls(scene) == []


async def test_edit_gives_the_line_back_to_correct(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, "/poll Q? | a | bb")
    _send, edit, _cancel = draft_buttons(scene, GROUP)
    await scene.tap(ADMIN, GROUP, edit)
    assert "/poll Q? | a | bb" in settled(scene, GROUP)[-1]
    assert sent_polls(scene) == []


async def test_another_operators_tap_is_refused_and_changes_nothing(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, "/poll Q? | a | b")
    send, _edit, cancel = draft_buttons(scene, GROUP)
    await scene.tap(OWNER, GROUP, send)  # the group's owner, but not who made it
    await scene.tap(OWNER, GROUP, cancel)
    assert (
        scene.telegram.answers()[-2:]
        == ["Only the operator who made this can send or change it."] * 2
    )
    assert sent_polls(scene) == [] and settled(scene, GROUP) == []
    await scene.tap(ADMIN, GROUP, send)
    assert len(sent_polls(scene)) == 1


async def test_a_preview_left_alone_expires_in_its_readers_language(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_user_language(session, ADMIN["id"], "zh-Hant", datetime.now(UTC))
    private = u.private(ADMIN)
    await scene.send(private, ADMIN, "/poll 下期拍什麼？ | 舞蹈 | 問答")
    assert "預覽" in scene.last(private)
    clock = scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=31)))
    await clock.tick()
    assert "此預覽已失效" in settled(scene, private)[-1]
    await confirm(scene, ADMIN, private)
    assert sent_polls(scene) == []


async def test_a_chinese_group_and_phone_dashes_read_into_the_same_preview(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], "zh", datetime.now(UTC))
    await scene.send(GROUP, ADMIN, "/poll 下期拍什么？ | 舞蹈 | 问答 --close 2026-12-31 20:00")
    ascii_preview = scene.last(GROUP)
    await scene.send(GROUP, ADMIN, "/poll 下期拍什么？ ｜ 舞蹈 ｜ 问答 ——close 2026-12-31 20:00")
    assert scene.last(GROUP) == ascii_preview
    assert "预览" in ascii_preview and "结束：2026-12-31 20:00 (Asia/Shanghai)" in ascii_preview


async def test_delete_asks_first_then_removes_the_poll_and_audits(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], "zh", datetime.now(UTC))
    await send_confirmed(scene, GROUP, OWNER, "/poll Oops? | a | b --close 1h")
    [poll] = await stored_polls(scene)
    await scene.send(GROUP, OWNER, f"/poll_delete #{poll.id}")
    assert "删除投票" in scene.last(GROUP)  # asked, nothing done yet
    assert scene.calls(DeleteMessage) == []
    _yes, no = draft_buttons(scene, GROUP)
    await scene.tap(OWNER, GROUP, no)
    assert "没有任何改动" in settled(scene, GROUP)[-1]
    await send_confirmed(scene, GROUP, OWNER, f"/poll_delete {poll.id}")
    [deleted] = scene.calls(DeleteMessage)
    assert (deleted.chat_id, deleted.message_id) == (GROUP["id"], poll.message_id)
    [poll] = await stored_polls(scene)
    assert poll.status == "deleted"
    assert "已删除" in settled(scene, GROUP)[-1]
    assert await audit_actions(scene) == ["poll-created", "poll-deleted"]
    assert poll.close_at is not None
    await scene.clock(FakeClock(poll.close_at + timedelta(minutes=1))).tick()
    assert scene.calls(SendPhoto) == []  # a deleted poll never posts results
    await scene.send(GROUP, OWNER, f"/poll_delete {poll.id}")
    assert "已取消或删除" in scene.last(GROUP)


async def test_closing_early_asks_first_and_says_what_happens(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/poll Q? | a | b")
    [poll] = await stored_polls(scene)
    await scene.send(GROUP, ADMIN, f"/poll_close {poll.id}")
    assert "results are posted in the group" in scene.last(GROUP)
    [poll] = await stored_polls(scene)
    assert poll.status == "open"
    await confirm(scene, ADMIN, GROUP)
    [poll] = await stored_polls(scene)
    assert poll.status == "closed"
