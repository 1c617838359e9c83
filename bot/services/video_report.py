"""/video: one video's report card with its funnel (bot/services/video_links.py), read in one
session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.video_report import report, video_by_number
from bot.domain.video_report import ReportedVideo
from bot.services.video_links import with_funnels


class VideoReports:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._session_factory = session_factory
        self._now = now

    async def card(
        self, chat_id: int, number: int, now: datetime | None = None
    ) -> ReportedVideo | None:
        """The group's video `number` and its card; None when the group has no such video.
        `now` decides whose first week is over (the newcomers still inside it)."""
        async with self._session_factory() as session:
            video = await video_by_number(session, chat_id, number)
            if video is None:
                return None
            found = ReportedVideo(video, await report(session, video))
            (found,) = await with_funnels(session, chat_id, [found], now or self._now())
            return found
