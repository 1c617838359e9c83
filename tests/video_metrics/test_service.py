"""VideoMetrics on its own: a typed line without a day is today in the group's timezone, and an
import that stores nothing records nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord, ChatSettings, VideoMetric
from bot.db.videos import add_video
from bot.domain.roles import Actor
from bot.domain.video_metrics_line import LineError
from bot.domain.video_metrics_read import MetricsFileError
from bot.domain.videos import Platform, VideoSource
from bot.services.video_metrics import VideoMetrics

GROUP = -1001000000654
# Fourteen hours ahead of UTC: its today is tomorrow for most of the UTC day.
KIRITIMATI = "Pacific/Kiritimati"
ACTOR = Actor(user_id=42)


@pytest.fixture(autouse=True)
async def group(session_factory: async_sessionmaker[AsyncSession]) -> None:
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=GROUP,
            chat_type="supergroup",
            title="Island fans",
            username=None,
            added_by_user_id=None,
            now=now,
        )
        await session.execute(
            update(ChatSettings).where(ChatSettings.chat_id == GROUP).values(timezone=KIRITIMATI)
        )
        await add_video(
            session,
            GROUP,
            source=VideoSource(Platform.DOUYIN),
            title="Cat vlog",
            published_at=None,
            created_by=None,
            now=now,
        )


async def audit_count(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(AuditRecord)) or 0)


async def test_a_line_without_a_day_is_today_in_the_groups_timezone(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    metrics = VideoMetrics(session_factory, default_timezone="UTC")
    report = await metrics.import_line(GROUP, ACTOR, "v1 douyin plays=10")
    today = datetime.now(ZoneInfo(KIRITIMATI)).date()
    assert (report.taken, report.refused) == (1, [])
    async with session_factory() as session:
        days = (await session.scalars(select(VideoMetric.day))).all()
    assert days == [today]
    assert await audit_count(session_factory) == 1


async def test_what_stores_nothing_records_nothing(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    metrics = VideoMetrics(session_factory, default_timezone="UTC")
    refused = await metrics.import_line(GROUP, ACTOR, "v7 plays=1")
    assert (refused.stored, len(refused.refused)) == (0, 1)
    with pytest.raises(LineError):
        await metrics.import_line(GROUP, ACTOR, "v1")
    with pytest.raises(MetricsFileError):
        await metrics.import_file(GROUP, ACTOR, b"\x00\x01 not a table")
    assert await audit_count(session_factory) == 0
