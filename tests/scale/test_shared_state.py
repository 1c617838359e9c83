"""The scale-out wiring against a real Redis server: the composition root's dispatcher keeps FSM
state and event locks in Redis (keys carry the bot id), and the administrators cache is one for
every instance, so a chat_member change seen by one corrects the others."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, cast

import pytest
from aiogram import Bot
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from aiogram.types import User
from redis.asyncio import Redis

from bot.__main__ import build_dispatcher
from bot.config import load_settings
from bot.telegram.admins import AdminCache
from bot.telegram.redis_state import RedisUnreachableError, SharedState
from tests.support.redis import _free_port

BOT_ID = 123456
TOKEN = f"{BOT_ID}:AAEfanpulse-scale-out-test-token-xyz"
GROUP = -1001234567890
OWNER, ADMIN = 1001, 1002


@pytest.fixture
async def instances(redis: Redis, redis_url: str) -> AsyncIterator[tuple[SharedState, SharedState]]:
    one, two = SharedState.from_url(redis_url, BOT_ID), SharedState.from_url(redis_url, BOT_ID)
    await one.check()
    yield one, two
    await one.close()
    await two.close()


async def test_the_dispatcher_keeps_fsm_state_and_event_locks_in_redis(
    instances: tuple[SharedState, SharedState], redis: Redis
) -> None:
    one, two = instances
    settings = load_settings(bot_token=TOKEN)
    dispatcher = build_dispatcher(settings, one)
    assert dispatcher.storage is one.storage
    assert isinstance(dispatcher.storage, RedisStorage)
    assert isinstance(dispatcher.fsm.events_isolation, RedisEventIsolation)
    assert isinstance(build_dispatcher(settings)["admins"], AdminCache)

    key = StorageKey(bot_id=BOT_ID, chat_id=GROUP, user_id=OWNER)
    await dispatcher.storage.set_state(key, "poll:question")
    await dispatcher.storage.set_data(key, {"draft": "你好 <b>"})
    assert await two.storage.get_state(key) == "poll:question"
    assert await two.storage.get_data(key) == {"draft": "你好 <b>"}
    assert {k.decode() for k in await redis.keys("fsm:*")} == {
        f"fsm:{BOT_ID}:{GROUP}:{OWNER}:state",
        f"fsm:{BOT_ID}:{GROUP}:{OWNER}:data",
    }


async def test_one_update_per_chat_and_user_at_a_time_across_instances(
    instances: tuple[SharedState, SharedState],
) -> None:
    one, two = instances
    key = StorageKey(bot_id=BOT_ID, chat_id=GROUP, user_id=OWNER)
    entered = asyncio.Event()

    async def second_instance() -> None:
        async with two.events_isolation.lock(key):
            entered.set()

    async with one.events_isolation.lock(key):
        waiting = asyncio.create_task(second_instance())
        await asyncio.sleep(0.3)
        assert not entered.is_set()
    await asyncio.wait_for(waiting, 30)
    assert entered.is_set()


class AdminsBot:
    """Answers getChatAdministrators and counts how often Telegram was asked."""

    def __init__(self) -> None:
        self.asked = 0

    async def get_chat_administrators(self, chat_id: int) -> list[Any]:
        self.asked += 1
        return [Member(user(OWNER), "creator"), Member(user(ADMIN), "administrator")]


@dataclass(frozen=True)
class Member:
    """The two fields the cache reads from a ChatMember."""

    user: User
    status: str


def user(user_id: int) -> User:
    return User(id=user_id, is_bot=False, first_name=f"User {user_id}")


async def test_a_member_change_seen_by_one_instance_corrects_the_others(
    instances: tuple[SharedState, SharedState],
) -> None:
    one, two = (AdminCache(store=state.admins) for state in instances)
    telegram = AdminsBot()
    bot = cast(Bot, telegram)
    assert await one.status(bot, GROUP, ADMIN) == "administrator"
    assert await two.status(bot, GROUP, OWNER) == "creator"
    assert telegram.asked == 1  # the second instance read the shared cache
    assert await two.groups_of(ADMIN) == {GROUP}

    await one.member_changed(GROUP, ADMIN, "member")  # demoted, seen by instance one only
    assert await two.status(bot, GROUP, ADMIN) is None
    assert await two.groups_of(ADMIN) == set()
    await two.member_changed(GROUP, ADMIN, "administrator")
    assert await one.status(bot, GROUP, ADMIN) == "administrator"
    assert telegram.asked == 1

    await two.forget(GROUP)  # the bot's own membership changed: ask Telegram again
    assert await one.status(bot, GROUP, OWNER) == "creator"
    assert telegram.asked == 2


async def test_a_change_for_an_uncached_group_is_not_a_cache_entry(
    instances: tuple[SharedState, SharedState],
) -> None:
    one, two = (AdminCache(store=state.admins) for state in instances)
    telegram = AdminsBot()
    await one.member_changed(GROUP, ADMIN, "administrator")
    assert await two.status(cast(Bot, telegram), GROUP, OWNER) == "creator"
    assert telegram.asked == 1


async def test_a_group_without_administrators_is_cached_too(
    instances: tuple[SharedState, SharedState],
) -> None:
    one, two = (AdminCache(store=state.admins, ttl=60) for state in instances)

    class Nobody:
        asked = 0

        async def get_chat_administrators(self, chat_id: int) -> list[Any]:
            Nobody.asked += 1
            return []

    assert await one.admins(cast(Bot, Nobody()), GROUP) == {}
    assert await two.admins(cast(Bot, Nobody()), GROUP) == {}
    assert Nobody.asked == 1


async def test_an_unreachable_redis_is_one_clear_line_without_the_password() -> None:
    url = f"redis://:hunter2-secret@127.0.0.1:{_free_port()}/0"
    state = SharedState.from_url(url, BOT_ID)
    with pytest.raises(RedisUnreachableError) as caught:
        await state.check()
    await state.close()
    assert "hunter2" not in str(caught.value)
    assert str(caught.value).startswith("cannot reach REDIS_URL")
