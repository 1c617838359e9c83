"""What the operators' inbox and export read (SQL only; the caller commits).

Items are feedback rows (tagged, non-neutral or explicit comments) joined to their comment,
newest first. Every query walks the group's comments in the order of an index, newest first, and
probes each one's feedback row by its key, so a page reads about as many rows as it shows and a
count stops at `COUNT_CAP`, however long the history: ix_comments_chat_id_created_at (a period is
a range on it), or ix_comments_chat_id_author_user_id_created_at when an author is given. A tag
is a key probe on feedback_item_tags; a text goes through the search index
(bot/db/search_index.py). Sorting or counting the whole group instead grew 10-20x from 100k to
1M comments (issue 21).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, exists, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.feedback_ingest import REMOVED
from bot.db.models import Chat, Comment, FeedbackItem, FeedbackItemTag, InboxQuery, User
from bot.db.search_index import text_search
from bot.domain.export import FeedbackRow
from bot.domain.inbox import COUNT_CAP, COUNTS_WINDOW, InboxFilter
from bot.domain.tagging.evidence import decode


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
    FeedbackItem.evidence,
)


async def _matching(
    session: AsyncSession, chat_id: int, f: InboxFilter
) -> Select[datetime, int, int]:
    """The (created_at, id, message_id) of the group's comments that are items matching `f`.

    The feedback row is a correlated probe rather than a join: joined, SQLite may read the
    group's feedback rows by their own key and then sort all of them."""
    search = None if f.text is None else await text_search(session, chat_id, f.text)
    feedback: list[ColumnElement[bool]] = [
        FeedbackItem.chat_id == Comment.chat_id,
        FeedbackItem.message_id == Comment.message_id,
    ]
    if f.status is not None:
        feedback.append(FeedbackItem.status == f.status)
    if f.sentiment is not None:
        feedback.append(FeedbackItem.sentiment == f.sentiment)
    # `chat_id + 0` keeps SQLite off the group's index when the search names the rows by id.
    in_group = (Comment.chat_id + 0 if search and search.by_id else Comment.chat_id) == chat_id
    statement = select(Comment.created_at, Comment.id, Comment.message_id).where(
        in_group, Comment.is_spam.is_(False), exists().where(*feedback)
    )
    if f.tag is not None:
        statement = statement.where(
            exists().where(
                FeedbackItemTag.chat_id == Comment.chat_id,
                FeedbackItemTag.message_id == Comment.message_id,
                FeedbackItemTag.tag == f.tag,
                FeedbackItemTag.source != REMOVED,
            )
        )
    if f.author_user_id is not None:
        # The comment's column (the feedback row copies it) is the one an index leads with.
        statement = statement.where(Comment.author_user_id == f.author_user_id)
    if f.since is not None:
        statement = statement.where(Comment.created_at >= f.since)
    if f.until is not None:
        statement = statement.where(Comment.created_at < f.until)
    if search is not None:
        statement = statement.where(search.condition)
    # Ties by the row id, which every index of comments ends with on SQLite: no sort at all.
    return statement.order_by(Comment.created_at.desc(), Comment.id.desc())


@dataclass(frozen=True, slots=True)
class After:
    """Where the previous chunk of a walk through the items ended (keyset, newest first)."""

    created_at: datetime
    comment_id: int


async def count_items(
    session: AsyncSession, chat_id: int, filters: InboxFilter, cap: int = COUNT_CAP
) -> int:
    """How many items match, counted up to `cap + 1` at most (more than `cap`: "cap+")."""
    bounded = (await _matching(session, chat_id, filters)).limit(cap + 1).subquery()
    return int(await session.scalar(select(func.count()).select_from(bounded)) or 0)


async def items(
    session: AsyncSession, chat_id: int, filters: InboxFilter, *, offset: int, limit: int
) -> list[FeedbackRow]:
    """A page of the filtered items, newest first, with their tags (removed ones left out)."""
    statement = (await _matching(session, chat_id, filters)).offset(offset).limit(limit)
    keys = (await session.execute(statement)).all()
    return await _in_order(session, chat_id, [int(row.message_id) for row in keys])


async def items_after(
    session: AsyncSession, chat_id: int, filters: InboxFilter, after: After | None, limit: int
) -> tuple[list[FeedbackRow], After | None]:
    """The next `limit` items of a walk through all of them, and where it goes on (None at
    the end). Each chunk is its own short read, however long the walk."""
    statement = await _matching(session, chat_id, filters)
    if after is not None:
        statement = statement.where(
            Comment.created_at <= after.created_at,
            or_(Comment.created_at < after.created_at, Comment.id < after.comment_id),
        )
    keys = (await session.execute(statement.limit(limit))).all()
    rows = await _in_order(session, chat_id, [int(row.message_id) for row in keys])
    if len(keys) < limit:
        return rows, None
    return rows, After(keys[-1].created_at, int(keys[-1].id))


