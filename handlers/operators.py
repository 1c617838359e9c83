"""/grant and /revoke: administrators give and take fanpulse roles, by reply or @username/id.

/grant operator @alex      /grant analyst 123456789      (reply) /grant operator
/revoke @alex              /revoke 123456789             (reply) /revoke

The person's own command menu follows their new role at once.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.domain.roles import OperatorCommand, Role, parse_grantable_role
from bot.i18n import Texts
from bot.services.roles import (
    SUBJECT_MISSING,
    NoSubject,
    Person,
    Roles,
    Subject,
    Typed,
)
from bot.telegram.personal_menus import PersonalMenus
from handlers.authority import operator_command
from handlers.confirm import ROLE_REVOKE, Confirmations
from handlers.features import Built, Feature, Wiring
from handlers.middlewares import OperatorContext
from handlers.privacy import mention

GRANT = OperatorCommand("grant", Role.ADMINISTRATOR, destructive=True)
REVOKE = OperatorCommand("revoke", Role.ADMINISTRATOR, destructive=True)


async def cmd_grant(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    roles: Roles,
    personal_menus: PersonalMenus,
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
    who = mention(outcome.user_id, outcome.name)
    await message.reply(texts("grant-done", who=who, role=role.key, title=operator.title))
    await personal_menus.refresh(outcome.user_id, changed=True)


async def cmd_revoke(
    message: Message,
    *,
    command: CommandObject,
    operator: OperatorContext,
    texts: Texts,
    roles: Roles,
    confirmations: Confirmations,
) -> None:
    """Asks first (handlers/confirm.py): Yes revokes, and Undo gives the role back."""
    subject = subject_of(message, (command.args or "").split(), operator)
    held = (
        subject if isinstance(subject, NoSubject) else await roles.held(operator.chat_id, subject)
    )
    if isinstance(held, NoSubject):
        key = "revoke-usage" if held == SUBJECT_MISSING else held.key
        await message.reply(texts(key, who=held.who))
        return
    person, role = held
    if role is None:
        await message.reply(texts("revoke-nothing", who=person.name, title=operator.title))
        return
    said = await confirmations.reader(message, operator, texts)
    await confirmations.ask(
        message,
        operator,
        said,
        kind=ROLE_REVOKE,
        payload={"user_id": person.user_id, "name": person.name},
        question="confirm-revoke",
        subject_user_id=person.user_id,
        name=person.name,
        role=role,
    )


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
    return Built(services={"roles": Roles(wiring.session_factory)})


FEATURE = Feature(name="operators", operator=(create_router,), build=build)
