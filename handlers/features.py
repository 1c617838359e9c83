"""What a feature adds to the bot, declared in one place (ARCHITECTURE.md section 10).

Each feature module ends with `FEATURE = Feature(...)`: its routers per scope, the update types
it needs, what it observes on the dispatcher itself, its digest sections and health probes, and
`build`, which makes its services once from the composition root's `Wiring`. handlers/__init__.py
builds the dispatcher, the clock and the command menus from the list of them; nothing else needs
to be told that a feature exists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher, Router
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import Translator
from bot.services.authority import Authority
from bot.services.chart_pool import ChartPool
from bot.services.clock import Clock, JobSource
from bot.services.digest_render import DigestSection, DigestSections
from bot.services.health import FeatureProbe
from bot.telegram.admins import AdminCache, TelegramAdmins
from bot.telegram.commands_menu import CommandMenus

RouterFactory = Callable[[], Router]


@dataclass(frozen=True, slots=True)
class Wiring:
    """What the composition root hands every feature's `build`: one of each per process."""

    bot: Bot
    settings: Settings
    session_factory: async_sessionmaker[AsyncSession]
    translator: Translator
    admins: AdminCache
    # What Telegram says about a group's members, and who may act there: one each per process.
    directory: TelegramAdmins
    authority: Authority
    clock: Clock
    digest_sections: DigestSections
    # The menus built from every feature's declarations, for the per-person ones.
    menus: CommandMenus
    charts: ChartPool


@dataclass(slots=True)
class Built:
    """A feature's services, made once. `services` reach handlers by name (aiogram injects
    workflow data as keyword arguments); `clock_sources` are added to the clock; `health_probes`
    join the static ones on /status."""

    services: dict[str, object] = field(default_factory=dict)
    clock_sources: list[JobSource] = field(default_factory=list)
    health_probes: dict[str, FeatureProbe] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Feature:
    """Scopes, in the order the dispatcher tries them:
    - `operator`: operator commands, in a group and, against the current group, in private chat;
    - `group_commands`: commands that only make sense in a group;
    - `group`: other group messages a feature answers (replies to the bot, channel forwards);
    - `private`: private-chat messages (fans' commands, documents);
    - `buttons`: callback queries;
    - `chat_updates`: my_chat_member / chat_member routers.
    `fallback_commands` are tried after every feature's commands, in groups and in private chat.
    `private_fallback` is tried last in private chat: what nothing else answered.
    `observers` registers on the dispatcher itself (hot update types: votes, reactions, plain
    chat), ahead of every router."""

    name: str
    operator: Sequence[RouterFactory] = ()
    group_commands: Sequence[RouterFactory] = ()
    group: Sequence[RouterFactory] = ()
    private: Sequence[RouterFactory] = ()
    buttons: Sequence[RouterFactory] = ()
    chat_updates: Sequence[RouterFactory] = ()
    fallback_commands: Sequence[RouterFactory] = ()
    private_fallback: Sequence[RouterFactory] = ()
    observers: Callable[[Dispatcher], None] | None = None
    update_types: Sequence[str] = ()
    digest_sections: Mapping[str, Callable[[], DigestSection]] = field(default_factory=dict)
    health_probes: Mapping[str, FeatureProbe] = field(default_factory=dict)
    build: Callable[[Wiring], Built] | None = None
