"""Video links and the joins through them (SQL only, never commits).

A join is matched to a link by the URL Telegram reported, which is unique to the link and
survives a group -> supergroup upgrade, so joins recorded under the old chat id and the new one
count alike. A join counts for a link only before it was revoked.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.db.bulk_insert import BulkUpsert
from bot.db.chunks import chunks
from bot.db.feedback_ingest import REMOVED
from bot.db.models import (
    Chat,
    Comment,
    FeedbackItemTag,
    GroupEvent,
    InviteJoin,
    Video,
    VideoLink,
)
from bot.domain.video_links import JoinSources, LinkJoin, NewcomerActivity, first_joins
from bot.domain.videos import code

INVITE_JOIN_INSERT = BulkUpsert(
    InviteJoin.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "user_id", "invite_link", "via_request", "joined_at"),
    conflict=("chat_id", "user_id", "joined_at"),
)

_LIVE = and_(
    InviteJoin.invite_link == VideoLink.invite_link,
    or_(VideoLink.revoked_at.is_(None), InviteJoin.joined_at < VideoLink.revoked_at),
)


@dataclass(frozen=True, slots=True)
class StoredLink:
    id: int
    chat_id: int
    video_id: int
    video_code: str
    video_title: str
    platform: str
    name: str
    invite_link: str
    created_at: datetime
    revoked_at: datetime | None
    joins: int = 0


def _stored(row: Sequence[object], joins: int = 0) -> StoredLink:
    (link_id, chat_id, video_id, number, title, platform, name, url, created, revoked) = row
    return StoredLink(
        int(link_id),  # type: ignore[call-overload]
        int(chat_id),  # type: ignore[call-overload]
        int(video_id),  # type: ignore[call-overload]
        code(int(number)),  # type: ignore[call-overload]
        str(title),
        str(platform),
        str(name),
        str(url),
        created,  # type: ignore[arg-type]
        revoked,  # type: ignore[arg-type]
        joins,
    )


_COLUMNS = (
    VideoLink.id,
    VideoLink.chat_id,
    VideoLink.video_id,
    Video.number,
    Video.title,
    VideoLink.platform,
    VideoLink.name,
    VideoLink.invite_link,
    VideoLink.created_at,
    VideoLink.revoked_at,
)


async def add_link(
    session: AsyncSession,
    *,
    chat_id: int,
    video_id: int,
    platform: str,
    name: str,
    invite_link: str,
    by: int | None,
    at: datetime,
) -> int:
    link = VideoLink(
        chat_id=chat_id,
        video_id=video_id,
        platform=platform,
        name=name,
        invite_link=invite_link,
        created_by_user_id=by,
        created_at=at,
        revoked_at=None,
    )
    session.add(link)
    await session.flush()
    return link.id


async def live_link(
    session: AsyncSession, chat_id: int, video_id: int, platform: str
) -> StoredLink | None:
    row = (
        await session.execute(
            select(*_COLUMNS)
            .join(Video, Video.id == VideoLink.video_id)
            .where(
                VideoLink.chat_id == chat_id,
                VideoLink.video_id == video_id,
                VideoLink.platform == platform,
                VideoLink.revoked_at.is_(None),
            )
            .order_by(VideoLink.id.desc())
        )
    ).first()
    return _stored(row) if row is not None else None


async def link_in(session: AsyncSession, chat_id: int, link_id: int) -> StoredLink | None:
    """The link with its joins, only if it belongs to the group: a button's id is data."""
    row = (
        await session.execute(
            select(*_COLUMNS)
            .join(Video, Video.id == VideoLink.video_id)
            .where(VideoLink.chat_id == chat_id, VideoLink.id == link_id)
        )
    ).first()
    if row is None:
        return None
    joins = await session.scalar(
        select(func.count(func.distinct(InviteJoin.user_id)))
        .select_from(VideoLink)
        .join(InviteJoin, _LIVE)
        .where(VideoLink.id == link_id)
    )
    return _stored(row, int(joins or 0))


async def links_of(session: AsyncSession, chat_id: int) -> list[StoredLink]:
    """The group's links, live ones first, newest first, each with its joins (people)."""
    joins = (
        select(VideoLink.id.label("link_id"), func.count(func.distinct(InviteJoin.user_id)))
        .join(InviteJoin, _LIVE)
        .where(VideoLink.chat_id == chat_id)
        .group_by(VideoLink.id)
    )
    counts = {int(link_id): int(n) for link_id, n in (await session.execute(joins)).all()}
    rows = await session.execute(
        select(*_COLUMNS)
        .join(Video, Video.id == VideoLink.video_id)
        .where(VideoLink.chat_id == chat_id)
        .order_by(VideoLink.revoked_at.is_not(None), VideoLink.id.desc())
    )
    return [_stored(row, counts.get(int(row[0]), 0)) for row in rows.all()]


async def rename_link(session: AsyncSession, chat_id: int, link_id: int, name: str) -> None:
    await session.execute(
        update(VideoLink)
        .where(VideoLink.chat_id == chat_id, VideoLink.id == link_id)
        .values(name=name)
    )


