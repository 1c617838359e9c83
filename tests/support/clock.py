"""The one fake clock of the suite: wall time for the scheduler and services (`clock()` is a
datetime, `clock.value` can be set), monotonic seconds for the outbound path (`clock.now`,
`clock.monotonic`), and virtual sleep: sleeping costs nothing and every wake-up is
deterministic. Both readings are one time line: moving one moves the other."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any

# Enough event-loop turns for every runnable task to reach its next sleep: the code under test
# only suspends on the clock and on the fake session's single `asyncio.sleep(0)`.
SETTLE_TURNS = 50
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


class FakeClock:
    """Pass `clock` where a `now() -> datetime` is wanted, `clock.monotonic` where seconds are,
    `clock.sleep` as the sleep; drive sleeping tasks with `run`."""

    def __init__(self, wall: datetime = EPOCH, *, start: float = 1000.0) -> None:
        self.start = start
        self.now = start
        self._wall_start = wall
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    @property
    def value(self) -> datetime:
        return self._wall_start + timedelta(seconds=self.now - self.start)

    @value.setter
    def value(self, wall: datetime) -> None:
        self.now = self.start + (wall - self._wall_start).total_seconds()

    def __call__(self) -> datetime:
        return self.value

    def monotonic(self) -> float:
        return self.now

    def elapsed(self) -> float:
        return self.now - self.start

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), waiter))
        await waiter

    async def after(self, seconds: float, awaitable: Awaitable[Any]) -> Any:
        await self.sleep(seconds)
        return await awaitable

    async def run(self, *awaitables: Awaitable[Any]) -> list[Any]:
        """Run to completion, moving time to the next wake-up whenever every task is asleep.

        Returns results in order; an exception is returned in its slot, not raised.
        """
        tasks = [asyncio.ensure_future(awaitable) for awaitable in awaitables]
        while True:
            for _ in range(SETTLE_TURNS):
                await asyncio.sleep(0)
            if all(task.done() for task in tasks):
                break
            if not self._wake_next():
                for task in tasks:
                    task.cancel()
                raise RuntimeError("deadlock: tasks wait on something other than the clock")
        return [task.exception() or task.result() for task in tasks]

    def _wake_next(self) -> bool:
        while self._sleepers:
            when, _, waiter = heapq.heappop(self._sleepers)
            if waiter.done():
                continue
            self.now = max(self.now, when)
            waiter.set_result(None)
            return True
        return False
