"""Async filters for the hot path: aiogram runs synchronous filters (and F magic) in a thread."""

from __future__ import annotations

from aiogram import Bot
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import Message

GROUP_CHAT_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


class InGroup(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type in GROUP_CHAT_TYPES


class PlainGroupChat(Filter):
    """Group chat that no feature acts on: not a command, and not a reply to the bot.

    bot/telegram/express_lane.py stores such messages straight from the JSON, before any
    dispatch: widen both together (tests/telegram/test_express_lane.py checks they agree).
    """

    async def __call__(self, message: Message, bot: Bot) -> bool:
        if message.chat.type not in GROUP_CHAT_TYPES:
            return False
        text = message.text if message.text is not None else message.caption
        if text is not None and text.startswith("/"):
            return False
        if message.is_automatic_forward:  # a channel post roots a video's thread (handlers/videos)
            return False
        replied = message.reply_to_message
        return replied is None or replied.from_user is None or replied.from_user.id != bot.id
