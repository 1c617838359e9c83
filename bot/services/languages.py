"""Which language a reader gets: a group's (chosen by its operators), a person's (chosen in
private chat, else their Telegram client's), and the choices themselves."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.chat_settings import group_language, set_group_language
from bot.db.privacy import is_forgotten
from bot.db.user_settings import person_languages, set_user_language, user_language
from bot.domain.audit import AuditAction, AuditEvent
from bot.domain.roles import Actor
from bot.i18n import Locale, choose_locale, locale_of


class Languages:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession], default: Locale) -> None:
        self._session_factory = session_factory
        self._default = default

    async def of_group(self, chat_id: int) -> Locale:
        async with self._session_factory() as session:
            chosen = await group_language(session, chat_id)
        return locale_of(chosen) or self._default

    async def of_person(self, user_id: int, client_language: str | None) -> Locale:
        async with self._session_factory() as session:
            chosen = await user_language(session, user_id)
        return choose_locale(chosen, client_language, self._default)

    async def of_someone_else(self, user_id: int) -> Locale:
        """The language of a person who is not the one writing now (the subject of a /grant):
        what they chose, else the Telegram language they last wrote with."""
        async with self._session_factory() as session:
            chosen, telegram = await person_languages(session, user_id)
        return choose_locale(chosen, telegram, self._default)

    async def choose_for_group(self, chat_id: int, actor: Actor, locale: Locale) -> None:
        now = datetime.now(UTC)
        async with self._session_factory() as session, session.begin():
            await set_group_language(session, chat_id, locale, now)
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action=AuditAction.GROUP_LANGUAGE_SET,
                    at=now,
                    detail=locale,
                ),
            )

    async def choose_for_person(self, user_id: int, locale: Locale) -> bool:
        """Keep a person's choice; False when they asked to be forgotten (nothing is kept)."""
        async with self._session_factory() as session, session.begin():
            if await is_forgotten(session, user_id):
                return False
            await set_user_language(session, user_id, locale, datetime.now(UTC))
        return True
