"""How a chat opens the dashboard (bot/dashboard/): a `web_app` button in private chat, where
Telegram allows one; from a group, where it refuses them, a t.me direct link to the Mini App
(when BotFather's short name is set) or nothing. The group named in either is data for the
screens, never authority: the API checks the role on every call."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)

from bot.config import Settings

START_GROUP_PREFIX = "g"


@dataclass(frozen=True, slots=True)
class DashboardLinks:
    url: str | None  # DASHBOARD_URL; None: no dashboard buttons anywhere
    short_name: str | None  # MINIAPP_SHORT_NAME

    @classmethod
    def from_settings(cls, settings: Settings) -> DashboardLinks:
        return cls(settings.dashboard_url, settings.miniapp_short_name)

    @property
    def enabled(self) -> bool:
        return self.url is not None

    def web_app(self, group_id: int | None = None) -> WebAppInfo:
        assert self.url is not None
        return WebAppInfo(url=self.url if group_id is None else f"{self.url}?group={group_id}")

    def menu_button(self, label: str) -> MenuButtonWebApp | MenuButtonDefault:
        if self.url is None:
            return MenuButtonDefault()
        return MenuButtonWebApp(text=label, web_app=self.web_app())

    async def direct_link(self, bot: Bot, group_id: int) -> str | None:
        """t.me/<bot>/<short name>?startapp=g<chat id>: opens the Mini App from any chat."""
        if self.url is None or self.short_name is None:
            return None
        me = await bot.me()
        if not me.username:
            return None
        return (
            f"https://t.me/{me.username}/{self.short_name}?startapp={START_GROUP_PREFIX}{group_id}"
        )

    async def button(
        self, bot: Bot, label: str, chat_id: int, group_id: int | None
    ) -> InlineKeyboardMarkup | None:
        """The opener for a message to `chat_id`: a web_app button in a private chat, the
        direct link in a group (None when there is neither)."""
        if self.url is None:
            return None
        if chat_id > 0:
            button = InlineKeyboardButton(text=label, web_app=self.web_app(group_id))
        else:
            if group_id is None:
                return None
            link = await self.direct_link(bot, group_id)
            if link is None:
                return None
            button = InlineKeyboardButton(text=label, url=link)
        return InlineKeyboardMarkup(inline_keyboard=[[button]])


NO_LINKS = DashboardLinks(None, None)
