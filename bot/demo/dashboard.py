"""Demo chapter: the operators' dashboard, served by the running bot, opened in headless
Chromium the way Telegram opens a Mini App (a login minted by the emulator, Telegram's theme),
and photographed: every screen, in English and Chinese, light and dark, into demo-output/."""

from __future__ import annotations

import socket
from pathlib import Path

from bot.demo.community import Community, Narrate
from bot.devtools.browser import (
    BrowserUnavailable,
    Scheme,
    chromium,
    full_page_screenshot,
    open_dashboard,
)
from bot.emulator.client import EmulatorClient

SCREENSHOTS = Path("demo-output")
SCREENS = ("overview", "inbox", "polls", "giveaways", "videos", "settings")
# The creation forms, opened by their button, photographed beside their screen.
FORMS = {"polls": "new-poll", "giveaways": "new-giveaway"}
SCHEMES: tuple[Scheme, ...] = ("light", "dark")
DRAWN = "body[data-state='ready'], body[data-state='failed']"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dashboard_settings(port: int) -> dict[str, str]:
    """What the bot process is started with to serve the dashboard on `port` (polling mode)."""
    return {
        "dashboard_url": f"http://127.0.0.1:{port}/app/",
        "dashboard_host": "127.0.0.1",
        "dashboard_port": str(port),
    }


async def photograph_dashboard(
    client: EmulatorClient, community: Community, port: int, say: Narrate
) -> list[Path]:
    say("")
    say("The operators' dashboard (a Telegram Mini App), in a headless browser:")
    # The operator reads English, the creator Chinese (their Telegram languages).
    readers = (("en", community.operator), ("zh", community.creator))
    group = community.main_group["id"]
    written: list[Path] = []
    try:
        async with chromium() as browser:
            SCREENSHOTS.mkdir(exist_ok=True)
            for language, person in readers:
                login = await client.mint_init_data(person["id"], group=group)
                for scheme in SCHEMES:
                    for screen in SCREENS:
                        url = f"http://127.0.0.1:{port}/app/#{screen}"
                        page = await open_dashboard(browser, url, login, scheme=scheme)
                        await page.wait_for_selector(DRAWN, state="attached")
                        path = SCREENSHOTS / f"{screen}-{language}-{scheme}.png"
                        await full_page_screenshot(page, str(path))
                        written.append(path)
                        opener = page.locator(f"[data-action='{FORMS.get(screen)}']")
                        if screen in FORMS and await opener.count():
                            await opener.click()
                            path = SCREENSHOTS / f"{screen}-new-{language}-{scheme}.png"
                            await full_page_screenshot(page, str(path))
                            written.append(path)
                        await page.context.close()
    except BrowserUnavailable as missing:
        say(f"  no screenshots: {missing}")
        return written
    say(
        f"  {len(written)} screenshots in {SCREENSHOTS}/: {len(SCREENS)} screens and "
        f"{len(FORMS)} creation forms, as "
        f"{community.operator['first_name']} (English) and {community.creator['first_name']} "
        "(Chinese), light and dark"
    )
    return written
