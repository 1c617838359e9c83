"""The real ingest path (dispatcher, handlers, batch store) fed with raw update JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram import Bot, Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.__main__ import build_clock, build_dispatcher
from bot.config import load_settings
from bot.devtools.recording_session import TOKEN, RecordingSession, recording_bot
from bot.telegram.batch_store import BatchStore
from bot.telegram.processing import UpdateProcessor


@dataclass
class Pipeline:
    bot: Bot
    session: RecordingSession
    dispatcher: Dispatcher
    processor: UpdateProcessor
    store: BatchStore

    @classmethod
    def create(cls, session_factory: async_sessionmaker[AsyncSession], **settings: Any) -> Pipeline:
        bot, session = recording_bot()
        config = load_settings(bot_token=TOKEN, **settings)
        dispatcher = build_dispatcher(config)
        build_clock(config, session_factory, bot, dispatcher)
        return cls(
            bot=bot,
            session=session,
            dispatcher=dispatcher,
            processor=UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher)),
            store=BatchStore(session_factory, max_attempts=1),
        )

    async def deliver(self, *raw_updates: dict[str, Any]) -> None:
        """One batch, as the polling loop runs it: every update, then one commit."""
        batch = [await self.processor.process_json(raw) for raw in raw_updates]
        await self.store.commit(batch)
