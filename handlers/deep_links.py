"""A button that opens the bot in private chat (t.me/<bot>?start=<payload>): what a group answer
offers when the rest happens in private, or when Telegram refuses to write to someone who never
started the bot."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts


async def open_in_private(
    bot: Bot, texts: Texts, payload: str, label: str = "open-in-private-button"
) -> InlineKeyboardMarkup | None:
    me = await bot.me()  # aiogram asks Telegram once, then remembers
    if not me.username:
        return None
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.plain(label), url=f"https://t.me/{me.username}?start={payload}")
    return builder.as_markup()
