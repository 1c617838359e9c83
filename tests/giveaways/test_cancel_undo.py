"""Undo instead of regret for a giveaway's cancel: once confirmed, Undo reopens it for 10
minutes, with its entries, its announcement's Enter button back and the group told, as long as
its end time has not passed; a later Undo says why it cannot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import select

from bot.db import giveaways as store
from bot.db.chat_settings import set_group_language
from bot.db.models import AuditRecord
from bot.db.user_settings import set_user_language
from handlers.callbacks import ConfirmCb, GiveawayItemCb, GiveawayTap, UndoCb
from tests.giveaways.support import GROUP, PEOPLE, entries, giveaways
from tests.support.cards import card
from tests.support.cast import ADMIN, MEMBER
from tests.support.clock import FakeClock
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene

# (done, undo offered, undone, group told it is open again, undo expired, end passed)
SAYS = {
    "en": (
        "is cancelled, and the group was told why: sold out",
        "You can undo this for 10 minutes.",
        "↩ Undone: giveaway #1 “Poster” is open again",
        "Giveaway #1 is open again",
        "Undo expired",
        "its end time has passed",
    ),
    "zh": (
        "已取消，已告诉群里原因：sold out",
        "10 分钟内可以撤销。",
        "↩ 已撤销：抽奖 #1“Poster”重新开放",
        "抽奖 #1 重新开放",
        "撤销已过期",
        "截止时间已过",
    ),
    "zh-Hant": (
        "已取消，已告訴群組原因：sold out",
        "10 分鐘內可以復原。",
        "↩ 已復原：抽獎 #1「Poster」重新開放",
        "抽獎 #1 重新開放",
        "復原已過期",
        "截止時間已過",
    ),
}


async def speak(scene: Scene, locale: str) -> None:
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, GROUP["id"], locale, now)
        await set_user_language(session, ADMIN["id"], locale, now)


async def cancelled(scene: Scene) -> tuple[FakeClock, int, str]:
    """Giveaway #1 with an entrant, cancelled (asked, then Yes) on a fake clock; the clock, its
    announcement's message id and the Undo button's data."""
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    [record] = await giveaways(scene.session_factory)
    assert record.message_id is not None
    await scene.tap(PEOPLE[0], GROUP, f"ge1:{record.id}", message_id=record.message_id)
    await scene.send(GROUP, ADMIN, f"/giveaway_cancel {record.id} sold out")
    await scene.confirm(ADMIN, GROUP)
    [record] = await giveaways(scene.session_factory)
    assert record.status == "cancelled"
    markup = scene.edits(GROUP)[-1].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    [[undo]] = markup.inline_keyboard
    return clock, record.message_id or 0, str(undo.callback_data)


async def audit_actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(AuditRecord.action).order_by(AuditRecord.id))
        return list(rows.all())


def edited(scene: Scene) -> str:
    return str(scene.edits(GROUP)[-1].text)


def announcement_edits(scene: Scene, message_id: int) -> list[InlineKeyboardMarkup | None]:
    return [
        call.reply_markup if isinstance(call.reply_markup, InlineKeyboardMarkup) else None
        for call in scene.edits(GROUP)
        if call.message_id == message_id
    ]


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_undo_within_ten_minutes_reopens_it_with_its_entries(
    scene: Scene, locale: str
) -> None:
    await speak(scene, locale)
    done, offered, undone, reopened, *_ = SAYS[locale]
    clock, announcement, undo = await cancelled(scene)
    assert done in edited(scene) and offered in edited(scene)
    assert announcement_edits(scene, announcement)[-1] is None  # closed, no Enter button
    assert undo == UndoCb(chat_id=GROUP["id"], action=1).pack()

    clock.value += timedelta(minutes=9, seconds=59)
    await scene.tap(ADMIN, GROUP, undo)
    assert undone in edited(scene)
    [record] = await giveaways(scene.session_factory)
    assert (record.status, record.cancel_reason, record.finished_at) == ("open", None, None)
    assert announcement_edits(scene, announcement)[-1] is not None  # Enter is back
    assert reopened in scene.replies(GROUP)[-1]
    assert await audit_actions(scene) == ["giveaway-created", "giveaway-cancelled", "action-undone"]
    assert len(await entries(scene.session_factory)) == 1  # the entry still counts
    await scene.tap(PEOPLE[1], GROUP, f"ge1:{record.id}", message_id=announcement)
    assert len(await entries(scene.session_factory)) == 2  # and it takes new ones

    # Undone once is undone: a second press says so and changes nothing.
    await scene.tap(ADMIN, GROUP, undo)
    assert scene.telegram.answers()[-1]  # said in an alert
    assert (await audit_actions(scene)).count("action-undone") == 1


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_undo_after_ten_minutes_says_it_expired(scene: Scene, locale: str) -> None:
    await speak(scene, locale)
    clock, _, undo = await cancelled(scene)
    clock.value += timedelta(minutes=10, seconds=1)
    await scene.tap(ADMIN, GROUP, undo)
    assert SAYS[locale][4] in edited(scene)
    [record] = await giveaways(scene.session_factory)
    assert record.status == "cancelled"
    assert "action-undone" not in await audit_actions(scene)


@pytest.mark.parametrize("locale", ["en", "zh", "zh-Hant"])
async def test_undo_after_the_end_time_explains_why_it_cannot(scene: Scene, locale: str) -> None:
    await speak(scene, locale)
    clock, _, undo = await cancelled(scene)
    async with scene.session_factory() as session, session.begin():
        await store.set_fields(session, 1, ends_at=clock.value + timedelta(minutes=5))
    sent = len(scene.replies(GROUP))
    clock.value += timedelta(minutes=6)
    await scene.tap(ADMIN, GROUP, undo)
    assert SAYS[locale][5] in edited(scene)
    [record] = await giveaways(scene.session_factory)
    assert record.status == "cancelled"
    assert len(scene.replies(GROUP)) == sent  # the group is told nothing
    assert "action-undone" not in await audit_actions(scene)
    # Nothing was undone, so the Undo is still there to explain itself again, never to act.
    await scene.tap(ADMIN, GROUP, undo)
    assert SAYS[locale][5] in edited(scene)


async def test_no_keeps_it_open_and_an_analyst_cannot_undo(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    await scene.send(GROUP, ADMIN, "/giveaway_cancel 1 sold out")
    await scene.tap(ADMIN, GROUP, ConfirmCb(chat_id=GROUP["id"], action=1, yes=False).pack())
    assert "Nothing was changed." in edited(scene)
    [record] = await giveaways(scene.session_factory)
    assert record.status == "open"

    await scene.send(GROUP, ADMIN, "/giveaway_cancel 1 sold out")
    await scene.confirm(ADMIN, GROUP)
    scene.telegram.set_status(GROUP["id"], MEMBER["id"], "member")
    await scene.tap(MEMBER, GROUP, UndoCb(chat_id=GROUP["id"], action=2).pack())
    assert "needs the operator role" in scene.telegram.answers()[-1]
    [record] = await giveaways(scene.session_factory)
    assert record.status == "cancelled"


async def test_a_cancel_from_the_card_is_undone_the_same_way(scene: Scene) -> None:
    clock = FakeClock(datetime.now(UTC))
    scene.pipeline.run_on(clock)
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h Poster")
    cancel = GiveawayItemCb(chat_id=GROUP["id"], giveaway_id=1, tap=GiveawayTap.CANCEL)
    await scene.tap(ADMIN, GROUP, cancel.pack())
    await scene.tap(ADMIN, GROUP, card(scene, GROUP).data("The prize is not available"))
    await scene.tap(ADMIN, GROUP, card(scene, GROUP).buttons[0][1])  # Yes
    [record] = await giveaways(scene.session_factory)
    assert (record.status, record.cancel_reason) == ("cancelled", "The prize is not available")
    clock.value += timedelta(minutes=3)
    await scene.tap(ADMIN, GROUP, card(scene, GROUP).data("↩ Undo"))
    [record] = await giveaways(scene.session_factory)
    assert record.status == "open"
