"""Command menus (setMyCommands): what fans see in groups, what administrators see, what
operators see in private chat; in English (the default) and Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeUnion,
)

from bot.i18n import Locale, Translator

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class CommandMenus:
    """Command names per audience, in menu order."""

    fans: Sequence[str]
    administrators: Sequence[str]
    private: Sequence[str]

    def scopes(self) -> list[tuple[BotCommandScopeUnion, Sequence[str]]]:
        return [
            (BotCommandScopeAllGroupChats(), self.fans),
            (BotCommandScopeAllChatAdministrators(), self.administrators),
            (BotCommandScopeAllPrivateChats(), self.private),
        ]


def menu(translator: Translator, locale: Locale, names: Sequence[str]) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=translator.text(locale, f"menu-{name}", False))
        for name in names
    ]


# setMyCommands takes a two-letter ISO 639-1 code: Simplified and Traditional readers share "zh".
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
