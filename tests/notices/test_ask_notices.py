""" "You asked, we made it" through the real dispatcher: fans whose feedback operators mark done
or link to a video, and the voters of a topic poll made into a video, are told once per ask, in
their language, privately when they started the bot, else in the group's one message of the
day; /notices off and /forget are respected."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SendMessage
from sqlalchemy import func, select

from bot.db.models import AskNotice, AskNoticeOptOut, PollRecord, PollTally
from bot.i18n import Translator
from handlers.callbacks import ForgetCb
from tests.notices.support import (
    BOT,
    HANS_FAN,
    HANT_FAN,
    SHY_FAN,
    VIDEO_URL,
    ask,
    group_notices,
    notices_to,
    operator_does,
    tick,
)
from tests.support import updates as u
from tests.support.cast import FAN, MEMBER, VICTIM
from tests.support.scene import Scene

TRANSLATOR = Translator.load()


async def rows(scene: Scene) -> list[tuple[int, str, int, str, str]]:
    async with scene.session_factory() as session:
        found = await session.execute(
            select(
                AskNotice.user_id,
                AskNotice.ask_kind,
                AskNotice.ask_ref,
                AskNotice.reason,
                AskNotice.state,
            ).order_by(AskNotice.id)
        )
        return [tuple(row) for row in found.all()]  # type: ignore[misc]


async def test_a_started_fan_is_told_privately_once_in_their_language(scene: Scene) -> None:
    asked = await ask(scene, MEMBER, "please make a cat vlog!")
    await operator_does(scene, "/link v1", asked)
    await operator_does(scene, "/mark done", asked)
    await operator_does(scene, "/mark done", asked)
    await operator_does(scene, "/link v2", asked)
    await tick(scene)
    await tick(scene, timedelta(days=1))

    (told,) = notices_to(scene, MEMBER)
    en = TRANSLATOR.bind("en")
    assert en.plain("ask-notice-turn-off").replace("<i>", "").replace("</i>", "") in told.replace(
        "<i>", ""
    ).replace("</i>", "")
    assert "Cat vlog" in told and "(v1)" in told and VIDEO_URL in told
    assert "please make a cat vlog!" in told
    assert group_notices(scene) == []
    assert [(user, kind, reason, state) for user, kind, _, reason, state in await rows(scene)] == [
        (MEMBER["id"], "feedback", "video", "private")
    ]


async def test_each_fan_reads_it_in_their_own_language(scene: Scene) -> None:
    for fan, text in ((HANT_FAN, "想看狗狗"), (HANS_FAN, "想看猫咪")):
        await operator_does(scene, "/mark done", await ask(scene, fan, text))
    await tick(scene)

    (hant,) = notices_to(scene, HANT_FAN)
    (hans,) = notices_to(scene, HANS_FAN)
    assert "提的要求已完成" in hant and "傳送 /notices off" in hant and "「想看狗狗」" in hant
    assert "提的要求已完成" in hans and "发送 /notices off" in hans and "“想看猫咪”" in hans


async def test_a_fan_who_never_started_the_bot_is_mentioned_in_one_message_a_day(
    scene: Scene,
) -> None:
    await operator_does(scene, "/link v1", await ask(scene, SHY_FAN, "cat vlog please"))
    await operator_does(scene, "/link v1", await ask(scene, FAN, "猫咪视频！"))
    await tick(scene)

    (grouped,) = group_notices(scene)
    assert f"tg://user?id={SHY_FAN['id']}" in grouped and f"tg://user?id={FAN['id']}" in grouped
    assert "Cat vlog" in grouped and VIDEO_URL in grouped and "You asked, we made it" in grouped

    # Another answer the same day waits for tomorrow's message: never a second one today.
    await operator_does(scene, "/mark done", await ask(scene, SHY_FAN, "and a dog one"))
    await tick(scene, timedelta(minutes=5))
    assert len(group_notices(scene)) == 1
    await tick(scene, timedelta(days=1, hours=1))
    assert len(group_notices(scene)) == 2
    second = group_notices(scene)[-1]
    assert f"tg://user?id={SHY_FAN['id']}" in second and f"tg://user?id={FAN['id']}" not in second
    assert [state for *_, state in await rows(scene)] == ["grouped", "grouped", "grouped"]


async def test_notices_off_is_respected_and_on_again(scene: Scene) -> None:
    await scene.send(u.private(MEMBER), MEMBER, "/notices off")
    assert "off" in scene.last(MEMBER["id"])
    await operator_does(scene, "/mark done", await ask(scene, MEMBER, "a cat vlog"))
    await tick(scene)
    assert notices_to(scene, MEMBER) == [] and group_notices(scene) == []
    # The loop is closed all the same: it counts, the fan is not told.
    assert [state for *_, state in await rows(scene)] == ["off"]

    await scene.send(VICTIM, MEMBER, "/notices ＯＮ")
    assert "on" in scene.last()
    await operator_does(scene, "/mark done", await ask(scene, MEMBER, "a dog vlog"))
    await tick(scene)
    assert len(notices_to(scene, MEMBER)) == 1


async def test_notices_off_in_chinese_and_bad_words(scene: Scene) -> None:
    private = u.private(HANS_FAN)
    await scene.send(private, HANS_FAN, "/notices 关闭")
    assert "关闭" in scene.last(private)
    await scene.send(private, HANS_FAN, "/notices maybe")
    assert "maybe" in scene.last(private) and "/notices on" in scene.last(private)
    await scene.send(private, HANS_FAN, "/notices")
    assert "关" in scene.last(private)
    async with scene.session_factory() as session:
        opted = await session.scalar(select(func.count()).select_from(AskNoticeOptOut))
    assert opted == 1


async def test_a_notice_pending_when_the_fan_turns_them_off_is_never_sent(scene: Scene) -> None:
    await operator_does(scene, "/mark done", await ask(scene, SHY_FAN, "a cat vlog"))
    await scene.send(VICTIM, SHY_FAN, "/notices off")
    await tick(scene)
    assert group_notices(scene) == []


async def test_forget_removes_the_fan_from_every_list(scene: Scene) -> None:
    await operator_does(scene, "/mark done", await ask(scene, SHY_FAN, "a cat vlog"))
    await scene.send(VICTIM, SHY_FAN, "/notices off")
    assert len(await rows(scene)) == 1
    private = u.private(SHY_FAN)
    bot_message = scene.updates.message_payload(private, BOT, text="…")
    forget = ForgetCb(user_id=SHY_FAN["id"], confirm=True).pack()
    await scene.pipeline.deliver(scene.updates.click(SHY_FAN, bot_message, forget))
    assert await rows(scene) == []
    async with scene.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(AskNoticeOptOut)) == 0
    await tick(scene)
    assert group_notices(scene) == []


async def topic_poll(scene: Scene, *, anonymous: bool = False, closed: bool = True) -> int:
    """A topic poll the bot posted (message 777), with its final counts."""
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        session.add(
            PollRecord(
                chat_id=VICTIM["id"],
                question="Next video?",
                options=json.dumps(["cats", "dogs"]),
                is_anonymous=anonymous,
                allows_multiple=False,
                correct_option_ids="[]",
                status="closed" if closed else "open",
                source="topics",
                message_id=777,
                telegram_poll_id="tp1",
                created_at=now,
                sent_at=now,
                closed_at=now if closed else None,
            )
        )
        session.add(
            PollTally(
                telegram_poll_id="tp1", counts="[2, 1]", voters=3, is_closed=closed, updated_at=now
            )
        )
    return 777


def poll_message(message_id: int) -> dict[str, Any]:
    return {"message_id": message_id, "date": 0, "chat": VICTIM, "from": BOT, "text": "📊"}


async def test_the_voters_of_a_topic_polls_winner_are_told(scene: Scene) -> None:
    message_id = await topic_poll(scene)
    await scene.vote("tp1", MEMBER, [0])
    await scene.vote("tp1", SHY_FAN, [0])
    await scene.vote("tp1", HANS_FAN, [1])
    await operator_does(scene, "/link v1", poll_message(message_id))
    assert "cats" in scene.last() and "v1" in scene.last() and "2 voters" in scene.last()
    await operator_does(scene, "/link v2", poll_message(message_id))
    await tick(scene)

    (told,) = notices_to(scene, MEMBER)
    assert "Cat vlog" in told and "Next video?" in told
    assert notices_to(scene, HANS_FAN) == []
    (grouped,) = group_notices(scene)
    assert f"tg://user?id={SHY_FAN['id']}" in grouped and "Cat vlog" in grouped
    assert sorted((user, kind, reason) for user, kind, _, reason, _ in await rows(scene)) == [
        (MEMBER["id"], "poll", "video"),
        (SHY_FAN["id"], "poll", "video"),
    ]


async def test_a_poll_not_closed_or_not_a_topic_poll_is_refused(scene: Scene) -> None:
    await topic_poll(scene, closed=False)
    en = TRANSLATOR.bind("en")
    await operator_does(scene, "/link v1", poll_message(777))
    assert scene.last() == en("video-link-poll-open")
    await operator_does(scene, "/link v1", poll_message(778))
    assert scene.last() == en("video-link-not-a-comment")
    await operator_does(scene, "/link v9", poll_message(777))
    assert scene.last() == en("video-unknown", code="v9")
    assert await rows(scene) == []


async def test_an_anonymous_topic_poll_has_no_one_to_tell(scene: Scene) -> None:
    await topic_poll(scene, anonymous=True)
    await operator_does(scene, "/link v1", poll_message(777))
    assert "no voter to tell" in scene.last()
    assert await rows(scene) == []


async def test_a_group_message_telegram_refuses_waits_for_the_next_day(scene: Scene) -> None:
    await operator_does(scene, "/mark done", await ask(scene, SHY_FAN, "a cat vlog"))
    scene.telegram.fail(
        SendMessage, TelegramBadRequest, "Bad Request: not enough rights", chat_id=VICTIM["id"]
    )
    await tick(scene)
    assert [state for *_, state in await rows(scene)] == ["group"]
    scene.telegram._failures.clear()  # Telegram lets the bot post again
    await tick(scene, timedelta(days=1, hours=1))
    assert len(group_notices(scene)) == 2  # the refused one (recorded) and the next day's
    assert [state for *_, state in await rows(scene)] == ["grouped"]
