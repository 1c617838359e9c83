"""/language: in a group an operator sets the group's language; in private anyone sets their own."""

from __future__ import annotations

from typing import cast

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.domain.roles import OperatorCommand, Role
from bot.i18n import Locale, Texts, Translator, locale_of
from bot.services.languages import Languages
from handlers.authority import operator_command, public_command
from handlers.features import Built, Feature, Wiring
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
    languages: Languages,
) -> None:
    locale = locale_of((command.args or "").strip())
    if locale is None:
        await message.reply(texts("language-group-usage"))
        return
    await languages.choose_for_group(operator.chat_id, operator.actor, locale)
    await message.reply(translator.bind(locale)("language-group-set"))


async def cmd_my_language(
    message: Message,
    *,
    command: CommandObject,
    texts: Texts,
    translator: Translator,
    languages: Languages,
) -> None:
    locale = locale_of((command.args or "").strip())
    if locale is None or message.from_user is None:
        await message.answer(texts("language-private-usage"))
        return
    kept = await languages.choose_for_person(message.from_user.id, locale)
    key = "language-private-set" if kept else "language-private-forgotten"
    await message.answer(translator.bind(locale)(key))


def create_group_router() -> Router:
    router = Router(name=__name__)
    operator_command(router, GROUP_LANGUAGE, cmd_group_language)
    return router


def create_private_router() -> Router:
    router = Router(name=f"{__name__}.private")
    public_command(router, "language", cmd_my_language)
    return router


def build(wiring: Wiring) -> Built:
    default = cast(Locale, wiring.settings.default_language)
    return Built(services={"languages": Languages(wiring.session_factory, default)})


FEATURE = Feature(
    name="language",
    group_commands=(create_group_router,),
    private=(create_private_router,),
    build=build,
)
