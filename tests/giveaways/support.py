"""A scripted Telegram for giveaway tests: channels the bot can or cannot see into, who left the
group, edits and documents; plus helpers to press the Enter button and read what was sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    GetChat,
    GetChatMember,
    SendDocument,
    SendMessage,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import AcceptedGiftTypes, ChatFullInfo, ChatMemberLeft
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord, GiveawayEntry, GiveawayRecord
from bot.domain import fairness
from bot.domain.giveaway import Rules
from tests.operators.support import ScriptedTelegram

CHANNEL_ID = -1002000000777


class GiveawayTelegram(ScriptedTelegram):
    def __init__(self) -> None:
        super().__init__()
        self.channels: dict[str, int] = {}  # @username -> chat id
        self.left: set[tuple[int, int]] = set()  # (chat id, user id) no longer members
        self.documents: list[tuple[int, bytes, str]] = []  # chat id, content, caption

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        if isinstance(method, GetChat):
            self.calls.append(method)
            found = self.channels.get(str(method.chat_id))
            if found is None:
                raise TelegramBadRequest(method, "Bad Request: chat not found")
            gifts = AcceptedGiftTypes(
                unlimited_gifts=False,
                limited_gifts=False,
                unique_gifts=False,
                premium_subscription=False,
                gifts_from_channels=False,
            )
            info: TelegramType = ChatFullInfo(  # type: ignore[assignment]
                id=found,
                type="channel",
                title="Creator channel",
                accent_color_id=0,
                max_reaction_count=11,
                accepted_gift_types=gifts,
            )
            return info
        if isinstance(method, GetChatMember) and (int(method.chat_id), method.user_id) in self.left:
            self.calls.append(method)
            return ChatMemberLeft(user=self._member(0, method.user_id).user)  # type: ignore[return-value]
        if isinstance(method, EditMessageText):
            self.calls.append(method)
            return True  # type: ignore[return-value]
        if isinstance(method, SendDocument):
            file = method.document
            content = getattr(file, "data", b"")
            self.documents.append((int(method.chat_id), content, str(method.caption)))
        return await super().make_request(bot, method, timeout)

    def answers(self) -> list[str]:
        return [str(call.text) for call in self.calls if isinstance(call, AnswerCallbackQuery)]

    def texts_to(self, chat_id: int) -> list[str]:
        return [
            str(call.text)
            for call in self.calls
            if isinstance(call, SendMessage) and call.chat_id == chat_id
        ]


def click_update(
    update_id: int, person: dict[str, Any], chat: dict[str, Any], message_id: int, data: str
) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"q{update_id}",
            "from": person,
            "chat_instance": "1",
            "message": {
                "message_id": message_id,
                "date": 1_700_000_000,
                "chat": chat,
                "from": {"id": 42_000_001, "is_bot": True, "first_name": "fanpulse"},
                "text": "giveaway",
            },
            "data": data,
        },
    }


async def giveaways(session_factory: async_sessionmaker[AsyncSession]) -> list[GiveawayRecord]:
    async with session_factory() as session:
        return list((await session.scalars(select(GiveawayRecord))).all())


async def entries(session_factory: async_sessionmaker[AsyncSession]) -> list[GiveawayEntry]:
    async with session_factory() as session:
        return list((await session.scalars(select(GiveawayEntry))).all())


async def audit_actions(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def seed_due_giveaway(
    session: AsyncSession,
    *,
    chat_id: int,
    title: str,
    creator: int,
    prize: str,
    winners: int,
    seed: bytes,
    ends_at: datetime,
    message_id: int,
    fans: Sequence[int],
) -> int:
    """An open giveaway whose end has come, in a registered group, with `fans` entered before it:
    what the clock finds when a draw is due. Returns the giveaway's id."""
    await register_group(
        session,
        chat_id=chat_id,
        chat_type="supergroup",
        title=title,
        username=None,
        added_by_user_id=None,
        now=ends_at - timedelta(hours=2),
    )
    record = GiveawayRecord(
        chat_id=chat_id,
        creator_user_id=creator,
        prize=prize,
        winner_count=winners,
        rules=Rules().to_json(),
        seed=seed.hex(),
        commitment=fairness.commitment(seed),
        status="open",
        created_at=ends_at - timedelta(hours=1),
        ends_at=ends_at,
        message_id=message_id,
        shown_count=0,
        rerolls_announced=0,
    )
    session.add(record)
    await session.flush()
    session.add_all(
        GiveawayEntry(
            giveaway_id=record.id,
            user_id=fan,
            first_name=f"Fan {fan}",
            entered_at=ends_at - timedelta(minutes=30),
        )
        for fan in fans
    )
    return record.id
