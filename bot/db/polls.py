"""Polls, their tallies and votes (SQL only; the caller commits).

State changes that two closers could race on (the clock and `/poll_close`, two instances) are
conditional UPDATEs from an expected status: exactly one caller sees a row change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, case, func, literal, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.models import Base, Comment, PollRecord, PollTally, PollVote, User
from bot.domain.polls import PollDraft

RECENT_LIMIT = 10


class PollStatus(StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    DELETED = "deleted"  # made by mistake: its messages are gone, it never posts results


TALLY_UPSERT = BulkUpsert(
    PollTally.__table__,  # type: ignore[arg-type]
    columns=("telegram_poll_id", "counts", "voters", "is_closed", "updated_at"),
    conflict=("telegram_poll_id",),
    update=("counts", "voters", "is_closed", "updated_at"),
)
VOTE_UPSERT = BulkUpsert(
    PollVote.__table__,  # type: ignore[arg-type]
    columns=("telegram_poll_id", "user_id", "option_ids", "answered_at"),
    conflict=("telegram_poll_id", "user_id"),
    update=("option_ids", "answered_at"),
)


@dataclass(frozen=True, slots=True)
class StoredPoll:
    id: int
    chat_id: int
    question: str
    options: tuple[str, ...]
    is_anonymous: bool
    allows_multiple: bool
    correct_option_ids: tuple[int, ...]
    explanation: str | None
    status: PollStatus
    source: str
    start_at: datetime | None
    close_at: datetime | None
    message_id: int | None
    telegram_poll_id: str | None
    results_message_id: int | None
    created_at: datetime
    sent_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class Tally:
    counts: tuple[int, ...]
    voters: int
    is_closed: bool


@dataclass(frozen=True, slots=True)
class Vote:
    user_id: int
    option_ids: tuple[int, ...]  # empty: retracted
    answered_at: datetime
    first_name: str | None
    username: str | None


def _stored(row: PollRecord) -> StoredPoll:
    return StoredPoll(
        id=row.id,
        chat_id=row.chat_id,
        question=row.question,
        options=tuple(json.loads(row.options)),
        is_anonymous=row.is_anonymous,
        allows_multiple=row.allows_multiple,
        correct_option_ids=tuple(json.loads(row.correct_option_ids)),
        explanation=row.explanation,
        status=PollStatus(row.status),
        source=row.source,
        start_at=row.start_at,
        close_at=row.close_at,
        message_id=row.message_id,
        telegram_poll_id=row.telegram_poll_id,
        results_message_id=row.results_message_id,
        created_at=row.created_at,
        sent_at=row.sent_at,
        closed_at=row.closed_at,
    )


async def create(
    session: AsyncSession,
    chat_id: int,
    draft: PollDraft,
    *,
    created_by_user_id: int | None,
    source: str,
    now: datetime,
) -> StoredPoll:
    row = PollRecord(
        chat_id=chat_id,
        question=draft.question,
        options=json.dumps(list(draft.options), ensure_ascii=False),
        is_anonymous=draft.is_anonymous,
        allows_multiple=draft.allows_multiple,
        correct_option_ids=json.dumps(list(draft.correct_option_ids)),
        explanation=draft.explanation,
        status=PollStatus.SCHEDULED.value,
        source=source,
        start_at=draft.start_at,
        close_at=draft.close_at,
        created_by_user_id=created_by_user_id,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return _stored(row)


async def get(session: AsyncSession, poll_id: int) -> StoredPoll | None:
    row = await session.get(PollRecord, poll_id)
    return _stored(row) if row is not None else None


async def in_chat(session: AsyncSession, chat_id: int, poll_id: int) -> StoredPoll | None:
    """A poll only when it belongs to `chat_id`: a number typed by a client is data."""
    found = await get(session, poll_id)
    return found if found is not None and found.chat_id == chat_id else None


async def mark_sent(
    session: AsyncSession, poll_id: int, *, message_id: int, telegram_poll_id: str, now: datetime
) -> bool:
    result = await session.execute(
        update(PollRecord)
        .where(PollRecord.id == poll_id, PollRecord.status == PollStatus.SCHEDULED.value)
        .values(
            status=PollStatus.OPEN.value,
            message_id=message_id,
            telegram_poll_id=telegram_poll_id,
            sent_at=now,
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def mark_closed(session: AsyncSession, poll_id: int, now: datetime) -> bool:
    """open -> closed; True only for the one caller that changed it."""
    result = await session.execute(
        update(PollRecord)
        .where(PollRecord.id == poll_id, PollRecord.status == PollStatus.OPEN.value)
        .values(status=PollStatus.CLOSED.value, closed_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def cancel(session: AsyncSession, poll_id: int, now: datetime) -> bool:
    """scheduled -> cancelled; a poll already sent cannot be cancelled (close it instead)."""
    result = await session.execute(
        update(PollRecord)
        .where(PollRecord.id == poll_id, PollRecord.status == PollStatus.SCHEDULED.value)
        .values(status=PollStatus.CANCELLED.value, closed_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def delete(session: AsyncSession, poll_id: int, now: datetime) -> bool:
    """scheduled, open or closed -> deleted: True for the one caller that changed it."""
    result = await session.execute(
        update(PollRecord)
        .where(
            PollRecord.id == poll_id,
            PollRecord.status.in_(
                [PollStatus.SCHEDULED.value, PollStatus.OPEN.value, PollStatus.CLOSED.value]
            ),
        )
        .values(status=PollStatus.DELETED.value, closed_at=func.coalesce(PollRecord.closed_at, now))
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_results_message(session: AsyncSession, poll_id: int, message_id: int) -> None:
    await session.execute(
        update(PollRecord).where(PollRecord.id == poll_id).values(results_message_id=message_id)
    )


async def pending(session: AsyncSession) -> list[StoredPoll]:
    """Every poll the clock has something to do for: scheduled ones, open ones with a deadline."""
    rows = await session.scalars(
        select(PollRecord).where(
            or_(
                PollRecord.status == PollStatus.SCHEDULED.value,
                (PollRecord.status == PollStatus.OPEN.value) & PollRecord.close_at.is_not(None),
            )
        )
    )
    return [_stored(row) for row in rows.all()]


async def open_and_recent(session: AsyncSession, chat_id: int) -> list[StoredPoll]:
    """Scheduled and open polls, then the most recently closed or cancelled ones."""
    live = await session.scalars(
        select(PollRecord)
        .where(
            PollRecord.chat_id == chat_id,
            PollRecord.status.in_([PollStatus.SCHEDULED.value, PollStatus.OPEN.value]),
        )
        .order_by(PollRecord.id)
    )
    done = await session.scalars(
        select(PollRecord)
        .where(
            PollRecord.chat_id == chat_id,
            PollRecord.status.in_([PollStatus.CLOSED.value, PollStatus.CANCELLED.value]),
        )
        .order_by(PollRecord.id.desc())
        .limit(RECENT_LIMIT)
    )
    return [_stored(row) for row in (*live.all(), *done.all())]


_LISTED = (
    PollStatus.SCHEDULED.value,
    PollStatus.OPEN.value,
    PollStatus.CLOSED.value,
    PollStatus.CANCELLED.value,
)


async def listed_count(session: AsyncSession, chat_id: int) -> int:
    """How many polls the /polls card pages through (all but deleted ones)."""
    total = await session.scalar(
        select(func.count())
        .select_from(PollRecord)
        .where(PollRecord.chat_id == chat_id, PollRecord.status.in_(_LISTED))
    )
    return int(total or 0)


async def listed_page(
    session: AsyncSession, chat_id: int, offset: int, limit: int
) -> list[StoredPoll]:
    """A page of the /polls card: scheduled and open polls first, then the others, newest
    first within each."""
    live = case(
        (PollRecord.status.in_([PollStatus.SCHEDULED.value, PollStatus.OPEN.value]), 0),
        else_=1,
    )
    rows = await session.scalars(
        select(PollRecord)
        .where(PollRecord.chat_id == chat_id, PollRecord.status.in_(_LISTED))
        .order_by(live, PollRecord.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [_stored(row) for row in rows.all()]


async def listed_before(session: AsyncSession, chat_id: int, poll: StoredPoll) -> int:
    """How many polls the /polls card lists ahead of `poll` (its order: `listed_page`)."""
    live_statuses = [PollStatus.SCHEDULED.value, PollStatus.OPEN.value]
    is_live = PollRecord.status.in_(live_statuses)
    newer = PollRecord.id > poll.id
    ahead = (
        is_live & newer
        if poll.status.value in live_statuses
        else is_live | (PollRecord.status.in_(_LISTED) & newer)
    )
    total = await session.scalar(
        select(func.count()).select_from(PollRecord).where(PollRecord.chat_id == chat_id, ahead)
    )
    return int(total or 0)


async def count_open(session: AsyncSession, chat_id: int) -> int:
    total = await session.scalar(
        select(func.count())
        .select_from(PollRecord)
        .where(PollRecord.chat_id == chat_id, PollRecord.status == PollStatus.OPEN.value)
    )
    return int(total or 0)


async def sent_between(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> list[StoredPoll]:
    rows = await session.scalars(
        select(PollRecord)
        .where(
            PollRecord.chat_id == chat_id,
            PollRecord.sent_at >= start,
            PollRecord.sent_at < end,
            PollRecord.status != PollStatus.DELETED.value,
        )
        .order_by(PollRecord.sent_at)
    )
    return [_stored(row) for row in rows.all()]


async def closed_between(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> list[StoredPoll]:
    rows = await session.scalars(
        select(PollRecord)
        .where(
            PollRecord.chat_id == chat_id,
            PollRecord.status == PollStatus.CLOSED.value,
            PollRecord.closed_at >= start,
            PollRecord.closed_at < end,
        )
        .order_by(PollRecord.closed_at)
    )
    return [_stored(row) for row in rows.all()]


async def tally(session: AsyncSession, telegram_poll_id: str | None) -> Tally | None:
    if telegram_poll_id is None:
        return None
    row = await session.get(PollTally, telegram_poll_id)
    if row is None:
        return None
    return Tally(tuple(json.loads(row.counts)), row.voters, row.is_closed)


async def save_tally(
    session: AsyncSession, telegram_poll_id: str, tally_now: Tally, now: datetime
) -> None:
    await TALLY_UPSERT.execute(session, [tally_row(telegram_poll_id, tally_now, now)])


def tally_row(telegram_poll_id: str, counts: Tally, now: datetime) -> tuple[Any, ...]:
    return (telegram_poll_id, json.dumps(list(counts.counts)), counts.voters, counts.is_closed, now)


def vote_row(
    telegram_poll_id: str, user_id: int, option_ids: Sequence[int], now: datetime
) -> tuple[Any, ...]:
    return (telegram_poll_id, user_id, ",".join(str(i) for i in option_ids), now)


async def votes(session: AsyncSession, telegram_poll_id: str | None) -> list[Vote]:
    """Per-voter choices (retractions included), with the voter's stored name if known."""
    if telegram_poll_id is None:
        return []
    rows = await session.execute(
        select(PollVote, User.first_name, User.username)
        .outerjoin(User, User.id == PollVote.user_id)
        .where(PollVote.telegram_poll_id == telegram_poll_id)
        .order_by(PollVote.user_id)
    )
    return [
        Vote(
            user_id=vote.user_id,
            option_ids=tuple(int(i) for i in vote.option_ids.split(",") if i),
            answered_at=vote.answered_at,
            first_name=first_name,
            username=username,
        )
        for vote, first_name, username in rows.all()
    ]


