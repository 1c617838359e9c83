"""The guided /giveaway, as operators walk through it in private chat: prize, winners, end, rules
as toggles, then the one-line form's own preview and Send, to a live giveaway whose rules are
what was toggled. In English, Simplified and Traditional Chinese; bad input at every step; Cancel,
expiry, Edit, Back, two operators at once, a restart in the middle, and people it is not for."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.methods import SendMessage

from bot.db.operators import select_group
from bot.domain.giveaway import Rules
from bot.i18n import Translator
from tests.flows.support import ADMIN, FAN, GROUP, OTHER_ADMIN, OWNER, FlowChat
from tests.giveaways.support import CHANNEL_ID, giveaways
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.scene import Scene

TRANSLATOR = Translator.load()
MEI_HANT = u.user(9506, "Wai", username="wai", language_code="zh-hant")
# A past date for "joined before", whatever day the suite runs.
JOINED_BY = "2025-11-01"


def label(key: str, locale: str = "en", **args: Any) -> str:
    return TRANSLATOR.bind(locale).plain(key, **args)  # type: ignore[arg-type]


def off(text: str) -> str:
    return f"▫️ {text}"


def on(text: str) -> str:
    return f"✅ {text}"


async def live_rules(scene: Scene) -> tuple[str, int, Rules]:
    [record] = await giveaways(scene.session_factory)
    assert record.status == "open" and record.message_id is not None
    return record.prize, record.winner_count, Rules.from_json(record.rules)


def announced(scene: Scene) -> list[str]:
    return [str(call.text) for call in scene.calls(SendMessage) if call.chat_id == GROUP["id"]]


def with_channel(scene: Scene) -> None:
    scene.telegram.channels["@creator_news"] = CHANNEL_ID
    scene.telegram.set_status(CHANNEL_ID, scene.pipeline.bot.id, "administrator")


async def test_an_operator_makes_a_giveaway_step_by_step_in_english(scene: Scene) -> None:
    with_channel(scene)
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    assert "New giveaway in <b>Cat fans</b>" in ada.screen and "Step 1 of 4" in ada.screen
    await ada.type("Signed  poster")
    assert "Step 2 of 4" in ada.screen and "Prize: Signed poster" in ada.screen
    await ada.tap("3")
    assert "Step 3 of 4" in ada.screen and "Asia/Shanghai" in ada.screen
    await ada.tap("In 1 day")
    assert "Step 4 of 4" in ada.screen and "Winners: <b>3</b>" in ada.screen
    assert on("Staff cannot enter") in ada.buttons  # as the one-line form: staff excluded
    await ada.tap(off("Still a member at the draw"))
    await ada.tap(off("Joined before…"))
    assert "joined the group before which date" in ada.screen
    await ada.type(JOINED_BY)
    assert on(f"Joined before {JOINED_BY}") in ada.buttons
    await ada.tap(off("N messages in D days…"))
    await ada.type("5/7")
    await ada.tap(off("Channel subscription…"))
    await ada.type("t.me/creator_news")
    assert on("Subscribed to @creator_news") in ada.buttons
    assert on("Still a member at the draw") in ada.buttons
    assert await giveaways(scene.session_factory) == []  # nothing before the preview's Send
    await ada.tap("Preview ▶️")
    preview = ada.screen
    assert "Preview" in preview and "Signed poster" in preview
    assert f"joined the group before {JOINED_BY}" in preview
    assert "at least 5 messages in the group in the last 7 days" in preview
    await ada.tap("✅ Send")
    prize, winners, rules = await live_rules(scene)
    assert (prize, winners) == ("Signed poster", 3)
    assert rules.member and rules.joined_before and rules.joined_before_day == JOINED_BY
    assert (rules.min_comments, rules.comment_days) == (5, 7)
    assert (rules.channel, rules.channel_id, rules.staff_excluded) == (
        "@creator_news",
        CHANNEL_ID,
        True,
    )
    [announcement] = announced(scene)
    assert "Signed poster" in announcement and f"before {JOINED_BY}" in announcement


async def test_a_group_owner_picks_the_group_and_goes_through_in_simplified_chinese(
    scene: Scene,
) -> None:
    await scene.say(GROUP, OWNER, "大家好")
    mei = FlowChat(scene, OWNER)  # never chose a group with /groups
    await mei.send("/giveaway")
    assert "这个抽奖是哪个群的" in mei.screen
    await mei.tap("Cat fans")
    assert "第 1 步" in mei.screen
    await mei.type("签名海报")
    await mei.type("２")  # full-width, as a Chinese keyboard types it
    assert "中奖人数：<b>2</b>" in mei.screen and "第 3 步" in mei.screen
    await mei.type("明天 ２０：００")
    assert "第 4 步" in mei.screen
    await mei.tap(on("工作人员不可参加"))  # staff may enter this time
    await mei.tap(off("开奖时仍在群内"))
    await mei.tap(off("在某日前入群…"))
    await mei.tap("抽奖开始前")
    assert on("抽奖开始前已入群") in mei.buttons
    await mei.tap("预览 ▶️")
    assert "签名海报" in mei.screen and "在抽奖开始前已入群" in mei.screen
    await mei.tap("✅ 发送")
    prize, winners, rules = await live_rules(scene)
    assert (prize, winners) == ("签名海报", 2)
    assert rules == Rules(member=True, joined_before=True, staff_excluded=False)


async def test_an_operator_goes_through_in_traditional_chinese(scene: Scene) -> None:
    scene.telegram.set_status(GROUP["id"], MEI_HANT["id"], "administrator")
    scene.telegram.started.add(MEI_HANT["id"])
    async with scene.session_factory() as session, session.begin():
        await select_group(session, MEI_HANT["id"], GROUP["id"], datetime.now(UTC))
    wai = FlowChat(scene, MEI_HANT)
    await wai.send("/giveaway")
    assert "建立新抽獎" in wai.screen
    await wai.type("簽名海報")
    await wai.tap("1")
    evening = next(b for b in wai.buttons if b in ("今晚 20:00", "明晚 20:00"))
    await wai.tap(evening)
    assert "20:00" in wai.screen  # the end shown in the group's time
    await wai.tap(off("D 天內發言 N 則…"))
    await wai.type("５／７")
    assert on("7 天內發言 5 則") in wai.buttons
    await wai.tap("預覽 ▶️")
    assert "預覽" in wai.screen
    await wai.tap("✅ 發送")
    _prize, winners, rules = await live_rules(scene)
    assert winners == 1
    assert rules == Rules(min_comments=5, comment_days=7, staff_excluded=True)


async def test_bad_input_at_every_step_says_how_to_fix_it_and_changes_nothing(
    scene: Scene,
) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    step = ada.current()
    await ada.type("Poster | member")
    assert "cannot contain “|”" in ada.last
    await ada.type("x" * 300)
    assert "at most 256 characters" in ada.last
    assert ada.current() == step  # still the prize step, in the same message
    await ada.type("Poster")
    for typed, says in [
        ("0", "between 1 and 10,000; you typed 0"),
        ("three", "“three” is not a number"),
        ("20000", "you typed 20000"),
    ]:
        step = ada.current()
        await ada.type(typed)
        assert says in ada.last
        assert ada.current() == step
    await ada.type("２")
    for typed, says in [
        ("2020-01-01 20:00", "That end is in the past"),
        ("next friday", "I cannot read that end"),
        ("5s", "too soon"),
        ("200d", "too far away"),
    ]:
        step = ada.current()
        await ada.type(typed)
        assert says in ada.last
        assert ada.current() == step
    await ada.type("2h")
    await ada.tap(off("N messages in D days…"))
    for typed, says in [
        ("5", "5 messages in how many days? Type both numbers, for example <code>5/7</code>"),
        ("0/7", "at least 1"),
        ("5/400", "between 1 and 365"),
    ]:
        await ada.type(typed)
        assert says in ada.last
    await ada.tap(label("flow-button-back"))
    await ada.tap(off("Joined before…"))
    await ada.type("2099-01-01")
    assert "That date is in the future" in ada.last
    await ada.type("someday")
    assert "I cannot read that date" in ada.last
    await ada.tap(label("flow-button-back"))
    await ada.tap(off("Channel subscription…"))
    await ada.type("my channel")
    assert "not a channel username" in ada.last
    await ada.type("@nosuchchannel")
    assert "cannot find the channel @nosuchchannel" in ada.last
    scene.telegram.channels["@botless"] = CHANNEL_ID
    await ada.type("@botless")
    assert "I am not an administrator of @botless" in ada.last
    await ada.tap(label("flow-button-back"))
    await ada.type("anything")
    assert "tap the rules" in ada.last
    # Nothing of the refused answers was kept.
    assert [b for b in ada.buttons if b.startswith("✅")] == [on("Staff cannot enter")]
    await ada.tap("Preview ▶️")
    await ada.tap("✅ Send")
    prize, winners, rules = await live_rules(scene)
    assert (prize, winners, rules) == ("Poster", 2, Rules(staff_excluded=True))


async def test_cancel_ends_the_flow_and_its_old_buttons_say_so(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    await ada.type("Poster")
    old = ada.current()
    await ada.tap(label("flow-button-cancel"))
    assert "Cancelled" in ada.last
    await scene.tap(ADMIN, ada.chat, _data(old, "3"), message_id=old.message_id)
    assert "This flow is over" in ada.alerts[-1]
    await ada.type("3")  # no longer an answer to anything
    assert await giveaways(scene.session_factory) == []


async def test_a_flow_left_alone_expires_with_a_message(scene: Scene) -> None:
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    await ada.type("Poster")
    clock.value += timedelta(minutes=29)
    await ada.type("2")  # still alive at 29 minutes; this answer touches it again
    assert "Step 3 of 4" in ada.screen
    clock.value += timedelta(minutes=31)
    await ada.tap("In 1 hour")
    assert "expired" in ada.last
    await ada.type("2h")
    assert await giveaways(scene.session_factory) == []
    await ada.send("/giveaway")  # starts again, from the prize
    assert "Step 1 of 4" in ada.screen


async def test_two_operators_in_flows_at_once_keep_their_own_answers(scene: Scene) -> None:
    ada, bo = FlowChat(scene, ADMIN), FlowChat(scene, OTHER_ADMIN)
    await ada.send("/giveaway")
    await bo.send("/giveaway")
    await ada.type("Poster")
    await bo.type("Mug")
    await bo.tap("5")
    await ada.tap("1")
    await ada.tap("In 1 hour")
    await bo.tap("In 1 day")
    await bo.tap(off("Still a member at the draw"))
    assert on("Still a member at the draw") not in ada.buttons
    await ada.tap("Preview ▶️")
    await bo.tap("Preview ▶️")
    await bo.tap("✅ Send")
    await ada.tap("✅ Send")
    records = sorted(await giveaways(scene.session_factory), key=lambda r: r.prize)
    assert [(r.prize, r.winner_count, r.creator_user_id) for r in records] == [
        ("Mug", 5, OTHER_ADMIN["id"]),
        ("Poster", 1, ADMIN["id"]),
    ]
    assert Rules.from_json(records[0].rules).member
    assert not Rules.from_json(records[1].rules).member


async def test_a_restart_in_the_middle_continues_the_flow(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    await ada.type("Poster")
    await ada.tap("2")
    scene.restart(default_timezone="Asia/Shanghai")  # a new dispatcher on the same database
    assert "Step 3 of 4" in ada.screen
    await ada.tap("In 1 day")
    await ada.tap(off("Still a member at the draw"))
    await ada.tap("Preview ▶️")
    await ada.tap("✅ Send")
    prize, winners, rules = await live_rules(scene)
    assert (prize, winners, rules.member) == ("Poster", 2, True)


async def test_edit_on_the_preview_comes_back_with_everything_kept(scene: Scene) -> None:
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    await ada.type("Poster")
    await ada.tap("3")
    await ada.type("30d")
    await ada.tap(off("Still a member at the draw"))
    await ada.tap("Preview ▶️")
    await ada.tap("✏️ Edit")
    assert "Step 4 of 4" in ada.screen and "Prize: Poster" in ada.screen
    assert on("Still a member at the draw") in ada.buttons
    await ada.tap(label("flow-button-back"))
    await ada.tap(label("flow-button-back"))
    assert "Step 2 of 4" in ada.screen
    await ada.tap("Keep it ▶️")
    await ada.tap("Keep it ▶️")
    await ada.tap("Preview ▶️")
    assert "Winners: <b>3</b>" in ada.screen
    await ada.tap("✅ Send")
    prize, winners, rules = await live_rules(scene)
    assert (prize, winners, rules.member) == ("Poster", 3, True)
    assert len(await giveaways(scene.session_factory)) == 1  # the first preview never went live


async def test_in_a_group_giveaway_alone_points_to_private_chat(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, "/giveaway")
    [line] = scene.replies(GROUP)
    assert "open a private chat with me and send /giveaway" in line
    await scene.send(GROUP, ADMIN, "/giveaway 1 2h Poster")  # the one-line form still works
    assert "Preview" in scene.last(GROUP)


async def test_a_fan_cannot_start_it(scene: Scene) -> None:
    fan = FlowChat(scene, FAN)
    await fan.send("/giveaway")
    assert "You do not run any group" in scene.last(fan.chat)
    await fan.type("Poster")  # plain text is no answer to a flow they never had
    await scene.send(GROUP, FAN, "/giveaway")
    assert all("private chat" not in text for text in scene.replies(GROUP))
    assert await giveaways(scene.session_factory) == []


def _data(shown: Any, text: str) -> str:
    assert shown.markup is not None
    for row in shown.markup.inline_keyboard:
        for button in row:
            if button.text == text:
                return str(button.callback_data)
    raise AssertionError(text)


async def test_an_end_that_passed_before_preview_is_said_and_the_flow_stays(
    scene: Scene,
) -> None:
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=2))  # the flow's choices, 2 h ago
    scene.pipeline.run_on(clock)
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    await ada.type("2h pass")  # a prize that starts like a duration stays the prize
    await ada.tap("1")
    await ada.tap("In 1 hour")
    rules = ada.current()
    await ada.tap("Preview ▶️")
    assert "That end is in the past" in ada.last
    assert ada.current() == rules  # still at the rules, nothing lost
    await ada.tap(label("flow-button-back"))
    await ada.type("1d")
    await ada.tap("Preview ▶️")
    await ada.tap("✅ Send")
    prize, winners, _rules = await live_rules(scene)
    assert (prize, winners) == ("2h pass", 1)


async def test_after_20_00_in_the_group_the_evening_choice_is_tomorrows(scene: Scene) -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    tomorrow = datetime.now(UTC).astimezone(shanghai).date() + timedelta(days=1)
    late = datetime.combine(tomorrow, time(21, 0), shanghai)  # the flow is used at 21:00 there
    clock = FakeClock(late.astimezone(UTC))
    scene.pipeline.run_on(clock)
    ada = FlowChat(scene, ADMIN)
    await ada.send("/giveaway")
    await ada.type("Poster")
    await ada.tap("1")
    assert "Tonight 20:00" not in ada.buttons
    await ada.tap("Tomorrow 20:00")
    await ada.tap("Preview ▶️")
    await ada.tap("✅ Send")
    [record] = await giveaways(scene.session_factory)
    ends = record.ends_at.replace(tzinfo=UTC).astimezone(shanghai)
    assert (ends.date(), ends.time()) == (tomorrow + timedelta(days=1), time(20, 0))
