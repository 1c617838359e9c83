"""One token bucket in Redis, shared by every instance: the outbound limiter's and the
dashboard's per-person limit use the same script and differ only in what a refused call does."""

from __future__ import annotations

from enum import Enum

from redis.asyncio import Redis

# KEYS[1]: the bucket (hash: tokens, updated in microseconds). ARGV: per_second, burst, and
# on_credit ("1": a call without a token takes one on credit, so callers are served in arrival
# order; "0": it spends nothing, so a refused call does not push the next one further out).
# Returns the microseconds until the token is there (0: now). The server's clock (TIME), so that
# instances with skewed clocks share one bucket. An idle bucket expires once it would be full
# again: forgetting it changes nobody's limit.
_TAKE = """
local per_second = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local on_credit = ARGV[3] == '1'
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1])
local updated = tonumber(state[2])
if tokens == nil or updated == nil then
  tokens = burst
  updated = now
end
if now > updated then
  tokens = math.min(burst, tokens + (now - updated) * per_second / 1000000)
  updated = now
end
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) / per_second * 1000000)
end
if tokens >= 1 or on_credit then
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.9f', tokens),
  'updated', string.format('%.0f', updated))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / per_second * 1000) + 1000)
return wait
"""


class Refused(Enum):
    """What a call finding no token does."""

    ON_CREDIT = "1"  # takes it anyway and waits for it
    SPENDS_NOTHING = "0"  # is told how long to wait and takes nothing


class RedisTokenBucket:
    def __init__(self, redis: Redis, refused: Refused) -> None:
        self._script = redis.register_script(_TAKE)
        self._refused = refused

    async def take(self, key: str, per_second: float, burst: int) -> float:
        """Seconds until the token is there (0: now)."""
        waited = await self._script(keys=[key], args=[repr(per_second), burst, self._refused.value])
        return int(waited) / 1_000_000
