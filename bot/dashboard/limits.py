"""A per-person rate limit for the dashboard's API: a token bucket per Telegram user id.

`UserRateLimit` keeps the buckets in process memory. With the scale-out profile's Redis
(REDIS_URL), `RedisUserRateLimit` keeps them in Redis instead, so one person gets one budget
however many instances serve them (behind a load balancer, N instances would otherwise grant N
times the rate). Nothing else about the dashboard is kept between requests."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

from bot.telegram.redis_token_bucket import RedisTokenBucket, Refused

RATE = 10.0  # calls a second, sustained
BURST = 40  # a screen opening fires a handful at once


class RateLimit(Protocol):
    async def take(self, user_id: int) -> float:
        """0 when the call may go ahead, else the seconds to wait before the next one."""
        ...


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class UserRateLimit:
    def __init__(
        self,
        rate: float = RATE,
        burst: int = BURST,
        clock: Callable[[], float] = time.monotonic,
        max_people: int = 100_000,
    ) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._max_people = max_people
        self._buckets: dict[int, _Bucket] = {}

    async def take(self, user_id: int) -> float:
        now = self._clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= self._max_people:
                self._forget_full(now)
            bucket = self._buckets[user_id] = _Bucket(float(self._burst), now)
        bucket.tokens = min(self._burst, bucket.tokens + (now - bucket.updated) * self._rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self._rate

    def _forget_full(self, now: float) -> None:
        # A full bucket is the same as no bucket: forgetting it changes nobody's limit.
        refill = self._burst / self._rate
        self._buckets = {
            user: bucket for user, bucket in self._buckets.items() if now - bucket.updated < refill
        }


class RedisUserRateLimit:
    """The same buckets in Redis, shared by every instance (keys `<prefix>:dashboard:<user>`)."""

    def __init__(
        self, redis: Redis, *, prefix: str, rate: float = RATE, burst: int = BURST
    ) -> None:
        self._bucket = RedisTokenBucket(redis, Refused.SPENDS_NOTHING)
        self._prefix = f"{prefix}:dashboard"
        self._rate = rate
        self._burst = burst

    async def take(self, user_id: int) -> float:
        return await self._bucket.take(f"{self._prefix}:{user_id}", self._rate, self._burst)


def retry_after_header(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
