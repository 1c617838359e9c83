"""What the operators' inbox and export read (SQL only; the caller commits).

Items are feedback rows (tagged, non-neutral or explicit comments) joined to their comment,
newest first. A tag filter is a seek on ix_feedback_item_tags_chat_id_tag; a period is a range on
the comment's (chat_id, created_at).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.feedback_ingest import REMOVED
from bot.db.models import Chat, Comment, FeedbackItem, FeedbackItemTag, InboxQuery, User
from bot.domain.export import FeedbackRow
from bot.domain.inbox import InboxFilter

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True, slots=True)
class StoredQuery:
    id: int
    user_id: int
    chat_id: int
    filters: InboxFilter
    created_at: datetime


async def save_query(
    session: AsyncSession, user_id: int, chat_id: int, filters: InboxFilter, now: datetime
) -> int:
    query = InboxQuery(user_id=user_id, chat_id=chat_id, filters=filters.to_json(), created_at=now)
    session.add(query)
    await session.flush()
    return query.id


async def load_query(session: AsyncSession, query_id: int) -> StoredQuery | None:
    row = await session.get(InboxQuery, query_id)
    if row is None:
        return None
    return StoredQuery(
        row.id, row.user_id, row.chat_id, InboxFilter.from_json(row.filters), row.created_at
    )


def _filtered(statement: S, chat_id: int, f: InboxFilter) -> S:
    statement = statement.where(FeedbackItem.chat_id == chat_id)
    if f.tag is not None:
        tagged = select(FeedbackItemTag.message_id).where(
            FeedbackItemTag.chat_id == chat_id,
            FeedbackItemTag.tag == f.tag,
            FeedbackItemTag.source != REMOVED,
        )
        statement = statement.where(FeedbackItem.message_id.in_(tagged))
    if f.status is not None:
        statement = statement.where(FeedbackItem.status == f.status)
    if f.sentiment is not None:
        statement = statement.where(FeedbackItem.sentiment == f.sentiment)
    if f.author_user_id is not None:
        statement = statement.where(FeedbackItem.author_user_id == f.author_user_id)
    if f.since is not None:
        statement = statement.where(Comment.created_at >= f.since)
    if f.until is not None:
        statement = statement.where(Comment.created_at < f.until)
    if f.text is not None:
        statement = statement.where(Comment.text.icontains(f.text, autoescape=True))
    return statement


def _joined(statement: S) -> S:
    return statement.join(
        Comment,
        (Comment.chat_id == FeedbackItem.chat_id) & (Comment.message_id == FeedbackItem.message_id),
    )


async def count_items(session: AsyncSession, chat_id: int, filters: InboxFilter) -> int:
    statement = _filtered(_joined(select(func.count()).select_from(FeedbackItem)), chat_id, filters)
    return int(await session.scalar(statement) or 0)


_ROW_COLUMNS = (
    FeedbackItem.chat_id,
    Chat.title.label("chat_title"),
    Chat.username.label("chat_username"),
    FeedbackItem.message_id,
    Comment.created_at,
    User.first_name.label("author_first_name"),
    User.username.label("author_username"),
    FeedbackItem.author_user_id,
    Comment.text,
    FeedbackItem.sentiment,
    FeedbackItem.status,
    FeedbackItem.duplicate_of,
    Comment.edited_at,
)


async def items(
    session: AsyncSession,
    chat_id: int,
    filters: InboxFilter,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> list[FeedbackRow]:
    """The filtered items, newest first, with their tags (removed ones left out)."""
    statement = _filtered(
        _joined(select(*_ROW_COLUMNS).select_from(FeedbackItem))
        .join(Chat, Chat.id == FeedbackItem.chat_id)
        .outerjoin(User, User.id == FeedbackItem.author_user_id),
        chat_id,
        filters,
    ).order_by(Comment.created_at.desc(), FeedbackItem.message_id.desc())
    if offset:
        statement = statement.offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    rows = (await session.execute(statement)).all()
    tags = await _tags(session, chat_id, [row.message_id for row in rows])
    return [
        FeedbackRow(
            chat_id=row.chat_id,
            chat_title=row.chat_title or str(row.chat_id),
            message_id=row.message_id,
            created_at=row.created_at,
            author_name=_name(row.author_first_name, row.author_username),
            author_id=row.author_user_id,
            text=row.text,
            tags=tuple(sorted(tags.get(row.message_id, ()))),
            sentiment=row.sentiment,
            status=row.status,
            duplicate_of=row.duplicate_of,
            edited=row.edited_at is not None,
            chat_username=row.chat_username,
        )
        for row in rows
    ]


def _name(first_name: str | None, username: str | None) -> str:
    if username:
        return f"@{username}"
    return first_name or ""


async def _tags(
    session: AsyncSession, chat_id: int, message_ids: Sequence[int]
) -> dict[int, list[str]]:
    if not message_ids:
        return {}
    found: dict[int, list[str]] = {}
    for chunk in chunks(message_ids):
        rows = await session.execute(
            select(FeedbackItemTag.message_id, FeedbackItemTag.tag).where(
                FeedbackItemTag.chat_id == chat_id,
                FeedbackItemTag.message_id.in_(chunk),
                FeedbackItemTag.source != REMOVED,
            )
        )
        for message_id, tag in rows.all():
            found.setdefault(int(message_id), []).append(str(tag))
    return found


async def tag_counts(
    session: AsyncSession, chat_id: int, since: datetime, until: datetime | None = None
) -> dict[str, int]:
    """Feedback per tag among comments written in [since, until) (removed tags left out)."""
    rows = await session.execute(
        select(FeedbackItemTag.tag, func.count())
        .join(
            Comment,
            (Comment.chat_id == FeedbackItemTag.chat_id)
            & (Comment.message_id == FeedbackItemTag.message_id),
        )
        .where(
            FeedbackItemTag.chat_id == chat_id,
            FeedbackItemTag.source != REMOVED,
            Comment.created_at >= since,
            Comment.created_at < until if until is not None else true(),
        )
        .group_by(FeedbackItemTag.tag)
    )
    return {str(tag): int(count) for tag, count in rows.all()}
