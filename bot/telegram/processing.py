"""Run one update through the dispatcher and collect what its handlers want written."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import structlog
from aiogram import Bot, Dispatcher
from aiogram.types import Update, User
from pydantic import ValidationError

from bot.db.write_buffer import FailedUpdateRecord, UpdateWrites
from bot.logs import scrub
from bot.telegram.express_lane import express_writes

log = structlog.get_logger(__name__)


class UpdateProcessor:
    def __init__(self, dispatcher: Dispatcher, bot: Bot, allowed_updates: list[str]) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.allowed_updates = allowed_updates

    def express(self, raw: dict[str, Any]) -> UpdateWrites | None:
        """The update's writes when it takes the express lane; None when it must be dispatched."""
        return express_writes(raw, self.bot.id)

    async def process_json(
        self, raw: dict[str, Any], *, deadline: float | None = None
    ) -> UpdateWrites:
        """An update as Telegram sent it (its `update_id` an int): plain group chat takes the
        express lane, everything else is parsed and dispatched. A handler still running after
        `deadline` seconds is cancelled and the update goes to failed_updates."""
        writes = express_writes(raw, self.bot.id)
        if writes is not None:
            return writes
        try:
            update = Update.model_validate(raw, context={"bot": self.bot})
        except ValidationError as error:
            # One malformed update must not hold up the batch around it, nor vanish.
            log.warning("update.unparsable", update_id=raw["update_id"])
            return UpdateWrites(raw["update_id"]).failed(
                FailedUpdateRecord(
                    payload=json.dumps(raw, ensure_ascii=False, default=str),
                    error=scrub(f"{type(error).__name__}: {error}")[:2000],
                    failed_at=datetime.now(UTC),
                    user_id=raw_sender_of(raw),
                )
            )
        return await self.process(update, deadline=deadline)

    async def process(self, update: Update, *, deadline: float | None = None) -> UpdateWrites:
        writes = UpdateWrites(update.update_id)
        try:
            async with asyncio.timeout(deadline):
                failure = await self._feed(update, writes)
        except TimeoutError:
            # A poisoned update (a download that hangs, a handler that never ends) must not be
            # waited for again: it is parked for good, with what it observed.
            log.error("update.deadline", update_id=update.update_id, deadline=deadline)
            return writes.failed(
                FailedUpdateRecord(
                    payload=update.model_dump_json(exclude_none=True),
                    error=f"DeadlineExceeded: still running after {deadline:g} s, cancelled",
                    failed_at=datetime.now(UTC),
                    user_id=sender_of(update),
                )
            )
        return writes if failure is None else writes.failed(failure)

    async def _feed(self, update: Update, writes: UpdateWrites) -> FailedUpdateRecord | None:
        try:
            await self.dispatcher.feed_update(self.bot, update, writes=writes)
        except Exception as error:
            # The bot never crashes on an update it did not expect, and never loses it either:
            # the raw update goes to failed_updates, in the same transaction as the batch.
            log.exception("update.failed", update_id=update.update_id)
            return FailedUpdateRecord(
                payload=update.model_dump_json(exclude_none=True),
                error=scrub(f"{type(error).__name__}: {error}")[:2000],
                failed_at=datetime.now(UTC),
                user_id=sender_of(update),
            )
        return None


def sender_of(update: Update) -> int | None:
    """The person an update came from (`from` on most events, `user` on poll answers)."""
    event = update.event
    person = getattr(event, "from_user", None) or getattr(event, "user", None)
    return person.id if isinstance(person, User) else None


def raw_sender_of(raw: dict[str, Any]) -> int | None:
    """`sender_of` for an update that did not parse: so that /forget still finds it."""
    for key, event in raw.items():
        if key != "update_id" and isinstance(event, dict):
            person = event.get("from") or event.get("user")
            if isinstance(person, dict) and type(person.get("id")) is int:
                return int(person["id"])
    return None
