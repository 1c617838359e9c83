"""Polls, Giveaways, Videos and Settings in a real browser, over what operators and fans did
through the real dispatcher: each screen shows the stored numbers, and each action changes the
database and then the page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from playwright.async_api import expect
from sqlalchemy import select

from bot.db.models import AuditRecord, ChatSettings, GiveawayRecord, PollRecord
from bot.services.clock import Clock
from tests.dashboard.browser.support import Screens
from tests.dashboard.test_polls_giveaways import FANS, giveaway
from tests.giveaways.support import draws_of
from tests.support.cast import ADMIN, MEMBER, OWNER, VICTIM
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene


@pytest.fixture(autouse=True)
async def staff_at_work(scene: Scene) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")
    await scene.say(VICTIM, OWNER, "大家好")


async def actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list(await session.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


async def test_polls_show_results_and_close_from_the_screen(scene: Scene, screens: Screens) -> None:
    await send_confirmed(scene, VICTIM, ADMIN, "/poll Next video? | Cats | Food --anonymous no")
    async with scene.session_factory() as session:
        [poll] = (await session.scalars(select(PollRecord))).all()
    assert poll.telegram_poll_id is not None
    await scene.pipeline.deliver(
        scene.answer(poll.telegram_poll_id, FANS[0], [0]),
        scene.answer(poll.telegram_poll_id, FANS[1], [1]),
        scene.answer(poll.telegram_poll_id, FANS[2], [1]),
        scene.poll_update(poll.telegram_poll_id, "Next video?", [1, 2], 3),
    )
    page = await screens.open(ADMIN, "#polls")
    shown = page.locator(f"[data-poll='{poll.id}']")
    assert await shown.locator(".item-head .fan-text").inner_text() == "Next video?"
    assert await shown.locator("[data-option='2'] .votes").inner_text() == "2 · 67%"
    assert await shown.locator(".result.winner .fan-text").inner_text() == "Food"
    async with page.expect_download() as download:
        await shown.locator("[data-action='export']").click()
    assert (await download.value).suggested_filename.endswith(".csv")
    await shown.locator("[data-action='close']").click()
    await expect(page.locator(f"[data-poll='{poll.id}'] .poll-state")).to_have_text("closed")
    async with scene.session_factory() as session:
        assert (await session.get(PollRecord, poll.id)).status == "closed"  # type: ignore[union-attr]
    assert "poll-closed" in await actions(scene)
    calls = await page.evaluate("window.__fanpulseTelegram.calls")
    assert any(call[0] == "showConfirm" for call in calls)  # asked in Telegram's own popup


async def test_a_giveaway_lists_its_entrants_and_is_cancelled_with_a_reason(
    scene: Scene, screens: Screens
) -> None:
    record = await giveaway(scene, "member")
    scene.telegram.left.add((VICTIM["id"], FANS[3]["id"]))
    page = await screens.open(ADMIN, "#giveaways")
    listed = page.locator(f"[data-giveaway='{record.id}']")
    assert "4 entrants" in await listed.inner_text()
    await listed.click()
    await expect(page.locator(".entrant")).to_have_count(4)
    gone = page.locator(f".entrant[data-user-id='{FANS[3]['id']}'] .verdict")
    assert "ineligible" in (await gone.get_attribute("class") or "")
    assert await page.locator(".entrant .verdict.eligible").count() == 3
    await page.locator("[data-action='cancel']").click()
    await expect(page.locator("#toast")).to_contain_text("reason")  # nothing without one
    async with scene.session_factory() as session:
        assert (await session.get(GiveawayRecord, record.id)).status == "open"  # type: ignore[union-attr]
    await page.fill("input[name='reason']", "the prize was lost")
    await page.locator("[data-action='cancel']").click()
    await expect(page.locator(".giveaway-state")).to_have_text("cancelled")
    async with scene.session_factory() as session:
        stored = await session.get(GiveawayRecord, record.id)
        assert stored is not None and stored.status == "cancelled"
    assert "giveaway-cancelled" in await actions(scene)


async def test_the_video_registry_and_a_report_card(scene: Scene, screens: Screens) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | Our <MV>")
    page = await screens.open(ADMIN, "#videos")
    video = page.locator("[data-video]")
    assert await video.locator(".fan-text").inner_text() == "Our <MV>"
    await video.click()
    await expect(page.locator(".feedback-volume")).to_have_text("0 comments")
    assert await page.locator("article .fan-text").inner_text() == "Our <MV>"


async def test_settings_change_the_time_zone_and_show_the_audit(
    scene: Scene, screens: Screens
) -> None:
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    page = await screens.open(ADMIN, "#settings")
    assert await page.locator(".entrant .fan-text").first.inner_text() == "@max"
    await page.fill("#setting-timezone", "上海")
    await page.locator("[data-action='save-timezone']").click()
    await expect(page.locator("#setting-timezone")).to_have_value("Asia/Shanghai")
    async with scene.session_factory() as session:
        chat = await session.get(ChatSettings, VICTIM["id"])
        assert chat is not None and chat.timezone == "Asia/Shanghai"
    # The change is the newest line of the audit log on the page.
    newest = (await actions(scene))[-1]
    await expect(page.locator(".audit [data-action]").first).to_have_attribute(
        "data-action", newest
    )
    await page.fill("#setting-timezone", "Asia/Shangai")
    await page.locator("[data-action='save-timezone']").click()
    await expect(page.locator("#toast")).to_contain_text("Asia/Shanghai")  # the near miss named


async def test_chinese_dark_giveaways(scene: Scene, screens: Screens) -> None:
    record = await giveaway(scene, "member")
    page = await screens.open(OWNER, f"#giveaways?number={record.id}", scheme="dark")
    await expect(page.locator(".entrant")).to_have_count(4)
    assert await page.inner_text("[data-screen='giveaways'].tab") == "抽奖"
    assert "符合条件" in await page.locator(".entrant .verdict").first.inner_text()


async def test_a_giveaway_is_ended_rerolled_with_a_reason_and_its_transcript_shown(
    scene: Scene, screens: Screens
) -> None:
    record = await giveaway(scene, "member")
    page = await screens.open(ADMIN, f"#giveaways?number={record.id}")
    await page.locator("[data-action='end']").click()
    await expect(page.locator("#toast")).to_contain_text("Entries are closed")
    # The draw is the clock's, as after /giveaway_end.
    await Clock(scene.session_factory, [draws_of(scene)]).run_due(datetime.now(UTC))
    await page.reload()
    await expect(page.locator(".giveaway-state")).to_have_text("done")
    winner = page.locator(".entrant:has(.verdict.eligible)")
    await expect(winner).to_have_count(1)
    first = await winner.get_attribute("data-user-id")
    assert await winner.locator(".verdict").inner_text() == "place 1"
    await page.locator("[data-action='transcript']").click()
    await expect(page.locator(".transcript")).to_contain_text('"commitment"')
    await page.fill("input[name='reason']", "the winner left before the prize was sent")
    await page.locator("[data-action='reroll']").click()
    await expect(page.locator("#toast")).to_contain_text("new winner")
    await expect(page.locator(f".entrant[data-user-id='{first}'] .verdict")).to_have_text(
        "replaced by a reroll"
    )
    assert [a for a in await actions(scene) if a.startswith("giveaway")][-2:] == [
        "giveaway-ended",
        "giveaway-rerolled",
    ]


async def test_a_scheduled_poll_is_cancelled_from_the_screen(
    scene: Scene, screens: Screens
) -> None:
    await send_confirmed(scene, VICTIM, ADMIN, "/poll Later? | a | b --start 2h")
    async with scene.session_factory() as session:
        [poll] = (await session.scalars(select(PollRecord))).all()
    page = await screens.open(ADMIN, "#polls")
    shown = page.locator(f"[data-poll='{poll.id}']")
    assert await shown.locator(".poll-state").inner_text() == "scheduled"
    assert await shown.locator("[data-action='close']").count() == 0  # not posted yet
    await shown.locator("[data-action='cancel']").click()
    await expect(page.locator(f"[data-poll='{poll.id}'] .poll-state")).to_have_text("cancelled")
    async with scene.session_factory() as session:
        stored = await session.get(PollRecord, poll.id)
        assert stored is not None and stored.status == "cancelled"
    assert (await actions(scene))[-1] == "poll-cancelled"


async def test_an_analyst_is_told_why_settings_are_closed_to_them(
    scene: Scene, screens: Screens
) -> None:
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    page = await screens.open(MEMBER, "#settings")
    assert await page.get_attribute("body", "data-state") == "failed"
    assert "operator" in await page.inner_text("#screen")
