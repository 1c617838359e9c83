"""Request context for handlers that declared themselves (handlers/authority.py): the reader's
language (`texts`) and, for operator commands, the authorization decision (`operator`).

Handlers without a declaration (ingest, the hot path) pass straight through.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from aiogram import BaseMiddleware, Bot
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message, TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.db.chat_settings import GroupRecord, ensure_chat, group, group_language
from bot.db.operators import current_group
from bot.db.user_settings import user_language
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor, OperatorCommand, Role, allows, sender_of
from bot.i18n import Locale, Texts, Translator, choose_locale, locale_of
from bot.telegram.admins import AdminCache, plain, role_in_group
from handlers.authority import OPERATOR_FLAG, PUBLIC_FLAG

Next = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class OperatorContext:
    """An authorized operator action: the group it acts on (re-checked now) and who acts."""

    chat_id: int
    title: str
    actor: Actor
    role: Role
    command: OperatorCommand
    in_private: bool

    def audit(
        self,
        action: str,
        at: datetime,
        *,
        detail: str | None = None,
        subject_user_id: int | None = None,
    ) -> AuditEvent:
        """The audit-log entry of this operator's action in this group."""
        return AuditEvent(
            chat_id=self.chat_id,
            actor=self.actor,
            action=action,
            at=at,
            subject_user_id=subject_user_id,
            detail=detail,
        )


@dataclass(frozen=True, slots=True)
class Refusal:
    key: str | None  # None: refuse silently (the group is not ours to talk to any more)
    args: dict[str, str] = field(default_factory=dict)


async def person_locale(
    session_factory: async_sessionmaker[AsyncSession], user: User, settings: Settings
) -> Locale:
    async with session_factory() as session:
        chosen = await user_language(session, user.id)
    return choose_locale(chosen, user.language_code, cast(Locale, settings.default_language))


async def group_locale(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, settings: Settings
) -> Locale:
    async with session_factory() as session:
        chosen = await group_language(session, chat_id)
    return locale_of(chosen) or cast(Locale, settings.default_language)


class ContextMiddleware(BaseMiddleware):
    async def __call__(self, handler: Next, event: TelegramObject, data: dict[str, Any]) -> Any:
        flags = data["handler"].flags
        spec: OperatorCommand | None = flags.get(OPERATOR_FLAG)
        if spec is None and PUBLIC_FLAG not in flags:
            return await handler(event, data)
        texts = await _reader_texts(event, data)
        data["texts"] = texts
        if spec is None:
            return await handler(event, data)
        outcome = await _authorize(event, data, spec)
        if isinstance(outcome, Refusal):
            await _refuse(event, texts, outcome)
            return None
        data["operator"] = outcome
        return await handler(event, data)


async def _reader_texts(event: TelegramObject, data: dict[str, Any]) -> Texts:
    translator: Translator = data["translator"]
    settings: Settings = data["settings"]
    session_factory: async_sessionmaker[AsyncSession] = data["session_factory"]
    chat = event.chat if isinstance(event, Message) else _callback_chat(event)
    user = getattr(event, "from_user", None)
    if chat is not None and chat.type != ChatType.PRIVATE:
        return translator.bind(await group_locale(session_factory, chat.id, settings))
    if user is None:
        return translator.bind(cast(Locale, settings.default_language))
    return translator.bind(await person_locale(session_factory, user, settings))


def _callback_chat(event: TelegramObject) -> Any:
    if isinstance(event, CallbackQuery) and event.message is not None:
        return event.message.chat
    return None


async def _authorize(
    event: TelegramObject, data: dict[str, Any], spec: OperatorCommand
) -> OperatorContext | Refusal:
    session_factory: async_sessionmaker[AsyncSession] = data["session_factory"]
    target = await _target(event, data, spec, session_factory)
    if isinstance(target, Refusal):
        return target
    chat_id, actor, in_private = target
    async with session_factory() as session:
        record = await group(session, chat_id)
    if record is None or not record.is_active:
        return Refusal("refused-group-inactive" if in_private else None)
    role = await _role(data, record, actor, spec)
    if not allows(role, spec):
        return Refusal(
            "refused-role",
            {"required": spec.role.key, "title": _title(record), "command": spec.name},
        )
    return OperatorContext(
        chat_id=chat_id,
        title=_title(record),
        actor=actor,
        role=role,
        command=spec,
        in_private=in_private,
    )


async def _target(
    event: TelegramObject,
    data: dict[str, Any],
    spec: OperatorCommand,
    session_factory: async_sessionmaker[AsyncSession],
) -> tuple[int, Actor, bool] | Refusal:
    """Which group the action targets and who acts; what the client typed or sent is only data."""
    if isinstance(event, CallbackQuery):
        chat_id = getattr(data.get("callback_data"), "chat_id", None)
        if not isinstance(chat_id, int):
            return Refusal("refused-role", {"required": spec.role.key, "title": "?"})
        return chat_id, Actor(user_id=event.from_user.id), _in_private(event)
    if not isinstance(event, Message):
        return Refusal(None)
    if event.chat.type == ChatType.PRIVATE:
        if event.from_user is None or event.sender_chat is not None:
            return Refusal("refused-foreign-sender")
        if not spec.console:
            return Refusal("refused-group-only", {"command": spec.name})
        async with session_factory() as session:
            chat_id = await current_group(session, event.from_user.id)
        if chat_id is None:
            return Refusal("console-no-group")
        return chat_id, Actor(user_id=event.from_user.id), True
    sender = sender_of(
        event.chat.id,
        event.from_user.id if event.from_user else None,
        event.sender_chat.id if event.sender_chat else None,
    )
    if sender.actor is None:
        return Refusal("refused-foreign-sender")
    async with session_factory() as session, session.begin():
        await ensure_chat(
            session, event.chat.id, plain(event.chat.type), event.chat.title, datetime.now(UTC)
        )
    return event.chat.id, sender.actor, False


def _in_private(query: CallbackQuery) -> bool:
    return query.message is not None and query.message.chat.type == ChatType.PRIVATE


async def _role(
    data: dict[str, Any], record: GroupRecord, actor: Actor, spec: OperatorCommand
) -> Role:
    if actor.is_anonymous_admin:
        # Telegram sets sender_chat to the group itself only for its anonymous administrators.
        return Role.ADMINISTRATOR if actor.anonymous_chat_id == record.id else Role.NONE
    assert actor.user_id is not None
    bot: Bot = data["bot"]
    admins: AdminCache = data["admins"]
    settings: Settings = data["settings"]
    return await role_in_group(
        bot,
        data["session_factory"],
        admins,
        settings.operator_ids,
        chat_id=record.id,
        user_id=actor.user_id,
        live=spec.destructive,
    )


def _title(record: GroupRecord) -> str:
    return record.title or str(record.id)


async def _refuse(event: TelegramObject, texts: Texts, refusal: Refusal) -> None:
    if refusal.key is None:
        return
    if isinstance(event, CallbackQuery):
        await event.answer(texts.plain(refusal.key, **refusal.args), show_alert=True)
    elif isinstance(event, Message):
        await event.reply(texts(refusal.key, **refusal.args))
