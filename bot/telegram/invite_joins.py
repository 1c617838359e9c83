"""Every join a chat_member update reports, with the invite link it came through (if any),
recorded into the batch's write buffer by a dispatcher middleware: which video a join came
from is read later against the video links (bot/db/video_links.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.types import ChatMemberUpdated, TelegramObject

from bot.db.video_links import INVITE_JOIN_INSERT
from bot.db.write_buffer import UpdateWrites
from bot.domain.roles import GONE_STATUSES
from bot.telegram.admins import status_of
from bot.telegram.express_lane import GROUP_TYPES

Next = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class InviteJoins(BaseMiddleware):
    """An outer middleware, so no feature's handler can take a join away from it."""

    async def __call__(self, handler: Next, event: TelegramObject, data: dict[str, Any]) -> Any:
        if isinstance(event, ChatMemberUpdated) and _is_join(event):
            writes: UpdateWrites = data["writes"]
            link = event.invite_link.invite_link if event.invite_link is not None else None
            writes.add(
                INVITE_JOIN_INSERT,
                (
                    event.chat.id,
                    event.new_chat_member.user.id,
                    link,
                    bool(event.via_join_request),
                    event.date.astimezone(UTC),
                ),
            )
        return await handler(event, data)


def _is_join(event: ChatMemberUpdated) -> bool:
    return (
        event.chat.type in GROUP_TYPES
        and not event.new_chat_member.user.is_bot
        and status_of(event.old_chat_member) in GONE_STATUSES
        and status_of(event.new_chat_member) not in GONE_STATUSES
    )


def observe(dispatcher: Dispatcher) -> None:
    dispatcher.chat_member.outer_middleware(InviteJoins())
