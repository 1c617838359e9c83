"""The spam tests' cast and helpers: a wave of new accounts, the clock's pass, what was stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram.methods import DeleteMessage, RestrictChatMember, SendMessage
from sqlalchemy import select

from bot.db.models import Comment, SpamReport, SpamVerdict
from tests.support import updates as u
from tests.support.clock import FakeClock
from tests.support.scene import Scene

WAVE_TEXT = "Wow look at this amazing offer t.me/deals_channel_x"


def accounts(count: int, first_id: int = 7000) -> list[dict[str, Any]]:
    return [u.user(first_id + n, f"Acc{n}", username=f"acc_{n:02d}") for n in range(count)]


async def wave(
    scene: Scene, chat: dict[str, Any], senders: list[dict[str, Any]], text: str = WAVE_TEXT
) -> list[dict[str, Any]]:
    """Each sender's message, one update each, as Telegram delivers them."""
    return [(await scene.say(chat, sender, text))["message"] for sender in senders]


async def clock_pass(scene: Scene) -> None:
    """The lease holder's next heartbeat pass."""
    await scene.clock(FakeClock(datetime.now(UTC))).tick()


def deleted(scene: Scene, chat: dict[str, Any]) -> list[int]:
    return [c.message_id for c in scene.calls(DeleteMessage) if c.chat_id == chat["id"]]


def restricted(scene: Scene, chat: dict[str, Any]) -> list[int]:
    return [c.user_id for c in scene.calls(RestrictChatMember) if c.chat_id == chat["id"]]


def spam_reports(scene: Scene, person: dict[str, Any]) -> list[SendMessage]:
    return [call for call in scene.messages(person["id"]) if "🧹" in str(call.text)]


async def stored_reports(scene: Scene) -> list[tuple[int, str, str]]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(SpamReport).order_by(SpamReport.id))
        return [(r.chat_id, r.mode, r.state) for r in rows]


async def verdict_states(scene: Scene) -> list[tuple[int, str]]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(SpamVerdict).order_by(SpamVerdict.id))
        return [(r.user_id, r.state) for r in rows]


async def spam_marked(scene: Scene, chat: dict[str, Any]) -> list[int]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(Comment.message_id)
            .where(Comment.chat_id == chat["id"], Comment.is_spam.is_(True))
            .order_by(Comment.message_id)
        )
        return list(rows)
