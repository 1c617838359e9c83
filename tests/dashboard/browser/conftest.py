"""The dashboard in a real browser: Debian's Chromium driven by Playwright (bot/devtools/
browser.py), Telegram's SDK replaced by our stand-in, every request outside the dashboard's own
server refused. Without Chromium or Playwright the tests skip and say why; with
FANPULSE_REQUIRE_BROWSER=1 (CI) they fail instead."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import pytest

from bot.devtools.browser import BrowserUnavailable, chromium
from tests.dashboard.browser.support import Screens, screens_over
from tests.support.scene import Scene

if TYPE_CHECKING:
    from playwright.async_api import Browser

REQUIRE_BROWSER_ENV = "FANPULSE_REQUIRE_BROWSER"

# The screens' tests import Playwright; without it only test_browser.py is collected, and it
# skips (or fails in CI) with the reason.
if importlib.util.find_spec("playwright") is None:
    collect_ignore_glob = ["test_[!b]*.py"]


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    try:
        async with chromium() as launched:
            yield launched
    except BrowserUnavailable as error:
        if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
            pytest.fail(f"{error}, and {REQUIRE_BROWSER_ENV}=1")
        pytest.skip(f"needs a browser: {error}")


@pytest.fixture
async def screens(scene: Scene, browser: Browser) -> AsyncIterator[Screens]:
    async with screens_over(scene, browser) as served:
        yield served
