"""Async filters for the hot path: aiogram runs synchronous filters (and F magic) in a thread."""

from __future__ import annotations

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import Message

GROUP_CHAT_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


class InGroup(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type in GROUP_CHAT_TYPES


class LooksLikeCommand(Filter):
    """A cheap gate in front of the command routers: most group messages are plain chat, and
    without it every one of them would be tried against every Command filter."""

    async def __call__(self, message: Message) -> bool:
        text = message.text if message.text is not None else message.caption
        return text is not None and text.startswith("/")
