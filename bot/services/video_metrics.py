"""Platform numbers in: a whole file (CSV/XLSX) or one typed line, checked completely before
anything is stored and stored in one transaction with its audit entry."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import audit
from bot.db.chat_settings import group
from bot.db.video_metrics import import_metrics
from bot.domain.audit import AuditEvent
from bot.domain.roles import Actor
from bot.domain.video_metrics_import import ImportReport, ParsedMetrics, parse_metrics
from bot.domain.video_metrics_line import parse_metrics_line
from bot.domain.video_metrics_read import MetricsFileError
from bot.services.bounded_parse import PARSE_DEADLINE_S, parse_bounded

log = structlog.get_logger(__name__)

IMPORTED = "video-metrics-imported"


class VideoMetrics:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        default_timezone: str,
        parse_seconds: float = PARSE_DEADLINE_S,
    ) -> None:
        self._session_factory = session_factory
        self._default_timezone = default_timezone
        self._parse_seconds = parse_seconds

    async def import_file(
        self, chat_id: int, actor: Actor, content: bytes, *, confirmed: bool = False
    ) -> ImportReport:
        """MetricsFileError when the file cannot be read at all: then nothing is stored.
        `confirmed`: cumulative totals that go down are stored instead of refused.
        ParseBudgetExceeded when reading it takes longer than its budget."""
        try:
            parsed = await parse_bounded(parse_metrics, content, deadline=self._parse_seconds)
        except MetricsFileError as error:
            log.info("video_metrics.file_refused", code=error.code.value, detail=error.detail)
            raise
        return await self._store(chat_id, actor, parsed, confirmed=confirmed)

    async def import_line(
        self, chat_id: int, actor: Actor, line: str, *, confirmed: bool = False
    ) -> ImportReport:
        """One typed row; a line without a day means today in the group's timezone. LineError
        when the line cannot be read."""
        async with self._session_factory() as session:
            record = await group(session, chat_id)
        timezone = ZoneInfo((record.timezone if record else None) or self._default_timezone)
        parsed = parse_metrics_line(line, datetime.now(timezone).date())
        return await self._store(chat_id, actor, parsed, confirmed=confirmed)

    async def _store(
        self, chat_id: int, actor: Actor, parsed: ParsedMetrics, *, confirmed: bool
    ) -> ImportReport:
        now = datetime.now(UTC)
        async with self._session_factory() as session, session.begin():
            report = await import_metrics(session, chat_id, parsed, now, confirmed=confirmed)
            if report.stored:
                detail = f"{report.taken}+{report.updated}/{len(report.refused)}"
                await audit.record(
                    session,
                    AuditEvent(
                        chat_id=chat_id, actor=actor, action=IMPORTED, at=now, detail=detail
                    ),
                )
        log.info(
            "video_metrics.imported",
            chat_id=chat_id,
            taken=report.taken,
            updated=report.updated,
            unchanged=report.unchanged,
            refused=len(report.refused),
        )
        return report
