"""Our own getUpdates loop: a batch is confirmed to Telegram only after its writes are committed.

aiogram's built-in polling confirms a batch before its handlers finish and swallows their errors;
here the next getUpdates (whose offset is what confirms the previous batch) is only sent once
the batch is durable, so a crash anywhere means redelivery, never loss (ARCHITECTURE section 2).
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.methods import GetUpdates, TelegramMethod

from bot.telegram.batch_store import BatchStore
from bot.telegram.lanes import ChatLanes
from bot.telegram.processing import UpdateProcessor

log = structlog.get_logger(__name__)


class GetUpdatesJson(TelegramMethod[list[dict[str, Any]]]):
    """getUpdates answered with each update's JSON object as Telegram sent it.

    The processor parses what it dispatches (plain group chat never needs aiogram's model tree:
    bot/telegram/express_lane.py), and one malformed update fails alone instead of the whole
    response failing to parse, which would stall the loop on it forever.
    """

    __returning__: ClassVar[Any] = list[dict[str, Any]]
    __api_method__: ClassVar[str] = "getUpdates"

    offset: int | None = None
    limit: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


class DurablePolling:
    def __init__(
        self,
        bot: Bot,
        processor: UpdateProcessor,
        store: BatchStore,
        *,
        timeout: int = 25,
        limit: int = 100,
        error_delay: float = 1.0,
        max_error_delay: float = 30.0,
        lanes: ChatLanes | None = None,
    ) -> None:
        self.bot = bot
        self.processor = processor
        self.store = store
        self.lanes = lanes or ChatLanes(processor)
        self.timeout = timeout
        self.limit = limit
        self.error_delay = error_delay
        self.max_error_delay = max_error_delay
        self.offset: int | None = None
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        allowed = self.processor.allowed_updates
        log.info("polling.start", allowed_updates=allowed)
        failures = 0
        while not self._stopping.is_set():
            try:
                updates = await self._fetch(allowed)
            except (TelegramNetworkError, TelegramAPIError) as error:
                failures += 1
                delay = min(self.max_error_delay, self.error_delay * 2 ** min(failures - 1, 8))
                log.warning("polling.fetch_failed", error=str(error), retry_in=delay)
                await self._pause(delay)
                continue
            failures = 0
            await self.handle_batch(updates)
        await self.lanes.close()
        await self.store_settled()
        await self._confirm()
        log.info("polling.stop", offset=self.offset)

    async def handle_batch(self, updates: list[dict[str, Any]]) -> None:
        """Chats side by side, each in order; an update still running after the lanes'
        patience is parked, so that the batch is confirmed without waiting for it."""
        batch = await self.lanes.process(updates) if updates else []
        settled = self.lanes.settled()
        if settled or batch:
            await self.store.commit([*settled, *batch])
        if updates:
            self.offset = updates[-1]["update_id"] + 1

    async def store_settled(self) -> None:
        """Store what parked updates wrote once they finished."""
        settled = self.lanes.settled()
        if settled:
            await self.store.commit(settled)

    async def _fetch(self, allowed: list[str]) -> list[dict[str, Any]]:
        fetch = asyncio.ensure_future(
            self.bot(
                GetUpdatesJson(
                    offset=self.offset,
                    limit=self.limit,
                    timeout=self.timeout,
                    allowed_updates=allowed,
                ),
                request_timeout=self.timeout + 15,
            )
        )
        stopping = asyncio.ensure_future(self._stopping.wait())
        while True:
            settled = asyncio.ensure_future(self.lanes.wait_settled())
            done, _ = await asyncio.wait(
                {fetch, stopping, settled}, return_when=asyncio.FIRST_COMPLETED
            )
            settled.cancel()
            if fetch in done or stopping in done:
                break
            # A parked update finished during the long poll: store it now, not after it.
            await self.store_settled()
        if fetch not in done:
            # Abandoning an in-flight long poll is safe: nothing it returns is confirmed.
            fetch.cancel()
            return []
        stopping.cancel()
        return fetch.result()

    async def _confirm(self) -> None:
        """Acknowledge the last stored batch so that a restart does not replay it."""
        if self.offset is None:
            return
        try:
            await self.bot(GetUpdates(offset=self.offset, limit=1, timeout=0), request_timeout=10)
        except (TelegramNetworkError, TelegramAPIError) as error:
            log.warning("polling.confirm_failed", error=str(error))

    async def _pause(self, delay: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), timeout=delay)
        except TimeoutError:
            return
