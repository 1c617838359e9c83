"""The digest's videos section in the reader's words (handlers/video_report_render.py renders
the /video report card).

Numbers are cumulative snapshots (bot/domain/video_report.py says how totals and changes are
computed); every line says so, so that nobody adds the days up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.video_report import active_videos
from bot.domain.video_report import ReportedVideo, count, percent, signed
from bot.i18n import Html, Texts
from bot.services.video_links import join_sources, joined_videos, with_funnels
from bot.services.video_links_render import digest_funnel_line, sources_line

DIGEST_VIDEOS = 10


def platform_name(texts: Texts, platform: str) -> str:
    return texts.plain("video-report-platform-name", platform=platform)


def ranked(videos: Sequence[ReportedVideo]) -> list[ReportedVideo]:
    """Highest engagement first; videos without plays after those with, by feedback volume."""
    return sorted(
        videos,
        key=lambda item: (
            item.card.engagement is None,
            -(item.card.engagement or 0.0),
            -item.card.feedback.volume,
            item.video.code,
        ),
    )


def digest_line(texts: Texts, item: ReportedVideo) -> Html:
    card = item.card
    previous = [line.previous_day for line in card.platforms if line.previous_day is not None]
    if card.change is None or not previous:
        change = texts.plain("video-digest-no-change")
    else:
        change = texts.plain(
            "video-digest-change",
            plays=signed(card.change.plays),
            previous=min(previous).isoformat(),
        )
    return texts(
        "video-digest-line",
        code=item.video.code,
        title=item.video.title,
        plays=count(card.totals.plays),
        change=change,
        engagement=percent(card.engagement),
        volume=card.feedback.volume,
        mood=texts.plain("video-report-mood", mood=card.feedback.mood),
    )


class VideoDigestSection:
    """The digest's videos: those with new numbers, new fans' comments or joins through their
    links in the window, ranked by engagement, the window's feedback sentiment beside the
    numbers, the window's joins through each video's links under it, and the window's joins
    by source. The weekly digest passes the week as the window, so the same lines rank the
    week's videos."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]:
        joined = await joined_videos(session, chat_id, start, end)
        found = await active_videos(session, chat_id, start, end, also=joined)
        videos = ranked(await with_funnels(session, chat_id, found, end, start=start, end=end))
        lines = []
        for item in videos[:DIGEST_VIDEOS]:
            lines.append(digest_line(texts, item))
            if (funnel := digest_funnel_line(texts, item.card.funnels)) is not None:
                lines.append(funnel)
        sources = sources_line(texts, await join_sources(session, chat_id, start, end))
        return [*lines, sources] if sources is not None else lines
