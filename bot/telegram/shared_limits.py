"""Outbound pacing shared through Redis, for several instances sending as one bot.

Telegram's limits are per bot token, not per process: with N webhook instances the in-process
limiter would grant N times the budget. `RedisRateLimiter` keeps the same token buckets
(`rate_limit.OVERALL`, `GROUP`, `PRIVATE`) in Redis; one Lua script per take refills and
reserves atomically on the server's clock (`TIME`), so instances with skewed clocks still
share one budget. `RedisFloodPause` is the global pause after a 429: one key whose time to
live is the pause, only ever lengthened, seen by every instance before its next call.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from bot.telegram.rate_limit import (
    GROUP,
    OVERALL,
    PRIVATE,
    ChatId,
    Rate,
    Sleep,
    chat_key,
    is_group,
)
from bot.telegram.redis_token_bucket import RedisTokenBucket, Refused

DEFAULT_PREFIX = "fanpulse"

# KEYS[1]: the pause. ARGV[1]: its length in milliseconds. A pause only ever grows.
_EXTEND = """
local wanted = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < wanted then
  redis.call('SET', KEYS[1], '1', 'PX', wanted)
end
return redis.call('PTTL', KEYS[1])
"""


class RedisRateLimiter:
    """The `RateLimiter` of several instances: per-chat buckets first, then the overall one."""

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        overall: Rate = OVERALL,
        group: Rate = GROUP,
        private: Rate = PRIVATE,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._bucket = RedisTokenBucket(redis, Refused.ON_CREDIT)
        self._prefix = f"{prefix}:limit"
        self._overall = overall
        self._group = group
        self._private = private
        self._sleep = sleep

    async def acquire(self, chat_id: ChatId | None) -> None:
        if chat_id is not None:
            rate = self._group if is_group(chat_id) else self._private
            await self._take(f"{self._prefix}:chat:{chat_key(chat_id)}", rate)
        await self._take(f"{self._prefix}:overall", self._overall)

    async def _take(self, key: str, rate: Rate) -> None:
        # A cancelled wait forfeits its token: the limiter errs on the slow side, never fast.
        delay = await self._bucket.take(key, rate.per_second, rate.burst)
        if delay > 0:
            await self._sleep(delay)


class RedisFloodPause:
    """The `SharedPause` of several instances: a 429 seen by one holds back all of them."""

    def __init__(self, redis: Redis, *, prefix: str = DEFAULT_PREFIX) -> None:
        self._redis = redis
        self._extend_script = redis.register_script(_EXTEND)
        self._key = f"{prefix}:flood_pause"

    async def extend(self, seconds: float) -> float:
        """Pause every instance for `seconds` from now (never shortens); return what remains."""
        milliseconds = max(1, round(seconds * 1000))
        remaining = await self._extend_script(keys=[self._key], args=[milliseconds])
        return max(0, int(remaining)) / 1000

    async def remaining(self) -> float:
        milliseconds = int(await self._redis.pttl(self._key))
        return max(0, milliseconds) / 1000
