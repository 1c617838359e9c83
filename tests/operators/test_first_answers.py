"""First answers that fit who is asking, through the dispatcher: /start and /help in a group
and in private for fans and operators, /mydata and /forget typed in a group (also by a fan who
never started the bot), what is left unanswered in private, /feedback as a reply, the bot's one
introduction to a group, and what /status says about reading."""

from __future__ import annotations

from typing import Any

from aiogram.methods import SendMessage, SetMessageReaction
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import select

from bot.db.models import Comment, FeedbackItem
from bot.devtools.recording_session import BOT_USER
from bot.i18n import Locale, Translator
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene

TEXTS = Translator.load()
NEW = u.group(-1001000000444, "Brand new fans")
BOT = {"id": BOT_USER.id, "is_bot": True, "first_name": "fanpulse", "username": "fanpulse_bot"}
NEVER_STARTED = u.user(9107, "Quiet", username="quiet_fan", language_code="zh-tw")


def text(locale: Locale, key: str, **args: Any) -> str:
    return str(TEXTS.text(locale, key, **args))


def url_buttons(call: SendMessage) -> list[str]:
    markup = call.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [str(button.url) for row in markup.inline_keyboard for button in row]


async def test_start_and_help_in_a_group_are_one_line_that_fits_who_asks(scene: Scene) -> None:
    await scene.send(VICTIM, FAN, "/help")
    await scene.send(VICTIM, MEMBER, "/start@fanpulse_bot")
    assert scene.replies()[-2:] == [text("en", "help-group-fan")] * 2
    assert "\n" not in text("en", "help-group-fan")
    await scene.send(VICTIM, ADMIN, "/help")
    answer = scene.messages()[-1]
    assert answer.text == text("en", "help-group-operator")
    assert url_buttons(answer) == ["https://t.me/fanpulse_bot?start=console"]
    # In the group's language once its operators choose one.
    await scene.send(VICTIM, ADMIN, "/language 繁體")
    await scene.send(VICTIM, FAN, "/start")
    assert scene.last() == text("zh-Hant", "help-group-fan")


async def test_a_fans_start_in_private_is_the_fans_and_an_operators_is_the_console(
    scene: Scene,
) -> None:
    await scene.send(u.private(FAN), FAN, "/start")
    assert scene.last(FAN) == text("zh", "start-fan")
    for command in ("/feedback", "/mydata", "/forget"):
        assert command in scene.last(FAN)
    await scene.send(u.private(FAN), FAN, "/start console")  # the group's button, as a fan
    assert scene.last(FAN) == text("zh", "start-fan")
    await scene.say(VICTIM, ADMIN, "hello")
    await scene.send(u.private(ADMIN), ADMIN, "/start console")
    console = scene.messages(ADMIN)[-1]
    assert str(console.text).startswith(text("en", "start"))
    assert text("en", "groups-list", count=1) in str(console.text)
    assert console.reply_markup is not None
    await scene.send(u.private(FAN), FAN, "/help")
    assert scene.last(FAN) == text("zh", "help-fan")
    await scene.send(u.private(ADMIN), ADMIN, "/help")
    assert scene.last(ADMIN) == text("en", "help-private")


async def test_mydata_in_a_group_goes_to_the_fan_in_private(scene: Scene) -> None:
    scene.telegram.started.add(FAN["id"])
    await scene.send(VICTIM, FAN, "/mydata")
    assert scene.last() == text("en", "privacy-sent-privately")
    assert scene.last(FAN) == text("zh", "mydata-from-group", title=VICTIM["title"])
    ((document, caption),) = scene.documents(FAN)
    assert b"hello" in document and caption.startswith(text("zh", "mydata-caption", comments=1)[:4])
    assert scene.documents(VICTIM) == []


async def test_forget_in_a_group_asks_the_fan_in_private_with_the_buttons(scene: Scene) -> None:
    scene.telegram.started.add(FAN["id"])
    await scene.send(VICTIM, FAN, "/forget")
    assert scene.last() == text("en", "privacy-sent-privately")
    ask = scene.last_with_buttons(FAN)
    assert ask.text == text("zh", "forget-ask")
    assert [c for c in scene.messages(VICTIM) if c.reply_markup] == []


