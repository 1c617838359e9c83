"""The Bot API side of re-tagging: the progress message, edited in place."""

from __future__ import annotations

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest

from bot.i18n import Html

log = structlog.get_logger(__name__)


class TelegramRetagCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def show(self, chat_id: int, message_id: int, text: Html) -> None:
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=message_id, reply_markup=None
            )
        except TelegramBadRequest as error:
            # "message is not modified" (no change since the last edit) or a deleted message.
            log.info("retag.edit_skipped", chat_id=chat_id, reason=error.message)
