"""The operators' scene (a victim group, its owner and administrator, a plain member, a fan)
with three registered videos, through the real dispatcher."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.db.videos import add_video
from bot.domain.videos import Platform, VideoSource
from tests.support.cast import VICTIM
from tests.support.scene import Scene

REGISTERED = datetime(2026, 11, 20, 12, tzinfo=UTC)
VIDEOS = (
    (Platform.DOUYIN, None, "猫咪的一天"),
    (Platform.BILIBILI, "BV1xx411c7mD", "Night city timelapse"),
    (Platform.YOUTUBE, "dQw4w9WgXcQ", "Behind the scenes"),
)


@pytest.fixture
async def videos_scene(scene: Scene) -> Scene:
    async with scene.session_factory() as session, session.begin():
        for platform, platform_id, title in VIDEOS:
            await add_video(
                session,
                VICTIM["id"],
                source=VideoSource(platform, platform_video_id=platform_id),
                title=title,
                published_at=None,
                created_by=None,
                now=REGISTERED,
            )
    return scene
