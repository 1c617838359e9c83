"""A giveaway goes live only from its preview's Send, once; deleting one made by mistake and
cancelling one ask first, and a deleted giveaway never draws."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import DeleteMessage, SendDocument

from bot.db.chat_settings import set_group_language
from tests.giveaways.support import GROUP, audit_actions, draws_of, end_and_tick, giveaways
from tests.support.cast import ADMIN, OWNER
from tests.support.drafts import confirm, draft_buttons, send_confirmed, settled
from tests.support.scene import Scene


async def test_the_preview_is_the_announcement_and_send_posts_it_once(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], "zh-Hant", datetime.now(UTC))
    await scene.send(GROUP, ADMIN, "/giveaway 2 2h 簽名海報 ｜ member")
    preview = scene.last(GROUP)
    assert "預覽" in preview and "簽名海報" in preview and "中獎人數：<b>2</b>" in preview
    assert await giveaways(scene.session_factory) == []
    send, _edit, _cancel = draft_buttons(scene, GROUP)
    await scene.tap(OWNER, GROUP, send)  # not the operator who made it
    assert await giveaways(scene.session_factory) == []
    await scene.tap(ADMIN, GROUP, send)
    await scene.tap(ADMIN, GROUP, send)
    [record] = await giveaways(scene.session_factory)
    assert record.prize == "簽名海報"
    assert await audit_actions(scene.session_factory) == ["giveaway-created"]
    assert f"#{record.id}" in settled(scene, GROUP)[-1]


async def test_delete_asks_then_removes_the_announcement_and_it_never_draws(
    scene: Scene,
) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    await scene.send(GROUP, ADMIN, f"/giveaway_delete ＃{record.id}")
    assert "never draws" in scene.last(GROUP)
    assert scene.calls(DeleteMessage) == []
    await confirm(scene, ADMIN, GROUP)
    [deleted] = scene.calls(DeleteMessage)
    assert (deleted.chat_id, deleted.message_id) == (GROUP["id"], record.message_id)
    [record] = await giveaways(scene.session_factory)
    assert record.status == "deleted"
    assert "is deleted" in settled(scene, GROUP)[-1]
    await end_and_tick(scene, draws_of(scene), record.id)
    assert scene.calls(SendDocument) == []  # no draw, no transcript
    assert await audit_actions(scene.session_factory) == ["giveaway-created", "giveaway-deleted"]


async def test_cancelling_asks_first_and_no_keeps_it_open(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    await scene.send(GROUP, ADMIN, f"/giveaway_cancel {record.id} the prize did not arrive")
    assert "nobody wins" in scene.last(GROUP) and "the prize did not arrive" in scene.last(GROUP)
    _yes, no = draft_buttons(scene, GROUP)
    await scene.tap(ADMIN, GROUP, no)
    [record] = await giveaways(scene.session_factory)
    assert record.status == "open"
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway_cancel {record.id} sold out")
    [record] = await giveaways(scene.session_factory)
    assert (record.status, record.cancel_reason) == ("cancelled", "sold out")
