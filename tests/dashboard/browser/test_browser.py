"""The browser the screens' tests drive: Debian's Chromium, the SDK replaced by our stand-in,
and nothing outside the dashboard's own server reachable. Without Chromium or Playwright this
file says why (a skip locally, a failure with FANPULSE_REQUIRE_BROWSER=1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.devtools.browser import open_dashboard, telegram_calls
from tests.dashboard.browser.support import Screens, ready
from tests.support.cast import ADMIN

if TYPE_CHECKING:
    from playwright.async_api import Browser


async def test_outside_requests_are_refused_and_the_sdk_is_the_stand_in(
    screens: Screens, browser: Browser
) -> None:
    page = await screens.open(ADMIN)
    assert await page.evaluate("typeof window.Telegram.WebApp.initData") == "string"
    assert ["ready"] in await telegram_calls(page)
    with pytest.raises(Exception, match="ERR_BLOCKED_BY_CLIENT"):
        await page.goto("https://example.com/")


async def test_outside_telegram_the_page_says_where_to_open_it(
    screens: Screens, browser: Browser
) -> None:
    page = await open_dashboard(browser, screens.url, "")
    await ready(page)
    assert "Telegram" in await page.inner_text("#screen")
    assert await page.get_attribute("body", "data-state") == "outside"
