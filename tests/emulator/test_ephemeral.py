"""Ephemeral messages (Bot API 10.3) through a real aiogram Bot: shown to one member of a group,
answered with message_id 0 and an ephemeral id, deleted by that id and its receiver."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import EphemeralMessageParameters

from bot.emulator.client import EmulatorClient


async def test_an_ephemeral_message_reaches_its_receiver_and_is_deleted_by_its_id(
    bot: Bot, control: EmulatorClient
) -> None:
    owner = await control.create_user("Ann")
    fan = await control.create_user("Bo")
    group = await control.create_chat(
        "supergroup", owner_id=owner["id"], member_ids=[fan["id"]], bot_status="administrator"
    )
    only_bo = EphemeralMessageParameters(receiver_user_id=fan["id"])
    sent = await bot.send_message(group["id"], "Welcome, Bo", ephemeral_message_parameters=only_bo)
    assert sent.message_id == 0 and sent.ephemeral_message_id == 1
    assert sent.receiver_user is not None and sent.receiver_user.id == fan["id"]
    with pytest.raises(TelegramBadRequest, match="not found"):
        await bot.delete_ephemeral_message(group["id"], owner["id"], 1)  # not its receiver
    assert await bot.delete_ephemeral_message(group["id"], fan["id"], 1) is True
    with pytest.raises(TelegramBadRequest, match="not found"):
        await bot.delete_ephemeral_message(group["id"], fan["id"], 1)


async def test_ephemeral_messages_need_a_group_and_a_member(
    bot: Bot, control: EmulatorClient
) -> None:
    owner = await control.create_user("Ann", started=True)
    stranger = await control.create_user("Cy")
    group = await control.create_chat("supergroup", owner_id=owner["id"], bot_status="member")
    with pytest.raises(TelegramBadRequest, match="USER_NOT_PARTICIPANT"):
        await bot.send_message(
            group["id"],
            "hi",
            ephemeral_message_parameters=EphemeralMessageParameters(
                receiver_user_id=stranger["id"]
            ),
        )
    with pytest.raises(TelegramBadRequest, match="group and supergroup"):
        await bot.send_message(
            owner["id"],
            "hi",
            ephemeral_message_parameters=EphemeralMessageParameters(receiver_user_id=owner["id"]),
        )
