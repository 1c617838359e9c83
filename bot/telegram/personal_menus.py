"""Each operator's own command menu: their private chat (BotCommandScopeChat) lists the console
commands of the highest role they hold in any group, in their own language; a person without a
role keeps the fans' menu of every private chat. With a dashboard (DASHBOARD_URL), the same
moments set their chat's menu button to open it, and a revoke puts the default one back."""

from __future__ import annotations

from typing import Protocol

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommandScopeChat, MenuButtonDefault

from bot.domain.roles import Role
from bot.i18n import Locale, Translator
from bot.services.languages import Languages
from bot.telegram.commands_menu import CommandMenus, menu
from bot.telegram.dashboard_links import NO_LINKS, DashboardLinks

log = structlog.get_logger(__name__)


class HighestRole(Protocol):
    async def highest_role(self, user_id: int) -> Role: ...


class PersonalMenus:
    """Sends a person's menu only when it differs from the one this process last sent them.

    `changed=True` (a role was just granted, revoked, or Telegram changed an administrator)
    sends it whatever this process remembers: a menu set before a restart may be stale."""

    def __init__(
        self,
        bot: Bot,
        translator: Translator,
        menus: CommandMenus,
        roles: HighestRole,
        languages: Languages,
        *,
        dashboard: DashboardLinks = NO_LINKS,
    ) -> None:
        self._bot = bot
        self._dashboard = dashboard
        self._translator = translator
        self._menus = menus
        self._roles = roles
        self._languages = languages
        self._shown: dict[int, tuple[Role, Locale]] = {}

    async def refresh(
        self, user_id: int, client_language: str | None = None, *, changed: bool = False
    ) -> Role:
        """The person's role now (their menu set to match); Role.NONE for a fan."""
        role = await self._roles.highest_role(user_id)
        locale = (
            await self._languages.of_someone_else(user_id)
            if client_language is None
            else await self._languages.of_person(user_id, client_language)
        )
        shown = self._shown.get(user_id)
        if not changed and (shown == (role, locale) or (shown is None and role is Role.NONE)):
            return role
        scope = BotCommandScopeChat(chat_id=user_id)
        try:
            if role is Role.NONE:
                await self._bot.delete_my_commands(scope=scope)
            else:
                names = self._menus.console(role)
                await self._bot.set_my_commands(menu(self._translator, locale, names), scope=scope)
            if self._dashboard.enabled:
                label = self._translator.text(locale, "dashboard-menu-button", False)
                button = (
                    MenuButtonDefault() if role is Role.NONE else self._dashboard.menu_button(label)
                )
                await self._bot.set_chat_menu_button(chat_id=user_id, menu_button=button)
        except TelegramAPIError as error:
            # Someone who never opened the bot has no private chat to set a menu for yet.
            log.info("personal_menu.failed", user_id=user_id, error=type(error).__name__)
            return role
        if role is Role.NONE:
            self._shown.pop(user_id, None)
        else:
            self._shown[user_id] = (role, locale)
        return role
