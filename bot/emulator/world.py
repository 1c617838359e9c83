"""In-memory Telegram: the bot, users, chats, members, messages, files, polls and commands."""

from __future__ import annotations

import hashlib
import itertools
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiogram import types
from pydantic import BaseModel

from bot.emulator.errors import TelegramError, bad_request, chat_not_found, forbidden, migrated
from bot.emulator.invite_links import InviteLinkState

GROUP_ANONYMOUS_BOT_ID = 1087968824
CHANNEL_BOT_ID = 136817688
TELEGRAM_SERVICE_ID = 777000
SERVICE_USERS: dict[int, dict[str, Any]] = {
    GROUP_ANONYMOUS_BOT_ID: {
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    },
    CHANNEL_BOT_ID: {"is_bot": True, "first_name": "Channel", "username": "Channel_Bot"},
    TELEGRAM_SERVICE_ID: {"is_bot": False, "first_name": "Telegram"},
}
MEMBER_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")
PRESENT_STATUSES = ("creator", "administrator", "member")
CHAT_TYPES = ("private", "group", "supergroup", "channel")
TOKEN_SECRET = re.compile(r"[A-Za-z0-9_-]{35}")


def dump(model: BaseModel) -> dict[str, Any]:
    """The JSON the Bot API would send for an aiogram object."""
    return model.model_dump(mode="json", exclude_none=True, by_alias=True)


def now() -> int:
    return int(time.time())


def make_token(bot_id: int) -> str:
    """A well-formed token for the emulated bot (the secret part is never checked)."""
    secret = hashlib.sha256(str(bot_id).encode()).hexdigest()[:35]
    return f"{bot_id}:{secret}"


def _rights_fields(model: type[BaseModel]) -> list[str]:
    return [name for name in model.model_fields if name.startswith("can_")]


ADMIN_RIGHTS = _rights_fields(types.ChatMemberAdministrator)
RESTRICTED_RIGHTS = _rights_fields(types.ChatMemberRestricted)
# What restrictChatMember may grant; all of them granted makes a plain member again.
RESTRICTED_PERMISSIONS = [name for name in RESTRICTED_RIGHTS if name.startswith("can_send")]


@dataclass
class Member:
    status: str
    rights: dict[str, bool] = field(default_factory=dict)
    until_date: int = 0
    is_anonymous: bool = False
    custom_title: str | None = None
    tag: str | None = None  # a regular member's tag (setChatMemberTag, Bot API 9.5)

    @property
    def present(self) -> bool:
        return self.status in PRESENT_STATUSES or (
            self.status == "restricted" and self.rights.get("is_member", True)
        )


@dataclass
class ChatState:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    description: str | None = None
    linked_chat_id: int | None = None
    migrated_to: int | None = None
    migrated_from: int | None = None
    members: dict[int, Member] = field(default_factory=dict)
    bot_member: Member = field(default_factory=lambda: Member("member"))
    next_message_id: int = 1
    messages: dict[int, types.Message] = field(default_factory=dict)
    # The bot's own reaction on each message it reacted to (an empty list: taken back).
    reactions: dict[int, list[str]] = field(default_factory=dict)
    bot_started: bool = False
    # People who asked to join (chat_join_request) and were neither approved nor declined yet.
    join_requests: set[int] = field(default_factory=set)
    # Invite links made with createChatInviteLink (or by an administrator), by their URL; the
    # link each pending join request came through.
    invite_links: dict[str, InviteLinkState] = field(default_factory=dict)
    request_links: dict[int, str] = field(default_factory=dict)
    # Ephemeral messages (Bot API 10.3): by ephemeral message id, each seen by its receiver only.
    ephemeral: dict[int, types.Message] = field(default_factory=dict)
    next_ephemeral_id: int = 1

    @property
    def kind_name(self) -> str:
        """How Telegram names the chat type in error descriptions."""
        return {"group": "group chat", "supergroup": "supergroup chat"}.get(
            self.type, f"{self.type} chat"
        )


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    kind: str
    file_name: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0


@dataclass
class PollState:
    poll: types.Poll
    chat_id: int
    message_id: int
    votes: dict[int, list[int]] = field(default_factory=dict)


