"""Beyond MAX_IN_FLIGHT calls at once the dashboard answers 503 with Retry-After at once, in
the caller's language, and takes calls again as soon as the running ones are answered."""

from __future__ import annotations

import asyncio

from aiogram.methods import GetChatAdministrators

from bot.dashboard.frame import SERVICES
from bot.dashboard.in_flight import MAX_IN_FLIGHT
from tests.dashboard.support import Dashboard
from tests.support.cast import ADMIN, MEMBER
from tests.support.scene import Scene


async def test_calls_beyond_the_limit_are_refused_until_the_running_ones_end(
    scene: Scene, dashboard: Dashboard
) -> None:
    [served] = [sub for sub in dashboard.client.app._subapps if SERVICES in sub]
    in_flight = served[SERVICES].in_flight
    release = scene.telegram.hold(GetChatAdministrators)
    running = [
        asyncio.create_task(dashboard.get(ADMIN, "/app/api/me")) for _ in range(MAX_IN_FLIGHT)
    ]
    while in_flight.running < MAX_IN_FLIGHT:
        await asyncio.sleep(0.01)
    refused = await dashboard.get(MEMBER, "/app/api/me", **{"Accept-Language": "zh-CN"})
    assert refused.status == 503
    assert refused.headers["Retry-After"] == "1"
    body = await refused.json()
    assert body["error"] == "dashboard-busy" and "忙" in body["message"]
    release.set()
    assert [response.status for response in await asyncio.gather(*running)] == [200] * 4
    assert in_flight.running == 0
    assert (await dashboard.get(MEMBER, "/app/api/me")).status == 200
