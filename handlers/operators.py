"""/grant and /revoke: administrators give and take fanpulse roles, by reply or @username/id.

/grant operator @alex      /grant analyst 123456789      (reply) /grant operator
/revoke @alex              /revoke 123456789             (reply) /revoke
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.operators import grant_role, revoke_role, user_by_username, user_name
from bot.domain.audit import AuditAction
from bot.domain.roles import OperatorCommand, Role, parse_grantable_role
from bot.i18n import Texts
from handlers.authority import operator_command
from handlers.features import Feature
from handlers.middlewares import OperatorContext

GRANT = OperatorCommand("grant", Role.ADMINISTRATOR, destructive=True)
REVOKE = OperatorCommand("revoke", Role.ADMINISTRATOR, destructive=True)


@dataclass(frozen=True, slots=True)
class Subject:
    user_id: int
    name: str


@dataclass(frozen=True, slots=True)
class NoSubject:
    key: str
    who: str = ""


async def cmd_grant(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    words = (command.args or "").split()
    role = parse_grantable_role(words[0]) if words else None
    if role is None:
        await message.reply(texts("grant-usage"))
        return
    subject = await _subject(message, words[1:], operator, session_factory)
    if isinstance(subject, NoSubject):
        key = "grant-usage" if subject.key == "subject-missing" else subject.key
        await message.reply(texts(key, who=subject.who))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await grant_role(
            session,
            chat_id=operator.chat_id,
            user_id=subject.user_id,
            role=role.key,
            granted_by_user_id=operator.actor.user_id,
            now=now,
        )
        await audit.record(
            session,
            operator.audit(
                AuditAction.ROLE_GRANTED, now, detail=role.key, subject_user_id=subject.user_id
            ),
        )
    await message.reply(texts("grant-done", who=subject.name, role=role.key, title=operator.title))


async def cmd_revoke(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    subject = await _subject(message, (command.args or "").split(), operator, session_factory)
    if isinstance(subject, NoSubject):
        key = "revoke-usage" if subject.key == "subject-missing" else subject.key
        await message.reply(texts(key, who=subject.who))
        return
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        revoked = await revoke_role(session, operator.chat_id, subject.user_id)
        if revoked:
            await audit.record(
                session,
                operator.audit(AuditAction.ROLE_REVOKED, now, subject_user_id=subject.user_id),
            )
    key = "revoke-done" if revoked else "revoke-nothing"
    await message.reply(texts(key, who=subject.name, title=operator.title))


async def _subject(
    message: Message,
    words: list[str],
    operator: OperatorContext,
    session_factory: async_sessionmaker[AsyncSession],
) -> Subject | NoSubject:
    """Whom the command is about: the author of the replied message (in the group), or the
    @username / numeric id typed after the command."""
    replied = message.reply_to_message
    if replied is not None and not operator.in_private and not words:
        if replied.sender_chat is not None or replied.from_user is None:
            return NoSubject("subject-not-a-person")
        if replied.from_user.is_bot:
            return NoSubject("subject-is-a-bot")
        person = replied.from_user
        name = f"@{person.username}" if person.username else person.full_name
        return Subject(person.id, name)
    if not words:
        return NoSubject("subject-missing")
    word = words[0]
    async with session_factory() as session:
        if word.startswith("@") and len(word) > 1:
            user_id = await user_by_username(session, word[1:])
        elif word.lstrip("-").isdigit():
            user_id = int(word)
        else:
            return NoSubject("subject-missing")
        if user_id is None or user_id <= 0:
            return NoSubject("subject-unknown", who=word)
        known = await user_name(session, user_id)
    return Subject(user_id, known or str(user_id))


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, GRANT, cmd_grant)
    operator_command(router, REVOKE, cmd_revoke)
    return router


FEATURE = Feature(name="operators", operator=(create_router,))
