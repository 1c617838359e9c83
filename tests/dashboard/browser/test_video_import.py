"""Importing platform numbers on the Videos screen in a real browser: a file chosen and
uploaded, the chat's report on the page and the numbers in the database; the template
downloaded; Chinese and dark."""

from __future__ import annotations

import pytest
from playwright.async_api import FilePayload, expect

from tests.dashboard.browser.support import Screens
from tests.support.cast import ADMIN, OWNER, VICTIM
from tests.support.scene import Scene
from tests.video_metrics.conftest import videos_scene  # noqa: F401
from tests.video_metrics.support import stored
from tests.video_metrics.test_import import DAY, GBK_FILE

CSV_FILE: FilePayload = {"name": "numbers.csv", "mimeType": "text/csv", "buffer": GBK_FILE}


@pytest.fixture(autouse=True)
async def staff_at_work(videos_scene: Scene) -> None:  # noqa: F811
    await videos_scene.say(VICTIM, ADMIN, "hello fans")
    await videos_scene.say(VICTIM, OWNER, "大家好")


async def test_numbers_are_imported_by_upload_with_the_chats_report(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(ADMIN, "#videos")
    await page.locator("[data-action='import']").click()
    await expect(page.locator("#toast")).to_contain_text("Choose the file first")
    await page.set_input_files("input[name='numbers']", files=[CSV_FILE])
    await page.locator("[data-action='import']").click()
    report = page.locator(".import-report")
    await expect(report).to_contain_text("New: 4 · updated: 0 · unchanged: 0 · refused: 2")
    await expect(report).to_contain_text("line 6: unknown video (video: v9)")
    assert (1, "douyin", DAY, 15_000, 950, 52, 101, 15) in await stored(scene)
    await expect(page.locator("[data-video]")).to_have_count(3)
    async with page.expect_download() as download:
        await page.locator("[data-action='template']").click()
    assert (await download.value).suggested_filename == "video-numbers-template.csv"


async def test_a_file_that_cannot_be_read_says_why_in_chinese_dark(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(OWNER, "#videos", scheme="dark")
    assert await page.locator("[data-action='import']").inner_text() == "导入"
    bad: FilePayload = {
        "name": "numbers.csv",
        "mimeType": "text/csv",
        "buffer": b"\x00\x01 not a table",
    }
    await page.set_input_files("input[name='numbers']", files=[bad])
    await page.locator("[data-action='import']").click()
    await expect(page.locator(".import-report")).to_contain_text("未导入任何数据")
    assert await stored(scene) == []
