"""What surrounds every dashboard answer: security headers, caching, refused logins in the
reader's language, the per-person rate limit, and the static screens served safely."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.dashboard.app import standalone_application
from bot.dashboard.frame import DashboardServices
from bot.dashboard.limits import UserRateLimit
from tests.dashboard.support import Dashboard, _fields, dashboard_over, login_for
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.scene import Scene

SECURE = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def assert_secure(headers: object) -> None:
    for name, value in SECURE.items():
        assert headers[name] == value  # type: ignore[index]
    policy = headers["Content-Security-Policy"]  # type: ignore[index]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self' https://telegram.org/js/telegram-web-app.js"
    assert directives["frame-ancestors"].split() == [
        "https://web.telegram.org",
        "https://webk.telegram.org",
        "https://webz.telegram.org",
    ]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


async def test_api_answers_carry_the_security_headers_and_are_never_cached(
    dashboard: Dashboard,
) -> None:
    response = await dashboard.get(ADMIN, "/app/api/me")
    assert response.status == 200
    assert_secure(response.headers)
    assert response.headers["Cache-Control"] == "no-store"
    refused = await dashboard.get(None, "/app/api/me")
    assert refused.status == 401
    assert_secure(refused.headers)
    assert refused.headers["Cache-Control"] == "no-store"
    missing = await dashboard.get(ADMIN, "/app/api/nothing-here")
    assert missing.status == 404
    assert (await missing.json())["error"] == "dashboard-not-found"
    assert_secure(missing.headers)


async def test_a_refused_login_says_why_in_the_browsers_language(dashboard: Dashboard) -> None:
    response = await dashboard.get(None, "/app/api/me", **{"Accept-Language": "zh-TW,zh;q=0.9"})
    body = await response.json()
    assert body["error"] == "dashboard-login-missing"
    assert "/dashboard" in body["message"] and "開啟" in body["message"]
    stale = login_for(ADMIN, at=datetime.now().astimezone() - timedelta(days=2))
    response = await dashboard.get(None, "/app/api/me", Authorization=stale)
    assert response.status == 401
    assert (await response.json())["error"] == "dashboard-login-expired"
    huge = "tma " + "a" * 5_000
    response = await dashboard.get(None, "/app/api/me", Authorization=huge)
    assert (await response.json())["error"] == "dashboard-login-invalid"


async def test_the_login_age_follows_the_setting(scene: Scene) -> None:
    async with dashboard_over(scene, max_age=timedelta(minutes=5)) as dashboard:
        old = login_for(ADMIN, at=datetime.now().astimezone() - timedelta(minutes=6))
        response = await dashboard.get(None, "/app/api/me", Authorization=old)
        assert response.status == 401


async def test_each_person_is_rate_limited_on_their_own(scene: Scene) -> None:
    now = [0.0]
    limiter = UserRateLimit(rate=0.5, burst=2, clock=lambda: now[0])
    async with dashboard_over(scene, limiter=limiter) as dashboard:
        for _ in range(2):
            assert (await dashboard.get(ADMIN, "/app/api/me")).status == 200
        limited = await dashboard.get(ADMIN, "/app/api/me")
        assert limited.status == 429
        assert limited.headers["Retry-After"] == "2"
        assert (await limited.json())["error"] == "dashboard-rate-limited"
        assert_secure(limited.headers)
        # Someone else is not held back by it, and time gives the first one a call back.
        assert (await dashboard.get(MEMBER, "/app/api/me")).status == 200
        now[0] += 2
        assert (await dashboard.get(ADMIN, "/app/api/me")).status == 200
        # A forged login spends nobody's budget.
        forged = login_for(FAN, token="1:" + "x" * 35)
        assert (await dashboard.get(None, "/app/api/me", Authorization=forged)).status == 401


@pytest.fixture
async def screens(scene: Scene, tmp_path: Path) -> AsyncIterator[TestClient]:  # type: ignore[type-arg]
    static = tmp_path / "static"
    static.mkdir()
    (static / "index.html").write_text(
        '<script src="app.js?v=__VERSION__"></script>', encoding="utf-8"
    )
    (static / "app.js").write_text("console.log(1)", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not served", encoding="utf-8")
    services = DashboardServices.from_dispatcher(scene.pipeline.dispatcher, scene.pipeline.settings)
    services = DashboardServices(**{**_fields(services), "static_dir": static})
    client = TestClient(TestServer(standalone_application(services)))
    await client.start_server()
    yield client
    await client.close()


async def test_the_screens_are_served_with_long_caching_and_a_fresh_index(
    screens: TestClient,  # type: ignore[type-arg]
) -> None:
    index = await screens.get("/app/")
    assert index.status == 200 and index.content_type == "text/html"
    assert index.headers["Cache-Control"] == "no-cache"
    assert_secure(index.headers)
    body = await index.text()
    assert "__VERSION__" not in body and "app.js?v=" in body
    script = await screens.get("/app/app.js")
    assert script.status == 200
    assert script.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert script.content_type in ("text/javascript", "application/javascript")
    assert_secure(script.headers)
    for sneaky in ("/app/../secret.txt", "/app/%2e%2e/secret.txt", "/app/..%2fsecret.txt"):
        response = await screens.get(sneaky)
        assert response.status == 404, sneaky
    assert (await screens.get("/healthz")).status == 200


async def test_the_group_named_is_checked_on_every_call_not_remembered(
    scene: Scene, dashboard: Dashboard
) -> None:
    """Stateless: nothing about a login is kept, so a role taken away counts on the next call."""
    await scene.send(VICTIM, ADMIN, "/grant operator @max")
    path = f"/app/api/groups/{VICTIM['id']}/overview"
    assert (await dashboard.get(MEMBER, path)).status == 200
    scene.telegram.left.add((VICTIM["id"], MEMBER["id"]))
    await scene.leave(VICTIM, MEMBER)
    assert (await dashboard.get(MEMBER, path)).status == 403
