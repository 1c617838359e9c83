"""getUpdates as Telegram runs it: offsets, limits, long polling, allowed_updates, conflicts."""

from __future__ import annotations

import asyncio

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramConflictError

from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator


async def _group_with_fan(control: EmulatorClient) -> tuple[int, int]:
    fan = await control.create_user("Ann")
    group = await control.create_chat("supergroup", title="Fans", member_ids=[fan["id"]])
    await control.set_privacy_mode(False)
    return group["id"], fan["id"]


async def test_update_ids_increase_by_one_and_offset_confirms(
    bot: Bot, control: EmulatorClient
) -> None:
    chat_id, fan_id = await _group_with_fan(control)
    injected = [await control.send_text(chat_id, fan_id, f"hi {n}") for n in range(3)]
    assert [u["update_id"] for u in injected] == [1, 2, 3]

    first = await bot.get_updates(timeout=0)
    assert [u.update_id for u in first] == [1, 2, 3]
    assert (await bot.get_updates(timeout=0))[0].update_id == 1  # nothing confirmed yet

    rest = await bot.get_updates(offset=3, timeout=0)
    assert [u.update_id for u in rest] == [3]
    state = await control.state()
    assert state["pending_update_count"] == 1
    assert state["highest_confirmed_update_id"] == 2

    assert await bot.get_updates(offset=4, timeout=0) == []
    assert (await control.state())["highest_confirmed_update_id"] == 3


async def test_limit_and_negative_offset(bot: Bot, control: EmulatorClient) -> None:
    chat_id, fan_id = await _group_with_fan(control)
    for n in range(5):
        await control.send_text(chat_id, fan_id, f"m{n}")
    assert [u.update_id for u in await bot.get_updates(limit=2, timeout=0)] == [1, 2]
    last_two = await bot.get_updates(offset=-2, timeout=0)
    assert [u.update_id for u in last_two] == [4, 5]
    assert (await control.state())["pending_update_count"] == 2


async def test_long_poll_wakes_up_on_injection(
    bot: Bot, control: EmulatorClient, emulator: Emulator
) -> None:
    chat_id, fan_id = await _group_with_fan(control)
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.wait_for(emulator.queue.until_long_polling(), 5)
    assert not poll.done()
    await control.send_text(chat_id, fan_id, "wake up")
    updates = await asyncio.wait_for(poll, 5)
    assert updates[0].message is not None
    assert updates[0].message.text == "wake up"


async def test_allowed_updates_is_remembered_and_filters(bot: Bot, control: EmulatorClient) -> None:
    chat_id, fan_id = await _group_with_fan(control)
    await control.set_bot_membership(chat_id, "administrator", emit=False)

    # chat_member is off by default, as on Telegram.
    hidden = await control.set_member(chat_id, fan_id, "administrator")
    assert "update_id" not in hidden
    assert await bot.get_updates(timeout=0) == []

    await bot.get_updates(timeout=0, allowed_updates=["chat_member"])
    shown = await control.set_member(chat_id, fan_id, "member")
    assert shown["update_id"] == 1
    filtered = await control.send_text(chat_id, fan_id, "not wanted")
    assert "update_id" not in filtered
    updates = await bot.get_updates(timeout=0)  # no allowed_updates: the last list stays
    assert [u.chat_member is not None for u in updates] == [True]
    assert updates[0].chat_member is not None
    assert updates[0].chat_member.new_chat_member.status == "member"

    await bot.get_updates(offset=2, timeout=0, allowed_updates=[])
    assert "update_id" in await control.send_text(chat_id, fan_id, "wanted again")


async def test_second_get_updates_terminates_the_waiting_one(bot: Bot, emulator: Emulator) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.wait_for(emulator.queue.until_long_polling(), 5)
    assert await bot.get_updates(timeout=0) == []
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, 5)


async def test_raw_update_is_delivered_as_is(bot: Bot, control: EmulatorClient) -> None:
    raw = {
        "message": {
            "message_id": 77,
            "date": 1_700_000_000,
            "chat": {"id": 42, "type": "private", "first_name": "Raw"},
            "from": {"id": 42, "is_bot": False, "first_name": "Raw"},
            "text": "as is",
        }
    }
    injected = await control.inject_raw(raw)
    assert injected == {"update_id": 1, **raw}
    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None
    assert update.message.message_id == 77
    assert update.message.from_user is not None
    assert update.message.from_user.first_name == "Raw"
