"""The Overview's activity chart over the API: SVG drawn by the digest's chart code, its words
in the reader's language as text for the reader's fonts (no glyphs drawn as paths), on a
transparent background with ink for the theme, and the same authority as the numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

from tests.dashboard.support import Dashboard
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, OWNER, VICTIM
from tests.support.scene import Scene

SVG = "{http://www.w3.org/2000/svg}"


def chart_path(days: int = 7, scheme: str = "light") -> str:
    return f"/app/api/groups/{VICTIM['id']}/overview/activity.svg?days={days}&scheme={scheme}"


def words(document: str) -> list[str]:
    root = ET.fromstring(document)
    return ["".join(node.itertext()).strip() for node in root.iter(f"{SVG}text")]


async def chatter(scene: Scene) -> None:
    for n in range(3):
        await scene.say(VICTIM, u.user(7200 + n, f"Fan{n}"), "the app crashed again")


async def test_the_chart_is_svg_with_text_left_to_the_readers_fonts(
    scene: Scene, dashboard: Dashboard
) -> None:
    await chatter(scene)
    response = await dashboard.get(ADMIN, chart_path())
    assert response.status == 200, await response.text()
    assert response.content_type == "image/svg+xml"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    document = await response.text()
    shown = words(document)
    assert "Messages" in shown and "Active fans" in shown
    today = datetime.now().astimezone().strftime("%m-%d")
    assert any(label == today for label in shown) or len(shown) > 5
    # Text stays text: no glyph outlines, and the reader's sans-serif closes every font list.
    assert not re.search(r'<path id="(DejaVu|Noto)', document)
    families = re.findall(r"font-family: ?([^;\"]+)", document)
    assert families and all(family.rstrip().endswith("sans-serif") for family in families)
    # Transparent: the figure's background is not painted (Telegram's theme shows through).
    assert "fill: #ffffff" not in document
    assert "<script" not in document


async def test_chinese_readers_and_dark_themes_get_their_own(
    scene: Scene, dashboard: Dashboard
) -> None:
    await chatter(scene)
    await scene.say(VICTIM, OWNER, "大家好")  # the owner reads Chinese
    chinese = await dashboard.get(OWNER, chart_path(30))
    assert chinese.status == 200
    assert {"消息", "活跃粉丝"} <= set(words(await chinese.text()))
    light = await (await dashboard.get(ADMIN, chart_path(30))).text()
    dark = await (await dashboard.get(ADMIN, chart_path(30, "dark"))).text()
    assert "#e9ecef" in dark and "#e9ecef" not in light
    # Drawn once, then kept: the same numbers in the same words give the same document.
    assert await (await dashboard.get(ADMIN, chart_path(30, "dark"))).text() == dark


async def test_the_chart_has_the_numbers_authority_and_says_what_is_wrong(
    dashboard: Dashboard,
) -> None:
    refused = await dashboard.json(FAN, chart_path(), status=403)
    assert refused["error"]
    bad = await dashboard.json(ADMIN, chart_path(scheme="sepia"), status=400)
    assert bad["error"] == "dashboard-bad-scheme" and "light, dark" in bad["message"]
    bad = await dashboard.json(ADMIN, chart_path(days=14), status=400)
    assert bad["error"] == "dashboard-bad-days"
