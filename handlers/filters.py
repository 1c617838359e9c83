"""Async filters for the hot path: aiogram runs synchronous filters (and F magic) in a thread."""

from __future__ import annotations

from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import Message

GROUP_CHAT_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


class InGroup(Filter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type in GROUP_CHAT_TYPES
