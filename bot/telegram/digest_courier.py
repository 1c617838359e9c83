"""The digest's courier: what the bot sees in a group, who may receive its digest, sending the
text parts and the chart (bot/services/digest_delivery.py's `DigestCourier`)."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup

from bot.domain.roles import Role
from bot.services.authority import Authority
from bot.services.digest_delivery import Opener, RecipientBlocked
from bot.services.digest_render import Visibility
from bot.telegram.admins import bot_rights, status_of
from bot.telegram.dashboard_links import NO_LINKS, DashboardLinks

CHART_NAME = "digest.png"
CAPTION_LIMIT = 1024


class TelegramDigestCourier:
    def __init__(
        self, bot: Bot, authority: Authority, dashboard: DashboardLinks = NO_LINKS
    ) -> None:
        self._bot = bot
        self._authority = authority
        self._dashboard = dashboard

    async def visibility(self, chat_id: int) -> Visibility:
        rights = await bot_rights(self._bot, chat_id)
        if rights is None:
            return Visibility(is_admin=None, reads_everything=None)
        return Visibility(is_admin=rights.is_admin, reads_everything=rights.reads_everything)

    async def may_receive(self, chat_id: int, user_id: int) -> bool:
        # Asked live before each digest: someone who left or was banned gets no more of the
        # group's comments, whether or not their chat_member update ever arrived.
        return await self._authority.role(chat_id, user_id, live=True) >= Role.ANALYST

    async def administers(self, chat_id: int, user_id: int) -> bool:
        """Asked live: a chat id typed by a client is data, so it is checked against now."""
        try:
            member = await self._bot.get_chat_member(chat_id, user_id)
        except TelegramAPIError:
            return False
        return status_of(member) in ("creator", "administrator")

    async def administrators(self, chat_id: int) -> frozenset[int]:
        # Asked once per composed digest (a group's digest is composed once per language), so
        # the owner who left or the administrator appointed today are counted as they are now.
        try:
            members = await self._bot.get_chat_administrators(chat_id)
        except TelegramAPIError:
            return frozenset()
        return frozenset(member.user.id for member in members)

    async def send(
        self,
        recipient: int,
        parts: Sequence[str],
        chart: bytes | None,
        caption: str,
        *,
        opener: Opener | None = None,
    ) -> None:
        try:
            for part in parts:
                await self._bot.send_message(recipient, part)
            if chart is not None:
                markup = (
                    await self._dashboard.button(
                        self._bot, opener.label, recipient, opener.group_id
                    )
                    if opener is not None
                    else None
                )
                await send_chart(self._bot, recipient, chart, caption, markup)
        except TelegramForbiddenError as error:
            raise RecipientBlocked(error.message) from error
        except TelegramBadRequest as error:
            if "chat not found" in error.message.lower():
                raise RecipientBlocked(error.message) from error
            raise


async def send_chart(
    bot: Bot,
    chat_id: int,
    chart: bytes,
    caption: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    await bot.send_photo(
        chat_id,
        BufferedInputFile(chart, CHART_NAME),
        caption=caption[:CAPTION_LIMIT],
        parse_mode=None,  # the chart's title, plain text: the group title unescaped
        reply_markup=markup,
    )
