"""What a video's report card and the digest's videos section read (SQL only, never commits)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.db.chunks import chunks
from bot.db.feedback_ingest import REMOVED
from bot.db.models import (
    Comment,
    FeedbackItem,
    FeedbackItemTag,
    Video,
    VideoCommentLink,
    VideoMetric,
)
from bot.domain.video_report import (
    LinkedComment,
    Numbers,
    ReportedVideo,
    Snapshot,
    VideoCard,
    VideoHeading,
    video_card,
)
from bot.domain.videos import code

_LINKED = and_(
    Comment.chat_id == VideoCommentLink.chat_id,
    Comment.message_id == VideoCommentLink.message_id,
)


async def snapshots(session: AsyncSession, video_ids: Collection[int]) -> dict[int, list[Snapshot]]:
    found: dict[int, list[Snapshot]] = {}
    for chunk in chunks(video_ids):
        rows = await session.execute(
            select(
                VideoMetric.video_id,
                VideoMetric.platform,
                VideoMetric.day,
                VideoMetric.plays,
                VideoMetric.likes,
                VideoMetric.comments,
                VideoMetric.favourites,
                VideoMetric.shares,
            ).where(VideoMetric.video_id.in_(chunk))
        )
        for video_id, platform, day, *counts in rows:
            found.setdefault(video_id, []).append(Snapshot(platform, day, Numbers(*counts)))
    return found


async def linked_comments(
    session: AsyncSession,
    video_ids: Collection[int],
    start: datetime | None = None,
    end: datetime | None = None,
) -> dict[int, list[LinkedComment]]:
    """The fans' comments actively linked to each video (written in [start, end) when given)."""
    found: dict[int, list[LinkedComment]] = {}
    for chunk in chunks(video_ids):
        found.update(await _linked_comments(session, chunk, start, end))
    return found


async def _linked_comments(
    session: AsyncSession,
    video_ids: Collection[int],
    start: datetime | None,
    end: datetime | None,
) -> dict[int, list[LinkedComment]]:
    conditions: list[ColumnElement[bool]] = [
        VideoCommentLink.video_id.in_(video_ids),
        VideoCommentLink.active.is_(True),
        Comment.is_fan.is_(True),
        Comment.is_spam.is_(False),
    ]
    if start is not None:
        conditions.append(Comment.created_at >= start)
    if end is not None:
        conditions.append(Comment.created_at < end)
    rows = await session.execute(
        select(
            VideoCommentLink.video_id,
            Comment.message_id,
            Comment.text,
            Comment.created_at,
            FeedbackItem.sentiment,
        )
        .join(Comment, _LINKED)
        .outerjoin(
            FeedbackItem,
            and_(
                FeedbackItem.chat_id == Comment.chat_id,
                FeedbackItem.message_id == Comment.message_id,
            ),
        )
        .where(*conditions)
        .order_by(Comment.message_id)
    )
    tag_rows = await session.execute(
        select(VideoCommentLink.video_id, FeedbackItemTag.message_id, FeedbackItemTag.tag)
        .join(Comment, _LINKED)
        .join(
            FeedbackItemTag,
            and_(
                FeedbackItemTag.chat_id == Comment.chat_id,
                FeedbackItemTag.message_id == Comment.message_id,
            ),
        )
        .where(*conditions, FeedbackItemTag.source != REMOVED)
    )
    tags: dict[tuple[int, int], set[str]] = {}
    for video_id, message_id, tag in tag_rows:
        tags.setdefault((video_id, message_id), set()).add(tag)
    found: dict[int, list[LinkedComment]] = {}
    for video_id, message_id, text, created_at, sentiment in rows:
        found.setdefault(video_id, []).append(
            LinkedComment(
                message_id,
                text,
                sentiment or "neutral",
                frozenset(tags.get((video_id, message_id), ())),
                created_at,
            )
        )
    return found


async def video_by_number(session: AsyncSession, chat_id: int, number: int) -> VideoHeading | None:
    row = (
        await session.execute(
            select(Video.id, Video.number, Video.title, Video.platform).where(
                Video.chat_id == chat_id, Video.number == number
            )
        )
    ).first()
    return VideoHeading(row[0], code(row[1]), row[2], row[3]) if row is not None else None


async def report(session: AsyncSession, video: VideoHeading) -> VideoCard:
    found = await snapshots(session, [video.id])
    comments = await linked_comments(session, [video.id])
    return video_card(found.get(video.id, ()), comments.get(video.id, []))


async def active_videos(
    session: AsyncSession,
    chat_id: int,
    start: datetime,
    end: datetime,
    also: Collection[int] = (),
) -> list[ReportedVideo]:
    """The group's videos with numbers stored or fans' comments linked in [start, end), and
    the videos `also` names (people joined through their links): their latest numbers, and
    the feedback written in the window."""
    # Through the group's videos: the (video_id, ...) primary key bounds the scan to this group.
    with_numbers = (
        select(VideoMetric.video_id)
        .join(Video, Video.id == VideoMetric.video_id)
        .where(
            Video.chat_id == chat_id,
            VideoMetric.updated_at >= start,
            VideoMetric.updated_at < end,
        )
    )
    with_comments = (
        select(VideoCommentLink.video_id)
        .join(Comment, _LINKED)
        .where(
            VideoCommentLink.chat_id == chat_id,
            VideoCommentLink.active.is_(True),
            Comment.is_fan.is_(True),
            Comment.is_spam.is_(False),
            Comment.created_at >= start,
            Comment.created_at < end,
        )
    )
    rows = await session.execute(
        select(Video.id, Video.number, Video.title, Video.platform).where(
            Video.chat_id == chat_id,
            Video.archived_at.is_(None),
            or_(
                Video.id.in_(with_numbers.union(with_comments).scalar_subquery()),
                Video.id.in_(list(also)),
            ),
        )
    )
    videos = [VideoHeading(row[0], code(row[1]), row[2], row[3]) for row in rows]
    ids = [video.id for video in videos]
    if not ids:
        return []
    found = await snapshots(session, ids)
    comments = await linked_comments(session, ids, start, end)
    return [
        ReportedVideo(video, video_card(found.get(video.id, ()), comments.get(video.id, [])))
        for video in videos
    ]
