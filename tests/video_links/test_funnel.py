"""The funnel on a fixed dataset, through the emulator: plays imported with /video_stats,
people joining through three links and through none, what the newcomers wrote and who left;
the /video card, its funnel chart, the digest's videos section and the dashboard's field equal
the numbers computed by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.dashboard.app import standalone_application
from bot.dashboard.frame import DashboardServices
from tests.dashboard.support import login_for
from tests.video_links.support import EmulatedGroup
from tests.video_links.test_attribution import make_link, register_videos

PRAISE = "love this song, so good"
BUG = "the video has a bug, audio broken"
QUESTION = "what time is the live?"


async def seed(fans: EmulatedGroup) -> None:
    """By hand, v1 on Douyin: 12,000 plays; Ann, Bo, Cy and Di join through its link; Ann
    writes praise and a bug, Bo praise and leaves, Cy stays silent, Di leaves. v1 on Bilibili:
    3,000 plays; Ed joins and asks a question. v2 on Douyin: no plays; Fay joins, silent. Gus
    joins without a link and writes praise: no video's."""
    await register_videos(fans)
    await fans.command(fans.owner, "/video_stats v1 douyin 2026-11-30 plays=12000 likes=300")
    await fans.command(fans.owner, "/video_stats v1 bilibili 2026-11-30 plays=3000")
    v1_douyin = await make_link(fans, "/video_link v1 douyin")
    v1_bili = await make_link(fans, "/video_link v1 bilibili")
    v2_douyin = await make_link(fans, "/video_link v2 douyin")
    for name, link in (
        ("Ann", v1_douyin),
        ("Bo", v1_douyin),
        ("Cy", v1_douyin),
        ("Di", v1_douyin),
        ("Ed", v1_bili),
        ("Fay", v2_douyin),
    ):
        await fans.join_by_link(await fans.fan(name), link)
    await fans.join(await fans.fan("Gus"))
    for name, text in (("Ann", PRAISE), ("Ann", BUG), ("Bo", PRAISE), ("Ed", QUESTION)):
        await fans.say(fans.fans[name], text)
    await fans.say(fans.fans["Gus"], PRAISE)
    await fans.leave(fans.fans["Bo"])
    await fans.leave(fans.fans["Di"])


def later(days: int) -> Any:
    moment = datetime.now(UTC) + timedelta(days=days)
    return lambda: moment


async def card_text(fans: EmulatedGroup, code: str) -> str:
    return "\n".join(await fans.command(fans.owner, f"/video {code}"))


async def test_the_cards_funnel_equals_the_hand_computed_one(fans: EmulatedGroup) -> None:
    await seed(fans)
    fans.pipeline.run_on(later(10))  # everyone's first week is over
    text = await card_text(fans, "v1")
    assert (
        "<b>Where new fans came from</b> (through the video's links; their first 7 days):\n"
        "<b>Douyin</b>: 12,000 plays → 4 joined (0.033% of plays) → 2 of 4 stayed 7 days → "
        "2 wrote\n"
        "↳ what they wrote about: Praise (2), Bugs (1)\n"
        "<b>Bilibili</b>: 3,000 plays → 1 joined (0.033% of plays) → 1 of 1 stayed 7 days → "
        "1 wrote\n"
        "↳ what they wrote about: Questions (1)"
    ) in text
    photos = [m["photo"] for m in await fans.bot_messages() if "photo" in m]
    assert len(photos) == 2  # the plays chart, then the funnel chart
    funnel_png = fans.emulator.world.file(photos[-1][-1]["file_id"]).content
    assert funnel_png.startswith(b"\x89PNG")
    v2 = await card_text(fans, "v2")
    assert "<b>Douyin</b>: – plays → 1 joined (– of plays) → 1 of 1 stayed 7 days → 0 wrote" in v2


async def test_newcomers_still_in_their_first_week_are_counted_apart(
    fans: EmulatedGroup,
) -> None:
    await seed(fans)
    text = await card_text(fans, "v1")
    # Bo and Di left (known: did not stay); Ann and Cy are still inside their first week.
    assert (
        "<b>Douyin</b>: 12,000 plays → 4 joined (0.033% of plays) → 0 of 2 stayed 7 days → "
        "2 wrote · 2 still in their first week"
    ) in text


async def test_a_video_without_a_link_says_how_to_make_one(fans: EmulatedGroup) -> None:
    await register_videos(fans)
    text = await card_text(fans, "v2")
    assert "No video link yet: <code>/video_link v2 douyin</code>" in text


async def test_the_digest_shows_the_days_joins_per_video_and_by_source(
    fans: EmulatedGroup,
) -> None:
    await seed(fans)
    text = "\n".join(await fans.command(fans.owner, "/digest"))
    assert (
        "↳ 5 joined through its links (Douyin 4, Bilibili 1) · 0 stayed 7 days · 3 wrote"
    ) in text
    # v2 has no numbers and no comments: the join through its link alone brings it in.
    assert "<b>v2</b> Dance cover" in text
    assert "↳ 1 joined through its links (Douyin 1) · 0 stayed 7 days · 0 wrote" in text
    assert (
        "<b>New members</b>: 7 joined — 6 through video links, 0 through other links, "
        "1 without a link."
    ) in text


@pytest.fixture
async def dashboard(fans: EmulatedGroup) -> AsyncIterator[TestClient]:  # type: ignore[type-arg]
    services = DashboardServices.from_dispatcher(fans.pipeline.dispatcher, fans.pipeline.settings)
    client = TestClient(TestServer(standalone_application(services)))
    await client.start_server()
    yield client
    await client.close()


async def test_the_dashboard_exposes_the_funnel(
    fans: EmulatedGroup,
    dashboard: TestClient,  # type: ignore[type-arg]
) -> None:
    await seed(fans)
    fans.pipeline.run_on(later(10))
    response = await dashboard.get(
        f"/app/api/groups/{fans.chat_id}/videos/1",
        headers={"Authorization": login_for(fans.owner, at=later(10)())},
    )
    assert response.status == 200, await response.text()
    douyin, bilibili = (await response.json())["funnel"]
    assert douyin == {
        "platform": "douyin",
        "plays": 12_000,
        "joins": 4,
        "join_rate": 4 / 12_000,
        "stayed": 2,
        "settled": 4,
        "settling": 0,
        "wrote": 2,
        "tags": [
            {"tag": "praise", "name": "praise", "count": 2},
            {"tag": "bug", "name": "bug", "count": 1},
        ],
    }
    assert (bilibili["platform"], bilibili["joins"], bilibili["wrote"]) == ("bilibili", 1, 1)
