"""Everything several instances share through Redis (REDIS_URL; ARCHITECTURE section 7).

One client, one connection pool: aiogram's RedisStorage for FSM state with RedisEventIsolation
(one update per chat and user at a time across instances), the outbound rate limiter and the
429 pause (bot/telegram/shared_limits.py), and the administrators cache
(bot/telegram/redis_admins.py). Keys carry the bot's id, so bots may share one Redis database.
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import cast

from aiogram.fsm.storage.base import DefaultKeyBuilder
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.telegram.redis_admins import RedisAdminStore
from bot.telegram.shared_limits import RedisFloodPause, RedisRateLimiter

KEY_PREFIX = "fanpulse"


class RedisUnreachableError(Exception):
    """Redis did not answer at start-up; the message is one line without credentials."""


@dataclass(frozen=True)
class SharedState:
    redis: Redis
    storage: RedisStorage
    events_isolation: RedisEventIsolation
    limiter: RedisRateLimiter
    pause: RedisFloodPause
    admins: RedisAdminStore

    @classmethod
    def from_url(cls, url: str, bot_id: int) -> SharedState:
        redis = Redis.from_url(url)
        storage = RedisStorage(redis, key_builder=DefaultKeyBuilder(with_bot_id=True))
        prefix = f"{KEY_PREFIX}:{bot_id}"
        return cls(
            redis=redis,
            storage=storage,
            events_isolation=storage.create_isolation(),
            limiter=RedisRateLimiter(redis, prefix=prefix),
            pause=RedisFloodPause(redis, prefix=prefix),
            admins=RedisAdminStore(redis, prefix=prefix),
        )

    async def check(self) -> None:
        try:
            await cast(Awaitable[bool], self.redis.ping())
        except (RedisError, OSError) as error:
            # The URL may hold a password: name the failure, never the URL.
            raise RedisUnreachableError(f"cannot reach REDIS_URL: {type(error).__name__}") from None

    async def close(self) -> None:
        await self.storage.close()
