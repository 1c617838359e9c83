"""Store every group message, caption, edit and service message the bot can see.

Ingest is an outer middleware on the dispatcher, not a handler: it runs for every message before
any router, so no feature handler can pre-empt it, and it costs one call rather than a walk
through the router tree (the hot path: ARCHITECTURE section 9). Most plain group chat does not
even get here: the express lane (bot/telegram/express_lane.py) stores it from the update's JSON
with the same records, and this middleware sees what the dispatcher has to route.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.types import Message, TelegramObject

from bot.db.write_buffer import UpdateWrites
from bot.telegram.filters import GROUP_CHAT_TYPES, InGroup, PlainGroupChat
from bot.telegram.message_records import observe_edit, observe_message

UPDATE_TYPES = ("message", "edited_message")

Observe = Callable[[UpdateWrites, Message], None]


class IngestMiddleware(BaseMiddleware):
    def __init__(self, observe: Observe) -> None:
        self.observe = observe

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Message) and event.chat.type in GROUP_CHAT_TYPES:
            self.observe(data["writes"], event)
        return await handler(event, data)


async def on_plain_group_message(message: Message) -> None:
    """Plain group chat needs nothing beyond what the middleware stored."""


def observe(dispatcher: Dispatcher) -> None:
    """Store every group message and edit, then end the dispatch of plain chat right away.

    The dispatcher's own handlers are tried before any router, so plain group chat (not a
    command, not a reply to the bot) and group edits stop here instead of being walked through
    every router, which costs more than storing them. A feature that wants plain chat widens
    `PlainGroupChat` rather than registering below it.
    """
    dispatcher.message.outer_middleware(IngestMiddleware(observe_message))
    dispatcher.edited_message.outer_middleware(IngestMiddleware(observe_edit))
    dispatcher.message.register(on_plain_group_message, PlainGroupChat())
    dispatcher.edited_message.register(on_plain_group_message, InGroup())
