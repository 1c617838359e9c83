"""Answering a button press by replacing the pressed message's text (a page, a choice made)."""

from __future__ import annotations

from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


async def show_in_place(
    query: CallbackQuery,
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
    *,
    disable_web_page_preview: bool | None = None,
) -> None:
    """Edit the pressed message, then answer the press. An inaccessible message (too old, or
    deleted: Telegram sends it with date 0 and no text) cannot be edited; the press is still
    answered, so the button stops spinning."""
    if isinstance(query.message, Message):
        await query.message.edit_text(
            text, reply_markup=keyboard, disable_web_page_preview=disable_web_page_preview
        )
    await query.answer()
