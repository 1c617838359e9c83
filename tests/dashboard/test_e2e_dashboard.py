"""End to end: the real bot process against the emulator serves the dashboard, in polling mode
on its own port and in webhook mode beside the webhook; an administrator's login minted by the
emulator reads the group, and the count rises as fans chat."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
import pytest

from bot.demo.process import wait_until_delivered
from tests.support.e2e import World, free_port

pytestmark = pytest.mark.e2e

SECRET = "e2e-webhook-secret-0123456789"


async def messages_today(session: aiohttp.ClientSession, base: str, login: str, group: int) -> Any:
    async with session.get(
        f"{base}/app/api/groups/{group}/overview?days=7",
        headers={"Authorization": f"tma {login}"},
    ) as answer:
        assert answer.status == 200, await answer.text()
        assert answer.headers["Cache-Control"] == "no-store"
        return (await answer.json())["daily"][-1]["messages"]


async def until_served(session: aiohttp.ClientSession, base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            async with session.get(f"{base}/app/api/me") as answer:
                if answer.status == 401:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise AssertionError("the dashboard never answered")


async def admin_login(world: World) -> tuple[int, str]:
    admin = await world.client.create_user("Ada", username="ada", language_code="en")
    await world.client.set_member(world.group["id"], admin["id"], "administrator", emit=False)
    return admin["id"], await world.client.mint_init_data(admin["id"], group=world.group["id"])


async def chatter(world: World, count: int) -> None:
    for n in range(count):
        fan = world.fans[n % len(world.fans)]
        await world.client.send_text(world.group["id"], fan["id"], f"message {n}")


async def test_polling_mode_serves_the_dashboard_on_its_own_port(world: World) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    bot = world.bot(
        dashboard_url=f"{base}/app/", dashboard_host="127.0.0.1", dashboard_port=str(port)
    )
    _, login = await admin_login(world)
    await chatter(world, 5)
    await bot.start()
    try:
        async with aiohttp.ClientSession() as session:
            await until_served(session, base)
            await wait_until_delivered(world.client)
            before = await messages_today(session, base, login, world.group["id"])
            assert before == 5
            await chatter(world, 7)
            await wait_until_delivered(world.client)
            assert await messages_today(session, base, login, world.group["id"]) == 12
            fan_login = await world.client.mint_init_data(world.fans[0]["id"])
            async with session.get(
                f"{base}/app/api/groups/{world.group['id']}/overview",
                headers={"Authorization": f"tma {fan_login}"},
            ) as refused:
                assert refused.status == 403
    finally:
        assert await bot.stop() == 0


async def test_webhook_mode_serves_it_beside_the_webhook(world: World) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    bot = world.bot(
        mode="webhook",
        webhook_url=base,
        webhook_host="127.0.0.1",
        webhook_port=str(port),
        webhook_secret=SECRET,
        dashboard_url=f"{base}/app/",
    )
    _, login = await admin_login(world)
    await bot.start()
    try:
        await bot.wait_ready(world.client, "setWebhook")
        await chatter(world, 4)
        await wait_until_delivered(world.client)
        async with aiohttp.ClientSession() as session:
            assert await messages_today(session, base, login, world.group["id"]) == 4
            async with session.get(f"{base}/healthz") as health:
                assert health.status == 200
    finally:
        assert await bot.stop() == 0