async def test_a_fan_who_never_started_the_bot_is_told_how_and_the_link_finishes_it(
    scene: Scene,
) -> None:
    await scene.say(VICTIM, NEVER_STARTED, "我常看直播")
    await scene.send(VICTIM, NEVER_STARTED, "/mydata")
    answer = scene.messages()[-1]
    assert answer.text == text("en", "privacy-start-me-first")
    assert url_buttons(answer) == ["https://t.me/fanpulse_bot?start=mydata"]
    assert scene.documents(NEVER_STARTED["id"]) == []
    await scene.send(VICTIM, NEVER_STARTED, "/forget")
    assert url_buttons(scene.messages()[-1]) == ["https://t.me/fanpulse_bot?start=forget"]
    # The button opens the bot with the request: Start, and it is done.
    scene.telegram.started.add(NEVER_STARTED["id"])
    await scene.send(u.private(NEVER_STARTED), NEVER_STARTED, "/start mydata")
    ((document, _),) = scene.documents(NEVER_STARTED["id"])
    assert "我常看直播".encode() in document
    await scene.send(u.private(NEVER_STARTED), NEVER_STARTED, "/start forget")
    assert scene.last_with_buttons(NEVER_STARTED["id"]).text == text("zh-Hant", "forget-ask")


async def test_what_nothing_answers_in_private_points_to_help(scene: Scene) -> None:
    scene.telegram.started.add(FAN["id"])
    me = u.private(FAN)
    await scene.send(me, FAN, "/frobnicate now")
    assert scene.last(FAN) == text("zh", "private-unknown-command", command="/frobnicate")
    await scene.say(me, FAN, "你好")
    assert scene.last(FAN) == text("zh", "private-plain-text")
    await scene.say(u.private(ADMIN), ADMIN, "hi")
    assert scene.last(ADMIN) == text("en", "private-plain-text")


async def feedback_items(scene: Scene) -> list[tuple[int, int | None, bool]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(FeedbackItem.message_id, FeedbackItem.author_user_id, FeedbackItem.explicit)
        )
    return [tuple(row) for row in rows]  # type: ignore[misc]


async def test_feedback_as_a_reply_files_the_replied_message_as_its_authors_once(
    scene: Scene,
) -> None:
    said = (await scene.say(VICTIM, FAN, "希望出一期新手教程"))["message"]
    nested = {key: value for key, value in said.items() if key != "reply_to_message"}
    await scene.send(VICTIM, MEMBER, "/feedback", reply_to_message=nested)
    await scene.send(VICTIM, ADMIN, "/feedback", reply_to_message=nested)
    await scene.send(VICTIM, MEMBER, "/feedback", reply_to_message=nested)
    assert await feedback_items(scene) == [(said["message_id"], FAN["id"], True)]
    assert len(scene.calls(SetMessageReaction)) == 3
    assert scene.replies() == []  # acknowledged with a reaction, not a message


async def test_a_reply_to_a_message_the_bot_never_saw_stores_it_and_files_it(
    scene: Scene,
) -> None:
    unseen = scene.updates.message_payload(VICTIM, FAN, text="字幕太小了")
    await scene.send(VICTIM, MEMBER, "/feedback", reply_to_message=unseen)
    assert await feedback_items(scene) == [(unseen["message_id"], FAN["id"], True)]
    async with scene.session_factory() as session:
        stored = await session.scalar(
            select(Comment.text).where(
                Comment.chat_id == VICTIM["id"], Comment.message_id == unseen["message_id"]
            )
        )
    assert stored == "字幕太小了"


async def test_feedback_as_a_reply_to_the_bot_or_a_channel_is_refused(scene: Scene) -> None:
    bot_message = scene.updates.message_payload(VICTIM, BOT, text="A question?")
    await scene.send(VICTIM, MEMBER, "/feedback", reply_to_message=bot_message)
    assert scene.last() == text("en", "feedback-report-not-a-fan")
    assert await feedback_items(scene) == []


async def add_bot(scene: Scene, actor: dict[str, Any], *, old: str, new: str) -> None:
    await scene.deliver(
        u.member_update(
            scene.updates, NEW, actor=actor, user=BOT, old=old, new=new, kind="my_chat_member"
        )
    )


async def test_the_bot_introduces_itself_once_in_the_groups_language(scene: Scene) -> None:
    await add_bot(scene, OWNER, old="left", new="member")  # Mei's Telegram: Simplified Chinese
    introduction = text("zh", "join-introduction")
    assert scene.replies(NEW).count(introduction) == 1
    assert "/mydata" in introduction and "/forget" in introduction
    await add_bot(scene, OWNER, old="member", new="left")
    await add_bot(scene, OWNER, old="left", new="member")
    scene.restart()
    scene.telegram.set_status(NEW["id"], BOT_USER.id, "administrator")
    await add_bot(scene, OWNER, old="member", new="administrator")
    assert scene.replies(NEW).count(introduction) == 1
    assert all(reply != text("en", "join-introduction") for reply in scene.replies(NEW))


async def test_status_says_plainly_whether_the_bot_reads_every_message(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/status")
    assert text("en", "status-reads", how="limited") in scene.last()
    scene.telegram.set_status(VICTIM["id"], BOT_USER.id, "administrator")
    await scene.send(VICTIM, ADMIN, "/status")
    assert text("en", "status-reads", how="administrator") in scene.last()
    assert "Reads every message (administrator)." in scene.last()
    assert "Pin" not in scene.last()
