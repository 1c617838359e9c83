"""Reading a group's audit log: its operator actions, newest first, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.chat_settings import group
from bot.db.operators import user_name
from bot.domain.audit import PAGE_SIZE, AuditEvent, AuditPage, clamp_page, page_count


@dataclass(frozen=True, slots=True)
class Entry:
    at: datetime
    by_anonymous_admin: bool
    actor: str  # a name, or the id of someone the bot never saw
    action: str
    subject: str  # empty when the action is about nobody in particular
    detail: str


@dataclass(frozen=True, slots=True)
class AuditView:
    page: AuditPage
    entries: list[Entry]
    timezone: str  # the group's, else the bot's default


class AuditLog:
    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], default_timezone: str
    ) -> None:
        self._session_factory = session_factory
        self._default_timezone = default_timezone

    async def page(self, chat_id: int, wanted: int) -> AuditView:
        """Page `wanted` (from 0), or the nearest one that exists."""
        async with self._session_factory() as session:
            pages = page_count(await audit.count(session, chat_id))
            number = clamp_page(wanted, pages)
            events = await audit.newest_first(session, chat_id, number * PAGE_SIZE, PAGE_SIZE)
            record = await group(session, chat_id)
            timezone = (record.timezone if record else None) or self._default_timezone
            entries = [await _entry(session, event) for event in events]
        return AuditView(AuditPage(events, number, pages), entries, timezone)


async def _entry(session: AsyncSession, event: AuditEvent) -> Entry:
    actor = ""
    if not event.actor.is_anonymous_admin:
        assert event.actor.user_id is not None
        actor = await user_name(session, event.actor.user_id) or str(event.actor.user_id)
    subject = ""
    if event.subject_user_id is not None:
        subject = await user_name(session, event.subject_user_id) or str(event.subject_user_id)
    return Entry(
        at=event.at,
        by_anonymous_admin=event.actor.is_anonymous_admin,
        actor=actor,
        action=event.action,
        subject=subject,
        detail=event.detail or "",
    )
