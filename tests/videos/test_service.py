"""VideoRegistry on its own, with a fake courier: an announcement Telegram refuses, or a group
without a linked channel, stores nothing and records nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord, Video
from bot.domain.roles import Actor
from bot.domain.videos import VideoInputError
from bot.i18n import Html, Translator
from bot.services.videos import (
    AnnounceFailed,
    DuplicateVideo,
    NoLinkedChannel,
    PostRefused,
    UnknownVideo,
    VideoRegistry,
)

GROUP = -1001000000321
CHANNEL = -1002000000321
NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
ACTOR = Actor(user_id=42)


class Courier:
    def __init__(self, *, channel: int | None, refuse: bool) -> None:
        self.channel = channel
        self.refuse = refuse
        self.posts: list[tuple[int, Html]] = []

    async def linked_channel(self, chat_id: int) -> int | None:
        return self.channel

    async def post(self, chat_id: int, text: Html) -> int:
        if self.refuse:
            raise PostRefused("Forbidden")
        self.posts.append((chat_id, text))
        return 900 + len(self.posts)


@pytest.fixture(autouse=True)
async def group(session_factory: async_sessionmaker[AsyncSession]) -> None:
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=GROUP,
            chat_type="supergroup",
            title="Cat fans",
            username=None,
            added_by_user_id=None,
            now=NOW,
        )


def registry(session_factory: async_sessionmaker[AsyncSession], courier: Courier) -> VideoRegistry:
    return VideoRegistry(
        session_factory,
        Translator.load(),
        courier,
        default_timezone="UTC",
        default_language="en",
    )


async def audit_count(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(AuditRecord)) or 0)


async def test_a_refused_or_impossible_announcement_stores_nothing(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    refusing = Courier(channel=CHANNEL, refuse=True)
    videos = registry(session_factory, refusing)
    added = await videos.add(GROUP, ACTOR, "douyin 7312345678901234567 | Cat vlog", NOW)
    assert added.video.code == "v1"
    assert await audit_count(session_factory) == 1

    for in_channel in (False, True):
        with pytest.raises(AnnounceFailed) as failed:
            await videos.announce(GROUP, ACTOR, "v1", NOW, in_channel=in_channel)
        assert failed.value.in_channel is in_channel
    with pytest.raises(NoLinkedChannel):
        await registry(session_factory, Courier(channel=None, refuse=False)).announce(
            GROUP, ACTOR, "v1", NOW, in_channel=True
        )
    async with session_factory() as session:
        video = await session.scalar(select(Video))
    assert video is not None
    assert (video.announcement_message_id, video.channel_message_id) == (None, None)
    assert await audit_count(session_factory) == 1

    posting = Courier(channel=CHANNEL, refuse=False)
    announced = await registry(session_factory, posting).announce(
        GROUP, ACTOR, "1", NOW, in_channel=True
    )
    assert announced.code == "v1"
    assert [chat for chat, _ in posting.posts] == [CHANNEL]
    async with session_factory() as session:
        video = await session.scalar(select(Video))
    assert video is not None
    assert (video.channel_chat_id, video.channel_message_id) == (CHANNEL, 901)
    assert await audit_count(session_factory) == 2


async def test_a_video_is_named_found_and_registered_once(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    videos = registry(session_factory, Courier(channel=None, refuse=False))
    await videos.add(GROUP, ACTOR, "douyin 7312345678901234567 | Cat vlog", NOW)
    with pytest.raises(DuplicateVideo) as duplicate:
        await videos.add(GROUP, ACTOR, "douyin 7312345678901234567 | Again", NOW)
    assert duplicate.value.video.code == "v1"
    with pytest.raises(UnknownVideo) as unknown:
        await videos.archive(GROUP, ACTOR, "v7", NOW, archive=True)
    assert unknown.value.code == "v7"
    with pytest.raises(VideoInputError):
        await videos.edit(GROUP, ACTOR, "video-one", "title", "New", now=NOW)

    assert (await videos.archive(GROUP, ACTOR, "v1", NOW, archive=True)).changed
    assert not (await videos.archive(GROUP, ACTOR, "v1", NOW, archive=True)).changed
    assert (await videos.page(GROUP, 5, archived=False)).videos == []
    shown = await videos.page(GROUP, 5, archived=True)
    assert (shown.page, shown.pages, shown.total) == (0, 1, 1)
    assert await audit_count(session_factory) == 2
