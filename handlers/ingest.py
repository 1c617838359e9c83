"""Store every group message, caption, edit and service message the bot can see (thin)."""

from __future__ import annotations

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import Message

from bot.db.write_buffer import UpdateWrites
from bot.telegram.observe import observe_edit, observe_message


async def on_group_message(message: Message, writes: UpdateWrites) -> None:
    observe_message(writes, message)
    # Storing is not the end of the road: command routers after this one see the message too.
    raise SkipHandler


async def on_group_message_edited(message: Message, writes: UpdateWrites) -> None:
    observe_edit(writes, message)


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_group_message)
    router.edited_message.register(on_group_message_edited)
    return router
