"""Recognition's calls to Telegram: setChatMemberTag per member, the bot's own right to manage
tags, who the staff is (never tagged), and the one message to the administrators when the
right is missing (privately: it is nothing for the fans to read)."""

from __future__ import annotations

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import ChatMemberAdministrator, ChatMemberOwner

from bot.i18n import Texts
from bot.services.member_tags import TagOutcome
from bot.telegram.admins import AdminCache

log = structlog.get_logger(__name__)

NO_RIGHT = "not enough rights"


class TelegramMemberTagCourier:
    def __init__(self, bot: Bot, admins: AdminCache) -> None:
        self._bot = bot
        self._admins = admins

    async def set_tag(self, chat_id: int, user_id: int, tag: str | None) -> TagOutcome:
        try:
            await self._bot.set_chat_member_tag(chat_id, user_id, tag)
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            if NO_RIGHT in error.message or isinstance(error, TelegramForbiddenError):
                return TagOutcome.NO_RIGHT
            log.info("member_tags.refused", chat_id=chat_id, error=error.message[:80])
            return TagOutcome.REFUSED
        return TagOutcome.DONE

    async def can_manage_tags(self, chat_id: int) -> bool:
        try:
            member = await self._bot.get_chat_member(chat_id, self._bot.id)
        except TelegramAPIError:
            return False
        if isinstance(member, ChatMemberOwner):
            return True
        return isinstance(member, ChatMemberAdministrator) and bool(member.can_manage_tags)

    async def staff(self, chat_id: int) -> frozenset[int]:
        return frozenset(await self._admins.admins(self._bot, chat_id))

    async def tell_administrators(self, chat_id: int, texts: Texts) -> None:
        admins = await self._admins.admins(self._bot, chat_id)
        try:
            title = (await self._bot.get_chat(chat_id)).title or str(chat_id)
        except TelegramAPIError:
            title = str(chat_id)
        for user_id in admins:
            if user_id == self._bot.id:
                continue
            try:
                await self._bot.send_message(
                    user_id, texts("member-tags-right-missing-report", title=title)
                )
            except TelegramAPIError as error:
                log.info("member_tags.report_undelivered", error=type(error).__name__)
