"""The Enter button through the real dispatcher: every press answered, one entry per person."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram.methods import AnswerCallbackQuery
from aiogram.types import InlineKeyboardMarkup

from bot.db import giveaways as store
from bot.db.models import GiveawayRecord
from bot.db.operators import grant_role
from bot.domain.giveaway import Rules
from tests.giveaways.support import GROUP, entries, giveaways
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene
from tests.support.telegram import ScriptedTelegram


def entered(giveaway_id: int) -> str:
    return (
        f"You are in giveaway #{giveaway_id}. Good luck! To be told if you win, start me with "
        "the 🔔 button under the giveaway."
    )


class Presses:
    def __init__(self, scene: Scene, record: GiveawayRecord) -> None:
        self.scene = scene
        self.record = record
        self.next_id = 50_000

    def update(self, person: dict[str, Any], chat: dict[str, Any] = GROUP) -> dict[str, Any]:
        self.next_id += 1
        assert self.record.message_id is not None
        data = f"ge1:{self.record.id}"
        return self.scene.button(person, chat, data, message_id=self.record.message_id)

    async def press(self, person: dict[str, Any]) -> str:
        telegram = self.scene.telegram
        before = len(telegram.methods(AnswerCallbackQuery))
        await self.scene.pipeline.deliver(self.update(person))
        answers = telegram.methods(AnswerCallbackQuery)
        assert len(answers) == before + 1, "every press gets exactly one answer"
        return str(answers[-1].text)


async def start(scene: Scene, rules: str = "") -> Presses:
    suffix = f" | {rules}" if rules else ""
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway 1 2h Poster{suffix}")
    [record] = await giveaways(scene.session_factory)
    scene.telegram.calls.clear()
    return Presses(scene, record)


async def test_fifty_concurrent_presses_by_one_fan_leave_one_entry(scene: Scene) -> None:
    presses = await start(scene)
    updates = [presses.update(FAN) for _ in range(50)]
    await asyncio.gather(*(scene.pipeline.deliver(update) for update in updates))
    answers = [str(a.text) for a in scene.telegram.methods(AnswerCallbackQuery)]
    assert len(answers) == 50
    assert sorted(set(answers)) == [
        entered(1),
        "You have already entered.",
    ]
    assert answers.count(entered(1)) == 1
    [entry] = await entries(scene.session_factory)
    assert (entry.user_id, entry.first_name) == (FAN["id"], FAN["first_name"])


async def test_redelivered_and_repeated_presses_change_nothing(scene: Scene) -> None:
    presses = await start(scene)
    first = presses.update(MEMBER)
    await scene.pipeline.deliver(first)
    await scene.pipeline.deliver(first)
    assert await presses.press(MEMBER) == "You have already entered."
    assert len(await entries(scene.session_factory)) == 1


async def test_bots_and_telegram_placeholders_cannot_enter(scene: Scene) -> None:
    presses = await start(scene)
    for sender in (u.GROUP_ANONYMOUS_BOT, u.CHANNEL_BOT, u.TELEGRAM_SERVICE):
        assert "Only people can enter" in await presses.press(sender)
    assert await entries(scene.session_factory) == []


async def test_the_exact_rule_not_met_is_named(scene: Scene) -> None:
    presses = await start(scene, "comments:2/7")
    answer = await presses.press(MEMBER)
    assert answer == (
        "You cannot enter yet: fewer than 2 messages in the group in the last 7 days."
    )
    await scene.say(GROUP, MEMBER, "one more message")
    assert await presses.press(MEMBER) == entered(1)


async def test_someone_who_left_cannot_enter_a_members_only_giveaway(scene: Scene) -> None:
    presses = await start(scene, "member")
    assert isinstance(scene.telegram, ScriptedTelegram)
    scene.telegram.left.add((GROUP["id"], FAN["id"]))
    assert await presses.press(FAN) == "You cannot enter yet: not a member of the group."
    assert await entries(scene.session_factory) == []


async def test_a_closed_giveaway_answers_closed(scene: Scene) -> None:
    presses = await start(scene)
    async with scene.session_factory() as session, session.begin():
        await store.set_fields(
            session, presses.record.id, ends_at=datetime.now(UTC) - timedelta(seconds=1)
        )
    assert await presses.press(FAN) == "This giveaway is closed."
    assert await entries(scene.session_factory) == []


async def test_a_button_carried_to_another_chat_does_not_enter(scene: Scene) -> None:
    presses = await start(scene)
    await scene.pipeline.deliver(presses.update(FAN, chat=u.private(FAN)))
    # The answer is private to the presser, in their language (this fan reads Chinese).
    assert scene.telegram.methods(AnswerCallbackQuery)[-1].text == "这个抽奖已经结束。"
    assert await entries(scene.session_factory) == []


async def test_the_organiser_administrators_and_operators_cannot_enter(scene: Scene) -> None:
    presses = await start(scene)
    async with scene.session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=GROUP["id"],
            user_id=FAN["id"],
            role="operator",
            granted_by_user_id=ADMIN["id"],
            now=datetime.now(UTC),
        )
    staff = "You cannot enter yet: the organiser, administrators and operators cannot enter."
    for person in (ADMIN, OWNER, FAN):
        assert await presses.press(person) == staff
    assert await entries(scene.session_factory) == []
    assert await presses.press(MEMBER) == entered(1)
    [record] = await giveaways(scene.session_factory)
    assert Rules.from_json(record.rules).staff_excluded


async def test_the_rule_is_shown_and_the_staff_rule_lets_them_in(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    rules_shown = "• not the organiser, an administrator or an operator of the group"
    assert rules_shown in scene.telegram.sent(GROUP["id"])[-1]
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Mug | 工作人员")
    assert rules_shown not in scene.telegram.sent(GROUP["id"])[-1]
    mug = next(r for r in await giveaways(scene.session_factory) if r.prize == "Mug")
    scene.telegram.calls.clear()
    await scene.tap(ADMIN, GROUP, f"ge1:{mug.id}", message_id=mug.message_id)
    answer = scene.telegram.methods(AnswerCallbackQuery)[-1].text
    assert answer == entered(mug.id)


async def test_the_announcement_invites_entrants_to_start_the_bot(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    announcement = scene.last_with_buttons(GROUP["id"])
    markup = announcement.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    enter, start = (row[0] for row in markup.inline_keyboard)
    assert enter.callback_data == f"ge1:{record.id}"
    assert start.url == f"https://t.me/fanpulse_bot?start=gw{record.id}"
    assert start.text == "🔔 Tell me in private if I win"

    # The link opens the bot with /start gw<id>: the fan reads why, in her language.
    await scene.send(u.private(FAN), FAN, f"/start gw{record.id}")
    assert scene.telegram.sent(FAN["id"])[-1] == (
        f"好的！如果你在抽奖 #{record.id} 中奖，我会在这里告诉你。"
        "还没参与的话，请回到群里按「🎉 参与」。"
    )
    await scene.send(u.private(FAN), FAN, "/start gwx")
    assert "fanpulse" in scene.telegram.sent(FAN["id"])[-1], "any other payload: the welcome"
