"""Webhook mode: delivery with the secret header, retries until a 2xx, replies in the response."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramConflictError
from aiohttp import web

from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator


@dataclass
class Receiver:
    """A webhook endpoint on loopback that fails the first `failures` deliveries with 500."""

    failures: int = 0
    reply: dict[str, Any] | None = None
    received: asyncio.Queue[tuple[dict[str, Any], str | None]] = field(
        default_factory=asyncio.Queue
    )
    url: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        if self.failures > 0:
            self.failures -= 1
            return web.Response(status=500)
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        await self.received.put((await request.json(), secret))
        return web.json_response(self.reply or {})

    async def next(self) -> tuple[dict[str, Any], str | None]:
        return await asyncio.wait_for(self.received.get(), 5)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    receiver.url = f"http://127.0.0.1:{port}/hook"
    yield receiver
    await runner.cleanup()


async def _fan_in_group(control: EmulatorClient) -> tuple[int, int]:
    fan = await control.create_user("Ann")
    group = await control.create_chat("supergroup", member_ids=[fan["id"]])
    await control.set_privacy_mode(False)
    return group["id"], fan["id"]


async def test_delivers_with_secret_and_blocks_get_updates(
    bot: Bot, control: EmulatorClient, receiver: Receiver
) -> None:
    chat_id, fan_id = await _fan_in_group(control)
    assert await bot.set_webhook(receiver.url, secret_token="s3cr3t", allowed_updates=["message"])
    injected = await control.send_text(chat_id, fan_id, "hello hook")
    update, secret = await receiver.next()
    assert update == injected
    assert secret == "s3cr3t"
    with pytest.raises(TelegramConflictError, match="can't use getUpdates method while webhook"):
        await bot.get_updates(timeout=0)
    info = await bot.get_webhook_info()
    assert info.url == receiver.url
    assert info.allowed_updates == ["message"]
    assert await bot.delete_webhook() is True
    assert (await bot.get_webhook_info()).url == ""
    assert await bot.get_updates(timeout=0) == []


async def test_retries_after_receiver_errors_and_loses_nothing(
    bot: Bot, control: EmulatorClient, receiver: Receiver, emulator: Emulator
) -> None:
    chat_id, fan_id = await _fan_in_group(control)
    receiver.failures = 2
    await bot.set_webhook(receiver.url)
    sent = [await control.send_text(chat_id, fan_id, f"m{n}") for n in range(3)]
    delivered = [(await receiver.next())[0] for _ in sent]
    assert delivered == sent
    attempts = await control.webhook_attempts()
    assert [a["status"] for a in attempts[:3]] == [500, 500, 200]
    assert attempts[0]["update_id"] == attempts[2]["update_id"] == sent[0]["update_id"]
    info = await bot.get_webhook_info()
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    await asyncio.wait_for(emulator.queue.until_empty(), 5)
    assert (await control.state())["highest_confirmed_update_id"] == sent[-1]["update_id"]


async def test_method_in_webhook_response_is_executed(
    bot: Bot, control: EmulatorClient, receiver: Receiver, emulator: Emulator
) -> None:
    fan = await control.create_user("Ann")
    receiver.reply = {
        "method": "sendMessage",
        "chat_id": fan["id"],
        "text": "<i>hi</i>",
        "parse_mode": "HTML",
    }
    await bot.set_webhook(receiver.url)
    await control.send_text(fan["id"], fan["id"], "/start")
    await receiver.next()
    await asyncio.wait_for(emulator.queue.until_empty(), 5)
    [call] = await control.calls("sendMessage")
    assert call["ok"] is True
    assert call["result"]["text"] == "hi"


async def test_set_webhook_drops_pending_on_request(
    bot: Bot, control: EmulatorClient, receiver: Receiver
) -> None:
    chat_id, fan_id = await _fan_in_group(control)
    await control.send_text(chat_id, fan_id, "old")
    await bot.set_webhook(receiver.url, drop_pending_updates=True)
    fresh = await control.send_text(chat_id, fan_id, "new")
    assert (await receiver.next())[0] == fresh
