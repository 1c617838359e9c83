"""The dashboard's per-person rate limit shared through a real Redis server: two instances of
the dashboard (two applications, two limiters) over one Redis grant a person one budget, and a
refused call spends none of it.

The rate is slow (one call per 1,000 s after the burst) so no refill happens during a test,
whatever the machine's speed."""

from __future__ import annotations

from redis.asyncio import Redis

from bot.__main__ import _dashboard_limit
from bot.dashboard.limits import RedisUserRateLimit
from bot.telegram.redis_state import SharedState
from tests.dashboard.support import dashboard_over
from tests.support.cast import ADMIN, MEMBER
from tests.support.scene import Scene

PREFIX = "fanpulse:42000001"


def shared_limit(redis: Redis) -> RedisUserRateLimit:
    return RedisUserRateLimit(redis, prefix=PREFIX, rate=0.001, burst=3)


async def test_two_instances_share_one_persons_budget(scene: Scene, redis: Redis) -> None:
    async with (
        dashboard_over(scene, limiter=shared_limit(redis)) as one,
        dashboard_over(scene, limiter=shared_limit(redis)) as other,
    ):
        assert (await one.get(ADMIN, "/app/api/me")).status == 200
        assert (await other.get(ADMIN, "/app/api/me")).status == 200
        assert (await one.get(ADMIN, "/app/api/me")).status == 200
        # The burst of three is spent across both instances: each now refuses.
        for served in (other, one):
            refused = await served.get(ADMIN, "/app/api/me")
            assert refused.status == 429
            assert (await refused.json())["error"] == "dashboard-rate-limited"
            assert 900 <= int(refused.headers["Retry-After"]) <= 1000
        # Someone else has a budget of their own.
        assert (await other.get(MEMBER, "/app/api/me")).status == 200


async def test_a_refused_call_spends_nothing(redis: Redis) -> None:
    limit = shared_limit(redis)
    for _ in range(3):
        assert await limit.take(7) == 0
    waits = [await limit.take(7) for _ in range(5)]
    # Not pushed further out by the refusals: each is about one token's time, not five.
    assert all(990 <= wait <= 1000 for wait in waits), waits
    assert await limit.take(8) == 0
    assert 0 < await redis.pttl(f"{PREFIX}:dashboard:7") <= 3_001_000


async def test_the_bot_uses_the_shared_limit_when_redis_is_configured(redis_url: str) -> None:
    shared = SharedState.from_url(redis_url, 42000001)
    try:
        assert isinstance(_dashboard_limit(shared, 42000001), RedisUserRateLimit)
    finally:
        await shared.close()
    assert _dashboard_limit(None, 42000001) is None
