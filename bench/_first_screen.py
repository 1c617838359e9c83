"""The dashboard's first screen as a phone loads it: Debian's Chromium through Playwright
(bot/devtools/browser.py), the Overview of one group, and the bytes the browser itself counts
as transferred (Resource Timing's `transferSize`: headers and bodies, nothing cached on a first
visit) for the page and everything it fetched from our server until it was drawn."""

from __future__ import annotations

from datetime import datetime

from bot.devtools.browser import BrowserUnavailable, chromium, open_dashboard
from bot.devtools.recording_session import TOKEN
from bot.emulator.init_data import mint_init_data

DRAWN = "body[data-state='ready'], body[data-state='failed']"
# Only what our server sent: Telegram's SDK (the stand-in here) is Telegram's own, cached by
# its clients.
TRANSFERRED = """(origin) => performance.getEntriesByType("navigation")
  .concat(performance.getEntriesByType("resource"))
  .filter((entry) => entry.name.startsWith(origin))
  .reduce((sum, entry) => sum + entry.transferSize, 0)"""


async def first_screen_bytes(
    base: str, group: int, user: int, signed_at: datetime, language: str = "zh"
) -> int | None:
    """None when no browser is installed (the reason is printed)."""
    login = mint_init_data(
        TOKEN,
        user={"id": user, "first_name": "Op", "language_code": language},
        auth_date=signed_at,
        start_param=f"g{group}",
    )
    try:
        async with chromium() as browser:
            page = await open_dashboard(browser, f"{base}/#overview", login, timeout_ms=120_000)
            await page.wait_for_selector(DRAWN, state="attached")
            await page.wait_for_load_state("networkidle")
            state = await page.evaluate("document.body.dataset.state")
            if state != "ready":
                raise RuntimeError(f"the first screen did not draw: {state}")
            origin = base.split("/app", maxsplit=1)[0]
            total = int(await page.evaluate(TRANSFERRED, origin))
            await page.context.close()
            return total
    except BrowserUnavailable as missing:
        print(f"  first screen not measured: {missing}")
        return None
    except Exception as failed:  # Playwright's TimeoutError; the API figures still count
        print(f"  first screen not measured: {type(failed).__name__}: {failed}".splitlines()[0])
        return None
