"""Run one update through the dispatcher and collect what its handlers want written."""

from __future__ import annotations

from datetime import UTC, datetime

import structlog
from aiogram import Bot, Dispatcher
from aiogram.types import Update, User

from bot.db.write_buffer import FailedUpdateRecord, UpdateWrites
from bot.logs import scrub

log = structlog.get_logger(__name__)


class UpdateProcessor:
    def __init__(self, dispatcher: Dispatcher, bot: Bot, allowed_updates: list[str]) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.allowed_updates = allowed_updates

    async def process(self, update: Update) -> UpdateWrites:
        writes = UpdateWrites(update.update_id)
        try:
            await self.dispatcher.feed_update(self.bot, update, writes=writes)
        except Exception as error:
            # The bot never crashes on an update it did not expect, and never loses it either:
            # the raw update goes to failed_updates, in the same transaction as the batch.
            log.exception("update.failed", update_id=update.update_id)
            return writes.failed(
                FailedUpdateRecord(
                    payload=update.model_dump_json(exclude_none=True),
                    error=scrub(f"{type(error).__name__}: {error}")[:2000],
                    failed_at=datetime.now(UTC),
                    user_id=sender_of(update),
                )
            )
        return writes


def sender_of(update: Update) -> int | None:
    """The person an update came from (`from` on most events, `user` on poll answers)."""
    event = update.event
    person = getattr(event, "from_user", None) or getattr(event, "user", None)
    return person.id if isinstance(person, User) else None
