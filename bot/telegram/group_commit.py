"""Group commit for webhook requests: many concurrent updates, one transaction.

Each request hands over its update's writes and waits; a single writer drains whatever is queued,
stores it in one transaction and wakes every waiter. A request answers Telegram only after that,
so a 200 always means durable (ARCHITECTURE section 2).
"""

from __future__ import annotations

import asyncio
import contextlib

from bot.db.write_buffer import UpdateWrites
from bot.telegram.batch_store import BatchStore

MAX_GROUP = 500


class GroupCommitter:
    def __init__(self, store: BatchStore) -> None:
        self.store = store
        self._queue: asyncio.Queue[tuple[UpdateWrites, asyncio.Future[None]]] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._worker = asyncio.create_task(self._run(), name="group-commit")

    async def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None

    async def submit(self, writes: UpdateWrites) -> None:
        if self._worker is None:
            raise RuntimeError("group committer is not running")
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._queue.put((writes, done))
        await done

    async def _run(self) -> None:
        while True:
            group = [await self._queue.get()]
            # Let requests that are already being handled join this transaction.
            await asyncio.sleep(0)
            while not self._queue.empty() and len(group) < MAX_GROUP:
                group.append(self._queue.get_nowait())
            try:
                await self.store.commit([writes for writes, _ in group])
            except Exception as error:  # every waiter must hear of it: its request answers 500
                for _, done in group:
                    if not done.done():
                        done.set_exception(error)
            else:
                for _, done in group:
                    if not done.done():
                        done.set_result(None)
