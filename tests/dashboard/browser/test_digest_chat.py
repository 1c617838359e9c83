"""Choosing the digest's chat on the Settings screen in a real browser: one of the caller's
other groups, then none; the database and the page follow."""

from __future__ import annotations

from playwright.async_api import expect

from bot.services.group_settings import GroupSettingsReader
from tests.dashboard.browser.support import Screens
from tests.support.cast import ADMIN, OTHER, VICTIM
from tests.support.scene import Scene


async def digest_chat(scene: Scene) -> int | None:
    reader = scene.pipeline.dispatcher.workflow_data["group_settings"]
    assert isinstance(reader, GroupSettingsReader)
    return (await reader.of_group(VICTIM["id"])).digest_chat_id


async def test_the_digest_chat_is_chosen_and_cleared(scene: Scene, screens: Screens) -> None:
    scene.telegram.set_status(OTHER["id"], ADMIN["id"], "administrator")
    await scene.say(OTHER, ADMIN, "hello other fans")
    await scene.say(VICTIM, ADMIN, "hello fans")
    page = await screens.open(ADMIN, "#settings", scheme="dark", start_param=f"g{VICTIM['id']}")
    await page.select_option("select[name='digest_chat']", str(OTHER["id"]))
    await page.locator("[data-action='save-digest-chat']").click()
    await expect(page.locator("#toast")).to_be_visible()
    await expect(page.locator("select[name='digest_chat']")).to_have_value(str(OTHER["id"]))
    assert await digest_chat(scene) == OTHER["id"]
    await page.screenshot(path="/tmp/an/hM-digest-chat-dark.png", full_page=True)
    await page.select_option("select[name='digest_chat']", "")
    await page.locator("[data-action='save-digest-chat']").click()
    await expect(page.locator(".audit [data-action='digest-chat-cleared']")).to_have_count(1)
    await expect(page.locator("select[name='digest_chat']")).to_have_value("")
    assert await digest_chat(scene) is None