async def revoke_link(session: AsyncSession, chat_id: int, link_id: int, at: datetime) -> bool:
    """True for the call that revoked it; a second tap finds it revoked already."""
    result = await session.execute(
        update(VideoLink)
        .where(
            VideoLink.chat_id == chat_id,
            VideoLink.id == link_id,
            VideoLink.revoked_at.is_(None),
        )
        .values(revoked_at=at)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def lineage(session: AsyncSession, chat_id: int) -> list[int]:
    """The group's chat ids: itself and the basic groups it was upgraded from."""
    found = [chat_id]
    frontier = [chat_id]
    while frontier:
        older = (
            await session.scalars(select(Chat.id).where(Chat.migrated_to_chat_id.in_(frontier)))
        ).all()
        frontier = [old for old in older if old not in found]
        found.extend(frontier)
    return found


async def video_joins(session: AsyncSession, video_ids: Collection[int]) -> list[LinkJoin]:
    """Each person's first join through each video's links per platform."""
    found: list[LinkJoin] = []
    for chunk in chunks(video_ids):
        rows = await session.execute(
            select(VideoLink.video_id, VideoLink.platform, InviteJoin.user_id, InviteJoin.joined_at)
            .join(InviteJoin, _LIVE)
            .where(VideoLink.video_id.in_(chunk))
        )
        found.extend(LinkJoin(*row) for row in rows.all())
    return first_joins(found)


async def link_platforms(session: AsyncSession, video_ids: Collection[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for chunk in chunks(video_ids):
        rows = await session.execute(
            select(VideoLink.video_id, VideoLink.platform)
            .where(VideoLink.video_id.in_(chunk))
            .distinct()
        )
        for video_id, platform in rows.all():
            found.setdefault(int(video_id), set()).add(str(platform))
    return found


async def newcomer_activity(
    session: AsyncSession, chat_ids: Collection[int], user_ids: Collection[int], since: datetime
) -> dict[int, NewcomerActivity]:
    """Per person, since `since`: when they left the group, and their fan messages' times and
    tags (in any of the group's chat ids)."""
    leaves: dict[int, list[datetime]] = {}
    messages: dict[int, list[tuple[datetime, frozenset[str]]]] = {}
    for chunk in chunks(user_ids):
        left = await session.execute(
            select(GroupEvent.user_id, GroupEvent.happened_at).where(
                GroupEvent.chat_id.in_(chat_ids),
                GroupEvent.kind == "leave",
                GroupEvent.user_id.in_(chunk),
                GroupEvent.happened_at >= since,
            )
        )
        for user_id, at in left.all():
            leaves.setdefault(int(user_id), []).append(at)
        written: ColumnElement[bool] = and_(
            Comment.chat_id.in_(chat_ids),
            Comment.author_user_id.in_(chunk),
            Comment.is_fan.is_(True),
            Comment.service_kind.is_(None),
            Comment.created_at >= since,
        )
        rows = await session.execute(
            select(
                Comment.chat_id, Comment.message_id, Comment.author_user_id, Comment.created_at
            ).where(written)
        )
        tag_rows = await session.execute(
            select(FeedbackItemTag.chat_id, FeedbackItemTag.message_id, FeedbackItemTag.tag)
            .join(
                Comment,
                and_(
                    Comment.chat_id == FeedbackItemTag.chat_id,
                    Comment.message_id == FeedbackItemTag.message_id,
                ),
            )
            .where(written, FeedbackItemTag.source != REMOVED)
        )
        tags: dict[tuple[int, int], set[str]] = {}
        for chat_id, message_id, tag in tag_rows.all():
            tags.setdefault((chat_id, message_id), set()).add(tag)
        for chat_id, message_id, author, at in rows.all():
            messages.setdefault(int(author or 0), []).append(
                (at, frozenset(tags.get((chat_id, message_id), ())))
            )
    return {
        user_id: NewcomerActivity(tuple(leaves.get(user_id, ())), tuple(messages.get(user_id, ())))
        for user_id in set(leaves) | set(messages)
    }


async def join_sources(
    session: AsyncSession, chat_ids: Collection[int], start: datetime, end: datetime
) -> JoinSources:
    """The window's joins (people once per chat id): through a video's live link, through
    another link, through none."""
    rows = await session.execute(
        select(InviteJoin.user_id, InviteJoin.invite_link, VideoLink.id)
        .outerjoin(VideoLink, _LIVE)
        .where(
            InviteJoin.chat_id.in_(chat_ids),
            InviteJoin.joined_at >= start,
            InviteJoin.joined_at < end,
        )
    )
    videos: set[int] = set()
    others: set[int] = set()
    none: set[int] = set()
    for user_id, url, link_id in rows.all():
        if link_id is not None:
            videos.add(user_id)
        elif url is not None:
            others.add(user_id)
        else:
            none.add(user_id)
    others -= videos
    none -= videos | others
    return JoinSources(len(videos), len(others), len(none))


async def videos_joined(
    session: AsyncSession, chat_ids: Collection[int], start: datetime, end: datetime
) -> set[int]:
    """The videos people joined through (a live link) in [start, end)."""
    rows = await session.scalars(
        select(VideoLink.video_id)
        .join(InviteJoin, _LIVE)
        .where(
            InviteJoin.chat_id.in_(chat_ids),
            InviteJoin.joined_at >= start,
            InviteJoin.joined_at < end,
        )
        .distinct()
    )
    return {int(video_id) for video_id in rows.all()}
