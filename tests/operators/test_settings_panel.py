"""/settings: one panel of buttons in the group and in the private console, each change audited
and confirmed in place, in the reader's language; who may see and press what; Telegram's chat
and people pickers; /digest_chat typed inside the operators' chat."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove
from sqlalchemy import select

from bot.db.chat_settings import set_group_language
from bot.db.models import AuditRecord, ChatRole, ChatSettings, DigestSettings, RetentionSetting
from bot.db.operators import grant_role
from handlers.callbacks import (
    DigestHereCb,
    RolesPanelCb,
    SettingChoiceCb,
    SettingsCb,
    ZonePickCb,
)
from handlers.settings import PICK_ANALYST, PICK_DIGEST_CHAT, PICK_OPERATOR
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM, register
from tests.support.clock import FakeClock
from tests.support.scene import Scene, keyboard

OPS = u.group(-1001000000999, "Ops room")
NEWCOMER = u.user(9100, "Nia", username="nia")  # never wrote anywhere the bot is

# What each language says at each step: the panel's title, a confirmed time, the weekdays, a
# stale button, a refusal to a fan.
SAYS = {
    "en": ("Settings of", "✅ The digest now goes out at 20:00 (UTC).", "Monday to Friday"),
    "zh": ("的设置", "✅ 日报现在在 20:00（UTC）发送。", "周一至周五"),
    "zh-Hant": ("的設定", "✅ 日報現在在 20:00（UTC）傳送。", "週一至週五"),
}
STALE = {
    "en": "This button is out of date",
    "zh": "这个按钮已过期",
    "zh-Hant": "這個按鈕已過期",
}
NO_DAY = {
    "en": "The digest needs at least one day",
    "zh": "日报至少需要一天",
    "zh-Hant": "日報至少需要一天",
}


async def group_language(scene: Scene, locale: str) -> None:
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], locale, datetime.now(UTC))


async def audit(scene: Scene) -> list[tuple[str, str | None]]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(AuditRecord).where(AuditRecord.chat_id == VICTIM["id"]).order_by(AuditRecord.id)
        )
        return [(row.action, row.detail) for row in rows]


async def digest_row(scene: Scene) -> DigestSettings | None:
    async with scene.session_factory() as session:
        return await session.get(DigestSettings, VICTIM["id"])


def pack(data: SettingsCb | SettingChoiceCb | RolesPanelCb | DigestHereCb | ZonePickCb) -> str:
    return data.pack()


def screen(name: str) -> str:
    return pack(SettingsCb(chat_id=VICTIM["id"], screen=name))


def chosen(setting: str, value: str, chat: dict[str, object] = VICTIM) -> str:
    return pack(SettingChoiceCb(chat_id=int(str(chat["id"])), setting=setting, value=value))


def edit_buttons(scene: Scene, chat: dict[str, object] | None = None) -> list[str]:
    markup = scene.edits(chat)[-1].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [str(button.callback_data) for row in markup.inline_keyboard for button in row]


@pytest.mark.parametrize("locale", sorted(SAYS))
async def test_an_administrator_changes_the_digest_from_the_panel_in_the_groups_language(
    scene: Scene, locale: str
) -> None:
    title, time_set, weekdays = SAYS[locale]
    await group_language(scene, locale)
    await scene.send(VICTIM, ADMIN, "/settings")
    panel = scene.last_with_buttons()
    assert title in str(panel.text)
    assert keyboard(panel) == [
        *(screen(name) for name in ("lang", "tz", "time", "days", "chat", "ret", "tags", "door")),
        pack(RolesPanelCb(chat_id=VICTIM["id"], action="show")),
    ]

    await scene.tap(ADMIN, VICTIM, screen("time"))
    assert chosen("time", "2000") in edit_buttons(scene)
    await scene.tap(ADMIN, VICTIM, chosen("time", "2000"))
    assert str(scene.edits()[-1].text).startswith(time_set)
    assert edit_buttons(scene) == keyboard(panel)  # back on the panel

    await scene.tap(ADMIN, VICTIM, screen("days"))
    await scene.tap(ADMIN, VICTIM, chosen("day", "5"))
    await scene.tap(ADMIN, VICTIM, chosen("day", "6"))
    assert weekdays in str(scene.edits()[-1].text)
    row = await digest_row(scene)
    assert row is not None and (row.local_time, row.days) == ("20:00", "01234")
    assert await audit(scene) == [
        ("digest-time-set", "20:00"),
        ("digest-days-set", "012346"),
        ("digest-days-set", "01234"),
    ]

    # Mistyped or forged values change nothing and say how to go on.
    before = await audit(scene)
    await scene.tap(ADMIN, VICTIM, chosen("time", "2500"))
    await scene.tap(ADMIN, VICTIM, chosen("day", "9"))
    await scene.tap(ADMIN, VICTIM, chosen("ret", "forever"))
    assert all(STALE[locale] in answer for answer in scene.telegram.answers()[-3:])
    for day in "1234":
        await scene.tap(ADMIN, VICTIM, chosen("day", day))
    await scene.tap(ADMIN, VICTIM, chosen("day", "0"))  # the last day left
    assert NO_DAY[locale] in scene.telegram.answers()[-1]
    row = await digest_row(scene)
    assert row is not None and row.days == "0"
    assert len(await audit(scene)) == len(before) + 4


async def test_language_retention_and_time_zone_are_set_and_audited(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/settings")
    await scene.tap(ADMIN, VICTIM, screen("lang"))
    await scene.tap(ADMIN, VICTIM, chosen("lang", "zh-Hant"))
    # The group reads its new language at once, the panel included.
    assert str(scene.edits()[-1].text).startswith("✅ 本群現在使用繁體中文。")
    assert "的設定" in str(scene.edits()[-1].text)

    await scene.tap(ADMIN, VICTIM, screen("ret"))
    assert chosen("ret", "90") in edit_buttons(scene)
    await scene.tap(ADMIN, VICTIM, chosen("ret", "90"))
    assert "超過 90 天的評論文字將每晚刪除" in str(scene.edits()[-1].text)

    await scene.tap(ADMIN, VICTIM, screen("tz"))
    taipei = pack(ZonePickCb(chat_id=VICTIM["id"], zone="Asia/Taipei"))
    assert taipei in edit_buttons(scene)
    await scene.tap(ADMIN, VICTIM, taipei)
    assert "Asia/Taipei" in str(scene.edits()[-1].text)

    async with scene.session_factory() as session:
        settings = await session.get(ChatSettings, VICTIM["id"])
        kept = await session.get(RetentionSetting, VICTIM["id"])
    assert settings is not None and (settings.language, settings.timezone) == (
        "zh-Hant",
        "Asia/Taipei",
    )
    assert kept is not None and kept.days == 90
    assert await audit(scene) == [
        ("group-language-set", "zh-Hant"),
        ("retention-set", "90"),
        ("group-timezone-set", "UTC → Asia/Taipei"),
    ]


async def test_a_fan_and_an_operator_cannot_press_what_their_role_does_not_allow(
    scene: Scene,
) -> None:
    async with scene.session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=VICTIM["id"],
            user_id=MEMBER["id"],
            role="operator",
            granted_by_user_id=OWNER["id"],
            now=datetime.now(UTC),
        )
    await scene.send(VICTIM, MEMBER, "/settings")
    panel = scene.last_with_buttons()
    # An operator sees every setting but the roles, which only administrators change.
    assert pack(RolesPanelCb(chat_id=VICTIM["id"], action="show")) not in keyboard(panel)
    await scene.tap(MEMBER, VICTIM, pack(RolesPanelCb(chat_id=VICTIM["id"], action="show")))
    assert "administrator role" in scene.telegram.answers()[-1]

    await scene.send(VICTIM, FAN, "/settings")
    assert "operator role" in scene.last()
    before = await audit(scene)
    for data in (chosen("time", "0700"), chosen("lang", "zh"), screen("ret")):
        await scene.tap(FAN, VICTIM, data)
        assert "operator role" in scene.telegram.answers()[-1]
    # A button of another group, pressed by that group's administrator, is checked there.
    await scene.tap(OTHER_ADMIN, OTHER, chosen("time", "0700"))
    assert "operator role" in scene.telegram.answers()[-1]
    assert await audit(scene) == before
    assert await digest_row(scene) is None


async def test_a_fans_refusal_is_in_the_fans_language(scene: Scene) -> None:
    await group_language(scene, "zh")
    await scene.tap(FAN, VICTIM, chosen("time", "0700"))
    assert "运营" in scene.telegram.answers()[-1]  # Lin reads Simplified Chinese


async def test_the_chat_picker_in_private_chooses_where_digests_go(scene: Scene) -> None:
    scene.telegram.set_status(OPS["id"], ADMIN["id"], "creator")
    private = await scene.choose(ADMIN, VICTIM)
    await scene.send(private, ADMIN, "/settings")
    await scene.tap(ADMIN, private, screen("chat"))
    assert edit_buttons(scene, private)[0] == chosen("chat", "pick")
    await scene.tap(ADMIN, private, chosen("chat", "pick"))
    picker = scene.messages(private)[-1]
    assert isinstance(picker.reply_markup, ReplyKeyboardMarkup)
    [[button]] = picker.reply_markup.keyboard
    assert button.request_chat is not None
    assert button.request_chat.request_id == PICK_DIGEST_CHAT
    assert button.request_chat.bot_is_member

    await scene.share_chat(ADMIN, PICK_DIGEST_CHAT, OPS)
    answer = scene.messages(private)[-1]
    assert "also goes to the chat Ops room" in str(answer.text)
    assert isinstance(answer.reply_markup, ReplyKeyboardRemove)
    row = await digest_row(scene)
    assert row is not None and row.operators_chat_id == OPS["id"]
    assert await audit(scene) == [("digest-chat-set", str(OPS["id"]))]

    # A chat the person does not administer is refused, and nothing changes.
    await scene.share_chat(ADMIN, PICK_DIGEST_CHAT, OTHER)
    assert "You must be an administrator of that chat" in scene.last(private)
    assert len(await audit(scene)) == 1

    # In the group the panel says where the picker is, and offers none.
    await scene.send(VICTIM, ADMIN, "/settings")
    await scene.tap(ADMIN, VICTIM, screen("chat"))
    assert "open /settings in private with me" in str(scene.edits()[-1].text)
    assert chosen("chat", "pick") not in edit_buttons(scene)
    await scene.tap(ADMIN, VICTIM, chosen("chat", "off"))
    row = await digest_row(scene)
    assert row is not None and row.operators_chat_id is None


async def test_a_picked_chat_from_someone_without_the_role_changes_nothing(scene: Scene) -> None:
    private = await scene.choose(MEMBER, VICTIM)
    scene.telegram.set_status(OPS["id"], MEMBER["id"], "creator")
    await scene.share_chat(MEMBER, PICK_DIGEST_CHAT, OPS)
    assert "operator role" in scene.last(private)
    assert await digest_row(scene) is None


@pytest.mark.parametrize(
    ("locale", "question"),
    [
        ("en", "Which group's digest should come to <b>Ops room</b>?"),
        ("zh", "哪个群的日报要发到 <b>Ops room</b>？"),
        ("zh-Hant", "哪個群的日報要發到 <b>Ops room</b>？"),
    ],
)
async def test_digest_chat_typed_inside_the_operators_chat_needs_no_id(
    scene: Scene, locale: str, question: str
) -> None:
    scene.telegram.set_status(OPS["id"], ADMIN["id"], "creator")
    async with scene.session_factory() as session, session.begin():
        await register(session, OPS)
        await set_group_language(session, OPS["id"], locale, datetime.now(UTC))
    await scene.say(
        VICTIM, ADMIN, "morning all"
    )  # the groups someone runs include where they write
    await scene.send(OPS, ADMIN, "/digest_chat")
    offer = scene.last_with_buttons(OPS)
    assert str(offer.text).startswith(question)
    here = pack(DigestHereCb(chat_id=VICTIM["id"], target=OPS["id"]))
    assert keyboard(offer) == [here]
    await scene.tap(ADMIN, OPS, here)
    row = await digest_row(scene)
    assert row is not None and row.operators_chat_id == OPS["id"]
    assert "Ops room" in str(scene.edits(OPS)[-1].text)

    # A member of the operators' chat without a role in the group cannot take the digest.
    await scene.tap(MEMBER, OPS, here)
    assert len(await audit(scene)) == 1


async def test_digest_chat_in_a_chat_with_no_other_group_says_what_to_do(scene: Scene) -> None:
    scene.telegram.set_status(OPS["id"], OTHER_ADMIN["id"], "creator")
    await scene.say(OTHER, OTHER_ADMIN, "hello")
    await scene.send(OPS, OTHER_ADMIN, "/digest_chat")
    offer = scene.last_with_buttons(OPS)
    assert keyboard(offer) == [pack(DigestHereCb(chat_id=OTHER["id"], target=OPS["id"]))]
    await scene.send(VICTIM, ADMIN, "/digest_chat")  # the group itself: no other group to send
    assert "You run no other group" in scene.last()


async def test_a_role_goes_to_someone_who_never_wrote_by_picking_them(scene: Scene) -> None:
    private = await scene.choose(OWNER, VICTIM)
    await scene.send(private, OWNER, "/settings")
    await scene.tap(OWNER, private, pack(RolesPanelCb(chat_id=VICTIM["id"], action="show")))
    operators = pack(RolesPanelCb(chat_id=VICTIM["id"], action="operator"))
    assert operators in edit_buttons(scene, private)
    await scene.tap(OWNER, private, operators)
    picker = scene.messages(private)[-1]
    assert isinstance(picker.reply_markup, ReplyKeyboardMarkup)
    [[button]] = picker.reply_markup.keyboard
    assert button.request_users is not None
    assert (button.request_users.request_id, button.request_users.user_is_bot) == (
        PICK_OPERATOR,
        False,
    )

    await scene.share_people(OWNER, PICK_OPERATOR, [NEWCOMER])
    await scene.share_people(OWNER, PICK_ANALYST, [FAN])
    said = scene.replies(private)[-2:]
    assert "@nia</b> 现在是 <b>Victim fans &lt;b&gt;</b> 的运营" in said[0]  # Mei reads 简体
    async with scene.session_factory() as session:
        roles = (await session.execute(select(ChatRole.user_id, ChatRole.role))).all()
    assert sorted(roles) == [(FAN["id"], "analyst"), (NEWCOMER["id"], "operator")]
    assert [action for action, _ in await audit(scene)] == ["role-granted", "role-granted"]

    # The new operator can work at once, though they never wrote in the group.
    await scene.send(VICTIM, NEWCOMER, "/settings")
    assert "Settings of" in scene.last()


async def test_people_picked_by_someone_who_is_not_an_administrator_get_nothing(
    scene: Scene,
) -> None:
    private = await scene.choose(MEMBER, VICTIM)
    await scene.share_people(MEMBER, PICK_OPERATOR, [NEWCOMER])
    assert "administrator role" in scene.last(private)
    async with scene.session_factory() as session:
        assert (await session.scalars(select(ChatRole))).all() == []


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        (ADMIN, ("Reply to one of their messages", "/settings in private with me")),
        (OWNER, ("请在群里回复对方的一条消息", "/settings")),
    ],
)
async def test_an_unknown_name_is_refused_with_both_ways_to_grant(
    scene: Scene, sender: dict[str, object], expected: tuple[str, str]
) -> None:
    if sender is OWNER:
        await group_language(scene, "zh")
    await scene.send(VICTIM, sender, "/grant operator @nobody_here")
    answer = scene.last()
    assert all(part in answer for part in expected), answer


async def test_the_daily_digest_skips_the_days_switched_off(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/digest_subscribe")
    await scene.tap(ADMIN, VICTIM, chosen("day", "5"))  # Saturday off
    saturday = datetime(2026, 12, 5, 9, 0, 30, tzinfo=UTC)
    sent = len(scene.messages(ADMIN))
    reports = await scene.clock(FakeClock(saturday)).tick()
    assert [r.detail for r in reports if "daily" in r.job] == [
        "skipped: not one of the group's digest days"
    ]
    assert len(scene.messages(ADMIN)) == sent
    sunday = datetime(2026, 12, 6, 9, 0, 30, tzinfo=UTC)
    reports = await scene.clock(FakeClock(sunday), instance="two").tick()
    assert any("sent daily" in (r.detail or "") for r in reports)
    assert len(scene.messages(ADMIN)) > sent
    assert isinstance(scene.messages(ADMIN)[-1], SendMessage)
