"""The spam check's calls to Telegram: the door's (restrict, delete, ban, live rights) and the
report to the operators, in their chat when the group names one (where digests go), else to
each administrator privately: a report is never posted in the group itself."""

from __future__ import annotations

from collections.abc import Callable

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Html, Texts
from bot.telegram.admins import AdminCache
from bot.telegram.door_courier import TelegramDoorCourier

log = structlog.get_logger(__name__)

ReportKeyboard = Callable[[Texts, int, int, str], InlineKeyboardMarkup]


class TelegramSpamCourier(TelegramDoorCourier):
    def __init__(self, bot: Bot, admins: AdminCache, keyboard: ReportKeyboard) -> None:
        # The door's own buttons are never sent from here.
        super().__init__(bot, lambda button: InlineKeyboardMarkup(inline_keyboard=[]))
        self._admins = admins
        self._report_keyboard = keyboard

    async def report(
        self,
        chat_id: int,
        operators_chat: int | None,
        text: Html,
        report: tuple[int, str],
        texts: Texts,
    ) -> None:
        """`report`: its id and the mode it was made in (its buttons depend on it)."""
        report_id, mode = report
        keyboard = self._report_keyboard(texts, chat_id, report_id, mode)
        if operators_chat is not None:
            recipients = [operators_chat]
        else:
            admins = await self._admins.admins(self._bot, chat_id)
            recipients = [user_id for user_id in admins if user_id != self._bot.id]
        for recipient in recipients:
            try:
                await self._bot.send_message(recipient, text, reply_markup=keyboard)
            except TelegramAPIError as error:
                log.info("spam.report_undelivered", chat_id=recipient, error=type(error).__name__)
