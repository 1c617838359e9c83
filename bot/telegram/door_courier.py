"""The door's and the toolkit's calls to Telegram: posting, restricting, removing, deciding join
requests. Telegram refusing one (the bot lost a right, the person left) is logged and answered
False: the door's decision is already stored, and an operator reads the refusal in /status."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ChatPermissions, EphemeralMessageParameters, InlineKeyboardMarkup

from bot.domain.moderation import MemberRights
from bot.services.door import DoorButton
from bot.telegram.admins import status_of

log = structlog.get_logger(__name__)

Keyboard = Callable[[DoorButton], InlineKeyboardMarkup]

SILENT = ChatPermissions(
    can_send_messages=False,
    can_send_audios=False,
    can_send_documents=False,
    can_send_photos=False,
    can_send_videos=False,
    can_send_video_notes=False,
    can_send_voice_notes=False,
    can_send_polls=False,
    can_send_other_messages=False,
    can_add_web_page_previews=False,
    can_change_info=False,
    can_invite_users=False,
    can_pin_messages=False,
    can_manage_topics=False,
)
TEXT_ONLY = SILENT.model_copy(update={"can_send_messages": True})
# What a member may do when the group sets nothing stricter (getChat gives no permissions).
OPEN = ChatPermissions(
    can_send_messages=True,
    can_send_audios=True,
    can_send_documents=True,
    can_send_photos=True,
    can_send_videos=True,
    can_send_video_notes=True,
    can_send_voice_notes=True,
    can_send_polls=True,
    can_send_other_messages=True,
    can_add_web_page_previews=True,
    can_invite_users=True,
)


class TelegramDoorCourier:
    def __init__(self, bot: Bot, keyboard: Keyboard) -> None:
        self._bot = bot
        self._keyboard = keyboard

    async def post(self, chat_id: int, text: str, button: DoorButton | None = None) -> int | None:
        markup = self._keyboard(button) if button is not None else None
        try:
            sent = await self._bot.send_message(chat_id, text, reply_markup=markup)
        except TelegramAPIError as error:
            log.info("door.post_refused", chat_id=chat_id, error=type(error).__name__)
            return None
        return sent.message_id

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        try:
            await self._bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)
        except TelegramAPIError as error:
            log.info("door.edit_refused", chat_id=chat_id, error=type(error).__name__)

    async def delete(self, chat_id: int, message_id: int) -> None:
        try:
            await self._bot.delete_message(chat_id, message_id)
        except TelegramAPIError as error:
            # Already gone (an operator removed it) is what we wanted.
            log.info("door.delete_refused", chat_id=chat_id, error=type(error).__name__)

    async def tell(self, user_id: int, text: str, button: DoorButton | None = None) -> bool:
        markup = self._keyboard(button) if button is not None else None
        try:
            await self._bot.send_message(user_id, text, reply_markup=markup)
        except TelegramAPIError as error:
            log.info("door.tell_refused", user_id=user_id, error=type(error).__name__)
            return False
        return True

    async def whisper(
        self, chat_id: int, user_id: int, text: str, button: DoorButton | None = None
    ) -> bool:
        markup = self._keyboard(button) if button is not None else None
        only_them = EphemeralMessageParameters(receiver_user_id=user_id)
        try:
            await self._bot.send_message(
                chat_id, text, reply_markup=markup, ephemeral_message_parameters=only_them
            )
        except TelegramAPIError as error:
            # Not available there, or they left already: the caller falls back.
            log.info("door.whisper_refused", chat_id=chat_id, error=type(error).__name__)
            return False
        return True

    async def hold(self, chat_id: int, user_id: int, *, text_only: bool) -> bool:
        permissions = TEXT_ONLY if text_only else SILENT
        return await self._call(
            "hold",
            self._bot.restrict_chat_member(
                chat_id, user_id, permissions, use_independent_chat_permissions=True
            ),
        )

    async def mute(self, chat_id: int, user_id: int, until: datetime) -> bool:
        return await self._call(
            "mute",
            self._bot.restrict_chat_member(
                chat_id, user_id, SILENT, use_independent_chat_permissions=True, until_date=until
            ),
        )

    async def release(self, chat_id: int, user_id: int) -> bool:
        permissions = OPEN
        try:
            chat = await self._bot.get_chat(chat_id)
            permissions = chat.permissions or OPEN
        except TelegramAPIError as error:
            log.info("door.permissions_unknown", chat_id=chat_id, error=type(error).__name__)
        return await self._call(
            "release",
            self._bot.restrict_chat_member(
                chat_id, user_id, permissions, use_independent_chat_permissions=True
            ),
        )

    async def kick(self, chat_id: int, user_id: int) -> bool:
        """Removed, free to come back: Telegram has no kick, so a ban lifted at once."""
        if not await self.ban(chat_id, user_id):
            return False
        return await self._call(
            "unban", self._bot.unban_chat_member(chat_id, user_id, only_if_banned=True)
        )

    async def ban(self, chat_id: int, user_id: int) -> bool:
        return await self._call("ban", self._bot.ban_chat_member(chat_id, user_id))

    async def unban(self, chat_id: int, user_id: int) -> bool:
        return await self._call(
            "unban", self._bot.unban_chat_member(chat_id, user_id, only_if_banned=True)
        )

    async def approve(self, chat_id: int, user_id: int) -> bool:
        return await self._call("approve", self._bot.approve_chat_join_request(chat_id, user_id))

    async def decline(self, chat_id: int, user_id: int) -> bool:
        return await self._call("decline", self._bot.decline_chat_join_request(chat_id, user_id))

    async def rights(self, chat_id: int, user_id: int) -> MemberRights | None:
        """Live, never from the cache: the toolkit acts on what Telegram says now."""
        try:
            member = await self._bot.get_chat_member(chat_id, user_id)
        except TelegramAPIError as error:
            log.info("door.member_unknown", chat_id=chat_id, error=type(error).__name__)
            return None
        return MemberRights(
            status_of(member), can_restrict=bool(getattr(member, "can_restrict_members", False))
        )

    async def bot_rights(self, chat_id: int) -> MemberRights | None:
        return await self.rights(chat_id, self._bot.id)

    async def start_link(self, payload: str) -> str:
        me = await self._bot.me()  # aiogram asks Telegram once, then remembers
        return f"https://t.me/{me.username}?start={payload}"

    async def _call(self, what: str, call: Awaitable[object]) -> bool:
        try:
            await call
        except TelegramAPIError as error:
            log.info("door.refused", action=what, error=type(error).__name__)
            return False
        return True
