"""The Overview screen in a real browser, over a group where fans chatted through the real
dispatcher: the numbers the API counts are the numbers on the screen, each feedback number
opens the Inbox behind it, and the screen speaks Chinese and follows a dark theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.async_api import expect

from tests.dashboard.browser.support import Screens
from tests.support import updates as u
from tests.support.cast import ADMIN, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene

if TYPE_CHECKING:
    from playwright.async_api import Page


async def seed_chatter(scene: Scene) -> None:
    fans = [u.user(7100 + n, f"Fan{n}") for n in range(3)]
    for fan in fans:
        await scene.join(VICTIM, fan)
        await scene.say(VICTIM, fan, "the app crashed again, this bug is bad")
    await scene.say(VICTIM, fans[0], "love it, great work")
    await scene.say(VICTIM, ADMIN, "thanks all")


async def number(page: Page, name: str) -> str:
    return await page.inner_text(f"[data-number='{name}'] .value")


async def test_the_overview_shows_the_groups_numbers(scene: Scene, screens: Screens) -> None:
    await seed_chatter(scene)
    page = await screens.open(ADMIN)
    assert await page.inner_text("#group-title") == VICTIM["title"]
    # The scene's fixture had two people say hello before the three fans and their chatter.
    assert await number(page, "messages") == "6"
    assert await number(page, "active_fans") == "5"
    assert await number(page, "new_fans") == "5"
    assert await number(page, "joins") == "3"
    assert await number(page, "leaves") == "0"
    assert await page.inner_text("[data-tag='bug'] .count") == "3"
    assert await page.locator(".rising [data-topic='bug'] .quote").count() == 3
    cells = page.locator(".heatmap .cell")
    assert await cells.count() == 7 * 24
    counted = await cells.evaluate_all("cells => cells.reduce((s, c) => s + +c.dataset.count, 0)")
    assert counted == 6
    assert await page.get_attribute("[data-days='7']", "aria-pressed") == "true"
    # The activity chart is the server's SVG (the digest's chart code), drawn in the page.
    chart = page.locator(".daily img.chart")
    assert (await chart.get_attribute("src") or "").startswith("data:image/svg+xml")
    assert await chart.evaluate("image => image.complete && image.naturalWidth") > 0
    assert await chart.get_attribute("alt") == "Messages per day"


async def test_the_period_switch_reads_thirty_days(scene: Scene, screens: Screens) -> None:
    await seed_chatter(scene)
    page = await screens.open(ADMIN)
    await page.click("[data-days='30']")
    await page.wait_for_selector("[data-days='30'][aria-pressed='true']")
    assert await number(page, "messages") == "6"


async def test_an_operator_of_several_groups_picks_one_on_top(
    scene: Scene, screens: Screens
) -> None:
    await scene.say(OTHER, OTHER_ADMIN, "hi")
    await scene.send(VICTIM, OWNER, "/grant operator @oscar")
    page = await screens.open(OTHER_ADMIN, start_param=f"g{OTHER['id']}")
    picker = page.locator("#group-picker")
    assert await picker.is_visible()
    assert await picker.input_value() == str(OTHER["id"])
    assert await number(page, "messages") == "0"  # an administrator's words are not a fan's
    await picker.select_option(str(VICTIM["id"]))
    # The fixture's two hellos in the victim group.
    await expect(page.locator("[data-number='messages'] .value")).to_have_text("2")


async def test_chinese_and_dark(scene: Scene, screens: Screens) -> None:
    await seed_chatter(scene)
    await scene.say(VICTIM, OWNER, "大家好")  # administrators are found where they were seen
    page = await screens.open(OWNER, scheme="dark")
    assert await page.get_attribute("html", "lang") == "zh"
    assert await page.inner_text("[data-screen='overview'].tab") == "概览"
    assert await page.inner_text("[data-number='messages'] .label") == "消息"
    background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(33, 45, 59)"  # the dark themeParams' bg_color, #212d3b
    # The chart came in Chinese with the dark theme's ink.
    source = await page.get_attribute(".daily img.chart", "src") or ""
    assert "%23e9ecef" in source and "%E6%B6%88%E6%81%AF" in source  # #e9ecef, 消息


async def test_a_tag_count_opens_the_feedback_behind_it(scene: Scene, screens: Screens) -> None:
    await seed_chatter(scene)
    page = await screens.open(ADMIN)
    await page.click("[data-tag='bug']")
    await expect(page.locator("[data-screen='inbox'] .card")).to_have_count(3)
    assert "tag=bug" in page.url and "period=7d" in page.url
    assert await page.input_value("select[name='tag']") == "bug"
