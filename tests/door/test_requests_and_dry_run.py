"""Join-request groups get the same check in private before the bot approves or declines; dry
run reports what the door would do and does none of it; while a giveaway is open the guard
requires a check and reports a spike of joins with the accounts involved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import BanChatMember, RestrictChatMember

from bot.db.models import GiveawayRecord
from tests.door.support import KAI, NIA, WEI, checks, join_request, moderation
from tests.support import updates as u
from tests.support.cast import ADMIN, OWNER, VICTIM
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene, keyboard


async def test_a_join_request_is_approved_after_the_button_in_private(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.deliver(join_request(scene, VICTIM, NIA))
    ask = scene.last_with_buttons(NIA["id"])
    assert "request to join" in str(ask.text)
    assert moderation(scene) == []  # not restricted: not in the group yet
    await scene.tap(NIA, u.private(NIA), keyboard(ask)[0])
    assert moderation(scene) == [("ApproveChatJoinRequest", NIA["id"])]
    assert await checks(scene) == [(NIA["id"], "human", "button", "passed")]


async def test_a_join_request_answers_the_question_right_there(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door_question 新单曲叫什么？| 星光")
    await scene.send(VICTIM, ADMIN, "/door check question")
    await scene.deliver(join_request(scene, VICTIM, KAI))
    assert "新单曲叫什么" in scene.last(KAI["id"])
    await scene.say(u.private(KAI), KAI, "月光")
    assert moderation(scene) == [("DeclineChatJoinRequest", KAI["id"])]
    assert "入群申請被拒絕" in scene.last(KAI["id"])
    await scene.deliver(join_request(scene, VICTIM, KAI))  # they ask again
    await scene.say(u.private(KAI), KAI, "星光")
    assert moderation(scene)[-1] == ("ApproveChatJoinRequest", KAI["id"])


async def test_an_unanswered_join_request_is_declined_at_the_deadline(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.deliver(join_request(scene, VICTIM, WEI))
    await scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=6))).tick()
    assert moderation(scene) == [("DeclineChatJoinRequest", WEI["id"])]
    assert "申请被拒绝" in scene.last(WEI["id"])


async def test_without_a_check_join_requests_are_left_to_the_operators(scene: Scene) -> None:
    await scene.deliver(join_request(scene, VICTIM, NIA))
    assert moderation(scene) == [] and await checks(scene) == []


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "Door dry run"), ("zh", "入群门槛试运行"), ("zh-TW", "入群門檻試運行")],
)
async def test_dry_run_changes_nothing_and_reports(scene: Scene, language: str, says: str) -> None:
    await scene.send(VICTIM, ADMIN, f"/language {language}")
    await scene.send(VICTIM, ADMIN, "/door check button")
    await scene.send(VICTIM, ADMIN, "/door dry_run on")
    await scene.join(VICTIM, NIA)
    assert any(says in text and str(NIA["id"]) in text for text in scene.replies())
    assert not any("press the button" in text for text in scene.replies())  # not asked
    await scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=6))).tick()
    assert scene.calls(RestrictChatMember) == [] and scene.calls(BanChatMember) == []
    assert says in scene.last()
    assert moderation(scene) == []
    # The join request side reports too, and decides nothing.
    await scene.deliver(join_request(scene, VICTIM, WEI))
    assert str(WEI["id"]) in scene.last() and scene.replies(WEI["id"]) == []
    await scene.clock(FakeClock(datetime.now(UTC) + timedelta(minutes=12))).tick()
    assert moderation(scene) == []
    assert says in scene.last()


async def test_an_open_giveaway_tightens_the_door_and_reports_a_spike(scene: Scene) -> None:
    scene.telegram.set_status(VICTIM["id"], scene.pipeline.bot.id, "administrator")
    await scene.send(VICTIM, ADMIN, "/door giveaway on")
    await scene.send(VICTIM, ADMIN, "/door spike 3")
    await scene.join(VICTIM, NIA)
    assert moderation(scene) == []  # no giveaway open: the door stays as it is (off)
    await send_confirmed(scene, VICTIM, OWNER, "/giveaway 1 2d Signed poster")
    async with scene.session_factory() as session:
        assert await session.get(GiveawayRecord, 1) is not None
    farm = [u.user(9600 + n, f"Farm{n}") for n in range(4)]
    for account in farm:
        await scene.join(VICTIM, account)
    assert [user for _, user in moderation(scene)] == [a["id"] for a in farm]
    spikes = [text for text in scene.replies() if "within a minute" in text]
    assert len(spikes) == 1  # once per spike, not once per join after it
    assert all(str(a["id"]) in spikes[0] for a in farm[:3])
