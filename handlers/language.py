"""/language: in a group an operator sets the group's language; in private anyone sets their own."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.chat_settings import set_group_language
from bot.db.user_settings import set_user_language
from bot.domain.audit import AuditAction
from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Texts, Translator, locale_of
from handlers.authority import operator_command, public_command
from handlers.features import Feature
from handlers.middlewares import OperatorContext

# Group-only: in private, /language is the reader's own choice.
GROUP_LANGUAGE = OperatorCommand("language", Role.OPERATOR, console=False)


async def cmd_group_language(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    translator: Translator,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    locale = locale_of((command.args or "").strip())
    if locale is None:
        await message.reply(texts("language-group-usage"))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await set_group_language(session, operator.chat_id, locale, now)
        await audit.record(
            session,
            operator.audit(AuditAction.GROUP_LANGUAGE_SET, now, detail=locale),
        )
    await message.reply(translator.bind(locale)("language-group-set"))


async def cmd_my_language(
    message: Message,
    *,
    command: CommandObject,
    texts: Texts,
    translator: Translator,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    locale = locale_of((command.args or "").strip())
    if locale is None or message.from_user is None:
        await message.answer(texts("language-private-usage"))
        return
    async with session_factory() as session, session.begin():
        await set_user_language(session, message.from_user.id, locale, datetime.now(UTC))
    await message.answer(translator.bind(locale)("language-private-set"))


def create_group_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, GROUP_LANGUAGE, cmd_group_language)
    return router


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.private")
    public_command(router, "language", cmd_my_language)
    return router


FEATURE = Feature(
    name="language", group_commands=(create_group_router,), private=(create_private_router,)
)
