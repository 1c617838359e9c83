"""Posting the questions operators ask (/ask) in their group."""

from __future__ import annotations

from aiogram import Bot

from bot.i18n import Html


class TelegramQuestionCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def post_question(self, chat_id: int, text: Html) -> int:
        posted = await self._bot.send_message(chat_id, text)
        return posted.message_id
