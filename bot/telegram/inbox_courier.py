"""Sending an inbox export to the operator's private chat."""

from __future__ import annotations

from pathlib import Path

from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError
from aiogram.types import FSInputFile

from bot.i18n import Html


class TelegramDocumentCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send_document(self, user_id: int, path: Path, name: str, caption: Html) -> bool:
        try:
            # Uploaded from the file in chunks: an export never sits in memory whole.
            await self._bot.send_document(user_id, FSInputFile(path, name), caption=caption)
        except TelegramForbiddenError:
            return False
        return True
