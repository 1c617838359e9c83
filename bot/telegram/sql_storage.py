"""aiogram FSM storage in the bot's own database, for embedded mode (one process on SQLite or
PostgreSQL, no Redis): a guided flow's step and what it collected survive a restart. Scaled
out, aiogram's RedisStorage (bot/telegram/redis_state.py) takes its place."""

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

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        async with self._session_factory() as session, session.begin():
            await store.write_state(session, self._keys.build(key), value, datetime.now(UTC))

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._session_factory() as session:
            state, _ = await store.read(session, self._keys.build(key))
        return state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        encoded = json.dumps(dict(data), ensure_ascii=False)
        async with self._session_factory() as session, session.begin():
            await store.write_data(session, self._keys.build(key), encoded, datetime.now(UTC))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._session_factory() as session:
            _, data = await store.read(session, self._keys.build(key))
        loaded: dict[str, Any] = json.loads(data) if data else {}
        return loaded

    async def close(self) -> None:
        return None
