"""/grant and /revoke: administrators give and take fanpulse roles, by reply or @username/id.

/grant operator @alex      /grant analyst 123456789      (reply) /grant operator
/revoke @alex              /revoke 123456789             (reply) /revoke
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.roles import OperatorCommand, Role, parse_grantable_role
from bot.i18n import Texts
from bot.services.authority import Authority
from bot.services.roles import (
    SUBJECT_MISSING,
    NoSubject,
    Person,
    Roles,
    Subject,
    Typed,
    identify,
)
from bot.telegram.admins import TelegramAdmins
from handlers.authority import operator_command
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext

# handlers/privacy.py imports NoSubject from here (and `_subject` below).
__all__ = ["NoSubject"]

GRANT = OperatorCommand("grant", Role.ADMINISTRATOR, destructive=True)
REVOKE = OperatorCommand("revoke", Role.ADMINISTRATOR, destructive=True)


async def cmd_grant(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    roles: Roles,
) -> None:
    words = (command.args or "").split()
    role = parse_grantable_role(words[0]) if words else None
    if role is None:
        await message.reply(texts("grant-usage"))
        return
    subject = subject_of(message, words[1:], operator)
    outcome = (
        subject
        if isinstance(subject, NoSubject)
        else await roles.grant(operator.chat_id, operator.actor, subject, role)
    )
    if isinstance(outcome, NoSubject):
        key = "grant-usage" if outcome == SUBJECT_MISSING else outcome.key
        await message.reply(texts(key, who=outcome.who))
        return
    await message.reply(texts("grant-done", who=outcome.name, role=role.key, title=operator.title))


async def cmd_revoke(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    roles: Roles,
) -> None:
    subject = subject_of(message, (command.args or "").split(), operator)
    outcome = (
        subject
        if isinstance(subject, NoSubject)
        else await roles.revoke(operator.chat_id, operator.actor, subject)
    )
    if isinstance(outcome, NoSubject):
        key = "revoke-usage" if outcome == SUBJECT_MISSING else outcome.key
        await message.reply(texts(key, who=outcome.who))
        return
    key = "revoke-done" if outcome.revoked else "revoke-nothing"
    await message.reply(texts(key, who=outcome.person.name, title=operator.title))


async def _subject(
    message: Message,
    words: list[str],
    operator: OperatorContext,
    session_factory: async_sessionmaker[AsyncSession],
) -> Person | NoSubject:
    """handlers/privacy.py's way to name a person, until its owner moves /forget_user onto a
    service (then this goes, and privacy uses `subject_of` and a service of its own)."""
    subject = subject_of(message, words, operator)
    return subject if isinstance(subject, NoSubject) else await identify(session_factory, subject)


def subject_of(
    message: Message, words: list[str], operator: OperatorContext
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
        return Person(person.id, f"@{person.username}" if person.username else person.full_name)
    if not words:
        return SUBJECT_MISSING
    return Typed(words[0])


def create_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, GRANT, cmd_grant)
    operator_command(router, REVOKE, cmd_revoke)
    return router


def build(wiring: Wiring) -> Built:
    """`authority` decides every operator command of every feature (handlers/middlewares.py)."""
    directory = TelegramAdmins(wiring.bot, wiring.admins)
    authority = Authority(wiring.session_factory, directory, wiring.settings.operator_ids)
    return Built(services={"roles": Roles(wiring.session_factory), "authority": authority})


FEATURE = Feature(name="operators", operator=(create_router,), build=build)
