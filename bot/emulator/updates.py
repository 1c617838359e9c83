"""The update queue: ids, confirmation by offset, long polling, allowed_updates, conflicts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any

from aiogram import types

from bot.emulator.errors import bad_request, conflict
from bot.emulator.world import dump

UPDATE_TYPES = tuple(name for name in types.Update.model_fields if name != "update_id")
# Telegram's default when allowed_updates is empty or was never given.
DEFAULT_ALLOWED = frozenset(UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}
POLL_CONFLICT = (
    "terminated by other getUpdates request; make sure that only one bot instance is running"
)
WEBHOOK_CONFLICT = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
    "webhook first"
)


def update_type(update: dict[str, Any]) -> str:
    return next((key for key in update if key != "update_id"), "unknown")


class UpdateQueue:
    """Unconfirmed updates in id order, shared by getUpdates and webhook delivery."""

    def __init__(self, first_update_id: int = 1) -> None:
        self.next_update_id = first_update_id
        self.pending: list[dict[str, Any]] = []
        self.highest_confirmed: int | None = None
        self.allowed: frozenset[str] = DEFAULT_ALLOWED
        self.allowed_explicit: list[str] | None = None
        self.filtered_count = 0
        self.webhook_active = False
        self._changed = asyncio.Condition()
        self._poll_generation = 0
        self._waiting_polls = 0
        # Optional observers (bench/load.py times each update from queued to confirmed).
        self.on_queued: Callable[[int], None] | None = None
        self.on_confirmed: Callable[[list[int]], None] | None = None
        self._in_order = True  # pending ascends by update_id

    # producing

    async def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue one update of `kind`; None when allowed_updates filters it out, like Telegram."""
        update = dump(types.Update.model_validate({"update_id": 0, kind: payload}))
        if kind not in self.allowed:
            self.filtered_count += 1
            return None
        update["update_id"] = self.next_update_id
        self.next_update_id += 1
        await self._append(update)
        return update

    async def push_prebuilt(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Like `push`, for a payload already in Bot API JSON: no validation round trip.

        For load generators (bench/load.py), which validate a sample themselves; everything else
        uses `push` so that a malformed update fails where it is made."""
        if kind not in self.allowed:
            self.filtered_count += 1
            return None
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        await self._append(update)
        return update

    async def push_raw(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a hand-made update as it is (an update_id is added when missing)."""
        update = dict(update)
        if "update_id" not in update:
            update["update_id"] = self.next_update_id
        types.Update.model_validate(update)
        self.next_update_id = max(self.next_update_id, int(update["update_id"]) + 1)
        await self._append(update)
        return update

    async def _append(self, update: dict[str, Any]) -> None:
        async with self._changed:
            if self.pending and update["update_id"] < self.pending[-1]["update_id"]:
                self._in_order = False  # a hand-made update_id (push_raw)
            self.pending.append(update)
            self._changed.notify_all()
        if self.on_queued is not None:
            self.on_queued(int(update["update_id"]))

    # confirming

    def set_allowed(self, allowed: list[str] | None) -> None:
        if allowed is None:
            return
        unknown = [name for name in allowed if name not in UPDATE_TYPES]
        if unknown:
            raise bad_request(f"unknown update type {unknown[0]!r} in allowed_updates")
        self.allowed_explicit = list(allowed)
        self.allowed = frozenset(allowed) if allowed else DEFAULT_ALLOWED

    def _confirm_below(self, offset: int) -> None:
        if self._in_order:
            # Only the confirmed head is read: a backlog of 100,000s (bench/load.py) is not
            # scanned twice on every getUpdates.
            head = 0
            while head < len(self.pending) and self.pending[head]["update_id"] < offset:
                head += 1
            confirmed = [u["update_id"] for u in self.pending[:head]]
            del self.pending[:head]
        else:
            confirmed = [u["update_id"] for u in self.pending if u["update_id"] < offset]
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        if not self.pending:
            self._in_order = True
        if confirmed:
            self.highest_confirmed = max(self.highest_confirmed or 0, *confirmed)
            if self.on_confirmed is not None:
                self.on_confirmed(confirmed)

    def apply_offset(self, offset: int | None) -> None:
        if offset is None or offset == 0:
            return
        if offset > 0:
            self._confirm_below(offset)
            return
        # A negative offset keeps the last -offset updates and forgets everything before them.
        keep = self.pending[offset:]
        if len(keep) < len(self.pending):
            self._confirm_below(keep[0]["update_id"] if keep else self.next_update_id)

    async def remove(self, update_id: int) -> None:
        """Drop one delivered update (webhook mode confirms updates one by one)."""
        async with self._changed:
            before = len(self.pending)
            self.pending = [u for u in self.pending if u["update_id"] != update_id]
            self.highest_confirmed = max(self.highest_confirmed or 0, update_id)
            if self.on_confirmed is not None and len(self.pending) < before:
                self.on_confirmed([update_id])
            self._changed.notify_all()

    async def drop_pending(self) -> None:
        async with self._changed:
            self._confirm_below(self.next_update_id)
            self._changed.notify_all()

    # consuming

    async def get_updates(
        self,
        *,
        offset: int | None,
        limit: int | None,
        timeout: int | None,
        allowed_updates: list[str] | None,
    ) -> list[dict[str, Any]]:
        if self.webhook_active:
            raise conflict(WEBHOOK_CONFLICT)
        limit = 100 if limit is None else limit
        if not 1 <= limit <= 100:
            limit = 100 if limit > 100 else 1
        self.set_allowed(allowed_updates)
        async with self._changed:
            # A newer request terminates the one still waiting, as on the real server.
            self._poll_generation += 1
            generation = self._poll_generation
            self._changed.notify_all()
            self.apply_offset(offset)
            if not self.pending and timeout:
                await self._wait(generation, float(timeout))
            if generation != self._poll_generation:
                raise conflict(POLL_CONFLICT)
            return [dict(u) for u in self.pending[:limit]]

    async def _wait(self, generation: int, timeout: float) -> None:
        def woken() -> bool:
            return bool(self.pending) or generation != self._poll_generation

        self._waiting_polls += 1
        self._changed.notify_all()
        try:
            await asyncio.wait_for(self._changed.wait_for(woken), timeout)
        except TimeoutError:
            return
        finally:
            self._waiting_polls -= 1

    async def until_long_polling(self) -> None:
        """Wait until a getUpdates request is parked waiting for updates (for tests)."""
        async with self._changed:
            await self._changed.wait_for(lambda: self._waiting_polls > 0)

    async def next_undelivered(self, busy: Iterable[int]) -> dict[str, Any]:
        """The oldest pending update no webhook connection is working on; waits for one."""
        busy_ids = set(busy)

        def first() -> dict[str, Any] | None:
            return next((u for u in self.pending if u["update_id"] not in busy_ids), None)

        async with self._changed:
            await self._changed.wait_for(lambda: first() is not None)
            update = first()
            assert update is not None
            return update

    async def until_empty(self) -> None:
        """Wait until every update is confirmed (webhook mode: delivered and replied to)."""
        async with self._changed:
            await self._changed.wait_for(lambda: not self.pending)

    async def notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def snapshot(self) -> dict[str, Any]:
        return {
            "pending_update_count": len(self.pending),
            "highest_confirmed_update_id": self.highest_confirmed,
            "next_update_id": self.next_update_id,
            "filtered_update_count": self.filtered_count,
            "allowed_updates": sorted(self.allowed),
        }