STORED_TAGS = "feedback_item_tags"
TOPIC_TAG = "topic_idea"
REMOVED_TAG = "removed"
MAX_TOPIC_COMMENTS = 5_000
MAX_TOPIC_TEXT = 300  # a poll option holds 100 characters; a subject is shorter still


async def _topic_ideas(
    session: AsyncSession, tags: Table, chat_id: int, start: datetime, end: datetime
) -> Select[Any]:
    """The period's fans' comments tagged a topic idea, read from the tags' index.

    Walking the period's comments and probing each one's tags read every comment of 30 days
    (18.5x from 100k to 1M, issue 21). A chat's message ids grow with time (a migrated group's
    history stays under its old id), so the period is a range of message ids, found by two
    seeks: the newest comment before it and the oldest at its end. The topic tags in that
    range come in order from ix_feedback_item_tags_chat_id_tag_message_id."""
    before = await _message_id_at(session, chat_id, Comment.created_at < start, newest=True)
    after = await _message_id_at(session, chat_id, Comment.created_at >= end, newest=False)
    in_range: list[ColumnElement[bool]] = [tags.c.chat_id == chat_id, tags.c.tag == TOPIC_TAG]
    if before is not None:
        in_range.append(tags.c.message_id > before)
    if after is not None:
        in_range.append(tags.c.message_id < after)
    return (
        select(Comment.author_user_id, func.substr(Comment.text, 1, MAX_TOPIC_TEXT), true())
        .select_from(tags)
        .join(
            Comment,
            (Comment.chat_id == tags.c.chat_id) & (Comment.message_id == tags.c.message_id),
        )
        .where(
            *in_range,
            tags.c.source != REMOVED_TAG,
            Comment.created_at >= start,
            Comment.created_at < end,
            Comment.is_fan.is_(True),
            Comment.is_spam.is_(False),
            Comment.text.is_not(None),
        )
    )


