"""End to end: the real bot process joins a group without the rights it needs, tells the owner
what to fix, and the owner picks the group from private chat with /groups."""

from __future__ import annotations

import pytest

from bot.demo.process import wait_until_delivered
from bot.emulator.client import Json
from tests.support.e2e import World

pytestmark = pytest.mark.e2e


def bot_messages(messages: list[Json], bot_id: int) -> list[Json]:
    return [m for m in messages if m.get("from", {}).get("id") == bot_id]


async def test_join_report_and_the_private_console(world: World) -> None:
    client = world.client
    bot_id = world.emulator.world.bot_id
    owner = await client.create_user("Mei", language_code="zh-hans", started=True)
    group = await client.create_chat("supergroup", title="E2E <新> fans", owner_id=owner["id"])
    bot = world.bot()
    await bot.start()
    try:
        await bot.wait_ready(client, "getUpdates")
        await client.add_members(group["id"], [bot_id], owner["id"])
        await wait_until_delivered(client)
        (report,) = bot_messages(await client.messages(owner["id"]), bot_id)
        assert report["text"].startswith("fanpulse 已加入 E2E <新> fans")
        assert "读取所有消息" in report["text"]

        await client.send_command(owner["id"], owner["id"], "groups")
        await wait_until_delivered(client)
        listing = bot_messages(await client.messages(owner["id"]), bot_id)[-1]
        (row,) = listing["reply_markup"]["inline_keyboard"]
        assert row[0]["callback_data"] == f"g1:{group['id']}"
        await client.click(owner["id"], listing["message_id"], owner["id"], row[0]["callback_data"])
        await wait_until_delivered(client)
        chosen = bot_messages(await client.messages(owner["id"]), bot_id)[-1]
        assert chosen["text"].startswith("正在管理 E2E <新> fans")
        assert any(call for call in await client.calls("setMyCommands"))
    finally:
        assert await bot.stop() == 0
