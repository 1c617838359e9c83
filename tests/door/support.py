"""The door's cast and helpers: newcomers, a join request, what the door stored and did."""

from __future__ import annotations

from typing import Any

from aiogram.methods import (
    ApproveChatJoinRequest,
    BanChatMember,
    DeclineChatJoinRequest,
    RestrictChatMember,
    UnbanChatMember,
)
from sqlalchemy import select

from bot.db.models import AuditRecord, DoorCheck
from bot.devtools.recording_session import BOT_USER
from tests.support import updates as u
from tests.support.scene import Scene

NIA = u.user(9701, "Nia", username="nia", language_code="en")
WEI = u.user(9702, "伟", language_code="zh-hans")
KAI = u.user(9703, "凱", language_code="zh-hant")
SPAM_BOT = u.user(9799, "Promo", is_bot=True)

MODERATION_CALLS = (
    RestrictChatMember,
    BanChatMember,
    UnbanChatMember,
    ApproveChatJoinRequest,
    DeclineChatJoinRequest,
)


def join_request(scene: Scene, chat: dict[str, Any], person: dict[str, Any]) -> dict[str, Any]:
    """Telegram's chat_join_request: the requester can be written to at user_chat_id."""
    return scene.updates._update(
        "chat_join_request",
        {
            "chat": chat,
            "from": person,
            "user_chat_id": person["id"],
            "date": scene.updates.clock,
        },
    )


def moderation(scene: Scene, user_id: int | None = None) -> list[tuple[str, int]]:
    """The restrictions, bans, unbans and join decisions the bot made, in order."""
    return [
        (type(call).__name__, call.user_id)
        for call in scene.telegram.calls
        if isinstance(call, MODERATION_CALLS) and user_id in (None, call.user_id)
    ]


async def checks(scene: Scene) -> list[tuple[int, str, str, str]]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(DoorCheck).order_by(DoorCheck.id))
        return [(row.user_id, row.kind, row.mode, row.state) for row in rows]


async def audited(scene: Scene) -> list[tuple[str, str | None]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(AuditRecord.action, AuditRecord.detail).order_by(AuditRecord.id)
        )
        return [(action, detail) for action, detail in rows.all()]


async def prompt_message(scene: Scene, person: dict[str, Any]) -> dict[str, Any]:
    """The door's pending prompt to `person` in the group, as a message a reply can quote."""
    async with scene.session_factory() as session:
        check = (
            await session.scalars(
                select(DoorCheck).where(
                    DoorCheck.user_id == person["id"], DoorCheck.state == "pending"
                )
            )
        ).one()
    return scene.updates.message_payload(
        {"id": check.prompt_chat_id, "type": "supergroup", "title": "…"},
        BOT_USER.model_dump(exclude_none=True),
        text="…",
        message_id=check.prompt_message_id,
    )