async def items_by_id(
    session: AsyncSession, chat_id: int, message_ids: Sequence[int]
) -> list[FeedbackRow]:
    return await _in_order(session, chat_id, message_ids)


async def _in_order(
    session: AsyncSession, chat_id: int, message_ids: Sequence[int]
) -> list[FeedbackRow]:
    found = await _rows(session, chat_id, message_ids)
    return [found[message_id] for message_id in message_ids if message_id in found]


async def _rows(
    session: AsyncSession, chat_id: int, message_ids: Sequence[int]
) -> dict[int, FeedbackRow]:
    tags = await _tags(session, chat_id, message_ids)
    found: dict[int, FeedbackRow] = {}
    for chunk in chunks(message_ids):
        rows = await session.execute(
            select(*_ROW_COLUMNS)
            .select_from(FeedbackItem)
            .join(
                Comment,
                (Comment.chat_id == FeedbackItem.chat_id)
                & (Comment.message_id == FeedbackItem.message_id),
            )
            .join(Chat, Chat.id == FeedbackItem.chat_id)
            .outerjoin(User, User.id == FeedbackItem.author_user_id)
            .where(FeedbackItem.chat_id == chat_id, FeedbackItem.message_id.in_(chunk))
        )
        for row in rows.all():
            found[row.message_id] = FeedbackRow(
                chat_id=row.chat_id,
                chat_title=row.chat_title or str(row.chat_id),
                message_id=row.message_id,
                created_at=row.created_at,
                author_name=_name(row.author_first_name, row.author_username),
                author_id=row.author_user_id,
                text=row.text,
                tags=tuple(sorted(tags.get(row.message_id, {}))),
                sentiment=row.sentiment,
                status=row.status,
                duplicate_of=row.duplicate_of,
                edited=row.edited_at is not None,
                chat_username=row.chat_username,
                sentiment_evidence=decode(row.evidence),
                tag_evidence=tuple(
                    (tag, words)
                    for tag, words in sorted(tags.get(row.message_id, {}).items())
                    if words
                ),
            )
    return found


def _name(first_name: str | None, username: str | None) -> str:
    if username:
        return f"@{username}"
    return first_name or ""


async def _tags(
    session: AsyncSession, chat_id: int, message_ids: Sequence[int]
) -> dict[int, dict[str, tuple[str, ...]]]:
    """Per message, its tags and the evidence of each (nothing for an operator's tag)."""
    if not message_ids:
        return {}
    found: dict[int, dict[str, tuple[str, ...]]] = {}
    for chunk in chunks(message_ids):
        rows = await session.execute(
            select(FeedbackItemTag.message_id, FeedbackItemTag.tag, FeedbackItemTag.evidence).where(
                FeedbackItemTag.chat_id == chat_id,
                FeedbackItemTag.message_id.in_(chunk),
                FeedbackItemTag.source != REMOVED,
            )
        )
        for message_id, tag, evidence in rows.all():
            found.setdefault(int(message_id), {})[str(tag)] = decode(evidence)
    return found


@dataclass(frozen=True, slots=True)
class TagCounts:
    counts: dict[str, int]
    # The period holds more than `window` comments: these are the newest `window`'s counts.
    newest_only: bool


async def tag_counts(
    session: AsyncSession,
    chat_id: int,
    since: datetime,
    until: datetime | None = None,
    window: int = COUNTS_WINDOW,
) -> TagCounts:
    """Feedback per tag among the newest `window` comments written in [since, until) (removed
    tags left out): a range walk on ix_comments_chat_id_created_at, each comment's tags probed
    by their key, never the group's whole history."""
    in_period = (
        select(Comment.chat_id, Comment.message_id)
        .where(
            Comment.chat_id == chat_id,
            Comment.created_at >= since,
            Comment.created_at < until if until is not None else true(),
            Comment.is_spam.is_(False),
        )
        .order_by(Comment.created_at.desc())
    )
    newest = in_period.limit(window).subquery()
    rows = await session.execute(
        select(FeedbackItemTag.tag, func.count())
        .select_from(newest)
        .join(
            FeedbackItemTag,
            (FeedbackItemTag.chat_id == newest.c.chat_id)
            & (FeedbackItemTag.message_id == newest.c.message_id),
        )
        .where(FeedbackItemTag.source != REMOVED)
        .group_by(FeedbackItemTag.tag)
    )
    counts = {str(tag): int(count) for tag, count in rows.all()}
    beyond = select(func.count()).select_from(in_period.offset(window).limit(1).subquery())
    return TagCounts(counts, bool(await session.scalar(beyond)))
