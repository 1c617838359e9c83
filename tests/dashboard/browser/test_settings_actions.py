"""Changing settings on the Settings screen in a real browser: the digest, retention, a tag
added, applied to the stored history and removed, and a role granted and revoked (in Chinese,
dark); each changes the database and then the page."""

from __future__ import annotations

import pytest
from playwright.async_api import expect
from sqlalchemy import select

from bot.db.models import ChatRole, DigestSubscription
from tests.dashboard.browser.support import Screens
from tests.dashboard.browser.test_screens import actions
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene


@pytest.fixture(autouse=True)
async def staff_at_work(scene: Scene) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")
    await scene.say(VICTIM, OWNER, "大家好")
    await scene.say(VICTIM, MEMBER, "hi")


async def test_the_digest_and_retention_are_changed_from_the_screen(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(ADMIN, "#settings")
    await page.fill("input[name='digest_time']", "21:30")
    await page.locator("[data-day='5']").click()  # Saturday off
    await page.locator("[data-day='6']").click()  # Sunday off
    await page.locator("[data-action='save-digest']").click()
    await expect(page.locator("[data-setting='digest'] .setting-value")).to_contain_text("21:30")
    await expect(page.locator("[data-day='6']")).to_have_attribute("aria-pressed", "false")
    await page.locator("[data-field='subscribed'] input").check()
    await expect(page.locator("#toast")).to_contain_text("You will receive the digest")
    async with scene.session_factory() as session:
        subscribed = await session.scalars(
            select(DigestSubscription.user_id).where(DigestSubscription.chat_id == VICTIM["id"])
        )
        assert list(subscribed) == [ADMIN["id"]]
    await page.fill("input[name='retention']", "30d")
    await page.locator("[data-action='save-retention']").click()
    await expect(page.locator("[data-setting='retention'] .setting-value")).to_have_text(
        "for 30 days"
    )
    await page.fill("input[name='retention']", "soon")
    await page.locator("[data-action='save-retention']").click()
    await expect(page.locator("#toast")).to_contain_text("3650")
    assert [a for a in await actions(scene) if a.startswith(("digest", "retention"))] == [
        "digest-time-set",
        "digest-days-set",
        "retention-set",
    ]


async def test_a_tag_is_added_applied_to_history_and_removed(
    scene: Scene, screens: Screens
) -> None:
    await scene.say(VICTIM, FAN, "the kittens were adorable")
    await scene.say(VICTIM, FAN, "more kittens please")
    page = await screens.open(ADMIN, "#settings")
    await page.fill("input[name='tag']", "kittens")
    await page.fill("input[name='terms']", "kittens, 小猫")
    await page.locator("[data-action='add-tag']").click()
    await expect(page.locator("[data-tag='kittens']")).to_be_visible()
    await page.locator("[data-action='retag']").click()
    await expect(page.locator(".retag-status")).to_contain_text("Done: 2 stored messages")
    await page.locator("[data-tag='kittens'] [data-action='remove-tag']").click()
    await expect(page.locator("[data-tag='kittens']")).to_have_count(0)
    assert [a for a in await actions(scene) if a.startswith("tag")] == [
        "tag-created",
        "tag-deleted",
    ]


async def test_a_role_is_granted_and_revoked_in_chinese_dark(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(OWNER, "#settings", scheme="dark")
    assert await page.locator("[data-action='grant']").inner_text() == "授予"
    await page.fill("input[name='who']", "@max")
    await page.select_option("select[name='role']", "analyst")
    await page.locator("[data-action='grant']").click()
    holder = page.locator(f".entrant[data-user-id='{MEMBER['id']}']")
    await expect(holder).to_contain_text("@max")
    async with scene.session_factory() as session:
        assert await session.get(ChatRole, (VICTIM["id"], MEMBER["id"])) is not None
    await holder.locator("[data-action='revoke']").click()
    await expect(holder).to_have_count(0)
    async with scene.session_factory() as session:
        assert await session.get(ChatRole, (VICTIM["id"], MEMBER["id"])) is None
    await page.fill("input[name='who']", "@nobody")
    await page.locator("[data-action='grant']").click()
    await expect(page.locator("#toast")).to_contain_text("@nobody")
