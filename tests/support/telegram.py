"""The scripted Telegram of dispatcher-level tests: who administers which group, the bot's own
rights, who started the bot, which channels exist and which group is linked to one, who left,
and errors to answer. Answers are aiogram's own types, so a wrong fake fails like a real one."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.methods import (
    AnswerCallbackQuery,
    GetChat,
    GetChatAdministrators,
    GetChatMember,
    GetMe,
    SendDocument,
    SendMessage,
    SetChatMemberTag,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    AcceptedGiftTypes,
    ChatFullInfo,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
    User,
)

from bot.devtools.recording_session import BOT_USER, RecordingSession, as_uploaded
from tests.support.updates import ADMIN_RIGHTS

# What may be called by anyone's command without it being a privileged act: reading who is who,
# and answering the person who asked.
READ_METHODS = (GetMe, GetChatMember, GetChatAdministrators)
NO_GIFTS = AcceptedGiftTypes.model_validate(
    {name: False for name, field in AcceptedGiftTypes.model_fields.items() if field.is_required()}
)


class ScriptedTelegram(RecordingSession):
    """Per group: members' statuses (creator / administrator / kicked; anyone else is a member,
    or has left); channels by @username; the channel linked to a group; errors scripted with
    `fail`."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: dict[int, dict[int, str]] = {}
        self.started: set[int] = set()
        self.privacy_off = False
        self.channels: dict[str, int] = {}  # @username -> chat id
        self.linked_channels: dict[int, int] = {}  # group id -> its linked channel's id
        self.left: set[tuple[int, int]] = set()  # (chat id, user id) no longer members
        self.documents: list[tuple[int, bytes, str]] = []  # chat id, content, caption
        self.no_ephemeral: set[int] = set()  # groups where Telegram refuses ephemeral messages
        self._failures: list[
            tuple[type[TelegramMethod[Any]], int | None, type[TelegramAPIError], str]
        ] = []
        self._holds: list[tuple[type[TelegramMethod[Any]], int | None, asyncio.Event]] = []
        self.held: list[TelegramMethod[Any]] = []  # calls hanging on a hold right now
        self.tag_managers: set[int] = set()  # groups where the bot has can_manage_tags
        self.member_tags: dict[tuple[int, int], str] = {}  # (chat id, user id) -> tag

    def set_status(self, chat_id: int, user_id: int, status: str) -> None:
        self.statuses.setdefault(chat_id, {})[user_id] = status

    def fail(
        self,
        kind: type[TelegramMethod[Any]],
        error: type[TelegramAPIError],
        message: str,
        *,
        chat_id: int | None = None,
    ) -> None:
        """Every later `kind` call (to `chat_id`, if given) answers Telegram's `error`."""
        self._failures.append((kind, chat_id, error, message))

    def hold(self, kind: type[TelegramMethod[Any]], *, chat_id: int | None = None) -> asyncio.Event:
        """Every later `kind` call (to `chat_id`, if given) hangs until the event is set: a
        slow Telegram, a download that never ends."""
        release = asyncio.Event()
        self._holds.append((kind, chat_id, release))
        return release

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        for kind, chat_id, release in self._holds:
            if isinstance(method, kind) and chat_id in (None, getattr(method, "chat_id", None)):
                self.held.append(method)
                try:
                    await release.wait()
                finally:
                    self.held.remove(method)
        uploaded = as_uploaded(method)
        self.calls.append(uploaded)
        for kind, chat_id, error, message in self._failures:
            if isinstance(method, kind) and chat_id in (None, getattr(method, "chat_id", None)):
                raise error(method, message)
        if (
            isinstance(method, SendMessage)
            and isinstance(method.chat_id, int)
            and method.chat_id > 0
            and method.chat_id not in self.started
        ):
            raise TelegramForbiddenError(method, "Forbidden: bot can't initiate conversation")
        if isinstance(method, SendMessage) and method.ephemeral_message_parameters is not None:
            self._check_ephemeral(method, method.ephemeral_message_parameters.receiver_user_id)
        if isinstance(method, GetMe):
            return BOT_USER.model_copy(  # type: ignore[return-value]
                update={"can_read_all_group_messages": self.privacy_off}
            )
        if isinstance(method, GetChat):
            return self._chat(method)  # type: ignore[return-value]
        if isinstance(method, GetChatMember):
            member: TelegramType = self._member(int(method.chat_id), method.user_id)
            return member
        if isinstance(method, GetChatAdministrators):
            chat_id = int(method.chat_id)
            if chat_id not in self.statuses:
                raise TelegramBadRequest(method, "Bad Request: chat not found")
            return [  # type: ignore[return-value]
                self._member(chat_id, user_id)
                for user_id, status in self.statuses[chat_id].items()
                if status in ("creator", "administrator")
            ]
        if isinstance(method, SetChatMemberTag):
            return self._set_tag(method)  # type: ignore[return-value]
        if isinstance(uploaded, SendDocument):
            content = getattr(uploaded.document, "data", b"")
            self.documents.append((int(uploaded.chat_id), content, str(uploaded.caption)))
        return self._answer(method)  # type: ignore[no-any-return]

    def _set_tag(self, method: SetChatMemberTag) -> bool:
        # What Telegram refuses (bot/emulator/methods.py holds the same rules).
        chat_id, user_id = int(method.chat_id), method.user_id
        if chat_id not in self.tag_managers:
            raise TelegramBadRequest(
                method, "Bad Request: not enough rights to manage chat member tags"
            )
        if self.statuses.get(chat_id, {}).get(user_id) in ("creator", "administrator"):
            raise TelegramBadRequest(method, "Bad Request: user is an administrator of the chat")
        if (chat_id, user_id) in self.left:
            raise TelegramBadRequest(method, "Bad Request: USER_NOT_PARTICIPANT")
        if method.tag:
            self.member_tags[chat_id, user_id] = method.tag
        else:
            self.member_tags.pop((chat_id, user_id), None)
        return True

    def _check_ephemeral(self, method: SendMessage, receiver: int) -> None:
        """As the emulator (bot/emulator/methods.py): groups only, to a member only."""
        chat_id = int(method.chat_id)
        if chat_id > 0 or chat_id in self.no_ephemeral:
            raise TelegramBadRequest(method, "Bad Request: ephemeral messages are not available")
        if (chat_id, receiver) in self.left:
            raise TelegramBadRequest(method, "Bad Request: USER_NOT_PARTICIPANT")

    def _chat(self, method: GetChat) -> ChatFullInfo:
        if isinstance(method.chat_id, str) and method.chat_id.startswith("@"):
            found = self.channels.get(method.chat_id)
            if found is None:
                raise TelegramBadRequest(method, "Bad Request: chat not found")
            return ChatFullInfo(
                id=found,
                type="channel",
                title="Creator channel",
                accent_color_id=0,
                max_reaction_count=11,
                accepted_gift_types=NO_GIFTS,
            )
        chat_id = int(method.chat_id)
        return ChatFullInfo(
            id=chat_id,
            type="supergroup",
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types=NO_GIFTS,
            linked_chat_id=self.linked_channels.get(chat_id),
        )

    def _member(self, chat_id: int, user_id: int) -> Any:
        status = self.statuses.get(chat_id, {}).get(user_id, "member")
        user = (
            BOT_USER if user_id == BOT_USER.id else User(id=user_id, is_bot=False, first_name="U")
        )
        if (chat_id, user_id) in self.left:
            return ChatMemberLeft(user=user)
        if status == "creator":
            return ChatMemberOwner(user=user, is_anonymous=False)
        if status == "administrator":
            tags = user_id == BOT_USER.id and chat_id in self.tag_managers
            return ChatMemberAdministrator.model_validate(
                {"user": user, **ADMIN_RIGHTS, "can_manage_tags": tags}
            )
        if status == "kicked":
            return ChatMemberBanned(user=user, until_date=datetime.fromtimestamp(0, UTC))
        return ChatMemberMember(user=user)

    def privileged(self, *, allowed_chats: set[int]) -> list[TelegramMethod[Any]]:
        """Calls other than reads, answers to a button, and messages to `allowed_chats`."""
        return [
            call
            for call in self.calls
            if not isinstance(call, (*READ_METHODS, AnswerCallbackQuery))
            and not (isinstance(call, SendMessage) and call.chat_id in allowed_chats)
        ]

    def sent(self, chat_id: int) -> list[str]:
        """The texts of the messages sent to a chat, in order."""
        return [
            str(call.text)
            for call in self.calls
            if isinstance(call, SendMessage) and call.chat_id == chat_id
        ]

    def answers(self) -> list[str]:
        """The texts of the answers to button presses, in order."""
        return [str(call.text) for call in self.calls if isinstance(call, AnswerCallbackQuery)]
