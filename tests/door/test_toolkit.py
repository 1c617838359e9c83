"""The operators' toolkit by reply and by @name: /warn (enough warnings mute), /mute with any
duration people type, /ban, /unban; and fans' /report with Ban / Mute / Dismiss for the
operators. Each is checked live against Telegram's rights, the caller's and the bot's, with a
refusal naming the missing right, and never touches an administrator or the bot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import RestrictChatMember, SendMessage, UnbanChatMember

from tests.door.support import audited, moderation
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene, keyboard


def bot_is_admin(scene: Scene) -> None:
    scene.telegram.set_status(VICTIM["id"], scene.pipeline.bot.id, "administrator")


async def said_by(scene: Scene, person: dict[str, Any], text: str = "buy followers") -> Any:
    return (await scene.say(VICTIM, person, text))["message"]


async def test_warnings_by_reply_mute_at_the_groups_limit(scene: Scene) -> None:
    bot_is_admin(scene)
    await scene.send(VICTIM, ADMIN, "/door warns 2")
    message = await said_by(scene, MEMBER)
    await scene.send(VICTIM, ADMIN, "/warn", reply_to_message=message)
    assert "1 of 2" in scene.last() and scene.calls(RestrictChatMember) == []
    await scene.send(VICTIM, ADMIN, "/warn", reply_to_message=message)
    assert "muted for 60 minutes" in scene.last()
    [muted] = scene.calls(RestrictChatMember)
    assert muted.user_id == MEMBER["id"] and muted.permissions.can_send_messages is False
    assert [a for a, _ in await audited(scene)][-3:] == [
        "member-warned",
        "member-warned",
        "member-muted",
    ]
    await scene.send(VICTIM, ADMIN, "/warn", reply_to_message=message)
    assert "1 of 2" in scene.last()  # counted afresh after the mute


@pytest.mark.parametrize(
    ("typed", "minutes"), [("30分钟", 30), ("１ｈ", 60), ("1小时", 60), ("2d", 2880)]
)
async def test_mute_by_name_reads_the_durations_people_type(
    scene: Scene, typed: str, minutes: int
) -> None:
    bot_is_admin(scene)
    await scene.send(VICTIM, ADMIN, f"/mute @max {typed}")
    [muted] = scene.calls(RestrictChatMember)
    assert muted.user_id == MEMBER["id"]
    until = muted.until_date
    assert isinstance(until, datetime)
    expected = datetime.now(UTC) + timedelta(minutes=minutes)
    assert abs((until - expected).total_seconds()) < 60
    assert f"{minutes} minutes" in scene.last().replace(",", "")


async def test_a_duration_that_is_not_one_is_refused(scene: Scene) -> None:
    bot_is_admin(scene)
    await scene.send(VICTIM, ADMIN, "/mute @max soon")
    assert "not a duration" in scene.last()
    await scene.send(VICTIM, ADMIN, "/mute @max 5s")  # Telegram would make that forever
    assert "not a duration" in scene.last()
    assert moderation(scene) == []


async def test_ban_and_unban_by_name(scene: Scene) -> None:
    bot_is_admin(scene)
    await scene.send(VICTIM, ADMIN, "/unban @max")
    assert "not banned" in scene.last()
    await scene.send(VICTIM, ADMIN, "/ban @max")
    assert "banned from the group" in scene.last()
    scene.telegram.set_status(VICTIM["id"], MEMBER["id"], "kicked")
    await scene.send(VICTIM, OWNER, "/unban @max")
    assert moderation(scene) == [("BanChatMember", MEMBER["id"]), ("UnbanChatMember", MEMBER["id"])]
    [unban] = scene.calls(UnbanChatMember)
    assert unban.only_if_banned is True
    assert [a for a, _ in await audited(scene)][-2:] == ["member-banned", "member-unbanned"]


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", '"Ban users"'), ("zh", "“封禁用户”"), ("zh-TW", "「封鎖使用者」")],
)
async def test_without_the_bots_right_the_refusal_names_it(
    scene: Scene, language: str, says: str
) -> None:
    await scene.send(VICTIM, ADMIN, f"/language {language}")
    message = await said_by(scene, MEMBER)
    for command in ("/warn", "/mute 1h", "/ban"):
        await scene.send(VICTIM, ADMIN, command, reply_to_message=message)
        assert says in scene.last()
    assert moderation(scene) == []
    assert not any(a.startswith("member-") for a, _ in await audited(scene))


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "Only the group's owner"), ("zh", "只有群主"), ("zh-TW", "只有群主")],
)
async def test_an_operator_who_is_no_telegram_administrator_is_refused(
    scene: Scene, language: str, says: str
) -> None:
    bot_is_admin(scene)
    await scene.send(VICTIM, OWNER, f"/language {language}")
    await scene.send(VICTIM, OWNER, "/grant operator @lin_fan")
    await scene.send(VICTIM, FAN, "/ban @max")
    assert says in scene.last()
    await scene.send(VICTIM, MEMBER, "/ban @lin_fan")  # no role at all: refused before
    assert moderation(scene) == []


async def test_never_against_an_administrator_or_the_bot(scene: Scene) -> None:
    bot_is_admin(scene)
    await said_by(scene, ADMIN, "welcome all")  # the bot knows @ada from now on
    await scene.send(VICTIM, OWNER, "/ban @ada")
    assert "never acts on administrators" in scene.last()
    await scene.send(VICTIM, ADMIN, "/mute 1h", reply_to_message=await said_by(scene, OWNER))
    assert "never acts on administrators" in scene.last()
    bot_message = scene.updates.message_payload(
        VICTIM, {"id": scene.pipeline.bot.id, "is_bot": True, "first_name": "fanpulse"}, text="hi"
    )
    await scene.send(VICTIM, ADMIN, "/ban", reply_to_message=bot_message)
    assert "against myself" in scene.last()
    channel_post = scene.updates.message_payload(
        VICTIM, u.CHANNEL_BOT, text="promo", sender_chat=u.channel()
    )
    await scene.send(VICTIM, ADMIN, "/warn", reply_to_message=channel_post)
    assert "channel" in scene.last()
    await scene.send(VICTIM, ADMIN, "/ban")
    assert "Reply to someone's message" in scene.last()
    await scene.send(VICTIM, ADMIN, "/ban @nobody_here")
    assert "not seen @nobody_here" in scene.last()
    assert moderation(scene) == []


def report_to(scene: Scene, person: dict[str, Any]) -> SendMessage:
    return [call for call in scene.messages(person["id"]) if "Report in" in str(call.text)][-1]


async def test_a_fans_report_reaches_the_operators_who_ban_once(scene: Scene) -> None:
    bot_is_admin(scene)
    spam = await said_by(scene, MEMBER, "cheap followers here")
    await scene.send(VICTIM, FAN, "/report", reply_to_message=spam)
    assert "operators have been told" in scene.last()
    report = report_to(scene, ADMIN)
    assert "@lin_fan" in str(report.text) and "@max" in str(report.text)
    assert "cheap followers here" in str(report.text)
    ban, _mute, _dismiss = keyboard(report)
    await scene.tap(MEMBER, u.private(MEMBER), ban)  # a fan's forged tap: refused
    assert moderation(scene) == []
    await scene.tap(ADMIN, u.private(ADMIN), ban)
    assert moderation(scene) == [("BanChatMember", MEMBER["id"])]
    await scene.tap(OWNER, u.private(OWNER), ban)  # the other administrator's copy
    assert "已经处理过了" in scene.telegram.answers()[-1]  # in the owner's own language
    assert moderation(scene) == [("BanChatMember", MEMBER["id"])]


async def test_a_report_can_be_dismissed_and_is_audited(scene: Scene) -> None:
    bot_is_admin(scene)
    await scene.send(VICTIM, FAN, "/report", reply_to_message=await said_by(scene, MEMBER))
    _ban, _mute, dismiss = keyboard(report_to(scene, ADMIN))
    await scene.tap(ADMIN, u.private(ADMIN), dismiss)
    assert "dismissed" in str(scene.edits(ADMIN["id"])[-1].text)
    assert moderation(scene) == []
    assert ("report-dismissed", None) in await audited(scene)


@pytest.mark.parametrize(
    ("language", "usage", "admin"),
    [
        ("en", "Reply to the message", "not reported here"),
        ("zh", "回复你想举报的消息", "不在这里举报"),
        ("zh-TW", "回覆你想檢舉的訊息", "不在這裡檢舉"),
    ],
)
async def test_report_refusals_in_every_language(
    scene: Scene, language: str, usage: str, admin: str
) -> None:
    await scene.send(VICTIM, ADMIN, f"/language {language}")
    await scene.send(VICTIM, FAN, "/report")
    assert usage in scene.last()
    await scene.send(VICTIM, FAN, "/report", reply_to_message=await said_by(scene, ADMIN))
    assert admin in scene.last()
