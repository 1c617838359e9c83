"""At most once per command message: the same update delivered twice (a webhook retry, a
redelivery after a crash) must not post two polls, two giveaways, two questions.

An effect is claimed in its own committed transaction before anything is sent, like a clock run
(ARCHITECTURE section 5): only the claimer goes on. A crash after the claim costs the effect
(the operator sends the command again) rather than doubling it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import command_effects
from bot.services.clock import utc_now


@dataclass(frozen=True, slots=True)
class EffectKey:
    """A command message (`chat_id`, `message_id`), or the preview message under which a button
    was tapped, and what it causes there."""

    chat_id: int
    message_id: int
    effect: str


async def claim_effect(
    session_factory: async_sessionmaker[AsyncSession],
    key: EffectKey,
    now: Callable[[], datetime] = utc_now,
) -> bool:
    """True for the first caller of `key`, committed before returning; False ever after."""
    moment = now()
    async with session_factory() as session, session.begin():
        first = await command_effects.claim(
            session, key.chat_id, key.message_id, key.effect[:64], moment
        )
        if first:
            await command_effects.forget_old(session, key.chat_id, moment)
    return first
