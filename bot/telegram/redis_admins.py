"""The administrators cache in Redis, shared by every instance (`admins.AdminStore`).

A chat_member update reaches one instance only (the load balancer picks it); keeping the cache
in Redis lets that instance correct what all of them believe, so a demoted administrator loses
cached authority everywhere at once, not `ttl` seconds later on the others.

Layout: `<prefix>:admins:<chat>` a hash user id -> status (plus a marker field, so that a group
without administrators is still cached), expiring after the cache's ttl; `<prefix>:admin_of:<user>`
a set of chat ids where the user was seen as an administrator (candidates only, re-checked).
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from typing import cast

from redis.asyncio import Redis

from bot.telegram.admins import ADMIN_CACHE_SECONDS

DEFAULT_PREFIX = "fanpulse"
LOADED = "loaded"
# Only a cached list is corrected: an absent one will be read fresh from Telegram anyway.
_SET_STATUS = """
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('SREM', KEYS[2], ARGV[3])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('SADD', KEYS[2], ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
return 1
"""


class RedisAdminStore:
    def __init__(
        self, redis: Redis, *, prefix: str = DEFAULT_PREFIX, ttl: float = ADMIN_CACHE_SECONDS
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._set_status_script = redis.register_script(_SET_STATUS)
        # The reverse index lives as long as the longest list it points into.
        self._index_ttl = max(1, round(ttl))

    async def get(self, chat_id: int) -> dict[int, str] | None:
        # redis-py types its commands for the sync and async clients at once.
        raw = await cast(
            Awaitable[dict[bytes, bytes]], self._redis.hgetall(self._chat_key(chat_id))
        )
        if not raw:
            return None
        return {
            int(user): status.decode() for user, status in raw.items() if user != LOADED.encode()
        }

    async def put(self, chat_id: int, statuses: Mapping[int, str], ttl: float) -> None:
        seconds = max(1, round(ttl))
        key = self._chat_key(chat_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            pipe.hset(key, mapping={LOADED: "", **{str(user): s for user, s in statuses.items()}})
            pipe.expire(key, seconds)
            for user in statuses:
                pipe.sadd(self._user_key(user), str(chat_id))
                pipe.expire(self._user_key(user), max(seconds, self._index_ttl))
            await pipe.execute()

    async def set_status(self, chat_id: int, user_id: int, status: str | None) -> None:
        await self._set_status_script(
            keys=[self._chat_key(chat_id), self._user_key(user_id)],
            args=[str(user_id), status or "", str(chat_id), self._index_ttl],
        )

    async def forget(self, chat_id: int) -> None:
        await self._redis.delete(self._chat_key(chat_id))

    async def groups_of(self, user_id: int) -> set[int]:
        members = await cast(Awaitable[set[bytes]], self._redis.smembers(self._user_key(user_id)))
        return {int(member) for member in members}

    def _chat_key(self, chat_id: int) -> str:
        return f"{self._prefix}:admins:{chat_id}"

    def _user_key(self, user_id: int) -> str:
        return f"{self._prefix}:admin_of:{user_id}"
