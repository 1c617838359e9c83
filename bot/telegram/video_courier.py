"""The video registry's courier: the group's linked channel, and posting an announcement
(bot/services/videos.py's `VideoCourier`)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError

from bot.i18n import Html
from bot.services.videos import PostRefused


class TelegramVideoCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def linked_channel(self, chat_id: int) -> int | None:
        try:
            chat = await self._bot.get_chat(chat_id)
        except (TelegramBadRequest, TelegramForbiddenError):
            return None
        return chat.linked_chat_id

    async def post(self, chat_id: int, text: Html) -> int:
        try:
            sent = await self._bot.send_message(chat_id, text)
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            raise PostRefused(str(error)) from error
        return sent.message_id
