"""Request context for handlers that declared themselves (handlers/authority.py): the reader's
language (`texts`) and, for operator commands, the authorization decision (`operator`).

Handlers without a declaration (ingest, the hot path) pass straight through. What the client
typed or sent is only data: this module reads the update into a request, and the `Authority`
service (bot/services/authority.py) decides.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import structlog
from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message, TelegramObject
from sqlalchemy.exc import DBAPIError

from bot.config import Settings
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor, OperatorCommand, Role, sender_of
from bot.i18n import Locale, Texts, Translator
from bot.services.authority import Authority, FromConsole, FromGroup, Pressed, Refusal, Request
from bot.services.languages import Languages
from bot.telegram.admins import plain
from bot.telegram.batch_store import is_transient
from handlers.authority import OPERATOR_FLAG, PUBLIC_FLAG

log = structlog.get_logger(__name__)

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
        try:
            return await self._authorized(handler, event, data, spec, texts)
        except Exception as error:
            if not _database_busy(error):
                raise
            # Without an answer the operator would only see nothing happen: say so, and that
            # trying again is the fix (the lock outlasted the database's own wait).
            log.warning("operator_command.busy", command=spec.name, error=type(error).__name__)
            await _refuse(event, texts, Refusal("busy-try-again", {"command": spec.name}))
            return None

    async def _authorized(
        self,
        handler: Next,
        event: TelegramObject,
        data: dict[str, Any],
        spec: OperatorCommand,
        texts: Texts,
    ) -> Any:
        request = _request(event, data, spec)
        authority: Authority = data["authority"]
        outcome = (
            request if isinstance(request, Refusal) else await authority.authorize(request, spec)
        )
        if isinstance(outcome, Refusal):
            await _refuse(event, texts, outcome)
            return None
        data["operator"] = OperatorContext(
            chat_id=outcome.chat_id,
            title=outcome.title,
            actor=outcome.actor,
            role=outcome.role,
            command=spec,
            in_private=outcome.in_private,
        )
        return await handler(event, data)


def _database_busy(error: Exception) -> bool:
    """A lock or a lost connection, not a bug: the same command may well work a moment later."""
    return isinstance(error, DBAPIError | sqlite3.OperationalError) and is_transient(error)


async def _reader_texts(event: TelegramObject, data: dict[str, Any]) -> Texts:
    translator: Translator = data["translator"]
    languages: Languages = data["languages"]
    chat = event.chat if isinstance(event, Message) else _callback_chat(event)
    user = getattr(event, "from_user", None)
    if chat is not None and chat.type != ChatType.PRIVATE:
        return translator.bind(await languages.of_group(chat.id))
    if user is None:
        settings: Settings = data["settings"]
        return translator.bind(cast(Locale, settings.default_language))
    return await personal_texts(translator, languages, user.id, user.language_code)


async def personal_texts(
    translator: Translator, languages: Languages, user_id: int, telegram_language: str | None
) -> Texts:
    """A person's own language, for what only they see (an alert, a private message), even
    when the update came from a group."""
    return translator.bind(await languages.of_person(user_id, telegram_language))


def _callback_chat(event: TelegramObject) -> Any:
    if isinstance(event, CallbackQuery) and event.message is not None:
        return event.message.chat
    return None


def _request(
    event: TelegramObject, data: dict[str, Any], spec: OperatorCommand
) -> Request | Refusal:
    """Which group the action targets and who acts, as the update says."""
    if isinstance(event, CallbackQuery):
        chat_id = getattr(data.get("callback_data"), "chat_id", None)
        if not isinstance(chat_id, int):
            return Refusal("refused-role", {"required": spec.role.key, "title": "?"})
        return Pressed(chat_id, event.from_user.id, _in_private(event))
    if not isinstance(event, Message):
        return Refusal(None)
    if event.chat.type == ChatType.PRIVATE:
        if event.from_user is None or event.sender_chat is not None:
            return Refusal("refused-foreign-sender")
        if not spec.console:
            return Refusal("refused-group-only", {"command": spec.name})
        return FromConsole(event.from_user.id)
    sender = sender_of(
        event.chat.id,
        event.from_user.id if event.from_user else None,
        event.sender_chat.id if event.sender_chat else None,
    )
    if sender.actor is None:
        return Refusal("refused-foreign-sender")
    return FromGroup(event.chat.id, plain(event.chat.type), event.chat.title, sender.actor)


def _in_private(query: CallbackQuery) -> bool:
    return query.message is not None and query.message.chat.type == ChatType.PRIVATE


async def _refuse(event: TelegramObject, texts: Texts, refusal: Refusal) -> None:
    if refusal.key is None:
        return
    if isinstance(event, CallbackQuery):
        await event.answer(texts.plain(refusal.key, **refusal.args), show_alert=True)
    elif isinstance(event, Message):
        await event.reply(texts(refusal.key, **refusal.args))
