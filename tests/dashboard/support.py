"""The dashboard's API served for real (aiohttp's test server) over a scene's dispatcher: the
same services the chat handlers use, logins minted the way Telegram signs them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from bot.dashboard.app import standalone_application
from bot.dashboard.frame import DashboardServices
from bot.dashboard.limits import RateLimit
from bot.devtools.recording_session import TOKEN
from bot.emulator.init_data import mint_init_data
from tests.support.scene import Scene


def login_for(
    person: dict[str, Any],
    *,
    at: datetime | None = None,
    token: str = TOKEN,
    start_param: str | None = None,
) -> str:
    """The Authorization header of a Mini App opened by `person` at `at` (now by default)."""
    user = {
        key: person[key]
        for key in ("id", "first_name", "username", "language_code")
        if person.get(key) is not None
    }
    signed = mint_init_data(
        token, user=user, auth_date=at or datetime.now().astimezone(), start_param=start_param
    )
    return f"tma {signed}"


@dataclass
class Dashboard:
    client: TestClient  # type: ignore[type-arg]
    scene: Scene

    async def get(self, person: dict[str, Any] | None, path: str, **headers: str) -> ClientResponse:
        if person is not None:
            headers.setdefault("Authorization", login_for(person))
        return await self.client.get(path, headers=headers)

    async def post(
        self, person: dict[str, Any], path: str, body: object, **headers: str
    ) -> ClientResponse:
        headers.setdefault("Authorization", login_for(person))
        return await self.client.post(path, json=body, headers=headers)

    async def json(self, person: dict[str, Any], path: str, status: int = 200) -> Any:
        response = await self.get(person, path)
        assert response.status == status, await response.text()
        return await response.json()


@asynccontextmanager
async def dashboard_over(
    scene: Scene, *, limiter: RateLimit | None = None, max_age: timedelta | None = None
) -> AsyncIterator[Dashboard]:
    services = DashboardServices.from_dispatcher(
        scene.pipeline.dispatcher, scene.pipeline.settings, limiter=limiter
    )
    if max_age is not None:
        services = DashboardServices(**{**_fields(services), "login_max_age": max_age})
    client = TestClient(TestServer(standalone_application(services)))
    await client.start_server()
    try:
        yield Dashboard(client, scene)
    finally:
        await client.close()


def _fields(services: DashboardServices) -> dict[str, Any]:
    return {name: getattr(services, name) for name in services.__dataclass_fields__}
