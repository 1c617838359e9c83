"""One lane per chat: updates of a chat run in order, chats run side by side, and a slow update
holds up nobody else's confirmation (ARCHITECTURE section 2).

Telegram confirms updates by offset, so a batch can only be confirmed whole. An update still
running after `patience` seconds is therefore *parked*: its raw JSON goes to failed_updates in
the batch's transaction (durable, so confirming the batch loses nothing) and it goes on running
in its lane. When it finishes, its writes come out of `settled()` for the caller to store, with
the parking row taken back in the same transaction. An update still running after `deadline`
seconds is cancelled (UpdateProcessor) and stays in failed_updates: it was confirmed with its
batch, so a restart or a redelivery cannot bring it back to freeze the bot again. Later updates
of the same chat wait behind it in the lane (and are parked in their turn if that takes long).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Hashable, Sequence
from datetime import UTC, datetime
from typing import Any

import structlog

from bot.db.write_buffer import FailedUpdateRecord, UpdateWrites
from bot.telegram.processing import UpdateProcessor, raw_sender_of

log = structlog.get_logger(__name__)

PATIENCE_S = 5.0
DEADLINE_S = 300.0
PARKED = "Parked: still running after {patience:g} s when its batch was confirmed"


class ChatLanes:
    def __init__(
        self,
        processor: UpdateProcessor,
        *,
        patience: float = PATIENCE_S,
        deadline: float = DEADLINE_S,
    ) -> None:
        self.processor = processor
        self.patience = patience
        self.deadline = deadline
        self._tails: dict[Hashable, asyncio.Task[UpdateWrites]] = {}
        self._running: set[asyncio.Task[UpdateWrites]] = set()
        self._settled: list[UpdateWrites] = []
        self._has_settled = asyncio.Event()

    async def process(self, raws: Sequence[dict[str, Any]]) -> list[UpdateWrites]:
        """The writes of each update, in order: what it wrote, or, for one still running after
        `patience`, its parking record (its own writes come later out of `settled()`)."""
        started: list[UpdateWrites | asyncio.Task[UpdateWrites]] = [
            self._start(raw) for raw in raws
        ]
        tasks = [item for item in started if isinstance(item, asyncio.Task)]
        if tasks:
            await asyncio.wait(tasks, timeout=self.patience)
        batch = []
        for raw, item in zip(raws, started, strict=True):
            if isinstance(item, UpdateWrites):
                batch.append(item)
            elif item.done():
                self._running.discard(item)
                batch.append(item.result())
            else:
                batch.append(self._park(raw, item))
        return batch

    def settled(self) -> list[UpdateWrites]:
        """The writes of parked updates that have finished since the last call."""
        settled, self._settled = self._settled, []
        self._has_settled.clear()
        return settled

    async def wait_settled(self) -> None:
        await self._has_settled.wait()

    @property
    def parked(self) -> int:
        return len(self._running)

    async def idle(self) -> None:
        """Until every update started has finished (or hit its deadline)."""
        while self._running:
            await asyncio.wait(set(self._running))

    async def close(self) -> None:
        """Stop what is still running: it stays parked, with what it observed, in `settled()`."""
        for task in self._running:
            task.cancel()
        await self.idle()

    def _start(self, raw: dict[str, Any]) -> UpdateWrites | asyncio.Task[UpdateWrites]:
        lane = lane_of(raw)
        tail = self._tails.get(lane)
        if tail is None:
            # The hot path: plain chat with nothing ahead of it in its chat needs no task.
            writes = self.processor.express(raw)
            if writes is not None:
                return writes
        task = asyncio.create_task(self._run(tail, raw), name=f"update-{raw['update_id']}")
        self._tails[lane] = task
        self._running.add(task)
        task.add_done_callback(lambda done: self._release(lane, done))
        return task

    async def _run(
        self, tail: asyncio.Task[UpdateWrites] | None, raw: dict[str, Any]
    ) -> UpdateWrites:
        if tail is not None:
            await asyncio.wait({tail})
        return await self.processor.process_json(raw, deadline=self.deadline)

    def _release(self, lane: Hashable, task: asyncio.Task[UpdateWrites]) -> None:
        if self._tails.get(lane) is task:
            del self._tails[lane]

    def _park(self, raw: dict[str, Any], task: asyncio.Task[UpdateWrites]) -> UpdateWrites:
        record = FailedUpdateRecord(
            payload=json.dumps(raw, ensure_ascii=False, default=str),
            error=PARKED.format(patience=self.patience),
            failed_at=datetime.now(UTC),
            user_id=raw_sender_of(raw),
        )
        log.warning("update.parked", update_id=raw["update_id"], patience=self.patience)
        task.add_done_callback(lambda done: self._settle(raw, record, done))
        return UpdateWrites(raw["update_id"], failure=record)

    def _settle(
        self, raw: dict[str, Any], record: FailedUpdateRecord, task: asyncio.Task[UpdateWrites]
    ) -> None:
        self._running.discard(task)
        if task.cancelled():
            # Shut down while it ran: the parking row stays, the update is not lost.
            log.warning("update.stopped", update_id=raw["update_id"])
            return
        writes = task.result()
        writes.parked = record
        self._settled.append(writes)
        self._has_settled.set()


def lane_of(raw: dict[str, Any]) -> Hashable:
    """The chat an update belongs to (its order matters within it), else the person, else the
    update alone."""
    for key, event in raw.items():
        if key == "update_id" or not isinstance(event, dict):
            continue
        chat = event.get("chat")
        if chat is None and isinstance(event.get("message"), dict):
            chat = event["message"].get("chat")  # a button under a message
        if isinstance(chat, dict) and type(chat.get("id")) is int:
            return ("chat", chat["id"])
        person = event.get("from") or event.get("user")
        if isinstance(person, dict) and type(person.get("id")) is int:
            return ("person", person["id"])
    return ("update", raw.get("update_id"))
