"""How many dashboard API calls run at once in this process: beyond the limit a call waits a
moment for a slot, and when none frees in time, or too many already wait, it is answered 503
with Retry-After.

The dashboard shares the bot's event loop and database pool. Under 50 calls a second (bench
dashboard) every call in flight took loop time and a pooled connection from ingest, whose p95
went from 63 ms to 2.7 s; bounding the calls in flight keeps ingest's share. A waiting call
costs nothing of either, and a screen fires several calls at once, so a short wait keeps an
operator who taps quickly from seeing "busy" while the bot is only briefly loaded.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field

MAX_IN_FLIGHT = 4
MAX_WAITING = 16
WAIT_SECONDS = 2.0
RETRY_AFTER_SECONDS = 1


@dataclass(slots=True)
class InFlight:
    limit: int = MAX_IN_FLIGHT
    max_waiting: int = MAX_WAITING
    wait_seconds: float = WAIT_SECONDS
    running: int = 0
    _waiters: deque[asyncio.Future[None]] = field(default_factory=deque)

    @property
    def waiting(self) -> int:
        return len(self._waiters)

    async def enter(self) -> bool:
        """True when the call may run (then `leave` once it is answered)."""
        if self.running < self.limit and not self._waiters:
            self.running += 1
            return True
        if len(self._waiters) >= self.max_waiting:
            return False
        slot = asyncio.get_running_loop().create_future()
        self._waiters.append(slot)
        try:
            await asyncio.wait_for(asyncio.shield(slot), self.wait_seconds)
        except BaseException as error:  # timed out, or the caller went away
            if slot.done() and not slot.cancelled():
                self.leave()  # the slot was handed over just then: pass it on
            else:
                slot.cancel()
                self._waiters.remove(slot)
            if isinstance(error, TimeoutError):
                return False
            raise
        return True

    def leave(self) -> None:
        while self._waiters:
            slot = self._waiters.popleft()
            if not slot.done():
                slot.set_result(None)  # the slot passes to the first waiter: running stays
                return
        self.running -= 1
