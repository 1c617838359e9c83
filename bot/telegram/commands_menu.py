"""Command menus (setMyCommands): what fans see in groups and in private chat, what
administrators see in groups, and what each operator sees in their own private chat (the console
commands of their role); in English (the default) and Chinese."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeDefault,
    BotCommandScopeUnion,
)

from bot.domain.roles import Role
from bot.i18n import Locale, Translator

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class CommandMenus:
    """Command names per audience, in menu order.

    fans: a group, for everyone; administrators: a group, for its administrators;
    private: everyone's private chat (fans' commands only); consoles: an operator's own private
    chat, by their highest role (set per chat, bot/telegram/personal_menus.py)."""

    fans: Sequence[str]
    administrators: Sequence[str]
    private: Sequence[str]
    consoles: Mapping[Role, Sequence[str]]

    def scopes(self) -> list[tuple[BotCommandScopeUnion, Sequence[str]]]:
        return [
            (BotCommandScopeDefault(), self.private),
            (BotCommandScopeAllGroupChats(), self.fans),
            (BotCommandScopeAllChatAdministrators(), self.administrators),
            (BotCommandScopeAllPrivateChats(), self.private),
        ]

    def console(self, role: Role) -> Sequence[str]:
        return self.consoles.get(role, self.private)


def menu(translator: Translator, locale: Locale, names: Sequence[str]) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=translator.text(locale, f"menu-{name}", False))
        for name in names
    ]


# setMyCommands takes a two-letter ISO 639-1 code: Simplified and Traditional readers share "zh".
# A personal menu has no such limit: it is written in its reader's own language.
MENU_LANGUAGES: dict[Locale, str | None] = {"en": None, "zh": "zh"}


async def set_command_menus(bot: Bot, translator: Translator, menus: CommandMenus) -> None:
    """English is the menu for every language without its own; Chinese readers get theirs."""
    try:
        for scope, names in menus.scopes():
            for locale, language_code in MENU_LANGUAGES.items():
                await bot.set_my_commands(
                    menu(translator, locale, names), scope=scope, language_code=language_code
                )
    except TelegramAPIError as error:
        log.warning("commands_menu.failed", error=type(error).__name__)
