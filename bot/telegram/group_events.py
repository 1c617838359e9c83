"""The events a digest counts that ingest does not store: joins and leaves (chat_member),
replies to the bot and reactions, recorded by a dispatcher middleware."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.types import ChatMemberUpdated, Message, MessageReactionUpdated, TelegramObject

from bot.db.digest import GROUP_EVENT_INSERT
from bot.db.write_buffer import UpdateWrites
from bot.domain.attribution import PLACEHOLDER_SENDER_IDS
from bot.domain.roles import GONE_STATUSES
from bot.telegram.admins import status_of
from bot.telegram.express_lane import GROUP_TYPES

Next = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class GroupEvents(BaseMiddleware):
    """Records joins and leaves (chat_member), replies to the bot and reactions. An outer
    middleware, so it never takes an update away from a feature's handler; the rows go into the
    batch's write buffer, durable with the batch before Telegram is told it was received."""

    async def __call__(self, handler: Next, event: TelegramObject, data: dict[str, Any]) -> Any:
        recorded = _event_of(event, data["bot"])
        if recorded is not None:
            writes: UpdateWrites = data["writes"]
            writes.add(GROUP_EVENT_INSERT, recorded)
        return await handler(event, data)


def _event_of(event: TelegramObject, bot: Bot) -> tuple[Any, ...] | None:
    if isinstance(event, Message):
        reply = event.reply_to_message
        if (
            event.chat.type in GROUP_TYPES
            and reply is not None
            and reply.from_user is not None
            and reply.from_user.id == bot.id
            and event.from_user is not None
            # An anonymous admin's or a channel's reply carries a placeholder `from`: no person.
            and event.sender_chat is None
            and event.from_user.id not in PLACEHOLDER_SENDER_IDS
        ):
            return _event(
                event.chat.id,
                "bot_reply",
                event.from_user.id,
                event.message_id,
                amount=1,
                at=event.date,
            )
        return None
    if isinstance(event, ChatMemberUpdated):
        if event.chat.type not in GROUP_TYPES:
            return None
        before = status_of(event.old_chat_member) in GONE_STATUSES
        after = status_of(event.new_chat_member) in GONE_STATUSES
        if before == after:
            return None
        kind = "leave" if after else "join"
        return _event(
            event.chat.id, kind, event.new_chat_member.user.id, 0, amount=1, at=event.date
        )
    if isinstance(event, MessageReactionUpdated) and event.chat.type in GROUP_TYPES:
        added = len(event.new_reaction) - len(event.old_reaction)
        if added <= 0:
            return None
        who = event.user.id if event.user else (event.actor_chat.id if event.actor_chat else 0)
        return _event(event.chat.id, "reaction", who, event.message_id, amount=added, at=event.date)
    return None


def _event(
    chat_id: int, kind: str, user_id: int, message_id: int, *, amount: int, at: datetime
) -> tuple[Any, ...]:
    return (chat_id, kind, user_id, message_id, amount, at.astimezone(UTC))


async def on_reaction_recorded(reaction: MessageReactionUpdated) -> None:
    """GroupEvents recorded it; no feature acts on reactions, so no router needs to see one."""


def observe(dispatcher: Dispatcher) -> None:
    events = GroupEvents()
    dispatcher.message.outer_middleware(events)
    dispatcher.chat_member.outer_middleware(events)
    dispatcher.message_reaction.outer_middleware(events)
    # Reactions come in bursts (one update each): end them at the dispatcher, not after a walk
    # through every feature's router.
    dispatcher.message_reaction.register(on_reaction_recorded)