async def _message_id_at(
    session: AsyncSession, chat_id: int, when: ColumnElement[bool], *, newest: bool
) -> int | None:
    order = Comment.created_at.desc() if newest else Comment.created_at.asc()
    return await session.scalar(
        select(Comment.message_id).where(Comment.chat_id == chat_id, when).order_by(order).limit(1)
    )


async def topic_comments(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> list[tuple[int | None, str, bool | None]]:
    """Fans' texts of a period (author, text, tagged a topic idea), the raw material of topic
    polls. The seam: where feedback stores tags (its `feedback_item_tags`), the third item says
    whether the comment carries the topic tag (an operator's removal counts); without that
    table it is None and the caller tags on the fly."""
    tags = Base.metadata.tables.get(STORED_TAGS)
    if tags is not None:
        # Only the topic ideas leave the database, the newest MAX_TOPIC_COMMENTS of them, each
        # cut to MAX_TOPIC_TEXT: the work per query is bounded (issue 20: fifteen shaped comments
        # stalled the bot 27.5 s; issue 21: every comment of 30 days was read and tagged).
        statement = await _topic_ideas(session, tags, chat_id, start, end)
        newest_first = tags.c.message_id.desc()
    else:
        statement = select(
            Comment.author_user_id, func.substr(Comment.text, 1, MAX_TOPIC_TEXT), literal(None)
        ).where(
            Comment.chat_id == chat_id,
            Comment.created_at >= start,
            Comment.created_at < end,
            Comment.is_fan.is_(True),
            Comment.is_spam.is_(False),
            Comment.text.is_not(None),
        )
        newest_first = Comment.created_at.desc()
    rows = await session.execute(statement.order_by(newest_first).limit(MAX_TOPIC_COMMENTS))
    return [
        (author, str(text), None if is_topic is None else bool(is_topic))
        for author, text, is_topic in rows.all()
    ]
