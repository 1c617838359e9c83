"""Membership statuses Telegram gave in the last minute, for listing a giveaway's entrants.

A page of 100 entrants is 100 getChatMember round trips, 20 at a time (LOOKUPS_AT_ONCE): about
200 ms with Telegram 40 ms away, every time an operator scrolls back or the list refreshes. The
list says who would be eligible now; a minute-old answer is good enough for that, while the
draw itself always asks Telegram live (Eligibility.check).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

STATUS_TTL_SECONDS = 60.0
STATUSES_KEPT = 50_000  # (chat, person) pairs: two giveaways of 10,000 entrants and more


class Lookup(Protocol):
    async def status(self, chat_id: int, user_id: int) -> str: ...


class RecentStatuses:
    """A Lookup that remembers each answer for `ttl` seconds (outages are not remembered)."""

    def __init__(
        self,
        lookup: Lookup,
        *,
        ttl: float = STATUS_TTL_SECONDS,
        kept: int = STATUSES_KEPT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lookup = lookup
        self._ttl = ttl
        self._kept = kept
        self._clock = clock
        self._known: OrderedDict[tuple[int, int], tuple[float, str]] = OrderedDict()

    async def status(self, chat_id: int, user_id: int) -> str:
        key = (chat_id, user_id)
        now = self._clock()
        known = self._known.get(key)
        if known is not None and now - known[0] < self._ttl:
            return known[1]
        status = await self._lookup.status(chat_id, user_id)
        self._known[key] = (self._clock(), status)
        self._known.move_to_end(key)
        if len(self._known) > self._kept:
            self._known.popitem(last=False)
        return status
