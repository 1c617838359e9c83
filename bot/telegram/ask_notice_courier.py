"""Telling fans that what they asked for was made: privately, or in the group's one message.
Both calls pass the outbound limiter (bot/telegram/outbound.py), like every other send."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError

from bot.i18n import Html


class TelegramNoticeCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def tell_privately(self, user_id: int, text: Html) -> bool:
        try:
            await self._bot.send_message(user_id, text)
        except (TelegramForbiddenError, TelegramBadRequest):
            return False  # never started the bot, or blocked it: the group's message names them
        return True

    async def tell_group(self, chat_id: int, text: Html) -> None:
        await self._bot.send_message(chat_id, text)
