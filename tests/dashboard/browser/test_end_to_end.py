"""End to end in a browser: the real bot process against the emulator serves the dashboard in
polling mode, fans chat, the emulator mints the administrator's login, and the Overview seen in
Chromium counts the messages as they arrive."""

from __future__ import annotations

from typing import TYPE_CHECKING

import aiohttp
import pytest
from playwright.async_api import expect

from bot.demo.process import wait_until_delivered
from bot.devtools.browser import open_dashboard
from tests.dashboard.browser.support import ready
from tests.dashboard.test_e2e_dashboard import admin_login, chatter, until_served
from tests.support.e2e import World, free_port

if TYPE_CHECKING:
    from playwright.async_api import Browser

pytestmark = pytest.mark.e2e


async def test_the_browser_sees_the_count_rise(world: World, browser: Browser) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    bot = world.bot(
        dashboard_url=f"{base}/app/", dashboard_host="127.0.0.1", dashboard_port=str(port)
    )
    admin, login = await admin_login(world)
    # Administrators are found where they were seen at work, as /groups finds them.
    await world.client.send_text(world.group["id"], admin, "hello fans")
    await chatter(world, 5)
    await bot.start()
    try:
        async with aiohttp.ClientSession() as session:
            await until_served(session, base)
        await wait_until_delivered(world.client)
        errors: list[str] = []
        page = await open_dashboard(browser, f"{base}/app/", login, errors=errors)
        await ready(page)
        messages = page.locator("[data-number='messages'] .value")
        await expect(messages).to_have_text("5")
        await chatter(world, 7)
        await wait_until_delivered(world.client)
        await page.click("[data-days='30']")
        await expect(messages).to_have_text("12")
        assert errors == []
    finally:
        assert await bot.stop() == 0
