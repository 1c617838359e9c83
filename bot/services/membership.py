"""The bot joining and leaving groups: the group is active (and remembers who added the bot) or
inactive, and whoever changed the bot's membership hears what it may do there now. The group
itself hears once what the bot files and how fans see and erase their data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import adopt_group_language, group, mark_group_removed, register_group
from bot.db.introductions import claim_introduction, release_introduction
from bot.domain.roles import GONE_STATUSES, Actor
from bot.i18n import Locale
from bot.services.health import BotRights
from bot.services.languages import Languages
from bot.services.roles import end_role

log = structlog.get_logger(__name__)


class GroupDirectory(Protocol):
    async def forget(self, chat_id: int) -> None:
        """Drop what is cached about the group's administrators."""
        ...

    async def rights(self, chat_id: int) -> BotRights | None: ...


@dataclass(frozen=True, slots=True)
class Chat:
    id: int
    type: str
    title: str | None
    username: str | None


@dataclass(frozen=True, slots=True)
class Changer:
    """Who changed the bot's membership."""

    user_id: int
    is_bot: bool
    language: str | None  # their Telegram client's


@dataclass(frozen=True, slots=True)
class JoinReport:
    """What to tell the person who added the bot (or changed its rights), in their language."""

    joined: bool  # False: only the bot's rights changed
    rights: BotRights
    locale: Locale


class Membership:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        groups: GroupDirectory,
        languages: Languages,
    ) -> None:
        self._session_factory = session_factory
        self._groups = groups
        self._languages = languages

    async def bot_status_changed(
        self, chat: Chat, changer: Changer, *, old_status: str, status: str
    ) -> JoinReport | None:
        """None: nothing to tell anyone (the bot left, a bot changed it, or the group cannot
        be reached)."""
        await self._groups.forget(chat.id)
        if status in GONE_STATUSES:
            # Removed or kicked: the group is inactive and hears nothing more from us.
            async with self._session_factory() as session, session.begin():
                await mark_group_removed(
                    session, chat.id, "kicked" if status == "kicked" else "removed"
                )
            log.info("group.removed", chat_id=chat.id, status=status)
            return None
        # A new group speaks the language of the person who added the bot, until its operators
        # choose one: their join report and the group's next answers then agree.
        locale = await self._languages.of_person(changer.user_id, changer.language)
        now = datetime.now(UTC)
        async with self._session_factory() as session, session.begin():
            known = await group(session, chat.id)
            joined = old_status in GONE_STATUSES or known is None or not known.is_active
            await register_group(
                session,
                chat_id=chat.id,
                chat_type=chat.type,
                title=chat.title,
                username=chat.username,
                added_by_user_id=changer.user_id if joined and not changer.is_bot else None,
                now=now,
            )
            if joined and not changer.is_bot:
                await adopt_group_language(session, chat.id, locale, now)
        log.info(
            "group.joined" if joined else "group.rights_changed", chat_id=chat.id, status=status
        )
        if changer.is_bot:
            return None
        rights = await self._groups.rights(chat.id)
        if rights is None:
            return None
        return JoinReport(joined, rights, locale)

    async def member_status_changed(
        self, chat_id: int, user_id: int, changer: Actor, status: str
    ) -> bool:
        """A member's chat_member update: one who left or was removed loses their granted role
        there (audited, by whoever removed them); whether a role ended."""
        if status not in GONE_STATUSES:
            return False
        async with self._session_factory() as session, session.begin():
            ended = await end_role(
                session, chat_id, user_id, actor=changer, status=status, at=datetime.now(UTC)
            )
        if ended:
            log.info("role.ended", chat_id=chat_id, status=status)
        return ended

    async def introduce_once(self, chat_id: int) -> Locale | None:
        """The group's language when the bot should now tell the group what it does with its
        messages: once per group, not again when added back or after a restart."""
        async with self._session_factory() as session, session.begin():
            if not await claim_introduction(session, chat_id, datetime.now(UTC)):
                return None
        return await self._languages.of_group(chat_id)

    async def introduction_failed(self, chat_id: int) -> None:
        async with self._session_factory() as session, session.begin():
            await release_introduction(session, chat_id)
