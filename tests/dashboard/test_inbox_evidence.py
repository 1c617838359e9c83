"""The dashboard's inbox gives each item's evidence as an additive field (api.py)."""

from __future__ import annotations

from tests.dashboard.support import Dashboard
from tests.support.cast import ADMIN, FAN, VICTIM
from tests.support.scene import Scene


async def test_the_dashboard_inbox_gives_the_evidence(scene: Scene, dashboard: Dashboard) -> None:
    await scene.say(VICTIM, FAN, "加载太慢了，凉了，还闪退")
    answer = await dashboard.json(ADMIN, f"/app/api/groups/{VICTIM['id']}/inbox")
    (item,) = answer["items"]
    assert item["evidence"] == {
        "sentiment": ["太慢", "凉了", "闪退"],
        "tags": [{"tag": "bug", "name": "bug", "words": ["闪退"]}],
        "said": "↳ why: negative: 太慢, 凉了, 闪退 · bug: 闪退",
    }
