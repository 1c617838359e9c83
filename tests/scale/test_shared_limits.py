"""The outbound limiter and the 429 pause shared through a real Redis server: two instances
(two limiters, two middlewares) draw from one budget and honour one pause.

Rates here are slow (one token per 1,000 s) so a reservation's wait is far from zero whatever
the machine's speed; waits are recorded by a fake sleep, never measured."""

from __future__ import annotations

import asyncio

import pytest
from aiogram.types import Message
from redis.asyncio import Redis

from bot.telegram.outbound import OutboundMiddleware
from bot.telegram.rate_limit import Rate
from bot.telegram.shared_limits import RedisFloodPause, RedisRateLimiter
from tests.support.lifecycle import RecordingLifecycle
from tests.support.transport import TOKEN, ScriptedSession, flood, make_bot

SLOW = Rate(per_second=0.001, burst=3)
GENEROUS = Rate(per_second=1000.0, burst=1000)
GROUP = -1001234567890
OTHER_GROUP = -1009876543210


class Sleeps:
    """A sleep that returns at once and remembers how long it was asked to wait."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)


def limiter(redis: Redis, sleeps: Sleeps, **rates: Rate) -> RedisRateLimiter:
    return RedisRateLimiter(
        redis,
        prefix="test",
        overall=rates.get("overall", GENEROUS),
        group=rates.get("group", GENEROUS),
        private=rates.get("private", GENEROUS),
        sleep=sleeps,
    )


async def test_two_limiters_share_one_overall_budget(redis: Redis) -> None:
    one_sleeps, two_sleeps = Sleeps(), Sleeps()
    one = limiter(redis, one_sleeps, overall=SLOW)
    two = limiter(redis, two_sleeps, overall=SLOW)
    await one.acquire(None)
    await two.acquire(None)
    await one.acquire(None)
    assert one_sleeps.waits == two_sleeps.waits == []  # the burst of 3, spent by both

    await two.acquire(None)
    await one.acquire(None)
    # On credit, in arrival order: the 4th waits about one refill, the 5th about two.
    (fourth,) = two_sleeps.waits
    (fifth,) = one_sleeps.waits
    assert 900 < fourth <= 1000
    assert 1900 < fifth <= 2000


async def test_a_groups_bucket_is_shared_and_other_chats_are_not_held(redis: Redis) -> None:
    one_sleeps, two_sleeps = Sleeps(), Sleeps()
    one = limiter(redis, one_sleeps, group=SLOW)
    two = limiter(redis, two_sleeps, group=SLOW)
    for instance in (one, two, one):
        await instance.acquire(GROUP)
    await two.acquire(OTHER_GROUP)
    assert one_sleeps.waits == two_sleeps.waits == []
    await two.acquire(GROUP)
    assert len(two_sleeps.waits) == 1
    assert two_sleeps.waits[0] > 900
    # "@name" and the numeric id of a private chat are keyed like the in-process limiter.
    assert await redis.exists(f"test:limit:chat:{GROUP}", f"test:limit:chat:{OTHER_GROUP}") == 2


async def test_an_idle_bucket_expires_once_it_would_be_full_again(redis: Redis) -> None:
    fast = limiter(redis, Sleeps(), group=Rate(per_second=10.0, burst=2))
    await fast.acquire(GROUP)
    ttl = await redis.pttl(f"test:limit:chat:{GROUP}")
    # One token short of full refills in 0.1 s; the key lives that long plus a second.
    assert 0 < ttl <= 1100


async def test_the_pause_is_seen_by_both_and_only_grows(redis: Redis) -> None:
    one, two = RedisFloodPause(redis, prefix="test"), RedisFloodPause(redis, prefix="test")
    assert await two.remaining() == 0
    assert 29 < await one.extend(30) <= 30
    assert 29 < await two.remaining() <= 30
    assert 29 < await two.extend(5) <= 30  # a shorter 429 never shortens the pause
    assert 59 < await two.extend(60) <= 60
    assert 59 < await one.remaining() <= 60


async def test_a_429_on_one_instance_holds_back_the_other(redis: Redis) -> None:
    """Instance one is told to retry after 1 s; instance two, which never saw a 429, waits out
    the same pause before its own call, and so does one before its retry."""
    sessions = [ScriptedSession(), ScriptedSession()]
    sleeps = [Sleeps(), Sleeps()]
    waits: list[list[float]] = [[], []]
    for session, sleep, record in zip(sessions, sleeps, waits, strict=True):

        async def real_sleep(seconds: float, record: list[float] = record) -> None:
            record.append(seconds)
            await asyncio.sleep(seconds)

        session.middleware(
            OutboundMiddleware(
                RecordingLifecycle(),
                token=TOKEN,
                limiter=limiter(redis, sleep),
                shared_pause=RedisFloodPause(redis, prefix="test"),
                sleep=real_sleep,
            )
        )
    one, two = (make_bot(session) for session in sessions)
    sessions[0].queue(flood(1), chat_id=GROUP)
    flooded = asyncio.create_task(one.send_message(GROUP, "one"))
    while not sessions[0].calls:
        await asyncio.sleep(0.01)
    while await redis.pttl("test:flood_pause") < 0 and not flooded.done():
        await asyncio.sleep(0.01)
    sent = await two.send_message(OTHER_GROUP, "two")
    assert isinstance(sent, Message)
    assert isinstance(await flooded, Message)
    assert [call.api_method for call in sessions[0].calls] == ["sendMessage", "sendMessage"]
    assert [call.api_method for call in sessions[1].calls] == ["sendMessage"]
    assert waits[1], "the instance that never saw the 429 did not wait for the shared pause"
    assert all(0 < wait <= 1 for wait in waits[1])


@pytest.mark.parametrize("chat_id", [GROUP, 4242, "@somechannel"])
async def test_every_kind_of_chat_id_is_keyed(redis: Redis, chat_id: int | str) -> None:
    sleeps = Sleeps()
    await limiter(redis, sleeps).acquire(chat_id)
    keys = {key.decode() for key in await redis.keys("test:limit:*")}
    assert keys == {"test:limit:overall", f"test:limit:chat:{str(chat_id).lower()}"}
