"""The demo's full-page photographs (bot/devtools/browser.py `full_page_screenshot`): a page
scrolled before the shot comes out as the same picture as one that was not, the sticky header
on top rather than over the middle, and the header sticks again afterwards."""

from __future__ import annotations

from pathlib import Path

from bot.devtools.browser import full_page_screenshot
from tests.dashboard.browser.support import Screens
from tests.dashboard.browser.test_overview import seed_chatter
from tests.support.cast import ADMIN
from tests.support.scene import Scene


async def test_a_scrolled_page_is_photographed_with_its_header_on_top(
    scene: Scene, screens: Screens, tmp_path: Path
) -> None:
    await seed_chatter(scene)
    page = await screens.open(ADMIN, "#overview", scheme="dark")
    await full_page_screenshot(page, str(tmp_path / "top.png"))
    await page.evaluate("window.scrollTo(0, 600)")
    assert await page.evaluate("window.scrollY") > 0
    # What the shot looked like before: the header drawn where the scroll had left it.
    await page.screenshot(path=str(tmp_path / "plain.png"), full_page=True)
    await page.evaluate("window.scrollTo(0, 600)")
    await full_page_screenshot(page, str(tmp_path / "scrolled.png"))
    top = (tmp_path / "top.png").read_bytes()
    assert (tmp_path / "scrolled.png").read_bytes() == top
    assert (tmp_path / "plain.png").read_bytes() != top
    position = await page.evaluate("getComputedStyle(document.querySelector('.top')).position")
    assert position == "sticky"
