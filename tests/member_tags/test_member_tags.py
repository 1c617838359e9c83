"""Recognition through the real dispatcher: operators turn member tags on and choose which
exist; the clock's daily refresh sets them, changes them and clears them, sending only what
changed; administrators are never tagged; a missing can_manage_tags right is told once; a fan's
/forget takes their tag off; in the group's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import SetChatMemberTag
from sqlalchemy import select

from bot.db.models import MemberTag
from bot.devtools.recording_session import BOT_USER
from bot.i18n import Translator
from handlers.callbacks import ForgetCb
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM, cast_the_groups
from tests.support.clock import FakeClock
from tests.support.scene import Scene

TRANSLATOR = Translator.load()
OLD = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())
BOT = BOT_USER.model_dump(exclude_none=True)
VETERAN = u.user(9021, "Vee", username="vee", language_code="en")


async def tagging_scene(scene: Scene, *, right: bool = True) -> Scene:
    await cast_the_groups(scene.telegram, scene.session_factory)
    scene.telegram.set_status(VICTIM["id"], BOT_USER.id, "administrator")
    if right:
        scene.telegram.tag_managers.add(VICTIM["id"])
    return scene


async def refresh(scene: Scene, days: int = 0) -> None:
    await scene.clock(FakeClock(datetime.now(UTC) + timedelta(days=days))).tick()


def tag_calls(scene: Scene) -> list[tuple[int, str | None]]:
    return [
        (call.user_id, call.tag)
        for call in scene.telegram.calls
        if isinstance(call, SetChatMemberTag)
    ]


async def test_tags_are_set_changed_and_removed_sending_only_what_changed(scene: Scene) -> None:
    await tagging_scene(scene)
    await scene.say(VICTIM, VETERAN, "hello from the old days", date=OLD)
    await scene.say(VICTIM, MEMBER, "the app crashes for me")
    await scene.say(VICTIM, ADMIN, "please add subtitles")
    await scene.send(VICTIM, ADMIN, "/member_tags on")
    assert "<b>on</b>" in scene.last()

    await refresh(scene)
    assert scene.telegram.member_tags == {
        (VICTIM["id"], VETERAN["id"]): "since 2024",
        (VICTIM["id"], MEMBER["id"]): "top feedback",
    }
    assert (VICTIM["id"], ADMIN["id"]) not in scene.telegram.member_tags

    await refresh(scene)  # the same day: no second run
    await refresh(scene, days=1)  # the next day, nothing changed: nothing sent
    assert len(tag_calls(scene)) == 2

    await scene.send(VICTIM, ADMIN, "/member_tags winner，since")  # full-width comma
    await refresh(scene, days=2)
    assert tag_calls(scene)[2:] == [(MEMBER["id"], None)]
    assert scene.telegram.member_tags == {(VICTIM["id"], VETERAN["id"]): "since 2024"}

    await scene.send(VICTIM, ADMIN, "/member_tags ＯＦＦ")
    await refresh(scene, days=3)
    assert scene.telegram.member_tags == {}
    async with scene.session_factory() as session:
        assert (await session.scalars(select(MemberTag))).all() == []
    await refresh(scene, days=4)  # off and nothing left to clear: no job at all
    assert len(tag_calls(scene)) == 4


async def test_off_by_default_and_a_mistype_changes_nothing(scene: Scene) -> None:
    await tagging_scene(scene)
    await scene.say(VICTIM, MEMBER, "the app crashes for me")
    await scene.send(VICTIM, ADMIN, "/member_tags")
    assert "<b>off</b>" in scene.last()
    await scene.send(VICTIM, ADMIN, "/member_tags winers")
    assert "winers" in scene.last() and "winner, top, since" in scene.last()
    await refresh(scene)
    assert tag_calls(scene) == []


async def test_an_administrator_refused_is_skipped_and_not_asked_again(scene: Scene) -> None:
    await tagging_scene(scene)
    await scene.say(VICTIM, MEMBER, "the app crashes for me")
    await scene.say(VICTIM, VETERAN, "please add subtitles")
    await scene.send(VICTIM, ADMIN, "/member_tags on")
    scene.telegram.set_status(VICTIM["id"], MEMBER["id"], "administrator")  # promoted since

    await refresh(scene)
    assert scene.telegram.member_tags == {(VICTIM["id"], VETERAN["id"]): "top feedback"}
    await refresh(scene, days=1)
    assert (
        sorted(tag_calls(scene)) == [(VETERAN["id"], "top feedback")]
        or len([call for call in tag_calls(scene) if call[0] == MEMBER["id"]]) <= 1
    )


async def test_a_missing_right_is_told_on_and_reported_once(scene: Scene) -> None:
    await tagging_scene(scene, right=False)
    scene.telegram.started.add(ADMIN["id"])
    await scene.say(VICTIM, MEMBER, "the app crashes for me")
    await scene.send(VICTIM, ADMIN, "/member_tags on")
    assert "Manage tags" in scene.last()

    await refresh(scene)
    await refresh(scene, days=1)
    reports = [text for text in scene.replies(ADMIN["id"]) if "were not refreshed" in text]
    assert len(reports) == 1

    scene.telegram.tag_managers.add(VICTIM["id"])
    await refresh(scene, days=2)
    assert scene.telegram.member_tags == {(VICTIM["id"], MEMBER["id"]): "top feedback"}


async def test_forget_takes_the_tag_off(scene: Scene) -> None:
    await tagging_scene(scene)
    await scene.say(VICTIM, MEMBER, "the app crashes for me")
    await scene.send(VICTIM, ADMIN, "/member_tags on")
    await refresh(scene)
    assert scene.telegram.member_tags

    bot_message = scene.updates.message_payload(u.private(MEMBER), BOT, text="…")
    forget = ForgetCb(user_id=MEMBER["id"], confirm=True).pack()
    await scene.deliver(scene.updates.click(MEMBER, bot_message, forget))
    assert scene.telegram.member_tags == {}
    async with scene.session_factory() as session:
        assert (await session.scalars(select(MemberTag))).all() == []


async def test_tags_read_in_the_group_language(scene: Scene) -> None:
    await tagging_scene(scene)
    await scene.send(VICTIM, ADMIN, "/language zh")
    await scene.say(VICTIM, FAN, "应用一直闪退")
    await scene.say(VICTIM, VETERAN, "hello from the old days", date=OLD)
    await scene.send(VICTIM, ADMIN, "/member_tags on")
    await refresh(scene)
    zh = TRANSLATOR.bind("zh")
    assert scene.telegram.member_tags[VICTIM["id"], VETERAN["id"]] == "2024年老粉"
    assert zh.plain("member-tag-top") == "反馈达人"
