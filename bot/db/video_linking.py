"""Which video a fan's comment talks about, decided at flush time in the batch's transaction.

A comment is linked to a video of its group when it replies to the video's announcement (or to
the automatic forward of its channel post), sits in that post's discussion thread, or mentions
its code (`#v12`). Links are idempotent on (chat_id, message_id, video_id): redelivery adds
nothing, and an existing row (a manual link, or one an operator deactivated) is never
overwritten. An edit re-decides the automatic links of the comment: a mention taken out removes
its link, manual and deactivated links stay.

The hot path: a batch with no candidate comment (no `#`, no reply, no thread) costs no query;
otherwise one indexed read of the batch's groups' videos.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.chunks import chunks
from bot.db.models import Comment, Video, VideoCommentLink
from bot.domain.attribution import AuthorKind
from bot.domain.records import IncomingComment
from bot.domain.videos import mentioned_numbers

CODE, REPLY, THREAD, MANUAL = "code", "reply", "thread", "manual"
AUTOMATIC_SOURCES = (CODE, REPLY, THREAD)

LINK_INSERT = BulkUpsert(
    VideoCommentLink.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "message_id", "video_id", "source", "active", "created_at"),
    conflict=("chat_id", "message_id", "video_id"),
)


@dataclass(slots=True)
class GroupVideos:
    """A group's non-archived videos as linking needs them."""

    by_number: dict[int, int] = field(default_factory=dict)
    by_root: dict[int, int] = field(default_factory=dict)  # announcement or thread root -> id


def _is_candidate(comment: IncomingComment) -> bool:
    text = comment.text
    # Most group chat is none of these: it is ruled out before anything else is looked at.
    if (
        comment.reply_to_message_id is None
        and comment.thread_id is None
        and (text is None or ("#" not in text and "＃" not in text))
    ):
        return False
    if comment.author.kind is not AuthorKind.FAN or comment.is_automatic_forward:
        return False
    return text is None or not text.startswith("/")


async def _group_videos(session: AsyncSession, chat_ids: Collection[int]) -> dict[int, GroupVideos]:
    rows = await session.execute(
        select(
            Video.id,
            Video.chat_id,
            Video.number,
            Video.announcement_message_id,
            Video.thread_message_id,
        ).where(Video.chat_id.in_(chat_ids), Video.archived_at.is_(None))
    )
    groups: dict[int, GroupVideos] = {}
    for video_id, chat_id, number, announcement, thread_root in rows.all():
        group = groups.setdefault(chat_id, GroupVideos())
        group.by_number[number] = video_id
        for root in (announcement, thread_root):
            if root is not None:
                group.by_root[root] = video_id
    return groups


def links_of(comment: IncomingComment, group: GroupVideos) -> dict[int, str]:
    """video id -> source; the structural reason wins over a mention of the same video."""
    found: dict[int, str] = {}
    replied = group.by_root.get(comment.reply_to_message_id or 0)
    if replied is not None:
        found[replied] = REPLY
    in_thread = group.by_root.get(comment.thread_id or 0)
    if in_thread is not None:
        found.setdefault(in_thread, THREAD)
    if comment.text:
        for number in mentioned_numbers(comment.text):
            video_id = group.by_number.get(number)
            if video_id is not None:
                found.setdefault(video_id, CODE)
    return found


def _wanted(
    comments: Sequence[IncomingComment], groups: dict[int, GroupVideos]
) -> dict[tuple[int, int], dict[int, str]]:
    wanted: dict[tuple[int, int], dict[int, str]] = {}
    for comment in comments:
        group = groups.get(comment.chat_id)
        if group is not None and _is_candidate(comment):
            wanted[comment.chat_id, comment.message_id] = links_of(comment, group)
    return wanted


def _rows(wanted: dict[tuple[int, int], dict[int, str]], now: datetime) -> list[tuple[Any, ...]]:
    return [
        (chat_id, message_id, video_id, source, True, now)
        for (chat_id, message_id), links in wanted.items()
        for video_id, source in links.items()
    ]


async def link_new_comments(
    session: AsyncSession, comments: Sequence[IncomingComment], now: datetime
) -> None:
    candidates = [comment for comment in comments if _is_candidate(comment)]
    if not candidates:
        return
    groups = await _group_videos(session, {comment.chat_id for comment in candidates})
    await LINK_INSERT.execute(session, _rows(_wanted(candidates, groups), now))


async def relink_edited(
    session: AsyncSession, edited: Sequence[IncomingComment], now: datetime
) -> None:
    """Re-decide the automatic links of edited comments (an edit may add or remove a mention).
    Only links to the group's current videos are re-decided: an archived video keeps the links
    it had."""
    if not edited:
        return
    groups = await _group_videos(session, {comment.chat_id for comment in edited})
    if not groups:
        return
    wanted = _wanted(edited, groups)
    stale = [
        and_(
            VideoCommentLink.chat_id == comment.chat_id,
            VideoCommentLink.message_id == comment.message_id,
            VideoCommentLink.video_id.in_(list(groups[comment.chat_id].by_number.values())),
            VideoCommentLink.video_id.not_in(
                list(wanted.get((comment.chat_id, comment.message_id), {}))
            ),
        )
        for comment in edited
        if comment.chat_id in groups
    ]
    await session.execute(
        delete(VideoCommentLink).where(
            VideoCommentLink.active.is_(True),
            VideoCommentLink.source.in_(AUTOMATIC_SOURCES),
            or_(*stale),
        )
    )
    await LINK_INSERT.execute(session, _rows(wanted, now))


# operators' links and the registry's counts


async def comment_stored(session: AsyncSession, chat_id: int, message_id: int) -> bool:
    found = await session.scalar(
        select(Comment.id).where(Comment.chat_id == chat_id, Comment.message_id == message_id)
    )
    return found is not None


async def _link_row(
    session: AsyncSession, chat_id: int, message_id: int, video_id: int
) -> VideoCommentLink | None:
    return await session.get(VideoCommentLink, (chat_id, message_id, video_id))


async def link_by_hand(
    session: AsyncSession, chat_id: int, message_id: int, video_id: int, now: datetime
) -> bool:
    """An operator's link: it becomes (or stays) active and manual, so edits never remove it.
    False when it already was."""
    row = await _link_row(session, chat_id, message_id, video_id)
    if row is None:
        session.add(
            VideoCommentLink(
                chat_id=chat_id,
                message_id=message_id,
                video_id=video_id,
                source=MANUAL,
                active=True,
                created_at=now,
            )
        )
    elif row.active and row.source == MANUAL:
        return False
    else:
        row.source, row.active = MANUAL, True
    await session.flush()
    return True


async def unlink_by_hand(
    session: AsyncSession, chat_id: int, message_id: int, video_id: int
) -> bool:
    """Deactivates a link (kept, so automatic linking never brings it back). False when the
    comment was not linked to the video."""
    row = await _link_row(session, chat_id, message_id, video_id)
    if row is None or not row.active:
        return False
    row.active = False
    await session.flush()
    return True


async def active_counts(session: AsyncSession, video_ids: Collection[int]) -> dict[int, int]:
    if not video_ids:
        return {}
    found: dict[int, int] = {}
    for chunk in chunks(video_ids):
        rows = await session.execute(
            select(VideoCommentLink.video_id, func.count())
            .where(VideoCommentLink.video_id.in_(chunk), VideoCommentLink.active.is_(True))
            .group_by(VideoCommentLink.video_id)
        )
        found.update((video_id, int(count)) for video_id, count in rows.all())
    return found
