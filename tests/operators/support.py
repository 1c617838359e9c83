"""A scripted Telegram for operator tests: who administers which group, the bot's own rights,
who started the bot. Answers are aiogram's own types, so a wrong fake fails like a real one."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.methods import (
    AnswerCallbackQuery,
    GetChatAdministrators,
    GetChatMember,
    GetMe,
    SendMessage,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    ChatMemberAdministrator,
    ChatMemberMember,
    ChatMemberOwner,
    User,
)
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.__main__ import build_clock, build_dispatcher
from bot.config import load_settings
from bot.db.models import AuditRecord, Chat, ChatRole, ChatSettings, ConsoleSelection, UserSettings
from bot.devtools.recording_session import BOT_USER, TOKEN, RecordingSession
from bot.telegram.batch_store import BatchStore
from bot.telegram.processing import UpdateProcessor
from tests.feedback.tables import FEEDBACK_TABLES
from tests.support.pipeline import Pipeline
from tests.support.updates import Updates

# What may be called by anyone's command without it being a privileged act: reading who is who,
# and answering the person who asked.
READ_METHODS = (GetMe, GetChatMember, GetChatAdministrators)
OPERATOR_TABLES = (
    ChatRole,
    ConsoleSelection,
    AuditRecord,
    ChatSettings,
    UserSettings,
    *FEEDBACK_TABLES,
)

ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": False,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_send_welcome_messages": False,
    "can_pin_messages": True,
}


class ScriptedTelegram(RecordingSession):
    """Per group: members' statuses (creator / administrator; anyone else is a member)."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: dict[int, dict[int, str]] = {}
        self.started: set[int] = set()
        self.privacy_off = False

    def set_status(self, chat_id: int, user_id: int, status: str) -> None:
        self.statuses.setdefault(chat_id, {})[user_id] = status

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        self.calls.append(method)
        if (
            isinstance(method, SendMessage)
            and isinstance(method.chat_id, int)
            and method.chat_id > 0
            and method.chat_id not in self.started
        ):
            raise TelegramForbiddenError(method, "Forbidden: bot can't initiate conversation")
        if isinstance(method, GetMe):
            return BOT_USER.model_copy(  # type: ignore[return-value]
                update={"can_read_all_group_messages": self.privacy_off}
            )
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
        return self._answer(method)  # type: ignore[no-any-return]

    def _member(self, chat_id: int, user_id: int) -> Any:
        status = self.statuses.get(chat_id, {}).get(user_id, "member")
        user = (
            BOT_USER if user_id == BOT_USER.id else User(id=user_id, is_bot=False, first_name="U")
        )
        if status == "creator":
            return ChatMemberOwner(user=user, is_anonymous=False)
        if status == "administrator":
            return ChatMemberAdministrator.model_validate({"user": user, **ADMIN_RIGHTS})
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
        return [
            str(call.text)
            for call in self.calls
            if isinstance(call, SendMessage) and call.chat_id == chat_id
        ]


def scripted_pipeline(
    session_factory: async_sessionmaker[AsyncSession],
    telegram: ScriptedTelegram | None = None,
    **settings: Any,
) -> tuple[Pipeline, ScriptedTelegram]:
    """`telegram`: a ScriptedTelegram that also knows more (channels, files...)."""
    telegram = telegram if telegram is not None else ScriptedTelegram()
    bot = Bot(TOKEN, session=telegram)
    loaded = load_settings(bot_token=TOKEN, **settings)
    dispatcher = build_dispatcher(loaded)
    build_clock(loaded, session_factory, bot, dispatcher)
    pipeline = Pipeline(
        bot=bot,
        session=telegram,
        dispatcher=dispatcher,
        processor=UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher)),
        store=BatchStore(session_factory, max_attempts=1),
    )
    return pipeline, telegram


async def dump(
    session_factory: async_sessionmaker[AsyncSession],
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the operator tables and the chats' activity flags, comparable before/after."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    async with session_factory() as session:
        for model in OPERATOR_TABLES:
            columns = list(model.__table__.columns)
            rows = (await session.execute(select(*columns))).all()
            tables[model.__tablename__] = sorted(tuple(row) for row in rows)
        chats = (await session.execute(select(Chat.id, Chat.is_active, Chat.inactive_reason))).all()
        tables["chats"] = sorted(tuple(row) for row in chats)
    return tables


def member_update(
    updates: Updates,
    chat: dict[str, Any],
    *,
    actor: dict[str, Any],
    user: dict[str, Any],
    old: str,
    new: str,
    kind: str = "chat_member",
    new_rights: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A chat_member (or, for the bot, my_chat_member) update."""

    def member(status: str, rights: dict[str, Any] | None) -> dict[str, Any]:
        body: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            body.update(ADMIN_RIGHTS if rights is None else rights)
        if status == "kicked":
            body["until_date"] = 0
        return body

    return updates._update(
        kind,
        {
            "chat": chat,
            "from": actor,
            "date": updates.clock,
            "old_chat_member": member(old, None),
            "new_chat_member": member(new, new_rights),
        },
    )
