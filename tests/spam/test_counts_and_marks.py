"""Spam never counts: the digest's numbers with a wave present equal the numbers without it,
and a spammer's messages do not meet a giveaway's "N comments" rule. Operators teach the check
with /spam. Every refusal and report in en, zh and zh-Hant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import DeleteMessage

from bot.db import giveaways
from bot.services.digest import DigestBuilder
from tests.spam.support import accounts, clock_pass, deleted, spam_marked, spam_reports, wave
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene


async def day_numbers(scene: Scene) -> object:
    async with scene.session_factory() as session:
        detail = await DigestBuilder().day_detail(
            session, VICTIM["id"], "UTC", datetime.now(UTC).date()
        )
    return detail.metrics


async def test_the_digests_numbers_with_spam_equal_those_without(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam report")
    await scene.say(VICTIM, FAN, "the app has a bug when I open the player")
    await scene.say(VICTIM, MEMBER, "love the new single so much")
    without = await day_numbers(scene)
    senders = accounts(6)
    # Spam that would count as feedback (a bug), as new fans and as busy hours if it counted.
    await wave(scene, VICTIM, senders, text="app bug fixed here, free followers t.me/boost_x")
    await clock_pass(scene)
    assert len(await spam_marked(scene, VICTIM)) == 6
    assert await day_numbers(scene) == without
    now = datetime.now(UTC)
    async with scene.session_factory() as session:
        counted = await giveaways.comment_count(
            session, VICTIM["id"], senders[0]["id"], now - timedelta(days=1), now + timedelta(1)
        )
    assert counted == 0


async def test_an_operators_mark_teaches_the_group(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam act")
    text = "cheap followers for your channel, message me"
    marked = (await scene.say(VICTIM, MEMBER, text))["message"]
    await clock_pass(scene)
    assert deleted(scene, VICTIM) == []  # a regular's message without a link: not spam alone
    await scene.send(VICTIM, ADMIN, "/spam", reply_to_message=marked)
    assert "Marked as spam" in scene.last()
    await clock_pass(scene)
    assert deleted(scene, VICTIM) == [marked["message_id"]]
    [newcomer] = accounts(1, first_id=7300)
    again = (await scene.say(VICTIM, newcomer, f"{text.upper()}!!"))["message"]
    await clock_pass(scene)
    assert deleted(scene, VICTIM)[-1] == again["message_id"]
    assert "a text your operators marked as spam" in str(spam_reports(scene, ADMIN)[-1].text)


async def test_a_mark_never_touches_an_administrator(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door spam act")
    own = (await scene.say(VICTIM, OWNER, "join t.me/our_official_channel"))["message"]
    await scene.send(VICTIM, ADMIN, "/spam", reply_to_message=own)
    assert "never touches their messages" in scene.last()
    await clock_pass(scene)
    assert scene.calls(DeleteMessage) == []


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", ("is not a spam mode", "Reply to the message with /spam", "is off", "Dry run")),
        ("zh", ("不是垃圾消息模式", "回复那条消息并发送 /spam", "未开启", "试运行")),
        ("zh-TW", ("不是垃圾訊息模式", "回覆那則訊息並發送 /spam", "未開啟", "試運行")),
    ],
)
async def test_refusals_and_reports_in_every_language(
    scene: Scene, language: str, says: tuple[str, str, str, str]
) -> None:
    bad_mode, usage, off, report = says
    await scene.send(VICTIM, ADMIN, f"/language {language}")
    await scene.send(VICTIM, ADMIN, "/door spam sometimes")
    assert bad_mode in scene.last()
    await scene.send(VICTIM, ADMIN, "/spam")
    assert usage in scene.last()
    message = (await scene.say(VICTIM, MEMBER, "buy followers here"))["message"]
    await scene.send(VICTIM, ADMIN, "/spam", reply_to_message=message)
    assert off in scene.last()
    await scene.send(VICTIM, ADMIN, "/door spam 报告")
    await scene.send(VICTIM, ADMIN, "/door")
    assert "spam" in scene.last()
    await wave(scene, VICTIM, accounts(3))
    await clock_pass(scene)
    [sent] = spam_reports(scene, ADMIN)
    assert report in str(sent.text)
