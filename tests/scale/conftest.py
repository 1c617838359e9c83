"""Scale-out fixtures: a real Redis server for the whole session, and a client per test.

`redis_url` (session): the URL of a throwaway `redis-server` on loopback. Without the binary the
tests that use it are skipped, unless FANPULSE_REQUIRE_REDIS=1 (CI), where that is a failure.
`redis` (function): a client on that server, emptied before the test and closed after it.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest
from redis.asyncio import Redis

from tests.support.redis import REQUIRE_REDIS_ENV, RedisUnavailableError, running_redis


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    try:
        with running_redis() as url:
            yield url
    except RedisUnavailableError as error:
        if os.environ.get(REQUIRE_REDIS_ENV) == "1":
            pytest.fail(f"{error}, and {REQUIRE_REDIS_ENV}=1")
        pytest.skip(f"needs a Redis server: {error}")


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    await client.flushdb()
    try:
        yield client
    finally:
        await client.aclose()
