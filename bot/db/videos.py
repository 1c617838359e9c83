"""The video registry (SQL only, never commits): videos, their codes, their announcements."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.db.models import Video
from bot.domain.videos import (
    StoredVideo,
    VideoInputError,
    VideoSource,
    code_number,
    looks_like_url,
    parse_url,
)


def _stored(row: Video) -> StoredVideo:
    return StoredVideo(
        id=row.id,
        chat_id=row.chat_id,
        number=row.number,
        title=row.title,
        platform=row.platform,
        url=row.url,
        platform_video_id=row.platform_video_id,
        published_at=row.published_at,
        created_at=row.created_at,
        archived_at=row.archived_at,
        announcement_message_id=row.announcement_message_id,
        channel_chat_id=row.channel_chat_id,
        channel_message_id=row.channel_message_id,
        thread_message_id=row.thread_message_id,
    )


async def resolve_videos(
    session: AsyncSession, chat_id: int, refs: Collection[str]
) -> dict[str, int]:
    """Maps each ref that names a non-archived video of this group to its id: "v12", "V12",
    "#v12", a platform video id, or a URL equal to a registered one (or naming the same
    platform id). Refs not found are absent from the result."""
    if not refs:
        return {}
    rows = (
        await session.execute(
            select(Video.id, Video.number, Video.url, Video.platform_video_id).where(
                Video.chat_id == chat_id, Video.archived_at.is_(None)
            )
        )
    ).all()
    by_number = {row.number: row.id for row in rows}
    by_platform_id = {row.platform_video_id: row.id for row in rows if row.platform_video_id}
    by_url = {row.url.strip(): row.id for row in rows if row.url}
    found: dict[str, int] = {}
    for ref in refs:
        video_id = _resolve(ref.strip(), by_number, by_platform_id, by_url)
        if video_id is not None:
            found[ref] = video_id
    return found


def _resolve(
    ref: str, by_number: dict[int, int], by_platform_id: dict[str, int], by_url: dict[str, int]
) -> int | None:
    if not ref:
        return None
    number = code_number(ref)
    if number is not None and number in by_number:
        return by_number[number]
    if ref in by_platform_id:
        return by_platform_id[ref]
    if ref in by_url:
        return by_url[ref]
    if looks_like_url(ref):
        try:
            source = parse_url(ref)
        except VideoInputError:
            return None
        if source.platform_video_id is not None:
            return by_platform_id.get(source.platform_video_id)
    return None


async def next_number(session: AsyncSession, chat_id: int) -> int:
    highest = await session.scalar(select(func.max(Video.number)).where(Video.chat_id == chat_id))
    return int(highest or 0) + 1


async def add_video(
    session: AsyncSession,
    chat_id: int,
    *,
    source: VideoSource,
    title: str,
    published_at: datetime | None,
    created_by: int | None,
    now: datetime,
) -> StoredVideo:
    row = Video(
        chat_id=chat_id,
        number=await next_number(session, chat_id),
        title=title,
        platform=source.platform.value,
        url=source.url,
        platform_video_id=source.platform_video_id,
        published_at=published_at,
        created_by=created_by,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return _stored(row)


async def by_number(session: AsyncSession, chat_id: int, number: int) -> StoredVideo | None:
    row = await session.scalar(
        select(Video).where(Video.chat_id == chat_id, Video.number == number)
    )
    return _stored(row) if row is not None else None


async def same_source(
    session: AsyncSession, chat_id: int, source: VideoSource, *, excluding: int | None = None
) -> StoredVideo | None:
    """A video of the group already registered with this link or this platform id."""
    conditions: list[ColumnElement[bool]] = []
    if source.platform_video_id is not None:
        conditions.append(
            (Video.platform == source.platform.value)
            & (Video.platform_video_id == source.platform_video_id)
        )
    if source.url is not None:
        conditions.append(Video.url == source.url)
    if not conditions:
        return None
    query = select(Video).where(Video.chat_id == chat_id, or_(*conditions))
    if excluding is not None:
        query = query.where(Video.id != excluding)
    row = await session.scalar(query.order_by(Video.number).limit(1))
    return _stored(row) if row is not None else None


async def count_videos(session: AsyncSession, chat_id: int, *, archived: bool) -> int:
    query = select(func.count()).select_from(Video).where(Video.chat_id == chat_id)
    if not archived:
        query = query.where(Video.archived_at.is_(None))
    return int(await session.scalar(query) or 0)


async def page_of_videos(
    session: AsyncSession, chat_id: int, *, archived: bool, offset: int, limit: int
) -> list[StoredVideo]:
    """Newest first; archived ones only when asked."""
    query = select(Video).where(Video.chat_id == chat_id)
    if not archived:
        query = query.where(Video.archived_at.is_(None))
    rows = await session.scalars(query.order_by(Video.number.desc()).offset(offset).limit(limit))
    return [_stored(row) for row in rows.all()]


async def update_video(session: AsyncSession, video_id: int, **values: object) -> None:
    await session.execute(update(Video).where(Video.id == video_id).values(**values))


async def remember_thread_root(
    session: AsyncSession,
    chat_id: int,
    channel_chat_id: int,
    channel_message_id: int,
    thread_message_id: int,
) -> int | None:
    """The automatic forward of a video's channel post arrived in the group: it roots the
    post's discussion thread. Returns the video's number, None when no video posted it."""
    number = await session.scalar(
        update(Video)
        .where(
            Video.chat_id == chat_id,
            Video.channel_chat_id == channel_chat_id,
            Video.channel_message_id == channel_message_id,
        )
        .values(thread_message_id=thread_message_id)
        .returning(Video.number)
    )
    return int(number) if number is not None else None
