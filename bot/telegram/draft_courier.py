"""The Bot API side of drafts: a preview or question replaced by what became of it."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest

from bot.i18n import Html


class TelegramDraftCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def retire(self, chat_id: int, message_id: int, text: Html) -> None:
        try:
            await self._bot.edit_message_text(
                text=text, chat_id=chat_id, message_id=message_id, reply_markup=None
            )
        except TelegramBadRequest:
            # The operator deleted the preview, or it already reads so: nothing left to say.
            return
