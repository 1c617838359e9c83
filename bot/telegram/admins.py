"""Telegram's view of who administers a group: cached briefly, corrected by chat_member updates,
asked live before destructive actions. Also the bot's own rights in a group."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.domain.roles import TELEGRAM_ADMIN_STATUSES
from bot.services.health import BotRights

log = structlog.get_logger(__name__)

ADMIN_CACHE_SECONDS = 120.0


def status_of(member: object) -> str:
    """The plain status string ("creator", "left" ...): aiogram may hold a ChatMemberStatus,
    whose str() is its qualified name, not its value."""
    return plain(getattr(member, "status", ""))


def membership_status(member: object) -> str:
    """The status as membership sees it: a restricted person who is no longer in the group
    (`is_member` false) has left it."""
    status = status_of(member)
    if status == "restricted" and getattr(member, "is_member", True) is False:
        return "left"
    return status


def plain(value: object) -> str:
    return str(getattr(value, "value", value))


class AdminStore(Protocol):
    """Where cached administrator lists live: this process (MemoryAdminStore) or Redis
    (bot/telegram/redis_admins.py), shared by every instance so that a chat_member update seen
    by one corrects the others."""

    async def get(self, chat_id: int) -> dict[int, str] | None:
        """The cached administrators (user id -> status), or None when not cached or expired."""
        ...

    async def put(self, chat_id: int, statuses: Mapping[int, str], ttl: float) -> None: ...

    async def set_status(self, chat_id: int, user_id: int, status: str | None) -> None:
        """Correct a cached list (None: no longer an administrator); nothing when not cached."""
        ...

    async def forget(self, chat_id: int) -> None: ...

    async def groups_of(self, user_id: int) -> set[int]: ...


@dataclass
class MemoryAdminStore:
    clock: Callable[[], float] = time.monotonic
    _entries: dict[int, tuple[float, dict[int, str]]] = field(default_factory=dict)

    async def get(self, chat_id: int) -> dict[int, str] | None:
        entry = self._entries.get(chat_id)
        return entry[1] if entry is not None and entry[0] > self.clock() else None

    async def put(self, chat_id: int, statuses: Mapping[int, str], ttl: float) -> None:
        self._entries[chat_id] = (self.clock() + ttl, dict(statuses))

    async def set_status(self, chat_id: int, user_id: int, status: str | None) -> None:
        entry = self._entries.get(chat_id)
        if entry is None:
            return
        if status is None:
            entry[1].pop(user_id, None)
        else:
            entry[1][user_id] = status

    async def forget(self, chat_id: int) -> None:
        self._entries.pop(chat_id, None)

    async def groups_of(self, user_id: int) -> set[int]:
        return {chat_id for chat_id, (_, admins) in self._entries.items() if user_id in admins}


@dataclass
class AdminCache:
    """getChatAdministrators per group, kept for `ttl` seconds (a stale entry costs at most `ttl`
    of extra authority, and destructive actions ask Telegram live). In process memory by
    default; with several instances the store is Redis."""

    ttl: float = ADMIN_CACHE_SECONDS
    clock: Callable[[], float] = time.monotonic
    store: AdminStore | None = None

    def __post_init__(self) -> None:
        if self.store is None:
            self.store = MemoryAdminStore(self.clock)

    @property
    def _store(self) -> AdminStore:
        assert self.store is not None
        return self.store

    async def admins(self, bot: Bot, chat_id: int) -> Mapping[int, str]:
        cached = await self._store.get(chat_id)
        if cached is not None:
            return cached
        try:
            members = await bot.get_chat_administrators(chat_id)
        except TelegramAPIError as error:
            # Not a member any more, or the chat is gone: nobody has Telegram authority here.
            log.info("admins.unavailable", chat_id=chat_id, error=type(error).__name__)
            return {}
        statuses = {member.user.id: status_of(member) for member in members}
        await self._store.put(chat_id, statuses, self.ttl)
        return statuses

    async def status(self, bot: Bot, chat_id: int, user_id: int) -> str | None:
        return (await self.admins(bot, chat_id)).get(user_id)

    async def live_status(self, bot: Bot, chat_id: int, user_id: int) -> str | None:
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except TelegramAPIError as error:
            log.info("admins.live_unavailable", chat_id=chat_id, error=type(error).__name__)
            return None
        status = membership_status(member)
        await self.member_changed(chat_id, user_id, status)
        return status

    async def member_changed(self, chat_id: int, user_id: int, status: str) -> None:
        await self._store.set_status(
            chat_id, user_id, status if status in TELEGRAM_ADMIN_STATUSES else None
        )

    async def groups_of(self, user_id: int) -> set[int]:
        """Groups where this person was last known as an administrator (candidates only)."""
        return await self._store.groups_of(user_id)

    async def forget(self, chat_id: int) -> None:
        await self._store.forget(chat_id)


@dataclass(frozen=True, slots=True)
class TelegramAdmins:
    """The administrators cache and the bot's own rights through one bot: what the services ask
    Telegram about a group (bot/services/authority.py `AdminDirectory`)."""

    bot: Bot
    cache: AdminCache

    async def status(self, chat_id: int, user_id: int) -> str | None:
        return await self.cache.status(self.bot, chat_id, user_id)

    async def live_status(self, chat_id: int, user_id: int) -> str | None:
        return await self.cache.live_status(self.bot, chat_id, user_id)

    async def groups_of(self, user_id: int) -> set[int]:
        return await self.cache.groups_of(user_id)

    async def administrators(self, chat_id: int) -> set[int]:
        """The group's owner and administrators (cached, like `status`)."""
        return set(await self.cache.admins(self.bot, chat_id))

    async def forget(self, chat_id: int) -> None:
        await self.cache.forget(chat_id)

    async def rights(self, chat_id: int) -> BotRights | None:
        return await bot_rights(self.bot, chat_id)


async def bot_rights(bot: Bot, chat_id: int) -> BotRights | None:
    """The bot's own membership now (getChatMember of itself, getMe for privacy mode)."""
    try:
        me = await bot.me()
        member = await bot.get_chat_member(chat_id, me.id)
    except TelegramAPIError as error:
        log.info("bot_rights.unavailable", chat_id=chat_id, error=type(error).__name__)
        return None
    status = status_of(member)
    # ChatMemberMember has no such field: it may send.
    return BotRights(
        status=status,
        privacy_off=bool(me.can_read_all_group_messages),
        can_send_messages=status == "creator" or bool(getattr(member, "can_send_messages", True)),
    )
