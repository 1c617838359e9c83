"""Editing a tag on the Settings screen in a real browser: renamed (asked first) and its words
set, the database and the page changed; in Chinese and dark, the editor speaks Chinese."""

from __future__ import annotations

from playwright.async_api import expect

from bot.services.tags import TagService
from tests.dashboard.browser.support import Screens
from tests.dashboard.browser.test_screens import actions
from tests.support.cast import ADMIN, OWNER, VICTIM
from tests.support.scene import Scene


async def test_a_tag_is_renamed_and_its_words_edited(scene: Scene, screens: Screens) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_new kittens kittens, 小猫")
    page = await screens.open(ADMIN, "#settings")
    await page.locator("[data-tag='kittens'] [data-action='edit-tag']").click()
    editor = page.locator(".tag-edit[data-editing='kittens']")
    await expect(editor.locator("input[name='edit_tag_terms']")).to_have_value("kittens, 小猫")
    await editor.locator("input[name='edit_tag_name']").fill("pets")
    await editor.locator("input[name='edit_tag_terms']").fill("小猫，puppy")
    await editor.locator("[data-action='save-tag-edit']").click()
    await expect(page.locator("[data-tag='pets']")).to_be_visible()
    await expect(page.locator("[data-tag='kittens']")).to_have_count(0)
    await expect(page.locator("[data-action='retag']")).to_be_visible()  # new words: the offer
    service = scene.pipeline.dispatcher.workflow_data["tags"]
    assert isinstance(service, TagService)
    rule = (await service.tag_set(VICTIM["id"])).get("pets")
    assert rule.keywords == ("小猫", "puppy")
    assert [a for a in await actions(scene) if a.startswith("tag")] == [
        "tag-created",
        "tag-renamed",
        "tag-terms-removed",
        "tag-terms-added",
    ]
    await page.locator("[data-tag='pets'] [data-action='edit-tag']").click()
    await page.locator("input[name='edit_tag_terms']").fill("")
    await page.locator("[data-action='save-tag-edit']").click()
    await expect(page.locator("#toast")).to_be_visible()
    assert (await service.tag_set(VICTIM["id"])).get("pets").keywords == ("小猫", "puppy")


async def test_the_tag_editor_in_chinese_dark(scene: Scene, screens: Screens) -> None:
    await scene.say(VICTIM, OWNER, "大家好")  # the bot knows the group's owner, who reads Chinese
    page = await screens.open(OWNER, "#settings", scheme="dark")
    await page.locator("[data-tag='bug'] [data-action='edit-tag']").click()
    await expect(page.locator("[data-action='save-tag-edit']")).to_have_text("保存标签")
    await page.screenshot(path="/tmp/an/hM-tag-edit-zh-dark.png", full_page=True)
