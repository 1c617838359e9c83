"""The inbox says why: each item's automatic sentiment and tags with the words that decided
them, in the reader's language, stored with the comment."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import FeedbackItem, FeedbackItemTag
from bot.services.retag import Retagger
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, OWNER, VICTIM
from tests.support.scene import Scene, keyboard


async def test_the_inbox_shows_the_words_that_decided_in_every_language(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "載入太慢了，涼了")
    await scene.say(VICTIM, FAN, "the app crashes on start")

    await scene.send(VICTIM, ADMIN, "/inbox")
    english = scene.last(VICTIM["id"])
    assert "↳ why: negative: 太慢, 涼了" in english
    assert "↳ why: bug: crashes" in english

    me = await scene.choose(OWNER, VICTIM)
    await scene.send(me, OWNER, "/inbox")
    assert "↳ 依据：负面：太慢、涼了" in scene.last(OWNER["id"])

    await scene.send(u.private(ADMIN), ADMIN, "/language zh-TW")
    await scene.choose(ADMIN, VICTIM)
    await scene.send(u.private(ADMIN), ADMIN, "/inbox")
    assert "↳ 依據：負面：太慢、涼了" in scene.last(ADMIN["id"])


async def test_evidence_is_stored_with_the_comment(scene: Scene) -> None:
    sent = await scene.say(VICTIM, FAN, "闪退了 #bug")
    message_id = sent["message"]["message_id"]
    async with scene.session_factory() as session:
        item = await session.get(FeedbackItem, (VICTIM["id"], message_id))
        tag = await session.scalar(
            select(FeedbackItemTag.evidence).where(
                FeedbackItemTag.message_id == message_id, FeedbackItemTag.tag == "bug"
            )
        )
    assert item is not None and item.evidence == '["闪退"]'
    assert tag == '["闪退", "#bug"]'


async def test_an_operators_tag_has_no_evidence_line(scene: Scene) -> None:
    sent = await scene.say(VICTIM, FAN, "see you at the meetup")
    await scene.pipeline.deliver(
        scene.updates.command(VICTIM, ADMIN, "/tag collab", reply_to_message=sent["message"])
    )
    await scene.send(VICTIM, ADMIN, "/inbox #collab")
    shown = scene.last(VICTIM["id"])
    assert "1 item," in shown and "see you at the meetup" in shown
    assert "why:" not in shown


async def test_a_fans_markup_in_the_evidence_is_escaped(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "<b>bug</b> here")
    await scene.send(VICTIM, ADMIN, "/inbox")
    assert "why: bug: bug" in scene.last(VICTIM["id"])
    assert "<b>bug" not in scene.last(VICTIM["id"])


async def test_re_tagging_history_stores_the_new_tags_evidence(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "聲音又對不上")
    await scene.send(VICTIM, ADMIN, "/tag_add bug 对不上")
    go = keyboard(scene.last_with_buttons(VICTIM))[0]
    await scene.tap(ADMIN, VICTIM, go, message_id=4242)
    retagger = scene.pipeline.dispatcher["retag"]
    assert isinstance(retagger, Retagger)
    await retagger.settle()
    await scene.send(VICTIM, ADMIN, "/inbox #bug")
    assert "↳ why: bug: 對不上" in scene.last(VICTIM["id"])
