"""How many dashboard API calls run at once in this process: beyond the limit a call is
answered 503 with Retry-After at once.

The dashboard shares the bot's event loop and database pool. Under 50 calls a second (bench
dashboard) every call in flight took loop time and a pooled connection from ingest, whose p95
went from 63 ms to 2.7 s; refusing the surplus early keeps ingest's share and tells the
caller when to come back.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_IN_FLIGHT = 4
RETRY_AFTER_SECONDS = 1


@dataclass(slots=True)
class InFlight:
    limit: int = MAX_IN_FLIGHT
    running: int = 0

    def enter(self) -> bool:
        """True when the call may run (then `leave` once it is answered)."""
        if self.running >= self.limit:
            return False
        self.running += 1
        return True

    def leave(self) -> None:
        self.running -= 1
