"""A group's time zone: what it is, and choosing it (audited, the clock re-planned).

Everything local follows the zone at the moment it is read: digests go out at their local time
in the group's current zone, "today" and busiest hours are its days and hours. A deadline already
set (a poll's close, a giveaway's end) is a moment in UTC and keeps it; the answer to a change
says when those now fall, so an operator who typed "明天 20:00" under the wrong zone sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db import digest as digests
from bot.db import giveaways as giveaway_store
from bot.db import polls as poll_store
from bot.db.chat_settings import group_timezone, set_group_timezone
from bot.domain.audit import AuditAction, AuditEvent
from bot.domain.recurrence import next_run
from bot.domain.roles import Actor
from bot.services.clock import Clock
from bot.services.digest_delivery import DEFAULT_TIME, parse_local_time


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: str  # "poll" or "giveaway"
    number: int
    at: datetime  # UTC: it does not move with the zone


@dataclass(frozen=True, slots=True)
class ZoneChange:
    before: str
    after: str
    digest_was: datetime  # the next digest under the old zone, UTC
    digest_now: datetime  # and under the new one
    deadlines: tuple[Deadline, ...]


class GroupTimezones:
    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], clock: Clock, default: str
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._default = default

    async def of_group(self, chat_id: int) -> str:
        async with self._session_factory() as session:
            return await group_timezone(session, chat_id) or self._default

    async def choose(self, chat_id: int, actor: Actor, timezone: str) -> ZoneChange:
        now = datetime.now(UTC)
        async with self._session_factory() as session, session.begin():
            before = await group_timezone(session, chat_id) or self._default
            local_time, _ = await digests.digest_settings(session, chat_id)
            digest_time = parse_local_time(local_time or "") or DEFAULT_TIME
            await set_group_timezone(session, chat_id, timezone, now)
            await audit.record(
                session,
                AuditEvent(
                    chat_id=chat_id,
                    actor=actor,
                    action=AuditAction.GROUP_TIMEZONE_SET,
                    at=now,
                    detail=f"{before} → {timezone}",
                ),
            )
            deadlines = await _open_deadlines(session, chat_id)
        await self._clock.rebuild(chat_id)
        return ZoneChange(
            before=before,
            after=timezone,
            digest_was=next_run(digest_time, before, now),
            digest_now=next_run(digest_time, timezone, now),
            deadlines=deadlines,
        )


async def _open_deadlines(session: AsyncSession, chat_id: int) -> tuple[Deadline, ...]:
    polls = [
        Deadline("poll", poll.id, poll.close_at)
        for poll in await poll_store.open_and_recent(session, chat_id)
        if poll.status in ("open", "scheduled") and poll.close_at is not None
    ]
    giveaways = [
        Deadline("giveaway", record.id, record.ends_at)
        for record in await giveaway_store.recent(session, chat_id, limit=20)
        if record.status == "open"
    ]
    return tuple(sorted([*polls, *giveaways], key=lambda deadline: deadline.at))
