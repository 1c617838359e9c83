"""The Inbox screen in a real browser over feedback fans sent through the real dispatcher:
cards, filters and search, endless scrolling, and one-tap triage on one card or several, each
tap changing the stored item and the card. Fans' texts stay text, whatever they hold."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import expect
from sqlalchemy import select

from bot.db.models import AuditRecord, FeedbackItem, FeedbackItemTag
from tests.dashboard.browser.support import Screens, ready
from tests.support.cast import ADMIN, FAN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene


@pytest.fixture(autouse=True)
async def staff_at_work(scene: Scene) -> None:
    """Administrators are found where they were seen at work, as /groups finds them."""
    await scene.say(VICTIM, ADMIN, "hello fans")
    await scene.say(VICTIM, OWNER, "大家好")


HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> bug \u202eevil\u202c"


async def say(scene: Scene, text: str, fan: dict[str, Any] = FAN) -> int:
    update = await scene.say(VICTIM, fan, text)
    return int(update["message"]["message_id"])


async def stored(scene: Scene, message_id: int) -> FeedbackItem:
    async with scene.session_factory() as session:
        item = await session.get(FeedbackItem, (VICTIM["id"], message_id))
        assert item is not None
        return item


async def tags_of(scene: Scene, message_id: int) -> set[str]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(FeedbackItemTag).where(
                FeedbackItemTag.chat_id == VICTIM["id"], FeedbackItemTag.message_id == message_id
            )
        )
        return {row.tag for row in rows if row.source != "removed"}


async def audited(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list(await session.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


def card(page: Any, message_id: int) -> Any:
    return page.locator(f".card[data-message-id='{message_id}']")


async def test_cards_show_the_feedback_newest_first(scene: Scene, screens: Screens) -> None:
    older = await say(scene, "the app crashed again, this bug is bad")
    newer = await say(scene, "love it, great work", MEMBER)
    page = await screens.open(ADMIN, "#inbox")
    ids = await page.locator(".card").evaluate_all("cards => cards.map(c => +c.dataset.messageId)")
    assert ids == [newer, older]
    first = card(page, older)
    assert await first.locator(".fan-text").last.inner_text() == (
        "the app crashed again, this bug is bad"
    )
    assert await first.locator(".author-name").inner_text() == "@lin_fan"
    assert await first.locator("[data-tag='bug']").get_attribute("aria-pressed") == "true"
    link = await first.locator(".message-link").get_attribute("href")
    assert link == f"https://t.me/c/1000000111/{older}"
    await first.locator(".message-link").click()
    assert ["openTelegramLink", link] in await page.evaluate("window.__fanpulseTelegram.calls")


async def test_filters_and_search_narrow_the_cards(scene: Scene, screens: Screens) -> None:
    crash = await say(scene, "the app crashed again, this bug is bad")
    await say(scene, "love it, great work", MEMBER)
    page = await screens.open(ADMIN, "#inbox?tag=bug")
    assert await page.locator(".card").count() == 1
    await page.select_option("select[name='tag']", "")
    await ready(page)
    await expect(page.locator(".card")).to_have_count(2)
    await page.fill("input[name='q']", "crashed")
    await page.press("input[name='q']", "Enter")
    await expect(page.locator(".card")).to_have_count(1)
    assert await card(page, crash).count() == 1
    assert "q=crashed" in page.url


async def test_a_bad_filter_says_what_is_wrong(scene: Scene, screens: Screens) -> None:
    await say(scene, "the app crashed again, this bug is bad")
    page = await screens.open(ADMIN, "#inbox?author=%40nobody_here")
    error = page.locator(".filter-error")
    await expect(error).to_be_visible()
    assert "nobody_here" in await error.inner_text()
    chinese = await screens.open(OWNER, "#inbox?author=%40nobody_here")
    assert "粉丝" in await chinese.locator(".filter-error").inner_text()


async def test_scrolling_down_loads_the_older_cards(scene: Scene, screens: Screens) -> None:
    for n in range(45):
        await say(scene, f"bug number {n}: the app crashed")
    page = await screens.open(ADMIN, "#inbox")
    assert await page.locator(".card").count() in (20, 40)  # a second page while in view
    for _ in range(4):
        await page.locator(".sentinel").scroll_into_view_if_needed()
        await page.mouse.wheel(0, 20_000)
    await expect(page.locator(".card")).to_have_count(45)
    texts = await page.locator(".card > .fan-text").all_inner_texts()
    assert texts[0] == "bug number 44: the app crashed" and texts[-1].startswith("bug number 0:")
    assert len(set(texts)) == 45


async def test_one_tap_tags_untags_and_sets_the_status(scene: Scene, screens: Screens) -> None:
    crash = await say(scene, "the app crashed again, this bug is bad")
    page = await screens.open(ADMIN, "#inbox")
    await card(page, crash).locator("[data-tag='question']").click()
    await expect(card(page, crash).locator("[data-tag='question']")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert await tags_of(scene, crash) == {"bug", "question"}
    await card(page, crash).locator("[data-tag='bug']").click()
    await expect(card(page, crash).locator("[data-tag='bug']")).to_have_attribute(
        "aria-pressed", "false"
    )
    assert await tags_of(scene, crash) == {"question"}
    await card(page, crash).locator("select.status").select_option("planned")
    await expect(page.locator("#toast")).to_contain_text("Status set")
    assert (await stored(scene, crash)).status == "planned"
    assert await card(page, crash).locator("select.status").input_value() == "planned"
    assert (await audited(scene))[-3:] == [
        "feedback-tagged",
        "feedback-untagged",
        "feedback-status-set",
    ]


async def test_several_cards_at_once_and_duplicates(scene: Scene, screens: Screens) -> None:
    original = await say(scene, "the app crashed again, this bug is bad")
    first = await say(scene, "app crashes for me too, bug")
    second = await say(scene, "same crash bug here", MEMBER)
    page = await screens.open(ADMIN, "#inbox")
    for message_id in (first, second):
        await card(page, message_id).locator("input[type='checkbox']").check()
    bar = page.locator(".selection-bar")
    assert await bar.locator(".count").inner_text() == "2 selected"
    await bar.locator(".bulk-status").select_option("triaged")
    await expect(page.locator("#toast")).to_contain_text("Status set on 2")
    assert [(await stored(scene, m)).status for m in (first, second)] == ["triaged", "triaged"]
    assert (await stored(scene, original)).status == "new"
    for message_id in (first, second):
        await card(page, message_id).locator("input[type='checkbox']").check()
    await bar.locator("[data-bulk='duplicate']").click()
    await card(page, original).locator(".fan-text").last.click()
    await expect(card(page, first).locator(".duplicate")).to_have_text(f"duplicate of #{original}")
    assert (await stored(scene, first)).duplicate_of == original
    assert (await stored(scene, second)).duplicate_of == original
    await expect(bar).to_be_hidden()  # what was selected is done


async def test_an_analyst_reads_without_the_actions(scene: Scene, screens: Screens) -> None:
    await say(scene, "the app crashed again, this bug is bad")
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    page = await screens.open(MEMBER, "#inbox")
    assert await page.locator(".card").count() == 1
    assert await page.locator(".card input[type='checkbox']").count() == 0
    assert await page.locator(".card [data-tag='bug']").is_disabled()


async def test_a_hostile_fan_text_is_inert_on_the_page(scene: Scene, screens: Screens) -> None:
    hostile = await say(scene, HOSTILE)
    page = await screens.open(ADMIN, "#inbox")
    text = card(page, hostile).locator(":scope > .fan-text")
    assert await text.text_content() == HOSTILE
    # Nothing the text names became an element: no image to fire onerror, no script to run.
    assert await page.locator("main img, main script").count() == 0
    assert await card(page, hostile).locator(":scope > .fan-text > *").count() == 0
    # Isolated: the override inside cannot reorder what follows the fan's text.
    assert await text.evaluate("node => getComputedStyle(node).unicodeBidi") == "isolate"
    assert await text.get_attribute("dir") == "auto"
