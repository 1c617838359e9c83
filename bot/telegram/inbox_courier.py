"""Sending an inbox export to the operator's private chat."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError
from aiogram.types import BufferedInputFile

from bot.i18n import Html


class TelegramDocumentCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send_document(self, user_id: int, data: bytes, name: str, caption: Html) -> bool:
        try:
            await self._bot.send_document(user_id, BufferedInputFile(data, name), caption=caption)
        except TelegramForbiddenError:
            return False
        return True
