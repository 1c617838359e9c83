"""Everything an operator can set for a group, read at once for the settings panel."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import digest as digests
from bot.db.chat_settings import group
from bot.db.operators import role_holders, user_name
from bot.db.retention import retention_days
from bot.db.tag_sets import load_tag_set
from bot.domain.weekdays import read_days
from bot.i18n import Locale, locale_of
from bot.services.digest_delivery import DEFAULT_TIME


@dataclass(frozen=True, slots=True)
class RoleHolder:
    user_id: int
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class GroupSettings:
    language: Locale
    timezone: str
    digest_time: str
    digest_days: frozenset[int]
    digest_chat_id: int | None
    digest_chat_title: str | None  # None when the bot never saw that chat's title
    retention_days: int | None  # None: text is kept
    tags: tuple[str, ...]
    holders: tuple[RoleHolder, ...]


class GroupSettingsReader:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        default_language: Locale,
        default_timezone: str,
    ) -> None:
        self._session_factory = session_factory
        self._default_language = default_language
        self._default_timezone = default_timezone

    async def of_group(self, chat_id: int) -> GroupSettings:
        async with self._session_factory() as session:
            record = await group(session, chat_id)
            local_time, operators_chat = await digests.digest_settings(session, chat_id)
            days = await digests.digest_days(session, chat_id)
            target = await group(session, operators_chat) if operators_chat is not None else None
            holders = [
                RoleHolder(user_id, await user_name(session, user_id) or str(user_id), role)
                for user_id, role in await role_holders(session, chat_id)
            ]
            return GroupSettings(
                language=locale_of(record.language if record else None) or self._default_language,
                timezone=(record.timezone if record else None) or self._default_timezone,
                digest_time=local_time or f"{DEFAULT_TIME:%H:%M}",
                digest_days=read_days(days),
                digest_chat_id=operators_chat,
                digest_chat_title=target.title if target else None,
                retention_days=await retention_days(session, chat_id),
                tags=(await load_tag_set(session, chat_id)).names,
                holders=tuple(holders),
            )
