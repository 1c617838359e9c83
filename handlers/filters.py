"""Async filters for the command routers: aiogram runs synchronous filters (and F magic) in a
thread. The group filters the Telegram edge needs too live in bot/telegram/filters.py."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message


class LooksLikeCommand(Filter):
    """A cheap gate in front of the command routers: most group messages are plain chat, and
    without it every one of them would be tried against every Command filter."""

    async def __call__(self, message: Message) -> bool:
        text = message.text if message.text is not None else message.caption
        return text is not None and text.startswith("/")
