"""Downloading a history export an operator sent the bot."""

from __future__ import annotations

import io

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest

from bot.domain.history import ImportErrorCode, ImportFileError


class TelegramHistoryCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def download(self, file_id: str) -> bytes | None:
        buffer = io.BytesIO()
        try:
            await self._bot.download(file_id, destination=buffer)
        except TelegramBadRequest as error:
            # The declared size can be missing; Telegram then refuses getFile itself.
            if "too big" in error.message.lower():
                return None
            raise ImportFileError(ImportErrorCode.DOWNLOAD_FAILED, error.message) from error
        except TelegramAPIError as error:
            raise ImportFileError(ImportErrorCode.DOWNLOAD_FAILED, error.message) from error
        return buffer.getvalue()
