"""Each group's retention of comment text: the setting operators change, and the daily purge
of text past it, as a clock job source.

One job series ("retention:purge", a UTC day per run) purges every group with a setting, each
group in its own transaction. Purging is idempotent (cleared text stays cleared), so a run cut
short is completed by the next one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit, job_runs
from bot.db.retention import (
    clear_retention,
    purge_older,
    retention_days,
    retention_settings,
    set_retention,
    texts_older,
)
from bot.domain.audit import AuditEvent
from bot.domain.recurrence import Run, Schedule
from bot.domain.roles import Actor
from bot.services.clock import Action, PlannedJob, schedule_jobs, utc_now

log = structlog.get_logger(__name__)

JOB = "retention:purge"
PURGE_SCHEDULE = Schedule(time(3, 0), "UTC")
MAX_DAYS = 3650


def parse_retention(text: str) -> int | None | str:
    """`90d`, `90`, `90天` -> 90; `off`/`关闭` -> None; anything else -> the text back (an
    error the handler reports)."""
    word = text.strip().lower()
    if word in ("off", "关闭", "关", "關閉"):
        return None
    for suffix in ("days", "day", "d", "天"):
        if word.endswith(suffix):
            word = word[: -len(suffix)].strip()
            break
    if not word.isascii() or not word.isdigit() or not 1 <= int(word) <= MAX_DAYS:
        return text
    return int(word)


class RetentionService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._session_factory = session_factory
        self._now = now

    async def days(self, chat_id: int) -> int | None:
        """The group's retention in days; None when text is kept."""
        async with self._session_factory() as session:
            return await retention_days(session, chat_id)

    async def would_erase(self, chat_id: int, days: int) -> int:
        """How many stored comments' text a retention of `days` erases at the next purge."""
        async with self._session_factory() as session:
            return await texts_older(session, chat_id, self._now() - timedelta(days=days))

    async def set(self, chat_id: int, actor: Actor, days: int | None) -> None:
        """Purge text older than `days` from now on (None: keep it); audited when it changes."""
        now = self._now()
        async with self._session_factory() as session, session.begin():
            if days is None:
                changed = await clear_retention(session, chat_id)
            else:
                await set_retention(session, chat_id, days, now)
                changed = True
            if changed:
                await audit.record(
                    session,
                    AuditEvent(
                        chat_id=chat_id,
                        actor=actor,
                        action="retention-set",
                        at=now,
                        detail=str(days or 0),
                    ),
                )

    async def planned(self, session: AsyncSession, now: datetime) -> Sequence[PlannedJob]:
        if not await retention_settings(session):
            return []
        last = (await job_runs.last_periods(session, [JOB])).get(JOB)
        return schedule_jobs(JOB, PURGE_SCHEDULE, last, now, self._action)

    def _action(self, run: Run) -> Action:
        async def purge() -> str:
            return await self.purge_all()

        return purge

    async def purge_all(self) -> str:
        async with self._session_factory() as session:
            settings = await retention_settings(session)
        cleared = 0
        for chat_id, days in sorted(settings.items()):
            async with self._session_factory() as session, session.begin():
                purged = await purge_older(session, chat_id, days, self._now())
            cleared += purged.comments
            log.info(
                "retention.purged",
                chat_id=chat_id,
                days=days,
                comments=purged.comments,
                versions=purged.versions,
                failed_updates=purged.failed_updates,
            )
        return f"{len(settings)} groups, {cleared} comments cleared"
