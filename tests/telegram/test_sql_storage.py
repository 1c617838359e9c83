"""The embedded mode's FSM storage: a state and its data are kept per chat and person, and a new
storage over the same database (a restart) reads them back."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

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
