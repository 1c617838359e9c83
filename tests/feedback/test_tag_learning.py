"""Learning from the operators, through the real dispatcher: every manual tag, untag and status
change is kept as a label; /tag_suggest proposes the keywords they point to, accepted or
declined by a tap, changing only this group's set; the digest counts the corrections."""

from __future__ import annotations

from typing import Any

from aiogram.methods import AnswerCallbackQuery, EditMessageText
from sqlalchemy import select

from bot.db.models import TagCorrection
from bot.db.tag_sets import load_tag_set
from bot.domain.tagging.keyword_learning import proposal_key
from handlers.callbacks import TagProposalCb
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene, keyboard

MISSED = ["字幕又对不上了", "字幕对不上啊", "这期字幕对不上"]
ELSEWHERE = ["今天的字幕很清楚", "好看", "主播好帅"]


async def correct(scene: Scene, command: str, *texts: str) -> list[dict[str, Any]]:
    """Fans write `texts`; an operator answers each with `command` (/tag bug, /mark done)."""
    sent = []
    for text in texts:
        message = (await scene.say(VICTIM, FAN, text))["message"]
        await scene.send(VICTIM, ADMIN, command, reply_to_message=message)
        sent.append(message)
    return sent


async def labels(scene: Scene) -> list[tuple[str, str]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(TagCorrection.kind, TagCorrection.value).order_by(TagCorrection.id)
        )
        return [(str(kind), str(value)) for kind, value in rows.all()]


async def keywords(scene: Scene, chat_id: int, tag: str) -> tuple[str, ...]:
    async with scene.session_factory() as session:
        return (await load_tag_set(session, chat_id)).get(tag).keywords


async def test_every_correction_is_a_label(scene: Scene) -> None:
    (message,) = await correct(scene, "/tag bug", "the sound is off")
    await scene.send(VICTIM, ADMIN, "/untag bug", reply_to_message=message)
    await scene.send(VICTIM, ADMIN, "/mark planned", reply_to_message=message)
    assert await labels(scene) == [("tag", "bug"), ("untag", "bug"), ("status", "planned")]


async def test_a_refused_correction_is_no_label(scene: Scene) -> None:
    await correct(scene, "/tag nosuchtag", "the sound is off")
    assert await labels(scene) == []


async def test_the_corrections_propose_a_keyword_accepted_by_a_tap(scene: Scene) -> None:
    for text in ELSEWHERE:
        await scene.say(VICTIM, MEMBER, text)
    await correct(scene, "/tag bug", *MISSED)
    me = await scene.choose(ADMIN, VICTIM)
    await scene.send(me, ADMIN, "/tag_suggest")
    card = scene.last_with_buttons(me)
    text = str(card.text)
    assert "from 3 manual tags and untags" in text
    assert "<b>bug</b> ← “对不上”: in 3 comments you tagged by hand, 0 others" in text
    accept, decline = keyboard(card)[:2]
    assert TagProposalCb.unpack(accept).take and not TagProposalCb.unpack(decline).take

    await scene.tap(ADMIN, me, accept)
    (edited,) = scene.edits(me)
    assert "Added “对不上” to <b>bug</b> for this group only." in str(edited.text)
    assert "Apply the new keyword to the comments already stored?" in scene.last(me)
    assert "对不上" in await keywords(scene, VICTIM["id"], "bug")
    assert "对不上" not in await keywords(scene, OTHER["id"], "bug")  # the built-in set stays

    # The group's tagger now finds it; another group's does not.
    await scene.say(VICTIM, FAN, "声音又对不上")
    await scene.send(VICTIM, ADMIN, "/inbox #bug 声音")
    assert "↳ why: bug: 对不上" in scene.last(VICTIM["id"])
    await scene.say(OTHER, FAN, "声音又对不上")
    await scene.send(OTHER, OTHER_ADMIN, "/inbox #bug")
    assert "Nothing matches." in scene.last(OTHER["id"])

    # Tapping the same proposal again changes nothing and says why.
    await scene.tap(ADMIN, me, accept)
    (alert,) = scene.calls(AnswerCallbackQuery)[-1:]
    assert alert.show_alert and "no longer open" in str(alert.text)


async def test_a_declined_keyword_is_never_proposed_again(scene: Scene) -> None:
    await correct(scene, "/tag bug", *MISSED)
    me = await scene.choose(ADMIN, VICTIM)
    await scene.send(me, ADMIN, "/tag_suggest")
    decline = keyboard(scene.last_with_buttons(me))[1]
    await scene.tap(ADMIN, me, decline)
    edited = str(scene.calls(EditMessageText)[-1].text)
    assert "“对不上” will not be proposed for <b>bug</b> again." in edited
    assert "对不上" not in edited.split("\n", 1)[1]
    assert "不上" not in edited.split("\n", 1)[1]  # nor a piece of it
    assert await keywords(scene, VICTIM["id"], "bug") == await keywords(scene, OTHER["id"], "bug")
    await scene.send(me, ADMIN, "/tag_suggest")
    assert "对不上" not in scene.last(me)


async def test_a_forged_or_foreign_proposal_changes_nothing(scene: Scene) -> None:
    await correct(scene, "/tag bug", *MISSED)
    me = await scene.choose(ADMIN, VICTIM)
    forged = TagProposalCb(chat_id=VICTIM["id"], key=proposal_key("bug", "zzz"), take=True)
    await scene.tap(ADMIN, me, forged.pack())
    assert "no longer open" in str(scene.calls(AnswerCallbackQuery)[-1].text)
    # Another group's operator cannot accept this group's proposal.
    real = TagProposalCb(chat_id=VICTIM["id"], key=proposal_key("bug", "对不上"), take=True)
    await scene.tap(OTHER_ADMIN, u.private(OTHER_ADMIN), real.pack())
    assert await keywords(scene, VICTIM["id"], "bug") == await keywords(scene, OTHER["id"], "bug")


async def test_nothing_to_propose_says_how_to_teach_it(scene: Scene) -> None:
    await correct(scene, "/tag bug", "the sound is off")  # one comment: no word recurs
    await scene.send(VICTIM, ADMIN, "/tag_suggest")
    said = scene.last(VICTIM["id"])
    assert "from 1 manual tag or untag" in said and "No proposal yet." in said


async def test_the_card_in_chinese(scene: Scene) -> None:
    await correct(scene, "/tag bug", *MISSED)
    me = await scene.choose(OWNER, VICTIM)
    await scene.send(me, OWNER, "/tag_suggest")
    assert "← “对不上”：出现在你手动打标签的 3 条留言中" in scene.last(me)
    await scene.send(u.private(OWNER), OWNER, "/language zh-TW")
    await scene.send(me, OWNER, "/tag_suggest")
    traditional = scene.last(me)
    assert "← 「对不上」：出現在你手動打標籤的 3 則留言中" in traditional


async def test_the_digest_counts_the_corrections(scene: Scene) -> None:
    (message,) = await correct(scene, "/tag bug", "the sound is off")
    await scene.send(VICTIM, ADMIN, "/mark done", reply_to_message=message)
    await scene.send(VICTIM, ADMIN, "/digest")
    digest = scene.last(VICTIM["id"])
    assert "Learning from your corrections" in digest
    assert "2 corrections (manual tags, untags and statuses) to learn from" in digest
