"""aiogram FSM storage in the bot's own database, for embedded mode (one process on SQLite or
PostgreSQL, no Redis): a guided flow's step and what it collected survive a restart. Scaled
out, aiogram's RedisStorage (bot/telegram/redis_state.py) takes its place.

aiogram reads the state of every update it dispatches (each vote, each command in a group), and
almost none has any. One process owns this storage (embedded mode), so it keeps the set of keys
that have a row and answers the others without a query."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import conversation_states as store


class SqlStorage(BaseStorage):
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory
        self._keys = DefaultKeyBuilder(with_bot_id=True)
        self._stored: set[str] | None = None

    async def _has_row(self, key: str) -> bool:
        if self._stored is None:
            async with self._session_factory() as session:
                self._stored = await store.keys(session)
        return key in self._stored

    def _written(self, key: str) -> None:
        if self._stored is not None:
            self._stored.add(key)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        built = self._keys.build(key)
        if value is None and not await self._has_row(built):
            return
        async with self._session_factory() as session, session.begin():
            await store.write_state(session, built, value, datetime.now(UTC))
        self._written(built)

    async def get_state(self, key: StorageKey) -> str | None:
        built = self._keys.build(key)
        if not await self._has_row(built):
            return None
        async with self._session_factory() as session:
            state, _ = await store.read(session, built)
        return state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        built = self._keys.build(key)
        if not data and not await self._has_row(built):
            return
        # json.dumps refuses what is not JSON: a flow keeps only plain data, as Redis would.
        encoded = json.dumps(dict(data), ensure_ascii=False)
        async with self._session_factory() as session, session.begin():
            await store.write_data(session, built, encoded, datetime.now(UTC))
        self._written(built)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        built = self._keys.build(key)
        if not await self._has_row(built):
            return {}
        async with self._session_factory() as session:
            _, data = await store.read(session, built)
        loaded: dict[str, Any] = json.loads(data) if data else {}
        return loaded

    async def close(self) -> None:
        return None
