"""A headless Chromium that opens the dashboard as Telegram's web view would: Debian's
/usr/bin/chromium driven by Playwright (no `playwright install`, which downloads browsers), a
phone-sized window, Telegram's SDK replaced by our stand-in (bot/emulator/webapp_standin.js)
given the initData, theme and colour scheme, and every request that leaves the dashboard's own
server refused. Used by the browser tests and the demo's screenshots."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page, Route

CHROMIUM: Final = "/usr/bin/chromium"
CHROMIUM_ARGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
TELEGRAM_SDK: Final = "https://telegram.org/js/telegram-web-app.js"
STANDIN: Final = Path(__file__).resolve().parent.parent / "emulator" / "webapp_standin.js"
PHONE_WIDTH: Final = 390
PHONE_HEIGHT: Final = 844

Scheme = Literal["light", "dark"]

# What Telegram's Android client sends in themeParams for its day and night themes.
THEMES: Final[Mapping[Scheme, Mapping[str, str]]] = {
    "light": {
        "bg_color": "#ffffff",
        "text_color": "#000000",
        "hint_color": "#707579",
        "link_color": "#2481cc",
        "button_color": "#2481cc",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#f0f0f0",
        "section_bg_color": "#ffffff",
        "accent_text_color": "#2481cc",
        "destructive_text_color": "#e53935",
    },
    "dark": {
        "bg_color": "#212d3b",
        "text_color": "#ffffff",
        "hint_color": "#7d8b99",
        "link_color": "#5eabe1",
        "button_color": "#5eabe1",
        "button_text_color": "#ffffff",
        "secondary_bg_color": "#1d2733",
        "section_bg_color": "#232e3c",
        "accent_text_color": "#6ab2f2",
        "destructive_text_color": "#ef5b5b",
    },
}


class BrowserUnavailable(RuntimeError):
    """No Chromium or no Playwright on this machine: the reason says which and how to get it."""


def unavailable_reason() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install playwright)"
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    reason = unavailable_reason()
    if reason is not None:
        raise BrowserUnavailable(reason)
    from playwright.async_api import async_playwright  # noqa: PLC0415 - a dev dependency

    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(
            executable_path=executable,
            args=list(CHROMIUM_ARGS),
        )
        try:
            yield browser
        finally:
            await browser.close()


async def open_dashboard(
    browser: Browser,
    url: str,
    init_data: str,
    *,
    scheme: Scheme = "light",
    confirm: bool = True,
    language: str = "en-US",
    timeout_ms: float = 10_000,
    errors: list[str] | None = None,
) -> Page:
    """A new phone-sized page on `url` (the dashboard's index), as Telegram opens it; what its
    scripts throw is added to `errors`."""
    origin = _origin(url)
    context = await browser.new_context(
        viewport={"width": PHONE_WIDTH, "height": PHONE_HEIGHT},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
        locale=language,
        service_workers="block",
    )
    telegram = {
        "initData": init_data,
        "themeParams": dict(THEMES[scheme]),
        "colorScheme": scheme,
        "platform": "android",
        "confirm": confirm,
    }
    await context.add_init_script(f"window.__fanpulseTelegram = {json.dumps(telegram)};")
    standin = STANDIN.read_text(encoding="utf-8")

    async def route(route: Route) -> None:
        requested = route.request.url
        if requested.split("?")[0] == TELEGRAM_SDK:
            await route.fulfill(status=200, content_type="text/javascript", body=standin)
        elif _origin(requested) == origin:
            await route.continue_()
        else:
            await route.abort("blockedbyclient")

    context.set_default_timeout(timeout_ms)
    await context.route("**/*", route)
    page = await context.new_page()
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(url)
    return page


async def telegram_calls(page: Page) -> list[list[Any]]:
    """What the page asked of Telegram's client through the stand-in (links, popups, haptics)."""
    calls: list[list[Any]] = await page.evaluate("window.__fanpulseTelegram.calls")
    return calls


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


# A full-page screenshot grows the viewport to the whole page, but a sticky element keeps the
# place it had at the scroll position: the header came out over the middle of the page. For the
# photograph it is put back in the flow at the top, then made sticky again.
_UNSTICK = """() => {
  window.scrollTo(0, 0);
  const stuck = [...document.querySelectorAll("body *")].filter(
    (node) => getComputedStyle(node).position === "sticky");
  for (const node of stuck) node.style.setProperty("position", "static");
  return stuck.length;
}"""
_RESTICK = """() => {
  for (const node of document.querySelectorAll("body *")) {
    if (node.style.getPropertyValue("position") === "static") node.style.removeProperty("position");
  }
}"""


async def full_page_screenshot(page: Page, path: str) -> None:
    """The whole page as a reader scrolling it would see it, the sticky header on top."""
    await page.evaluate(_UNSTICK)
    try:
        await page.screenshot(path=path, full_page=True)
    finally:
        await page.evaluate(_RESTICK)
