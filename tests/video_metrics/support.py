"""Reading back the platform numbers a test stored."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.db.models import VideoMetric
from tests.support.scene import Scene

Row = tuple[int, str, date, int | None, int | None, int | None, int | None, int | None]


async def stored(scene: Scene) -> list[Row]:
    """Every stored row: video, platform, day, then the five counts (None where unknown)."""
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(
                VideoMetric.video_id, VideoMetric.platform, VideoMetric.day, VideoMetric.plays,
                VideoMetric.likes, VideoMetric.comments, VideoMetric.favourites,
                VideoMetric.shares,
            ).order_by(VideoMetric.video_id, VideoMetric.platform, VideoMetric.day)
        )  # fmt: skip
        return [tuple(row) for row in rows]  # type: ignore[misc]