@dataclass
class CallbackState:
    query: types.CallbackQuery
    answered: bool = False
    answer: dict[str, Any] | None = None


class World:
    """Everything Telegram knows; methods and the control API read and change it."""

    def __init__(
        self,
        *,
        bot_id: int = 7_000_000_001,
        bot_username: str = "fanpulse_test_bot",
        bot_first_name: str = "fanpulse",
        can_read_all_group_messages: bool = False,
        can_join_groups: bool = True,
    ) -> None:
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.can_read_all_group_messages = can_read_all_group_messages
        self.can_join_groups = can_join_groups
        self.users: dict[int, types.User] = {}
        self.chats: dict[int, ChatState] = {}
        self.files: dict[str, StoredFile] = {}
        self.polls: dict[str, PollState] = {}
        self.callbacks: dict[str, CallbackState] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        # setChatMenuButton, per private chat; None: the default of every private chat.
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self._next_user_id = 100_000_001
        self._next_group_id = 4_000_000_001
        self._next_supergroup_id = 1_000_000_000_001
        self.users[bot_id] = self.bot_user()

    def token_matches(self, token: str) -> bool:
        bot_id, _, secret = token.partition(":")
        return bot_id == str(self.bot_id) and TOKEN_SECRET.fullmatch(secret) is not None

    def bot_user(self) -> types.User:
        return types.User(
            id=self.bot_id,
            is_bot=True,
            first_name=self.bot_first_name,
            username=self.bot_username,
        )

    def me(self) -> types.User:
        return types.User(
            id=self.bot_id,
            is_bot=True,
            first_name=self.bot_first_name,
            username=self.bot_username,
            can_join_groups=self.can_join_groups,
            can_read_all_group_messages=self.can_read_all_group_messages,
            supports_inline_queries=False,
            can_connect_to_business=False,
            has_main_web_app=False,
        )

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids)}"

    # users and chats

    def add_user(
        self,
        *,
        user_id: int | None = None,
        first_name: str = "Fan",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        is_bot: bool = False,
        is_premium: bool | None = None,
    ) -> types.User:
        if user_id is None:
            user_id = self._next_user_id
            self._next_user_id += 1
        user = types.User(
            id=user_id,
            is_bot=is_bot,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            is_premium=is_premium,
        )
        self.users[user_id] = user
        if user_id not in self.chats:
            self.chats[user_id] = ChatState(
                id=user_id,
                type="private",
                first_name=first_name,
                last_name=last_name,
                username=username,
            )
        return user

    def user(self, user_id: int) -> types.User:
        if user_id in SERVICE_USERS and user_id not in self.users:
            return types.User(id=user_id, **SERVICE_USERS[user_id])
        if user_id not in self.users:
            raise bad_request("user not found")
        return self.users[user_id]

    def add_chat(
        self,
        *,
        chat_type: str,
        chat_id: int | None = None,
        title: str | None = None,
        username: str | None = None,
        description: str | None = None,
        bot_status: str | None = None,
        bot_rights: dict[str, bool] | None = None,
    ) -> ChatState:
        if chat_type not in CHAT_TYPES or chat_type == "private":
            raise bad_request(f"unsupported chat type {chat_type!r}; create a user for private")
        if chat_id is None:
            chat_id = self._new_chat_id(chat_type)
        if bot_status is None:
            bot_status = "administrator" if chat_type == "channel" else "member"
        chat = ChatState(
            id=chat_id,
            type=chat_type,
            title=title or f"{chat_type.title()} {abs(chat_id)}",
            username=username,
            description=description,
            bot_member=Member(bot_status, dict(bot_rights or {})),
        )
        self.chats[chat_id] = chat
        return chat

    def _new_chat_id(self, chat_type: str) -> int:
        if chat_type == "group":
            self._next_group_id += 1
            return -(self._next_group_id - 1)
        self._next_supergroup_id += 1
        return -(self._next_supergroup_id - 1)

    def chat(self, chat_id: int | str) -> ChatState:
        """Any chat by id or @username, without access checks (control API)."""
        if isinstance(chat_id, str):
            if chat_id.startswith("@"):
                for chat in self.chats.values():
                    if chat.username and chat.username.lower() == chat_id[1:].lower():
                        return chat
                raise chat_not_found()
            if not re.fullmatch(r"-?\d+", chat_id):
                raise chat_not_found()
            chat_id = int(chat_id)
        if chat_id not in self.chats:
            raise chat_not_found()
        return self.chats[chat_id]

    def readable_chat(self, chat_id: int | str) -> ChatState:
        """A chat the bot may look at: getChat, getChatMember and friends."""
        chat = self.chat(chat_id)
        if chat.migrated_to is not None:
            raise migrated(chat.migrated_to)
        if chat.type != "private" and chat.bot_member.status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.kind_name}")
        if chat.type == "channel" and not chat.bot_member.present:
            raise chat_not_found()
        return chat

    def writable_chat(self, chat_id: int | str) -> ChatState:
        """A chat the bot may post to, or the error Telegram answers with."""
        chat = self.readable_chat(chat_id)
        if chat.type == "private":
            self._check_private(chat)
        elif chat.type == "channel":
            if chat.bot_member.status != "creator" and not chat.bot_member.rights.get(
                "can_post_messages", True
            ):
                raise bad_request("need administrator rights in the channel chat")
            if chat.bot_member.status not in ("creator", "administrator"):
                raise forbidden("bot is not a member of the channel chat")
        elif not chat.bot_member.present:
            raise forbidden(f"bot is not a member of the {chat.kind_name}")
        return chat

    def _check_private(self, chat: ChatState) -> None:
        user = self.users.get(chat.id)
        if user is not None and user.is_bot:
            raise forbidden("bot can't send messages to bots")
        if chat.bot_member.status == "kicked":
            raise forbidden("bot was blocked by the user")
        if not chat.bot_started:
            raise forbidden("bot can't initiate conversation with a user")

    # members

    def member(self, chat: ChatState, user_id: int) -> Member:
        if user_id == self.bot_id:
            return chat.bot_member
        if chat.type == "private":
            return Member("member")
        return chat.members.get(user_id, Member("left"))

    def set_member(self, chat: ChatState, user_id: int, member: Member) -> Member:
        if member.status not in MEMBER_STATUSES:
            raise bad_request(f"unknown member status {member.status!r}")
        old = self.member(chat, user_id)
        if user_id == self.bot_id:
            chat.bot_member = member
        else:
            self.user(user_id)
            chat.members[user_id] = member
        return old

    def member_object(self, chat: ChatState, user_id: int, member: Member | None = None) -> Any:
        """The ChatMember variant Telegram would answer with."""
        member = member or self.member(chat, user_id)
        user = self.user(user_id)
        if member.status == "creator":
            return types.ChatMemberOwner(
                user=user, is_anonymous=member.is_anonymous, custom_title=member.custom_title
            )
        if member.status == "administrator":
            rights = {name: bool(member.rights.get(name, False)) for name in ADMIN_RIGHTS}
            rights["can_manage_chat"] = bool(member.rights.get("can_manage_chat", True))
            return types.ChatMemberAdministrator.model_validate(
                {
                    "user": user,
                    "can_be_edited": bool(member.rights.get("can_be_edited", False)),
                    "is_anonymous": member.is_anonymous,
                    "custom_title": member.custom_title,
                    **rights,
                }
            )
        if member.status == "restricted":
            rights = {name: bool(member.rights.get(name, False)) for name in RESTRICTED_RIGHTS}
            return types.ChatMemberRestricted.model_validate(
                {
                    "user": user,
                    "is_member": bool(member.rights.get("is_member", True)),
                    "until_date": member.until_date,
                    "tag": member.tag,
                    **rights,
                }
            )
        if member.status == "kicked":
            return types.ChatMemberBanned.model_validate(
                {"user": user, "until_date": member.until_date}
            )
        if member.status == "left":
            return types.ChatMemberLeft(user=user)
        return types.ChatMemberMember(user=user, tag=member.tag)

    # rendering

    def chat_object(self, chat: ChatState) -> types.Chat:
        return types.Chat(
            id=chat.id,
            type=chat.type,
            title=chat.title if chat.type != "private" else None,
            username=chat.username,
            first_name=chat.first_name,
            last_name=chat.last_name,
        )

    def chat_full_info(self, chat: ChatState) -> types.ChatFullInfo:
        return types.ChatFullInfo(
            id=chat.id,
            type=chat.type,
            title=chat.title if chat.type != "private" else None,
            username=chat.username,
            first_name=chat.first_name,
            last_name=chat.last_name,
            description=chat.description,
            linked_chat_id=chat.linked_chat_id,
            accent_color_id=abs(chat.id) % 7,
            max_reaction_count=11,
            accepted_gift_types=types.AcceptedGiftTypes(
                unlimited_gifts=False,
                limited_gifts=False,
                unique_gifts=False,
                premium_subscription=False,
                gifts_from_channels=False,
            ),
            migrate_from_chat_id=None,
        )

    # messages

    def new_message(self, chat: ChatState, fields: dict[str, Any]) -> types.Message:
        """Record a message with the chat's next id; the fields follow the Bot API JSON."""
        message_id = chat.next_message_id
        chat.next_message_id += 1
        payload = {
            "message_id": message_id,
            "date": now(),
            "chat": dump(self.chat_object(chat)),
            **fields,
        }
        message = types.Message.model_validate(payload)
        chat.messages[message_id] = message
        return message

    def message(self, chat: ChatState, message_id: int) -> types.Message | None:
        return chat.messages.get(message_id)

    def replace_message(self, chat: ChatState, changes: dict[str, Any]) -> types.Message:
        message_id = int(changes["message_id"])
        payload = {**dump(chat.messages[message_id]), **changes}
        message = types.Message.model_validate(payload)
        chat.messages[message_id] = message
        return message

    def sent_by_bot(self, message: types.Message) -> bool:
        return message.from_user is not None and message.from_user.id == self.bot_id

    # interactions

    def register_callback(self, query: types.CallbackQuery) -> None:
        self.callbacks[query.id] = CallbackState(query)

    def vote(self, poll_id: str, user_id: int, option_ids: list[int]) -> PollState:
        state = self.polls.get(poll_id)
        if state is None:
            raise bad_request("poll not found")
        poll = state.poll
        if poll.is_closed:
            raise bad_request("poll has already been closed")
        if any(not 0 <= i < len(poll.options) for i in option_ids) or len(set(option_ids)) != len(
            option_ids
        ):
            raise bad_request("invalid option ids")
        if len(option_ids) > 1 and not poll.allows_multiple_answers:
            raise bad_request("the poll allows one answer")
        if option_ids:
            state.votes[user_id] = list(option_ids)
        else:
            state.votes.pop(user_id, None)
        counts = [0] * len(poll.options)
        for chosen in state.votes.values():
            for index in chosen:
                counts[index] += 1
        options = [
            o.model_copy(update={"voter_count": counts[i]}) for i, o in enumerate(poll.options)
        ]
        state.poll = poll.model_copy(
            update={"options": options, "total_voter_count": len(state.votes)}
        )
        return state

    # files

    def store_file(
        self,
        content: bytes,
        *,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
        width: int = 0,
        height: int = 0,
    ) -> StoredFile:
        number = next(self._ids)
        digest = hashlib.sha256(content).hexdigest()
        folder = {"photo": "photos", "document": "documents", "video": "videos"}.get(kind, kind)
        suffix = ""
        if file_name and "." in file_name:
            suffix = "." + file_name.rsplit(".", 1)[1]
        elif kind == "photo":
            suffix = ".jpg"
        stored = StoredFile(
            file_id=f"{kind[:2].upper()}ACAgIAAxk{number:08d}{digest[:24]}",
            file_unique_id=f"AQAD{digest[:12]}",
            content=content,
            file_path=f"{folder}/file_{number}{suffix}",
            kind=kind,
            file_name=file_name,
            mime_type=mime_type,
            width=width,
            height=height,
        )
        self.files[stored.file_id] = stored
        return stored

    def file(self, file_id: str) -> StoredFile:
        if file_id not in self.files:
            raise bad_request("invalid file_id")
        return self.files[file_id]

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)


def require(condition: bool, error: TelegramError) -> None:
    if not condition:
        raise error
