"""Invite links through aiogram for bot/services/video_links.py's `InviteLinkCourier`."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest

from bot.services.video_links import LinkGone, LinksUnavailable

# What Telegram answers for a link it no longer lets the bot edit or revoke.
_GONE = ("INVITE_HASH_EXPIRED", "INVITE_HASH_INVALID", "CHAT_ADMIN_REQUIRED")


class TelegramInviteLinkCourier:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def create(self, chat_id: int, name: str) -> str:
        try:
            link = await self._bot.create_chat_invite_link(chat_id, name=name)
        except TelegramBadRequest as error:
            raise LinksUnavailable from error
        return link.invite_link

    async def rename(self, chat_id: int, invite_link: str, name: str) -> None:
        try:
            await self._bot.edit_chat_invite_link(chat_id, invite_link, name=name)
        except TelegramBadRequest as error:
            raise _refusal(error) from error

    async def revoke(self, chat_id: int, invite_link: str) -> None:
        try:
            await self._bot.revoke_chat_invite_link(chat_id, invite_link)
        except TelegramBadRequest as error:
            raise _refusal(error) from error


def _refusal(error: TelegramBadRequest) -> Exception:
    if any(word in error.message for word in _GONE):
        return LinkGone()
    return LinksUnavailable()
