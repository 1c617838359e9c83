"""A long job's progress, in one message edited as it goes (a `Progress` of bot/services)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import Message

from bot.i18n import Texts


class ProgressNote:
    """Answers `message` with `texts(key, count=...)` the first time, then edits that answer."""

    def __init__(self, bot: Bot, message: Message, texts: Texts, key: str) -> None:
        self._bot = bot
        self._message = message
        self._texts = texts
        self._key = key
        self._shown: Message | None = None

    async def __call__(self, count: int) -> None:
        text = self._texts(self._key, count=count)
        if self._shown is None:
            self._shown = await self._message.answer(text)
            return
        await self._bot.edit_message_text(
            text, chat_id=self._shown.chat.id, message_id=self._shown.message_id
        )
