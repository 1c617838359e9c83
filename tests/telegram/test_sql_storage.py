"""The embedded mode's FSM storage: a state and its data are kept per chat and person, and a new
storage over the same database (a restart) reads them back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import ConversationState
from bot.telegram.sql_storage import SqlStorage


class Flow(StatesGroup):
    question = State()
    options = State()


def key(user_id: int) -> StorageKey:
    return StorageKey(bot_id=42, chat_id=user_id, user_id=user_id)


async def test_state_and_data_survive_a_restart_per_person(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    before = SqlStorage(session_factory)
    await before.set_state(key(1), Flow.options)
    await before.update_data(key(1), {"question": "下期拍什么？", "options": ["舞蹈"]})
    await before.set_state(key(2), Flow.question)
    after = SqlStorage(session_factory)  # the bot restarted
    assert await after.get_state(key(1)) == Flow.options.state
    assert await after.get_data(key(1)) == {"question": "下期拍什么？", "options": ["舞蹈"]}
    assert await after.get_state(key(2)) == Flow.question.state
    assert await after.get_data(key(2)) == {}
    await after.set_state(key(1), None)
    await after.set_data(key(1), {})
    assert await after.get_state(key(1)) is None
    assert await after.get_data(key(1)) == {}
    assert await after.get_state(key(3)) is None


async def test_only_plain_json_is_kept(session_factory: async_sessionmaker[AsyncSession]) -> None:
    storage = SqlStorage(session_factory)
    with pytest.raises(TypeError):
        await storage.set_data(key(1), {"when": datetime.now(UTC)})  # as RedisStorage refuses
    assert await storage.get_data(key(1)) == {}


async def test_people_without_a_flow_cost_no_row(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """aiogram clears and reads the state of everyone it dispatches for: no row for them."""
    storage = SqlStorage(session_factory)
    await storage.set_state(key(7), None)
    await storage.set_data(key(7), {})
    assert await storage.get_state(key(7)) is None
    await storage.set_state(key(8), Flow.question)
    async with session_factory() as session:
        stored = (await session.scalars(select(ConversationState.key))).all()
    assert stored == ["fsm:42:8:8"]
