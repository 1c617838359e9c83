"""The real ingest path (dispatcher, handlers, batch store) fed with raw update JSON, built the
one way the composition root builds it: `build_dispatcher`, then `build_clock`, which wires
every feature's services into the dispatcher."""

from __future__ import annotations

import atexit
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram import Bot, Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.__main__ import build_clock, build_dispatcher
from bot.config import Settings, load_settings
from bot.devtools.recording_session import TOKEN, RecordingSession
from bot.services.chart_pool import ChartPool
from bot.services.clock import Clock
from bot.telegram.batch_store import BatchStore
from bot.telegram.processing import UpdateProcessor
from bot.telegram.redis_state import SharedState

# One chart worker for the whole run: a pool per test spawned an interpreter that imported
# matplotlib (seconds) for every test that draws, and left it running.
CHARTS = ChartPool()
atexit.register(CHARTS.close)


@dataclass
class Pipeline:
    bot: Bot
    dispatcher: Dispatcher
    processor: UpdateProcessor
    store: BatchStore
    clock: Clock
    session_factory: async_sessionmaker[AsyncSession]

    @classmethod
    def create(
        cls,
        session_factory: async_sessionmaker[AsyncSession],
        session: RecordingSession | None = None,
        *,
        shared: SharedState | None = None,
        **settings: Any,
    ) -> Pipeline:
        """Over `session` (a plain recording one if none), with `settings` over the defaults;
        `shared`: the scale-out profile's Redis state."""
        bot = Bot(TOKEN, session=session or RecordingSession())
        return cls.over(session_factory, bot, shared=shared, **settings)

    @classmethod
    def over(
        cls,
        session_factory: async_sessionmaker[AsyncSession],
        bot: Bot,
        *,
        settings: Settings | None = None,
        shared: SharedState | None = None,
        **overrides: Any,
    ) -> Pipeline:
        """Over any bot, e.g. one with the production transport."""
        settings = settings or load_settings(bot_token=TOKEN, **overrides)
        dispatcher = build_dispatcher(settings, shared, session_factory=session_factory)
        clock = build_clock(settings, session_factory, bot, dispatcher, CHARTS)
        return cls(
            bot=bot,
            dispatcher=dispatcher,
            processor=UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher)),
            store=BatchStore(session_factory, max_attempts=1),
            clock=clock,
            session_factory=session_factory,
        )

    def run_on(self, now: Callable[[], datetime]) -> None:
        """The wired services read the time from `now` (a FakeClock) from here on; build_clock
        takes no `now`, and services ask the clock (`Clock.now`)."""
        self.clock._now = now

    @property
    def settings(self) -> Settings:
        settings: Settings = self.dispatcher["settings"]
        return settings

    async def deliver(self, *raw_updates: dict[str, Any]) -> None:
        """One batch, as the polling loop runs it: every update, then one commit."""
        batch = [await self.processor.process_json(raw) for raw in raw_updates]
        await self.store.commit(batch)

    def instance(
        self,
        now: Callable[[], datetime],
        name: str = "one",
        session_factory: async_sessionmaker[AsyncSession] | None = None,
    ) -> Clock:
        """Another instance's clock on fake time, never started (tests drive passes with
        `tick()`): built and wired by build_clock with its own dispatcher and services, as
        another process would be."""
        dispatcher = build_dispatcher(
            self.settings, session_factory=session_factory or self.session_factory
        )
        clock = build_clock(
            self.settings, session_factory or self.session_factory, self.bot, dispatcher, CHARTS
        )
        # build_clock takes no `now` or instance name; the clock reads both only when it runs.
        clock._now = now
        clock.instance = name
        return clock
