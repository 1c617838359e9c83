"""The screens over the real dashboard server (tests/dashboard/support.py) in a real browser:
`async with screens_over(scene, browser) as screens: page = await screens.open(ADMIN)` opens
the Mini App as that person would from Telegram, and waits until the screen has drawn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.devtools.browser import Scheme, open_dashboard
from tests.dashboard.support import Dashboard, dashboard_over, login_for
from tests.support.scene import Scene

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

READY_MS = 10_000


@dataclass
class Screens:
    dashboard: Dashboard
    browser: Browser
    errors: list[str] = field(default_factory=list)  # scripts that threw, in any page

    @property
    def url(self) -> str:
        return str(self.dashboard.client.make_url("/app/"))

    async def open(
        self,
        person: dict[str, Any],
        screen: str = "",
        *,
        scheme: Scheme = "light",
        start_param: str | None = None,
        confirm: bool = True,
    ) -> Page:
        init_data = login_for(person, start_param=start_param).removeprefix("tma ")
        page = await open_dashboard(
            self.browser,
            self.url + screen,
            init_data,
            scheme=scheme,
            confirm=confirm,
            errors=self.errors,
        )
        await ready(page)
        return page


async def ready(page: Page) -> None:
    """The screen has drawn (or said why it could not). A selector, not a script: the page's
    CSP refuses the eval a waited-for function needs."""
    await page.wait_for_selector(
        "body[data-state='ready'], body[data-state='failed'], body[data-state='outside']",
        state="attached",
        timeout=READY_MS,
    )


@asynccontextmanager
async def screens_over(scene: Scene, browser: Browser) -> AsyncIterator[Screens]:
    async with dashboard_over(scene) as dashboard:
        screens = Screens(dashboard, browser)
        yield screens
        assert not screens.errors, f"the page's scripts threw: {screens.errors}"
