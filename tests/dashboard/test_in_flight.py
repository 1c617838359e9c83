"""Beyond MAX_IN_FLIGHT calls at once a dashboard call waits for a slot; when too many wait,
or none frees in time, it is answered 503 with Retry-After, in the caller's language."""

from __future__ import annotations

import asyncio

from aiogram.methods import GetChatAdministrators
from aiohttp import ClientResponse

from bot.dashboard.frame import SERVICES
from bot.dashboard.in_flight import MAX_IN_FLIGHT, InFlight
from tests.dashboard.support import Dashboard
from tests.support.cast import ADMIN, MEMBER
from tests.support.scene import Scene


def _in_flight(dashboard: Dashboard) -> InFlight:
    [served] = [sub for sub in dashboard.client.app._subapps if SERVICES in sub]
    in_flight: InFlight = served[SERVICES].in_flight
    return in_flight


async def _fill_every_slot(
    scene: Scene, dashboard: Dashboard, in_flight: InFlight
) -> tuple[asyncio.Event, list[asyncio.Task[ClientResponse]]]:
    """MAX_IN_FLIGHT member calls, each held on Telegram until the event is set."""
    release = scene.telegram.hold(GetChatAdministrators)
    running = [
        asyncio.create_task(dashboard.get(MEMBER, "/app/api/me")) for _ in range(MAX_IN_FLIGHT)
    ]
    while in_flight.running < MAX_IN_FLIGHT:
        await asyncio.sleep(0.01)
    return release, running


async def test_a_call_beyond_the_limit_waits_and_one_beyond_the_queue_is_refused(
    scene: Scene, dashboard: Dashboard
) -> None:
    in_flight = _in_flight(dashboard)
    in_flight.max_waiting = 1
    release, running = await _fill_every_slot(scene, dashboard, in_flight)
    queued = asyncio.create_task(dashboard.get(MEMBER, "/app/api/me"))
    while in_flight.waiting < 1:
        await asyncio.sleep(0.01)
    refused = await dashboard.get(ADMIN, "/app/api/me", **{"Accept-Language": "zh-CN"})
    assert refused.status == 503
    assert refused.headers["Retry-After"] == "1"
    body = await refused.json()
    assert body["error"] == "dashboard-busy" and "忙" in body["message"]
    release.set()
    answered = await asyncio.gather(*running, queued)
    assert [response.status for response in answered] == [200] * (MAX_IN_FLIGHT + 1)
    assert (in_flight.running, in_flight.waiting) == (0, 0)
    assert (await dashboard.get(MEMBER, "/app/api/me")).status == 200


async def test_a_call_that_waits_too_long_is_refused_and_leaves_the_queue(
    scene: Scene, dashboard: Dashboard
) -> None:
    in_flight = _in_flight(dashboard)
    in_flight.wait_seconds = 0.05
    release, running = await _fill_every_slot(scene, dashboard, in_flight)
    refused = await dashboard.get(ADMIN, "/app/api/me")
    assert refused.status == 503
    assert not any(call.done() for call in running)  # the four were held all along
    assert in_flight.waiting == 0
    release.set()
    assert [response.status for response in await asyncio.gather(*running)] == [200] * 4
    assert in_flight.running == 0


async def test_a_slot_is_handed_to_the_first_waiter_in_order() -> None:
    in_flight = InFlight(limit=1)
    assert await in_flight.enter()
    first = asyncio.create_task(in_flight.enter())
    second = asyncio.create_task(in_flight.enter())
    await asyncio.sleep(0)
    assert in_flight.waiting == 2
    in_flight.leave()
    assert await first and not second.done()
    in_flight.leave()
    assert await second
    in_flight.leave()
    assert (in_flight.running, in_flight.waiting) == (0, 0)
