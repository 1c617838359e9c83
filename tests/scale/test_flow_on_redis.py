"""The guided /poll scaled out: its state lives in Redis (aiogram's RedisStorage), so a flow begun
on one instance goes on on another, and nothing of it lands in the database's own FSM table."""

from __future__ import annotations

from aiogram.methods import SendPoll
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import ConversationState
from bot.devtools.recording_session import BOT_USER
from bot.telegram.redis_state import SharedState
from tests.flows.support import ADMIN, FlowChat, flow_scene


async def test_a_flow_begun_on_one_instance_ends_on_another(
    session_factory: async_sessionmaker[AsyncSession], redis: Redis, redis_url: str
) -> None:
    one, two = (SharedState.from_url(redis_url, BOT_USER.id) for _ in range(2))
    try:
        scene = await flow_scene(session_factory, one)
        ada = FlowChat(scene, ADMIN)
        await ada.send("/poll")
        await ada.type("下期拍什么？")
        await ada.type("舞蹈｜问答")
        state_key = f"fsm:{BOT_USER.id}:{ADMIN['id']}:{ADMIN['id']}:state"
        assert await redis.get(state_key) == b"PollFlow:options"
        scene.restart(shared=two, default_timezone="Asia/Shanghai")  # the other instance
        await ada.tap("Done ▶")
        await ada.tap("Next ▶")
        await ada.tap("Now")
        await ada.tap("When I close it")
        await ada.tap("✅ Send")
        [sent] = scene.calls(SendPoll)
        assert [option.text for option in sent.options] == ["舞蹈", "问答"]
        async with session_factory() as session:
            assert await session.scalar(select(func.count()).select_from(ConversationState)) == 0
    finally:
        await one.close()
        await two.close()
