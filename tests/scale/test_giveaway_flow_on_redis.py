"""The guided /giveaway scaled out: its state lives in Redis (aiogram's RedisStorage), so a flow
begun on one instance goes on on another, toggles and all, and nothing of it lands in the
database's own FSM table."""

from __future__ import annotations

from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import ConversationState
from bot.devtools.recording_session import BOT_USER
from bot.domain.giveaway import Rules
from bot.telegram.redis_state import SharedState
from tests.flows.support import ADMIN, FlowChat, flow_scene
from tests.giveaways.support import giveaways


async def test_a_giveaway_flow_begun_on_one_instance_ends_on_another(
    session_factory: async_sessionmaker[AsyncSession], redis: Redis, redis_url: str
) -> None:
    one, two = (SharedState.from_url(redis_url, BOT_USER.id) for _ in range(2))
    try:
        scene = await flow_scene(session_factory, one)
        ada = FlowChat(scene, ADMIN)
        await ada.send("/giveaway")
        await ada.type("签名海报")
        await ada.type("２")
        await ada.tap("In 1 day")
        await ada.tap("▫️ N messages in D days…")
        state_key = f"fsm:{BOT_USER.id}:{ADMIN['id']}:{ADMIN['id']}:state"
        assert await redis.get(state_key) == b"GiveawayFlow:comments"
        scene.restart(shared=two, default_timezone="Asia/Shanghai")  # the other instance
        await ada.type("５／７")
        await ada.tap("Preview ▶️")
        await ada.tap("✅ Send")
        [record] = await giveaways(session_factory)
        assert (record.prize, record.winner_count) == ("签名海报", 2)
        rules = Rules.from_json(record.rules)
        assert (rules.min_comments, rules.comment_days) == (5, 7)
        async with session_factory() as session:
            assert await session.scalar(select(func.count()).select_from(ConversationState)) == 0
    finally:
        await one.close()
        await two.close()
