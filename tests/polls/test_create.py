"""/poll through the real dispatcher: every option, from the group and from private chat, and
every bad input answered with a clear localized message while nothing is created or sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiogram.types import InputPollOption

from bot.db.chat_settings import set_group_language
from bot.db.models import AuditRecord
from tests.polls.support import ADMIN, GROUP, MEMBER, OWNER, sent_polls, stored_polls
from tests.support import updates as u
from tests.support.drafts import confirm, send_confirmed, settled
from tests.support.scene import Scene


async def test_a_poll_with_every_option_from_the_group(scene: Scene) -> None:
    await scene.send(
        GROUP,
        OWNER,
        "/poll Which <b>topic</b>? | Cats | Dogs | Birds --close 2h --anonymous no --multi "
        "--quiz 1,3 --explain Cats & birds, of course",
    )
    assert sent_polls(scene) == []  # the preview first
    await confirm(scene, OWNER, GROUP)
    [sent] = sent_polls(scene)
    assert sent.chat_id == GROUP["id"]
    assert sent.question == "Which <b>topic</b>?"
    assert sent.question_parse_mode is None  # typed text, never markup
    assert [o.text for o in sent.options if isinstance(o, InputPollOption)] == [
        "Cats",
        "Dogs",
        "Birds",
    ]
    assert (sent.is_anonymous, sent.allows_multiple_answers, sent.type) == (False, True, "quiz")
    assert sent.correct_option_ids == [0, 2]
    assert sent.explanation == "Cats & birds, of course"
    assert isinstance(sent.close_date, datetime)
    assert abs(sent.close_date - (datetime.now(UTC) + timedelta(hours=2))) < timedelta(minutes=1)
    [poll] = await stored_polls(scene)
    assert (poll.status, poll.is_anonymous, poll.allows_multiple) == ("open", False, True)
    assert poll.telegram_poll_id is not None and poll.message_id is not None
    assert poll.close_at == sent.close_date
    assert any("closes at" in text for text in settled(scene, GROUP))
    async with scene.session_factory() as session:
        audit = await session.get(AuditRecord, 1)
    assert audit is not None and audit.action == "poll-created"


async def test_defaults_one_option_per_line_and_a_local_deadline(scene: Scene) -> None:
    await send_confirmed(
        scene, GROUP, ADMIN, "/poll Next video?\nCat vlog\nStreet food\n--close tomorrow 20:00"
    )
    [sent] = sent_polls(scene)
    assert (sent.is_anonymous, sent.allows_multiple_answers, sent.type) == (True, False, "regular")
    [poll] = await stored_polls(scene)
    assert poll.close_at is not None
    shanghai = ZoneInfo("Asia/Shanghai")  # the group's timezone
    local = poll.close_at.astimezone(shanghai)
    tomorrow = datetime.now(shanghai).date() + timedelta(days=1)
    assert (local.date(), local.hour, local.minute) == (tomorrow, 20, 0)
    assert sent.close_date == poll.close_at


async def test_from_private_chat_for_the_chosen_group_and_a_scheduled_start(
    scene: Scene,
) -> None:
    private = u.private(ADMIN)
    await send_confirmed(
        scene, private, ADMIN, "/poll Live stream day? | Sat | Sun --start 1h --close 3h"
    )
    assert sent_polls(scene) == []
    [poll] = await stored_polls(scene)
    assert poll.chat_id == GROUP["id"] and poll.status == "scheduled"
    assert poll.start_at is not None and poll.close_at is not None
    assert poll.close_at - poll.start_at == timedelta(hours=3)
    assert "will be sent to Cat fans" in settled(scene, ADMIN["id"])[0]


async def test_help_in_chinese_for_a_chinese_group(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], "zh", datetime.now(UTC))
    await scene.send(GROUP, OWNER, "/poll 帮助")
    assert "可选参数" in scene.replies(GROUP["id"])[0]
    await scene.send(GROUP, OWNER, "/poll")  # alone: the guided flow, in private chat
    assert "请私聊我并在那里发送 /poll" in scene.replies(GROUP["id"])[1]
    assert sent_polls(scene) == [] and await stored_polls(scene) == []


BAD_INPUT = [
    ("/poll Question only?", "at least 2 options"),
    ("/poll Question? | one", "at least 2 options"),
    ("/poll " + " | ".join(["Q?", *(f"o{n}" for n in range(13))]), "at most 12 options"),
    ("/poll " + "x" * 301 + " | a | b", "Telegram allows 300"),
    ("/poll Q? | " + "y" * 101 + " | b", "Option 1 is 101 characters"),
    ("/poll Q? | a | a", "repeats"),
    ("/poll Q? | a | | b", "Option 2 is empty"),
    ("/poll Q? | a | b --close 2000-01-01 10:00", "in the past"),
    ("/poll Q? | a | b --close 31d", "at most 30 days"),
    ("/poll Q? | a | b --close 2s", "at least 5 seconds"),
    ("/poll Q? | a | b --close next friday-ish", "cannot read"),
    ("/poll Q? | a | b --close 2h --tz Mars/Olympus", "Unknown timezone"),
    ("/poll Q? | a | b --colse 2h", "no --colse flag"),
    ("/poll Q? | a | b --anonymous maybe", "takes yes or no"),
    ("/poll Q? | a | b --quiz 3", "from 1 to 2"),
    ("/poll Q? | a | b --quiz 1,2", "needs --multi"),
    ("/poll Q? | a | b --explain why", "only works with --quiz"),
    ("/poll Q? | a | b --quiz 1 --explain " + "z" * 201, "Telegram allows 200"),
    ("/poll Q? | a | b --start 400d", "at most 365 days"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_INPUT)
async def test_bad_input_is_refused_clearly_and_creates_nothing(
    scene: Scene, text: str, expected: str
) -> None:
    await scene.send(GROUP, OWNER, text)
    [reply] = scene.replies(GROUP["id"])
    assert expected in reply, reply
    assert "/poll alone" in reply
    assert sent_polls(scene) == []
    assert await stored_polls(scene) == []


async def test_bad_input_in_chinese(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], "zh", datetime.now(UTC))
    await scene.send(GROUP, OWNER, "/poll 问题？| 甲 --close 2h")
    [reply] = scene.replies(GROUP["id"])
    assert "至少需要 2 个选项" in reply
    assert await stored_polls(scene) == []


@pytest.mark.parametrize(
    "command", ["/poll Q? | a | b", "/poll_close 1", "/poll_cancel 1", "/poll_topics"]
)
async def test_a_plain_member_cannot(scene: Scene, command: str) -> None:
    await scene.send(GROUP, MEMBER, command)
    [reply] = scene.replies(GROUP["id"])
    assert "operator role" in reply
    assert sent_polls(scene) == [] and await stored_polls(scene) == []
