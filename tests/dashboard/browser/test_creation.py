"""Making polls and giveaways on the dashboard's screens in a real browser: the form, the
preview the server drafts, Send, and then the database and the page both show it; a refusal
says why on the form and stores nothing; Chinese and the dark theme render the forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Page, expect
from sqlalchemy import select

from bot.db.models import GiveawayRecord, PollRecord
from tests.dashboard.browser.support import Screens
from tests.dashboard.browser.test_screens import actions
from tests.support.cast import ADMIN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene


@pytest.fixture(autouse=True)
async def staff_at_work(scene: Scene) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")
    await scene.say(VICTIM, OWNER, "大家好")


async def polls(scene: Scene) -> list[PollRecord]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(PollRecord))).all())


async def giveaways(scene: Scene) -> list[GiveawayRecord]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(GiveawayRecord))).all())


async def fill_poll(page: Page, question: str, options: list[str]) -> None:
    await page.locator("[data-action='new-poll']").click()
    await page.fill("[data-form='poll'] input[name='question']", question)
    for index, option in enumerate(options):
        if index >= await page.locator("input[name='option']").count():
            await page.locator("[data-action='add-option']").click()
        await page.locator("input[name='option']").nth(index).fill(option)


async def test_a_poll_is_made_previewed_and_sent_from_the_screen(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(ADMIN, "#polls")
    await fill_poll(page, "Next <video>?", ["Cats", "Food", "Both"])
    await page.locator("[data-field='anonymous'] input").uncheck()
    await page.locator("[data-field='close'] [data-choice='1d']").click()
    await page.locator("[data-action='preview']").click()
    preview = page.locator("[data-preview='poll']")
    await expect(preview).to_be_visible()
    assert await preview.locator(".preview-question").inner_text() == "Next <video>?"
    await expect(preview.locator(".preview-options li")).to_have_count(3)
    assert "votes shown with names" in await preview.locator(".preview-kind").inner_text()
    assert "closes " in await preview.locator(".preview-times").inner_text()
    assert await polls(scene) == []  # nothing sent before Send
    await preview.locator("[data-action='send']").click()
    await expect(page.locator("#toast")).to_contain_text("posted in the group")
    [poll] = await polls(scene)
    assert poll.question == "Next <video>?" and poll.is_anonymous is False
    assert poll.status == "open" and poll.close_at is not None
    shown = page.locator(f"[data-poll='{poll.id}']")
    await expect(shown.locator(".poll-state")).to_have_text("open")
    await expect(shown.locator(".result")).to_have_count(3)
    assert "poll-created" in await actions(scene)


async def test_a_quiz_from_the_screen_and_a_refusal_that_stores_nothing(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(ADMIN, "#polls")
    await fill_poll(page, "Split | me", ["A", "B"])
    await page.locator("[data-action='preview']").click()
    await expect(page.locator(".form-error")).to_contain_text("would split the poll")
    assert await polls(scene) == []
    await page.fill("[data-form='poll'] input[name='question']", "Which year did we debut?")
    await page.locator("[data-field='quiz'] input").check()
    await page.select_option("select[name='correct']", "2")
    await page.locator("[data-field='start'] [data-choice='1h']").click()
    await page.locator("[data-action='preview']").click()
    preview = page.locator("[data-preview='poll']")
    await expect(preview.locator("li.correct")).to_have_attribute("data-option", "2")
    await expect(preview.locator(".form-error")).to_have_count(0)
    await preview.locator("[data-action='send']").click()
    await expect(page.locator("#toast")).to_contain_text("scheduled")
    [poll] = await polls(scene)
    assert poll.status == "scheduled" and poll.start_at is not None
    await expect(page.locator(f"[data-poll='{poll.id}'] .poll-state")).to_have_text("scheduled")


async def test_a_giveaway_is_made_with_rules_from_the_screen(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(ADMIN, "#giveaways")
    await page.locator("[data-action='new-giveaway']").click()
    form = page.locator("[data-form='giveaway']")
    await form.locator("input[name='prize']").fill("Signed poster")
    await form.locator("[data-field='winners'] [data-choice='2']").click()
    await form.locator("[data-field='end'] [data-choice='hour']").click()
    await form.locator("input[name='comments']").fill("3/7")
    await page.locator("[data-action='preview']").click()
    preview = page.locator("[data-preview='giveaway']")
    await expect(preview).to_be_visible()
    assert await preview.locator(".preview-prize").inner_text() == "Signed poster"
    assert "2 winners" in await preview.locator(".preview-winners").inner_text()
    await expect(preview.locator(".preview-rules li")).to_have_count(3)
    assert await giveaways(scene) == []
    await preview.locator("[data-action='send']").click()
    await expect(page.locator("#toast")).to_contain_text("is posted in the group")
    [record] = await giveaways(scene)
    assert record.prize == "Signed poster" and record.winner_count == 2
    await expect(page.locator(f"[data-giveaway='{record.id}']")).to_contain_text("Signed poster")
    assert "giveaway-created" in await actions(scene)


async def test_a_refused_giveaway_says_why_and_analysts_see_no_forms(
    scene: Scene, screens: Screens
) -> None:
    page = await screens.open(ADMIN, "#giveaways")
    await page.locator("[data-action='new-giveaway']").click()
    await page.locator("[data-action='preview']").click()
    await expect(page.locator(".form-error")).to_contain_text("The prize is empty")
    assert await giveaways(scene) == []
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    for screen in ("#polls", "#giveaways"):
        analyst = await screens.open(MEMBER, screen)
        assert await analyst.locator("[data-action^='new-']").count() == 0


async def test_chinese_dark_forms(scene: Scene, screens: Screens, tmp_path: Path) -> None:
    page = await screens.open(OWNER, "#polls", scheme="dark")
    await page.locator("[data-action='new-poll']").click()
    assert await page.locator("[data-field='question'] .field-label").inner_text() == "问题"
    await expect(page.locator("[data-choice='default']").first).to_have_text("立即")
    await page.screenshot(path=str(tmp_path / "poll-form-zh-dark.png"), full_page=True)
    page = await screens.open(OWNER, "#giveaways", scheme="dark")
    await page.locator("[data-action='new-giveaway']").click()
    assert await page.locator("[data-field='prize'] .field-label").inner_text() == "奖品"
    await page.locator("[data-action='preview']").click()
    await expect(page.locator(".form-error")).to_contain_text("奖品")
