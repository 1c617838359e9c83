"""Explicit feedback, questions, triage by reply, and tombstones, through the real dispatcher."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram.methods import EditMessageText, SendMessage, SetMessageReaction
from sqlalchemy import delete, func, select

from bot.db.models import (
    Comment,
    CommentVersion,
    FeedbackItem,
    FeedbackItemTag,
    FeedbackQuestion,
    ForgottenUser,
    PrivateFeedback,
    User,
)
from bot.devtools.recording_session import BOT_USER
from bot.i18n import Translator
from handlers.callbacks import FeedbackGroupCb
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, VICTIM
from tests.support.feedback import dump, tags_of
from tests.support.scene import Scene, keyboard

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")


def replies(scene: Scene) -> list[str]:
    return scene.telegram.sent(VICTIM["id"])


async def item(scene: Scene, message_id: int) -> FeedbackItem | None:
    async with scene.session_factory() as session:
        return await session.get(FeedbackItem, (VICTIM["id"], message_id))


async def test_feedback_in_the_group_is_stored_tagged_and_acknowledged_quietly(
    scene: Scene,
) -> None:
    update = scene.updates.command(VICTIM, FAN, "/feedback 字幕有问题，建议加个英文字幕")
    scene.telegram.calls.clear()
    await scene.pipeline.deliver(update)
    stored = await item(scene, update["message"]["message_id"])
    assert stored is not None and stored.explicit and stored.author_user_id == FAN["id"]
    # The comment is the feedback itself, without the command (issue 14).
    text = "字幕有问题，建议加个英文字幕"
    assert await tags_of(scene.session_factory, VICTIM["id"], text) == {"bug", "suggestion"}
    assert scene.telegram.methods(SetMessageReaction)
    assert scene.telegram.methods(SendMessage) == []


async def stored_text(scene: Scene, message_id: int) -> str | None:
    async with scene.session_factory() as session:
        return await session.scalar(
            select(Comment.text).where(
                Comment.chat_id == VICTIM["id"], Comment.message_id == message_id
            )
        )


async def test_a_feedback_message_is_stored_as_the_feedback_alone(scene: Scene) -> None:
    sent = {
        "/feedback 希望出一期新手教程": "希望出一期新手教程",
        f"/feedback@{BOT_USER.username}   建議加繁體字幕": "建議加繁體字幕",
        "/feedback\nthe intro music is too loud": "the intro music is too loud",
        "/feedback": "/feedback",  # nothing to store but the command: refused with the usage
    }
    for typed, expected in sent.items():
        update = scene.updates.command(VICTIM, FAN, typed)
        await scene.pipeline.deliver(update)
        assert await stored_text(scene, update["message"]["message_id"]) == expected
    assert await tags_of(scene.session_factory, VICTIM["id"], "希望出一期新手教程")
    assert replies(scene)[-1] == str(EN("feedback-usage"))


async def test_bad_feedback_is_refused_with_a_reason(scene: Scene) -> None:
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, FAN, "/feedback")
    assert replies(scene)[-1] == str(EN("feedback-usage"))
    await scene.send(VICTIM, FAN, "/feedback " + "长" * 2001)
    assert replies(scene)[-1] == str(EN("feedback-too-long", limit=2000))
    assert await dump(scene.session_factory) == before


async def test_replies_to_a_question_are_feedback_on_its_topic(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/ask topic_idea What should the next video be about?")
    assert "What should the next video be about?" in replies(scene)[-1]
    async with scene.session_factory() as session:
        question = (await session.scalars(select(FeedbackQuestion))).one()
    bot_message = {
        "message_id": question.message_id,
        "date": scene.updates.clock,
        "chat": VICTIM,
        "from": BOT_USER.model_dump(exclude_none=True),
        "text": "❓ What should the next video be about?",
    }
    answer = scene.updates.message(VICTIM, FAN, "猫咪日常", reply_to_message=bot_message)
    await scene.pipeline.deliver(answer)
    stored = await item(scene, answer["message"]["message_id"])
    assert stored is not None and stored.explicit
    assert stored.question_message_id == question.message_id
    assert await tags_of(scene.session_factory, VICTIM["id"], "猫咪日常") == {"topic_idea"}
    await scene.send(VICTIM, ADMIN, "/ask nosuch Anything?")
    assert replies(scene)[-1] == str(EN("tags-error", code="unknown_tag", value="nosuch"))


async def test_operators_tag_mark_and_link_dupes_by_reply(scene: Scene) -> None:
    first = scene.updates.message(VICTIM, FAN, "please add subtitles")
    second = scene.updates.message(VICTIM, FAN, "subtitles please!!")
    await scene.pipeline.deliver(first, second)
    target = first["message"]

    async def by_reply(text: str, to: dict[str, Any] = target, who: dict[str, Any] = ADMIN) -> str:
        await scene.pipeline.deliver(scene.updates.command(VICTIM, who, text, reply_to_message=to))
        return replies(scene)[-1]

    assert await by_reply("/tag praise") == str(EN("tag-manual-done", tag="praise", present="true"))
    assert await by_reply("/untag suggestion") == str(
        EN("tag-manual-done", tag="suggestion", present="false")
    )
    assert await tags_of(scene.session_factory, VICTIM["id"], "please add subtitles") == {"praise"}
    assert await by_reply("/mark 已完成") == str(EN("mark-done", status="done"))
    assert await by_reply("/mark 已計劃") == str(EN("mark-done", status="planned"))
    original_id = target["message_id"]
    assert await by_reply(f"/dupe ＃{original_id}", to=second["message"]) == str(
        EN("dupe-done", original=original_id)
    )
    before = await dump(scene.session_factory)
    assert await by_reply("/tag nosuch") == str(
        EN("tags-error", code="unknown_tag", value="nosuch")
    )
    assert await by_reply("/mark someday") == str(EN("mark-bad-status", value="someday"))
    assert await by_reply("/mark plannd") == "\n".join(
        [
            str(EN("mark-bad-status", value="plannd")),
            str(EN("mark-did-you-mean", suggestion="/mark planned")),
        ]
    )
    assert await by_reply("/mark") == str(EN("mark-usage"))
    assert await by_reply("/dupe 999999") == str(EN("dupe-unknown", original=999999))
    assert await by_reply("/dupe #999999") == str(EN("dupe-unknown", original=999999))
    assert await by_reply(f"/dupe {target['message_id']}") == str(EN("dupe-itself"))
    assert await by_reply("/mark done", who=MEMBER) != str(EN("mark-done", status="done"))
    await scene.send(VICTIM, ADMIN, "/mark done")
    assert replies(scene)[-1] == str(EN("mark-usage"))
    assert await dump(scene.session_factory) == before
    async with scene.session_factory() as session:
        marked = await session.get(FeedbackItem, (VICTIM["id"], target["message_id"]))
        dupe = await session.get(FeedbackItem, (VICTIM["id"], second["message"]["message_id"]))
    assert marked is not None and marked.status == "planned"
    assert dupe is not None and dupe.duplicate_of == target["message_id"]


async def test_a_tombstone_keeps_redelivered_updates_and_edits_out(scene: Scene) -> None:
    original = scene.updates.message(VICTIM, FAN, "the app crashes again")
    feedback = scene.updates.command(VICTIM, FAN, "/feedback love it")
    async with scene.session_factory() as session, session.begin():
        session.add(ForgottenUser(user_id=FAN["id"], forgotten_at=datetime.now(UTC)))
        # What /forget removes (the fan said "hello" in the scene's setup).
        await session.execute(delete(Comment).where(Comment.author_user_id == FAN["id"]))
        await session.execute(delete(User).where(User.id == FAN["id"]))
    await scene.pipeline.deliver(original, feedback)
    await scene.pipeline.deliver(scene.updates.edit(original, "the app crashes, edited"))
    await scene.pipeline.deliver(original)
    async with scene.session_factory() as session:
        counts = [
            await session.scalar(select(func.count()).select_from(model).where(column))
            for model, column in (
                (Comment, Comment.author_user_id == FAN["id"]),
                (User, User.id == FAN["id"]),
                (FeedbackItem, FeedbackItem.author_user_id == FAN["id"]),
                (FeedbackItemTag, FeedbackItemTag.chat_id == VICTIM["id"]),
                (CommentVersion, CommentVersion.chat_id == VICTIM["id"]),
            )
        ]
    assert counts == [0, 0, 0, 0, 0]


async def test_feedback_in_private_chat_asks_which_group_when_the_fan_writes_in_several(
    scene: Scene,
) -> None:
    await scene.say(VICTIM, FAN, "hello from the first group")
    await scene.say(OTHER, FAN, "hello from the second group")
    scene.telegram.started.add(FAN["id"])
    fan_chat = u.private(FAN)
    request = scene.updates.command(fan_chat, FAN, "/feedback 希望多拍幕后花絮")
    await scene.pipeline.deliver(request)
    (picker_call,) = [c for c in scene.telegram.methods(SendMessage) if c.chat_id == FAN["id"]]
    assert picker_call.text == str(ZH("feedback-pick-group"))  # the fan's Telegram language
    buttons = keyboard(picker_call)
    assert len(buttons) == 2
    picker = scene.updates.message_payload(
        fan_chat,
        BOT_USER.model_dump(exclude_none=True),
        text="…",
        reply_to_message=request["message"],
    )
    chosen = FeedbackGroupCb(chat_id=OTHER["id"], message_id=request["message"]["message_id"])
    assert chosen.pack() in buttons
    before = await dump(scene.session_factory)

    # Forged presses change nothing: someone else, a group the fan does not write in, a stale id.
    for person, data in (
        (MEMBER, chosen.pack()),
        (FAN, FeedbackGroupCb(chat_id=-100777, message_id=chosen.message_id).pack()),
        (FAN, FeedbackGroupCb(chat_id=OTHER["id"], message_id=999).pack()),
    ):
        await scene.pipeline.deliver(scene.updates.click(person, picker, data))
    assert await dump(scene.session_factory) == before

    await scene.pipeline.deliver(scene.updates.click(FAN, picker, chosen.pack()))
    async with scene.session_factory() as session:
        stored = (await session.execute(select(PrivateFeedback))).scalars().all()
        comment = await session.scalar(select(Comment).where(Comment.message_id < 0))
    assert [(row.chat_id, row.user_id) for row in stored] == [(OTHER["id"], FAN["id"])]
    assert comment is not None
    assert (comment.chat_id, comment.text) == (OTHER["id"], "希望多拍幕后花絮")
    assert scene.telegram.methods(EditMessageText)[-1].text == str(ZH("feedback-thanks"))
