"""/video: one video's report card, read in one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.video_report import report, video_by_number
from bot.domain.video_report import ReportedVideo


class VideoReports:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def card(self, chat_id: int, number: int) -> ReportedVideo | None:
        """The group's video `number` and its card; None when the group has no such video."""
        async with self._session_factory() as session:
            video = await video_by_number(session, chat_id, number)
            if video is None:
                return None
            return ReportedVideo(video, await report(session, video))
