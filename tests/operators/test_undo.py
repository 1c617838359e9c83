"""Undo instead of regret: destructive commands ask first with Yes/No in the operator's language,
then offer Undo for 10 minutes (a deleted tag comes back with its comments, a revoked role comes
back, a shorter retention only until the purge ran); late presses, No, fans and forged buttons
change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.db.models import (
    AuditRecord,
    ChatRole,
    Comment,
    ConfirmedAction,
    FeedbackItemTag,
    RetentionSetting,
)
from bot.db.operators import grant_role
from bot.db.privacy import forget_person
from bot.db.tag_sets import load_tag_set
from bot.db.user_settings import set_user_language
from handlers.callbacks import (
    AdminConfirmCb,
    AdminUndoCb,
    ConfirmCb,
    RevokePickCb,
    SettingChoiceCb,
    SettingsCb,
    UndoCb,
)
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.clock import FakeClock
from tests.support.scene import Scene, keyboard

# (asked, done, undo offered, undone, undo expired) as each language says them.
TAG_DELETE_SAYS = {
    "en": (
        "Delete <b>bug</b>, one of fanpulse's built-in tags",
        "Deleted the tag <b>bug</b>; 1 comments lost it.",
        "You can undo this for 10 minutes.",
        "the tag <b>bug</b> is back",
    ),
    "zh": (
        "删除 fanpulse 的内置标签<b>问题</b>吗？有 1 条已存评论带有它",
        "已删除标签<b>问题</b>；1 条评论失去了它。",
        "10 分钟内可以撤销。",
        "标签<b>问题</b>回来了",
    ),
    "zh-Hant": (
        "刪除 fanpulse 的內建標籤<b>問題</b>嗎？有 1 則已存評論帶有它",
        "已刪除標籤<b>問題</b>；1 則評論失去了它。",
        "10 分鐘內可以復原。",
        "標籤<b>問題</b>回來了",
    ),
}
EXPIRED = {
    "en": "Undo expired",
    "zh": "撤销已过期",
    "zh-Hant": "復原已過期",
}


async def speaks(scene: Scene, person: dict[str, object], locale: str) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_user_language(session, int(str(person["id"])), locale, datetime.now(UTC))


async def bug_tags(scene: Scene) -> list[int]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(FeedbackItemTag.message_id).where(
                FeedbackItemTag.chat_id == VICTIM["id"], FeedbackItemTag.tag == "bug"
            )
        )
        return list(rows.all())


async def tag_names(scene: Scene) -> tuple[str, ...]:
    async with scene.session_factory() as session:
        return (await load_tag_set(session, VICTIM["id"])).names


async def actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(AuditRecord.action)
            .where(AuditRecord.chat_id == VICTIM["id"])
            .order_by(AuditRecord.id)
        )
        return list(rows.all())


async def roles(scene: Scene) -> list[tuple[int, str, int | None]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(ChatRole.user_id, ChatRole.role, ChatRole.granted_by_user_id)
        )
        return [(int(a), str(b), c) for a, b, c in rows.all()]


async def grant_fan_analyst(scene: Scene) -> None:
    async with scene.session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=VICTIM["id"],
            user_id=FAN["id"],
            role="analyst",
            granted_by_user_id=OWNER["id"],
            now=datetime.now(UTC),
        )


def edited(scene: Scene) -> str:
    return str(scene.edits()[-1].text)


def undo_button(scene: Scene) -> str:
    markup = scene.edits()[-1].reply_markup
    assert markup is not None
    [[button]] = markup.inline_keyboard
    return str(button.callback_data)


@pytest.mark.parametrize("locale", sorted(TAG_DELETE_SAYS))
async def test_a_deleted_tag_comes_back_with_its_comments(scene: Scene, locale: str) -> None:
    asked, done, offered, undone = TAG_DELETE_SAYS[locale]
    await speaks(scene, ADMIN, locale)
    await scene.say(VICTIM, FAN, "the app crashes on start")
    [tagged] = await bug_tags(scene)
    before = await tag_names(scene)

    await scene.send(VICTIM, ADMIN, "/tag_delete bug")
    question = scene.last_with_buttons()
    assert asked in str(question.text)
    assert len(keyboard(question)) == 2  # Yes, No
    assert await tag_names(scene) == before  # nothing yet

    await scene.confirm(ADMIN)
    assert edited(scene) == f"{done}\n{offered}"
    assert await bug_tags(scene) == []
    assert "bug" not in await tag_names(scene)

    undo = undo_button(scene)
    await scene.tap(ADMIN, VICTIM, undo)
    assert undone in edited(scene)
    assert await tag_names(scene) == before  # back in its place
    assert await bug_tags(scene) == [tagged]
    assert await actions(scene) == ["tag-deleted", "action-undone"]

    # Undone once is undone: a second press says so and changes nothing.
    await scene.tap(ADMIN, VICTIM, undo)
    assert scene.telegram.answers()[-1] != ""
    assert await actions(scene) == ["tag-deleted", "action-undone"]


async def test_undo_after_ten_minutes_has_expired(scene: Scene) -> None:
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    await grant_fan_analyst(scene)
    await speaks(scene, OWNER, "zh-Hant")
    await scene.send(VICTIM, OWNER, "/revoke @lin_fan")
    assert "要收回 <b>@lin_fan</b> 在 <b>Victim fans &lt;b&gt;</b> 的分析員角色嗎？" in scene.last()
    await scene.confirm(OWNER)
    assert await roles(scene) == []
    undo = undo_button(scene)
    assert undo == AdminUndoCb(chat_id=VICTIM["id"], action=1).pack()

    clock.value = clock.value + timedelta(minutes=10, seconds=1)
    await scene.tap(OWNER, VICTIM, undo)
    assert EXPIRED["zh-Hant"] in edited(scene)
    assert await roles(scene) == []
    assert await actions(scene) == ["role-revoked"]


async def test_a_question_left_unanswered_expires(scene: Scene) -> None:
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    await scene.send(VICTIM, ADMIN, "/tag_rename praise kudos")
    clock.value = clock.value + timedelta(minutes=11)
    await scene.confirm(ADMIN)
    assert "This question expired" in edited(scene)
    assert "praise" in await tag_names(scene)


@pytest.mark.parametrize(
    ("locale", "undone"),
    [
        ("en", "<b>@lin_fan</b> has their role in <b>Victim fans &lt;b&gt;</b> again."),
        ("zh", "<b>@lin_fan</b> 重新拥有在 <b>Victim fans &lt;b&gt;</b> 的角色。"),
        ("zh-Hant", "<b>@lin_fan</b> 重新擁有在 <b>Victim fans &lt;b&gt;</b> 的角色。"),
    ],
)
async def test_a_revoked_role_comes_back_as_it_was_granted(
    scene: Scene, locale: str, undone: str
) -> None:
    await grant_fan_analyst(scene)
    await speaks(scene, ADMIN, locale)
    await scene.send(VICTIM, ADMIN, "/revoke @lin_fan")
    await scene.confirm(ADMIN)
    assert await roles(scene) == []
    await scene.tap(ADMIN, VICTIM, undo_button(scene))
    assert undone in edited(scene)
    assert await roles(scene) == [(FAN["id"], "analyst", OWNER["id"])]
    assert await actions(scene) == ["role-revoked", "action-undone"]


async def test_no_changes_nothing_and_a_late_yes_is_already_answered(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_rename praise kudos")
    question = scene.last_with_buttons()
    assert "Rename <b>praise</b>, one of fanpulse's built-in tags, to <b>#kudos</b>?" in str(
        question.text
    )
    yes, no = keyboard(question)
    await scene.tap(ADMIN, VICTIM, no)
    assert edited(scene) == "Nothing was changed."
    await scene.tap(ADMIN, VICTIM, yes)
    assert scene.telegram.answers()[-1] == "This was already answered."
    assert "praise" in await tag_names(scene) and "kudos" not in await tag_names(scene)
    assert await actions(scene) == []


async def test_a_renamed_tag_gets_its_name_back(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "the app crashes again")
    await scene.send(VICTIM, ADMIN, "/tag_rename bug defect")
    await scene.confirm(ADMIN)
    assert "defect" in await tag_names(scene) and await bug_tags(scene) == []
    await scene.tap(ADMIN, VICTIM, undo_button(scene))
    assert "the tag is called <b>bug</b> again" in edited(scene)
    assert "bug" in await tag_names(scene) and len(await bug_tags(scene)) == 1


async def test_mistyped_commands_ask_nothing(scene: Scene) -> None:
    await grant_fan_analyst(scene)
    for typed, answer in [
        ("/tag_delete nosuch", "There is no tag <b>#nosuch</b>"),
        ("/tag_rename bug praise", "praise"),
        ("/revoke @nobody_here", "I have not seen @nobody_here yet"),
        ("/revoke @max", "had no fanpulse role"),
        ("/revoke", "Usage: reply to someone with /revoke"),
    ]:
        before = len(scene.messages())
        await scene.send(VICTIM, ADMIN, typed)
        [reply] = scene.messages()[before:]
        assert reply.reply_markup is None, typed
        assert answer in str(reply.text), (typed, reply.text)
    async with scene.session_factory() as session:
        assert (await session.scalars(select(AuditRecord))).all() == []


async def test_fans_operators_and_forged_buttons_cannot_answer(scene: Scene) -> None:
    await grant_fan_analyst(scene)
    async with scene.session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=VICTIM["id"],
            user_id=MEMBER["id"],
            role="operator",
            granted_by_user_id=OWNER["id"],
            now=datetime.now(UTC),
        )
    await scene.send(VICTIM, OWNER, "/revoke @lin_fan")
    yes = AdminConfirmCb(chat_id=VICTIM["id"], action=1, yes=True)
    assert keyboard(scene.last_with_buttons())[0] == yes.pack()
    await scene.tap(FAN, VICTIM, yes.pack())
    assert "administrator role" in scene.telegram.answers()[-1]
    await scene.tap(MEMBER, VICTIM, yes.pack())  # an operator, not an administrator
    assert "administrator role" in scene.telegram.answers()[-1]
    # The same action through an operator's button: of another tier, so not found.
    await scene.tap(MEMBER, VICTIM, ConfirmCb(chat_id=VICTIM["id"], action=1, yes=True).pack())
    assert "out of date" in scene.telegram.answers()[-1]
    # Through another group's button, by that group's administrator: not that group's action.
    await scene.tap(
        OTHER_ADMIN, OTHER, AdminConfirmCb(chat_id=OTHER["id"], action=1, yes=True).pack()
    )
    await scene.tap(OTHER_ADMIN, OTHER, AdminUndoCb(chat_id=OTHER["id"], action=1).pack())
    assert "out of date" in scene.telegram.answers()[-1]
    await scene.tap(FAN, VICTIM, UndoCb(chat_id=VICTIM["id"], action=1).pack())
    assert "operator role" in scene.telegram.answers()[-1]
    assert [user for user, *_ in await roles(scene)] == [FAN["id"], MEMBER["id"]]
    assert await actions(scene) == []


async def test_a_shorter_retention_is_undone_only_until_the_purge_ran(scene: Scene) -> None:
    asked_at = datetime.now(UTC).replace(hour=2, minute=55, second=0, microsecond=0)
    clock = FakeClock(asked_at)
    scene.pipeline.run_on(clock)
    scene.updates.clock = int((asked_at - timedelta(days=40)).timestamp())
    await scene.say(VICTIM, FAN, "an old bug report")
    scene.updates.clock = int(asked_at.timestamp())

    await scene.send(VICTIM, ADMIN, "/retention 30d")
    assert "The text of one stored comment is older" in scene.last()
    await scene.confirm(ADMIN)
    assert "You can undo this for 10 minutes, and only until the purge runs" in edited(scene)
    await scene.tap(ADMIN, VICTIM, undo_button(scene))
    assert "the retention is back to what it was" in edited(scene)
    async with scene.session_factory() as session:
        assert await session.get(RetentionSetting, VICTIM["id"]) is None

    await scene.send(VICTIM, ADMIN, "/retention 30d")
    await scene.confirm(ADMIN)
    undo = undo_button(scene)
    await scene.clock(FakeClock(asked_at + timedelta(minutes=5, seconds=30))).tick()
    clock.value = asked_at + timedelta(minutes=6)
    await scene.tap(ADMIN, VICTIM, undo)
    assert "The nightly purge already ran" in edited(scene)
    async with scene.session_factory() as session:
        kept = await session.get(RetentionSetting, VICTIM["id"])
        texts = (
            await session.scalars(select(Comment.text).where(Comment.chat_id == VICTIM["id"]))
        ).all()
    assert kept is not None and kept.days == 30
    assert "an old bug report" not in texts
    assert await actions(scene) == ["retention-set", "action-undone", "retention-set"]


async def test_the_settings_panel_asks_first_too(scene: Scene) -> None:
    await grant_fan_analyst(scene)
    await speaks(scene, OWNER, "zh")
    scene.updates.clock = int((datetime.now(UTC) - timedelta(days=40)).timestamp())
    await scene.say(VICTIM, MEMBER, "the app crashes, old news")
    scene.updates.clock = int(datetime.now(UTC).timestamp())
    await scene.send(VICTIM, OWNER, "/settings")

    # A retention shorter than what is stored: the panel asks, as /retention does.
    await scene.tap(
        OWNER, VICTIM, SettingChoiceCb(chat_id=VICTIM["id"], setting="ret", value="30").pack()
    )
    assert "有 1 条已存评论的文字更早" in scene.last()
    async with scene.session_factory() as session:
        assert await session.get(RetentionSetting, VICTIM["id"]) is None
    await scene.confirm(OWNER)
    assert "超过 30 天的评论文字将在下一次夜间清理" in edited(scene)

    # A tag deleted from its button, asked first and named as built in.
    await scene.tap(OWNER, VICTIM, SettingsCb(chat_id=VICTIM["id"], screen="tags").pack())
    names = await tag_names(scene)
    delete_bug = SettingChoiceCb(
        chat_id=VICTIM["id"], setting="deltag", value=str(names.index("bug"))
    )
    markup = scene.edits()[-1].reply_markup
    assert markup is not None
    assert delete_bug.pack() in [
        str(b.callback_data) for row in markup.inline_keyboard for b in row
    ]
    await scene.tap(OWNER, VICTIM, delete_bug.pack())
    assert "删除 fanpulse 的内置标签<b>问题</b>吗" in scene.last()
    await scene.confirm(OWNER)
    assert "bug" not in await tag_names(scene)

    # A role revoked from the roles screen, asked first; Undo brings it back.
    revoke = RevokePickCb(chat_id=VICTIM["id"], user_id=FAN["id"]).pack()
    await scene.tap(OWNER, VICTIM, revoke)
    assert "要收回 <b>@lin_fan</b>" in scene.last()
    await scene.confirm(OWNER)
    assert await roles(scene) == []
    await scene.tap(OWNER, VICTIM, undo_button(scene))
    assert await roles(scene) == [(FAN["id"], "analyst", OWNER["id"])]
    # An operator cannot revoke from the panel.
    await scene.tap(MEMBER, VICTIM, revoke)
    assert "administrator role" in scene.telegram.answers()[-1]
    assert await actions(scene) == [
        "retention-set",
        "tag-deleted",
        "role-revoked",
        "action-undone",
    ]


async def test_a_forgotten_person_cannot_come_back_through_undo(scene: Scene) -> None:
    await grant_fan_analyst(scene)
    await scene.send(VICTIM, ADMIN, "/revoke @lin_fan")
    await scene.confirm(ADMIN)
    undo = undo_button(scene)
    async with scene.session_factory() as session, session.begin():
        await forget_person(session, FAN["id"], datetime.now(UTC))
    async with scene.session_factory() as session:
        assert (await session.scalars(select(ConfirmedAction))).all() == []
    await scene.tap(ADMIN, VICTIM, undo)
    assert "out of date" in scene.telegram.answers()[-1]
    assert await roles(scene) == []


async def test_a_deleted_tag_cannot_come_back_into_a_full_tag_set(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_delete spam")
    await scene.confirm(ADMIN)
    undo = undo_button(scene)
    for number in range(50 - len(await tag_names(scene))):
        await scene.send(VICTIM, ADMIN, f"/tag_new t{number} word{number}")
    await scene.tap(ADMIN, VICTIM, undo)
    assert "The group has 50 tags again" in edited(scene)
    assert "spam" not in await tag_names(scene)
    # Refused, the action stays done: after a tag is deleted, Undo works again.
    await scene.send(VICTIM, ADMIN, "/tag_delete t0")
    await scene.confirm(ADMIN)
    await scene.tap(ADMIN, VICTIM, undo)
    assert "spam" in await tag_names(scene)
