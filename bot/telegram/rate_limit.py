"""Outbound pacing: token buckets per chat and overall, and the global flood pause.

Modelled on python-telegram-bot's AIORateLimiter: a call first waits for its chat's bucket and
only then for the overall bucket, so a call queued behind a busy group never holds an overall
slot that a call to another chat could use.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
ChatId = int | str


class RateLimiter(Protocol):
    async def acquire(self, chat_id: ChatId | None) -> None:
        """Return when one message may be sent to `chat_id` (None: count it overall only)."""
        ...


class SharedPause(Protocol):
    """The flood pause of several instances (bot/telegram/shared_limits.py): each instance's
    own FloodPause mirrors it before every paced call."""

    async def extend(self, seconds: float) -> float:
        """Pause everyone for `seconds` from now (a pause only ever grows); return what remains."""
        ...

    async def remaining(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Rate:
    """A token bucket: `burst` messages at once, refilled at `per_second`.

    In any interval of T seconds it grants at most `burst + per_second * T` messages.
    """

    per_second: float
    burst: int

    def __post_init__(self) -> None:
        if self.per_second <= 0 or self.burst < 1:
            raise ValueError("a rate needs per_second > 0 and burst >= 1")

    def at_most(self, seconds: float) -> float:
        return self.burst + self.per_second * seconds


# Telegram's FAQ: about 30 messages/s in bulk, 20 messages/min in one group, about 1 message/s
# in one chat with short bursts tolerated. Burst plus refill stays within those in every window:
# overall 5 + 25/s <= 30 in any second; a group 2 + 18/min = 20 in any minute.
OVERALL = Rate(per_second=25.0, burst=5)
GROUP = Rate(per_second=18 / 60, burst=2)
PRIVATE = Rate(per_second=1.0, burst=2)


class TokenBucket:
    """Grants in arrival order by reserving tokens on credit; never blocks by itself."""

    __slots__ = ("_capacity", "_rate", "_tokens", "_updated")

    def __init__(self, rate: Rate, now: float) -> None:
        self._rate = rate.per_second
        self._capacity = float(rate.burst)
        self._tokens = self._capacity
        self._updated = now

    def reserve(self, now: float) -> float:
        """Take one token and return how many seconds from `now` until it is really ours."""
        self._refill(now)
        self._tokens -= 1.0
        return 0.0 if self._tokens >= 0.0 else -self._tokens / self._rate

    def is_full(self, now: float) -> bool:
        self._refill(now)
        return self._tokens >= self._capacity

    def _refill(self, now: float) -> None:
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
        self._updated = max(self._updated, now)


def is_group(chat_id: ChatId) -> bool:
    """Negative ids are groups, supergroups and channels; '@username' names a public one."""
    if isinstance(chat_id, int):
        return chat_id < 0
    try:
        return int(chat_id) < 0
    except ValueError:
        return True


def chat_key(chat_id: ChatId) -> ChatId:
    if isinstance(chat_id, int):
        return chat_id
    try:
        return int(chat_id)
    except ValueError:
        return chat_id.lower()


class InMemoryRateLimiter:
    """One process's limiter. Buckets of idle chats are dropped, so memory follows activity."""

    def __init__(
        self,
        *,
        overall: Rate = OVERALL,
        group: Rate = GROUP,
        private: Rate = PRIVATE,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        sweep_every: int = 1000,
    ) -> None:
        self._group = group
        self._private = private
        self._clock = clock
        self._sleep = sleep
        self._overall = TokenBucket(overall, clock())
        self._chats: dict[ChatId, TokenBucket] = {}
        self._sweep_every = sweep_every
        self._since_sweep = 0

    async def acquire(self, chat_id: ChatId | None) -> None:
        if chat_id is not None:
            await self._take(self._chat_bucket(chat_id))
        await self._take(self._overall)

    def tracked_chats(self) -> int:
        return len(self._chats)

    async def _take(self, bucket: TokenBucket) -> None:
        # A cancelled wait forfeits its token: the limiter errs on the slow side, never fast.
        delay = bucket.reserve(self._clock())
        if delay > 0:
            await self._sleep(delay)

    def _chat_bucket(self, chat_id: ChatId) -> TokenBucket:
        self._since_sweep += 1
        if self._since_sweep >= self._sweep_every:
            self._sweep()
        key = chat_key(chat_id)
        bucket = self._chats.get(key)
        if bucket is None:
            rate = self._group if is_group(chat_id) else self._private
            bucket = self._chats[key] = TokenBucket(rate, self._clock())
        return bucket

    def _sweep(self) -> None:
        # A full bucket behaves exactly like a new one, so forgetting it changes nothing.
        self._since_sweep = 0
        now = self._clock()
        idle = [key for key, bucket in self._chats.items() if bucket.is_full(now)]
        for key in idle:
            del self._chats[key]


class FloodPause:
    """The global pause after a 429: every call that checks it waits until it has passed."""

    def __init__(self, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._until = float("-inf")

    def extend(self, seconds: float) -> float:
        """Pause everything for `seconds` from now (a pause only ever grows); return its end."""
        self._until = max(self._until, self._clock() + seconds)
        return self._until

    def remaining(self) -> float:
        return max(0.0, self._until - self._clock())

    def is_active(self) -> bool:
        return self.remaining() > 0

    async def wait(self) -> None:
        # Loop: another 429 may have pushed the end further while we slept.
        while (remaining := self.remaining()) > 0:
            await self._sleep(remaining)
