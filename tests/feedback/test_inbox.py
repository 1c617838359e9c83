"""The operators' inbox through the real dispatcher: filters, pages and their buttons, counts
per tag, in the group and from private chat; every bad input refused and nothing changed."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from sqlalchemy import select, update

from bot.db.chat_settings import set_group_timezone
from bot.db.models import Comment, InboxQuery
from bot.i18n import Translator
from handlers.callbacks import InboxPageCb
from tests.feedback.support import post_feedback
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OTHER, OTHER_ADMIN, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")


def buttons(call: SendMessage | EditMessageText) -> list[str]:
    if call.reply_markup is None:
        return []
    return [b.callback_data for row in call.reply_markup.inline_keyboard for b in row]  # type: ignore[union-attr,misc]


async def test_the_inbox_lists_newest_first_with_links_and_pages(scene: Scene) -> None:
    messages = await post_feedback(scene)
    await scene.send(VICTIM, ADMIN, "/inbox")
    page = scene.messages(VICTIM["id"])[-1]
    text = str(page.text)
    assert "7 items, page 1/2" in text
    newest = messages[-1]["message_id"]
    assert f'href="https://t.me/c/1000000111/{newest}"' in text
    assert text.index("the sound is broken again") < text.index("another bug")
    assert "please add subtitles" not in text  # the 6th newest: on page 2
    (older,) = buttons(page)
    parsed = InboxPageCb.unpack(older)
    assert (parsed.chat_id, parsed.page) == (VICTIM["id"], 1)

    me = await scene.choose(ADMIN, VICTIM)
    await scene.tap(ADMIN, u.private(ADMIN), older)
    (edited,) = scene.telegram.methods(EditMessageText)
    assert "page 2/2" in str(edited.text)
    assert "please add subtitles" in str(edited.text)
    assert "the app crashes when I upload" in str(edited.text)
    assert len(buttons(edited)) == 1  # newer only
    assert me["id"] == ADMIN["id"]


async def test_filters_narrow_the_set_from_private_chat(scene: Scene) -> None:
    messages = await post_feedback(scene)
    me = await scene.choose(ADMIN, VICTIM)
    # An operator marks one bug planned by reply in the group.
    await scene.pipeline.deliver(
        scene.updates.command(VICTIM, ADMIN, "/mark planned", reply_to_message=messages[0])
    )
    await scene.say(VICTIM, MEMBER, "the app crashes for me too")  # another author's bug

    async def inbox(arguments: str) -> str:
        await scene.send(me, ADMIN, f"/inbox {arguments}")
        return scene.last(ADMIN["id"])

    assert "4 items" in await inbox("#bug @lin_fan")
    assert "5 items" in await inbox("tag:bug")
    assert "1 item," in await inbox("#bug status:planned")
    assert "1 item," in await inbox("sound lags")
    assert "2 items" in await inbox("#suggestion")
    assert "1 item," in await inbox(f"from:{MEMBER['id']}")
    assert "1 item," in await inbox("sentiment:positive")
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(Comment)
            .where(Comment.chat_id == VICTIM["id"], Comment.message_id == messages[1]["message_id"])
            .values(created_at=datetime.now(UTC) - timedelta(days=10))
        )
    assert "1 item," in await inbox("#suggestion 7d")
    assert "2 items" in await inbox("#suggestion period:2w")
    assert "Filters: <code>#suggestion since:" in await inbox("#suggestion 7d")
    assert "Nothing matches." in await inbox("status:done")


async def test_bad_filters_are_refused_and_change_nothing(scene: Scene) -> None:
    await post_feedback(scene)
    me = await scene.choose(ADMIN, VICTIM)
    before = await dump(scene.session_factory)
    cases = {
        "#nosuch": ("unknown_tag", "nosuch"),
        "status:someday": ("bad_status", "someday"),
        "sentiment:angry": ("bad_sentiment", "angry"),
        "period:forever": ("bad_period", "forever"),
        "999d": ("bad_period", "999d"),
        "@nobody_here": ("unknown_author", "@nobody_here"),
        "x" * 101: ("text_too_long", "100"),
        "#bug tag:praise": ("repeated", "tag:praise"),
        "y " * 300: ("too_long", "500"),
    }
    for arguments, (code, value) in cases.items():
        for chat, person in ((me, ADMIN), (VICTIM, ADMIN)):
            await scene.send(chat, person, f"/inbox {arguments}")
            assert scene.last(chat["id"]) == str(EN("inbox-error", code=code, value=value))
    await scene.send(VICTIM, ADMIN, "/inbox_counts soon")
    assert scene.last(VICTIM["id"]) == str(EN("inbox-error", code="bad_period", value="soon"))
    assert await dump(scene.session_factory) == before


async def test_forged_expired_and_foreign_page_buttons_change_nothing(scene: Scene) -> None:
    await post_feedback(scene)
    await scene.send(VICTIM, ADMIN, "/inbox")
    (older,) = buttons(scene.messages(VICTIM["id"])[-1])
    real = InboxPageCb.unpack(older)
    scene.telegram.set_status(OTHER["id"], ADMIN["id"], "administrator")
    await scene.send(OTHER, ADMIN, "/inbox")
    async with scene.session_factory() as session:
        other_query = await session.scalar(
            select(InboxQuery.id).where(InboxQuery.chat_id == OTHER["id"])
        )
    assert other_query is not None
    before = await dump(scene.session_factory)

    async def press(data: InboxPageCb, person: dict[str, Any] = ADMIN) -> str:
        scene.telegram.calls.clear()
        await scene.tap(person, u.private(person), data.pack())
        assert scene.telegram.methods(EditMessageText) == []
        (answer,) = scene.telegram.methods(AnswerCallbackQuery)
        assert answer.show_alert
        return str(answer.text)

    unknown = EN.plain("inbox-error", code="unknown_query", value="")
    assert await press(InboxPageCb(chat_id=VICTIM["id"], query=99_999, page=0)) == unknown
    # Another group's query under this group's id, and this group's under the other's.
    assert await press(InboxPageCb(chat_id=VICTIM["id"], query=other_query, page=0)) == unknown
    assert await press(InboxPageCb(chat_id=OTHER["id"], query=real.query, page=1)) == unknown
    # Someone without a role in the victim group is refused before the query is even read.
    assert await press(real, OTHER_ADMIN) != unknown
    assert await dump(scene.session_factory) == before
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(InboxQuery).values(created_at=datetime.now(UTC) - timedelta(days=8))
        )
    before = await dump(scene.session_factory)
    assert await press(real) == EN.plain("inbox-error", code="expired", value="")
    assert await dump(scene.session_factory) == before


async def test_counts_per_tag_for_a_period(scene: Scene) -> None:
    messages = await post_feedback(scene)
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(Comment)
            .where(Comment.chat_id == VICTIM["id"], Comment.message_id == messages[0]["message_id"])
            .values(created_at=datetime.now(UTC) - timedelta(days=3))
        )
    await scene.send(VICTIM, ADMIN, "/inbox_counts")
    counts = scene.last(VICTIM["id"])
    assert str(EN("inbox-counts-title", title=VICTIM["title"], period="7d")) in counts
    assert "• #bug: 4\n• #suggestion: 2\n• #praise: 1\n" in counts
    assert "• #topic_idea: 1\n• #collab: 0" in counts
    await scene.send(VICTIM, ADMIN, "/inbox_counts 24h")
    assert "• #bug: 3\n" in scene.last(VICTIM["id"])


async def test_chinese_statuses_calendar_days_and_numbered_ids(scene: Scene) -> None:
    messages = await post_feedback(scene)
    me = await scene.choose(ADMIN, VICTIM)
    await scene.pipeline.deliver(
        scene.updates.command(VICTIM, ADMIN, "/mark 已计划", reply_to_message=messages[0])
    )
    await scene.say(VICTIM, MEMBER, "the app crashes for me too")
    shanghai = ZoneInfo("Asia/Shanghai")
    yesterday = datetime.now(shanghai).date() - timedelta(days=1)
    noon = datetime.combine(yesterday, time(12), shanghai).astimezone(UTC)
    async with scene.session_factory() as session, session.begin():
        await set_group_timezone(session, VICTIM["id"], "Asia/Shanghai", datetime.now(UTC))
        await session.execute(
            update(Comment)
            .where(Comment.chat_id == VICTIM["id"], Comment.message_id == messages[1]["message_id"])
            .values(created_at=noon)
        )

    async def inbox(arguments: str) -> str:
        await scene.send(me, ADMIN, f"/inbox {arguments}")
        return scene.last(ADMIN["id"])

    for status in ("状态:已计划", "狀態:已計劃", "status:计划", "status:planned"):
        assert "1 item," in await inbox(f"#bug {status}"), status
    assert "Nothing matches." in await inbox("状态:已完成")
    assert "1 item," in await inbox(f"from:#{MEMBER['id']}")
    assert "1 item," in await inbox(f"from:＃{MEMBER['id']}")
    assert "1 item," in await inbox("昨天")
    assert "1 item," in await inbox(f"#suggestion {yesterday:%m/%d}")
    assert "1 item," in await inbox(f"#suggestion {yesterday:%Y/%m/%d}")
    assert "7 items" in await inbox("今天")
    counted = await inbox_counts(scene, "昨天")
    assert "• #suggestion: 1\n" in counted and "• #bug: 0" in counted


async def inbox_counts(scene: Scene, period: str) -> str:
    await scene.send(VICTIM, ADMIN, f"/inbox_counts {period}")
    return scene.last(VICTIM["id"])


async def test_a_near_miss_says_what_was_probably_meant(scene: Scene) -> None:
    await post_feedback(scene)
    me = await scene.choose(ADMIN, VICTIM)
    before = await dump(scene.session_factory)
    cases = {
        "status:plannd": ("bad_status", "plannd", "planned"),
        "状态:已完": ("bad_status", "已完", "done"),
        "#bgu": ("unknown_tag", "bgu", "bug"),
    }
    for arguments, (code, value, meant) in cases.items():
        await scene.send(me, ADMIN, f"/inbox {arguments}")
        said = scene.last(ADMIN["id"])
        assert said.startswith(str(EN("inbox-error", code=code, value=value))), arguments
        assert said.endswith(str(EN("inbox-did-you-mean", suggestion=meant))), arguments
    await scene.send(me, ADMIN, "/inbox 2099/01/01")
    assert scene.last(ADMIN["id"]) == str(
        EN("inbox-error", code="future_period", value="2099/01/01")
    )
    await scene.send(VICTIM, ADMIN, "/inbox_counts 明年")
    assert scene.last(VICTIM["id"]) == str(EN("inbox-error", code="bad_period", value="明年"))
    assert await dump(scene.session_factory) == before
