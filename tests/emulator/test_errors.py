"""Each Telegram error envelope raises the aiogram exception a real one raises; faults on demand."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.emulator.client import EmulatorClient
from bot.emulator.faults import Fault
from bot.emulator.server import Emulator


async def test_unknown_chat(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest) as error:
        await bot.send_message(-100123, "hello")
    assert error.value.message == "Bad Request: chat not found"


async def test_private_chat_needs_start_and_blocking_forbids(
    bot: Bot, control: EmulatorClient
) -> None:
    fan = await control.create_user("Ann")
    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation"):
        await bot.send_message(fan["id"], "hi")
    await control.send_text(fan["id"], fan["id"], "/start")
    assert (await bot.send_message(fan["id"], "hi")).chat.id == fan["id"]
    blocked = await control.block_bot(fan["id"])
    assert blocked["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    with pytest.raises(TelegramForbiddenError) as error:
        await bot.send_message(fan["id"], "hi")
    assert error.value.message == "Forbidden: bot was blocked by the user"


@pytest.mark.parametrize(
    ("chat_type", "description"),
    [
        ("group", "Forbidden: bot was kicked from the group chat"),
        ("supergroup", "Forbidden: bot was kicked from the supergroup chat"),
    ],
)
async def test_kicked_bot(
    bot: Bot, control: EmulatorClient, chat_type: str, description: str
) -> None:
    admin = await control.create_user("Admin")
    chat = await control.create_chat(chat_type, owner_id=admin["id"])
    kicked = await control.kick_bot(chat["id"], admin["id"])
    assert kicked["my_chat_member"]["from"]["id"] == admin["id"]
    with pytest.raises(TelegramForbiddenError) as error:
        await bot.send_message(chat["id"], "still here?")
    assert error.value.message == description


async def test_migrated_group(bot: Bot, control: EmulatorClient) -> None:
    admin = await control.create_user("Admin")
    group = await control.create_chat("group", title="Old", owner_id=admin["id"])
    await bot.send_message(group["id"], "before")
    migrated = await control.migrate_group(group["id"], admin["id"])
    new_id = migrated["chat"]["id"]
    assert str(new_id).startswith("-100")
    to_update, from_update = migrated["updates"]
    assert to_update["message"]["migrate_to_chat_id"] == new_id
    assert to_update["message"]["chat"]["id"] == group["id"]
    assert from_update["message"]["migrate_from_chat_id"] == group["id"]
    with pytest.raises(TelegramMigrateToChat) as error:
        await bot.send_message(group["id"], "after")
    assert error.value.migrate_to_chat_id == new_id
    assert error.value.message.endswith(
        "Original description: Bad Request: group chat was upgraded to a supergroup chat"
    )
    assert (await bot.send_message(new_id, "after")).chat.type == "supergroup"


async def test_retry_after_fault(bot: Bot, control: EmulatorClient) -> None:
    await control.add_fault("getMe", count=2, status=429, retry_after=7)
    for _ in range(2):
        with pytest.raises(TelegramRetryAfter) as error:
            await bot.get_me()
        assert error.value.retry_after == 7
        assert error.value.message.endswith(
            "Original description: Too Many Requests: retry after 7"
        )
    assert (await bot.get_me()).id == bot.id
    calls = await control.calls("getMe")
    assert [c["ok"] for c in calls] == [False, False, True]
    assert calls[0]["error"]["parameters"] == {"retry_after": 7}


@pytest.mark.parametrize("status", [500, 502])
async def test_server_error_fault_on_every_method(
    bot: Bot, control: EmulatorClient, status: int
) -> None:
    await control.add_fault(None, status=status)
    with pytest.raises(TelegramServerError):
        await bot.get_webhook_info()
    assert await bot.get_updates(timeout=0) == []


async def test_forbidden_fault_with_custom_description(bot: Bot, control: EmulatorClient) -> None:
    await control.add_fault("sendMessage", status=403, description="Forbidden: user is deactivated")
    with pytest.raises(TelegramForbiddenError, match="user is deactivated"):
        await bot.send_message(1, "x")


async def test_dropped_connection_and_delay(bot: Bot, emulator: Emulator) -> None:
    emulator.faults.add(Fault(method="getMe", drop_connection=True))
    with pytest.raises(TelegramNetworkError):
        await bot.get_me()
    emulator.faults.add(Fault(method="getMe", delay=0.05))
    assert (await bot.get_me()).id == bot.id
    assert emulator.faults.rules == []
