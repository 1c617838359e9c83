"""What digests read and remember (SQL only; the caller commits).

Every read of comments is bounded by `(chat_id, created_at)` (ix_comments_chat_id_created_at);
"is this fan's first message in the group?" is one seek per fan on
ix_comments_chat_id_author_user_id_created_at.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from bot.db.bulk_insert import BulkUpsert
from bot.db.chunks import chunks
from bot.db.models import (
    Chat,
    ChatRole,
    ChatSettings,
    Comment,
    DigestRollup,
    DigestSettings,
    DigestSubscription,
    GroupEvent,
)
from bot.db.upsert import insert_for

COMMAND_PREFIX = "/"
# A day rolled up in any timezone lies within a day of the UTC dates its messages carry.
ROLLUP_SLACK = timedelta(days=1)
# A message stored later than this after its own date is late: the day it belongs to may be
# rolled up already. A day is rolled up only this long after it ended, so a message on time
# is always in its day's rollup (bot/services/digest.py).
LATE_AFTER = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class DayComment:
    author_user_id: int | None
    is_fan: bool
    service_kind: str | None
    text: str | None
    created_at: datetime
    message_id: int = 0
    author_kind: str = "fan"


@dataclass(frozen=True, slots=True)
class DigestTarget:
    """A group whose digest someone receives, with when and where."""

    chat_id: int
    title: str | None
    timezone: str | None
    language: str | None
    local_time: str | None
    operators_chat_id: int | None
    subscribers: tuple[int, ...]
    days: str | None = None  # the weekdays of the daily digest ("01234"); None: every day


@dataclass(frozen=True, slots=True)
class Recipient:
    user_id: int
    language: str | None


async def day_comments(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> list[DayComment]:
    rows = await session.execute(
        select(
            Comment.author_user_id,
            Comment.is_fan,
            Comment.service_kind,
            Comment.text,
            Comment.created_at,
            Comment.message_id,
            Comment.author_kind,
        ).where(
            Comment.chat_id == chat_id,
            Comment.created_at >= start,
            Comment.created_at < end,
            Comment.is_spam.is_(False),
        )
    )
    return [DayComment(*row) for row in rows.all()]


async def granted_people(session: AsyncSession, chat_id: int) -> set[int]:
    """Whoever the group's administrators granted a fanpulse role (operators, analysts)."""
    rows = await session.scalars(select(ChatRole.user_id).where(ChatRole.chat_id == chat_id))
    return set(rows.all())


async def new_fans(
    session: AsyncSession,
    chat_id: int,
    start: datetime,
    end: datetime,
    staff: Collection[int] = (),
) -> int:
    """Fans (not `staff`) whose first message in this group falls in [start, end); service
    messages and commands are not a fan's message."""
    today = (
        select(Comment.author_user_id.label("user_id"))
        .where(
            Comment.chat_id == chat_id,
            Comment.created_at >= start,
            Comment.created_at < end,
            Comment.is_fan.is_(True),
            Comment.is_spam.is_(False),
            Comment.service_kind.is_(None),
            _not_a_command(Comment),
            Comment.author_user_id.not_in(list(staff)),
        )
        .distinct()
        .subquery()
    )
    earlier = aliased(Comment)
    before = exists().where(
        earlier.chat_id == chat_id,
        earlier.author_user_id == today.c.user_id,
        earlier.created_at < start,
        earlier.service_kind.is_(None),
        earlier.is_spam.is_(False),
        _not_a_command(earlier),
    )
    count = await session.scalar(select(func.count()).select_from(today).where(~before))
    return int(count or 0)


def _not_a_command(table: type[Comment]) -> ColumnElement[bool]:
    # Media without a caption has no text: it is a message, not a command.
    return or_(table.text.is_(None), ~table.text.startswith(COMMAND_PREFIX, autoescape=True))


async def event_counts(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> dict[str, tuple[int, int]]:
    """Per event kind: (distinct people, summed amount)."""
    rows = await session.execute(
        select(
            GroupEvent.kind,
            func.count(func.distinct(GroupEvent.user_id)),
            func.sum(GroupEvent.amount),
        )
        .where(
            GroupEvent.chat_id == chat_id,
            GroupEvent.happened_at >= start,
            GroupEvent.happened_at < end,
        )
        .group_by(GroupEvent.kind)
    )
    return {str(kind): (int(people), int(amount or 0)) for kind, people, amount in rows.all()}


GROUP_EVENT_INSERT = BulkUpsert(
    GroupEvent.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "kind", "user_id", "message_id", "amount", "happened_at"),
    conflict=("chat_id", "kind", "user_id", "message_id", "happened_at"),
)


async def rollups(
    session: AsyncSession, chat_id: int, timezone: str, days: Iterable[str]
) -> dict[str, str]:
    rows = await session.execute(
        select(DigestRollup.day, DigestRollup.metrics).where(
            DigestRollup.chat_id == chat_id,
            DigestRollup.timezone == timezone,
            DigestRollup.day.in_(list(days)),
        )
    )
    return {str(day): str(metrics) for day, metrics in rows.all()}


async def forget_rollups(
    session: AsyncSession, chat_id: int, first: datetime, last: datetime
) -> None:
    """Digest days that messages dated `first`..`last` belong to are measured again (their
    rollups were made without them)."""
    start = (first.astimezone(UTC) - ROLLUP_SLACK).date().isoformat()
    end = (last.astimezone(UTC) + ROLLUP_SLACK).date().isoformat()
    await session.execute(
        delete(DigestRollup).where(
            DigestRollup.chat_id == chat_id, DigestRollup.day >= start, DigestRollup.day <= end
        )
    )


async def forget_rollups_of_late(
    session: AsyncSession, dated: Iterable[tuple[int, datetime]], now: datetime
) -> None:
    """`dated`: (chat, message date) of what a batch stored or edited; the days of the late ones
    are rolled up again when next read. A batch on time deletes nothing."""
    spans: dict[int, tuple[datetime, datetime]] = {}
    for chat_id, created_at in dated:
        if created_at > now - LATE_AFTER:
            continue
        first, last = spans.get(chat_id, (created_at, created_at))
        spans[chat_id] = (min(first, created_at), max(last, created_at))
    for chat_id, (first, last) in spans.items():
        await forget_rollups(session, chat_id, first, last)


_EVENT_CHAT = GROUP_EVENT_INSERT.columns.index("chat_id")
_EVENT_DATE = GROUP_EVENT_INSERT.columns.index("happened_at")


def dated_events(rows: Iterable[tuple[BulkUpsert, tuple[Any, ...]]]) -> list[tuple[int, datetime]]:
    """(chat, date) of the joins, leaves, reactions and replies to the bot among a batch's
    feature rows: a late one changes a finished day's numbers as a late message does."""
    return [
        (row[_EVENT_CHAT], row[_EVENT_DATE])
        for statement, row in rows
        if statement is GROUP_EVENT_INSERT
    ]


async def save_rollup(
    session: AsyncSession, chat_id: int, timezone: str, day: str, *, metrics: str, now: datetime
) -> None:
    statement = insert_for(session, DigestRollup.__table__).on_conflict_do_nothing(
        index_elements=["chat_id", "day", "timezone"]
    )
    await session.execute(
        statement,
        [
            {
                "chat_id": chat_id,
                "day": day,
                "timezone": timezone,
                "metrics": metrics,
                "computed_at": now,
            }
        ],
    )


async def digest_settings(session: AsyncSession, chat_id: int) -> tuple[str | None, int | None]:
    row = (
        await session.execute(
            select(DigestSettings.local_time, DigestSettings.operators_chat_id).where(
                DigestSettings.chat_id == chat_id
            )
        )
    ).one_or_none()
    return (None, None) if row is None else (row.local_time, row.operators_chat_id)


async def digest_days(session: AsyncSession, chat_id: int) -> str | None:
    """The weekdays ("01234", Monday 0) the daily digest goes out; None: every day."""
    query = select(DigestSettings.days).where(DigestSettings.chat_id == chat_id)
    return await session.scalar(query)


async def set_digest_days(
    session: AsyncSession, chat_id: int, days: str | None, now: datetime
) -> None:
    await set_digest_settings(session, chat_id, now)
    await session.execute(
        update(DigestSettings).where(DigestSettings.chat_id == chat_id).values(days=days)
    )


async def set_digest_settings(
    session: AsyncSession,
    chat_id: int,
    now: datetime,
    *,
    local_time: str | None = None,
    operators_chat_id: int | None = None,
    clear_operators_chat: bool = False,
) -> None:
    current_time, current_chat = await digest_settings(session, chat_id)
    values = {
        "chat_id": chat_id,
        "local_time": local_time or current_time or "09:00",
        "operators_chat_id": None
        if clear_operators_chat
        else (operators_chat_id if operators_chat_id is not None else current_chat),
        "updated_at": now,
    }
    statement = insert_for(session, DigestSettings.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[DigestSettings.chat_id],
            set_={
                "local_time": statement.excluded.local_time,
                "operators_chat_id": statement.excluded.operators_chat_id,
                "updated_at": statement.excluded.updated_at,
            },
        ),
        [values],
    )


async def subscribe(session: AsyncSession, chat_id: int, user_id: int, now: datetime) -> bool:
    """True when newly subscribed (a blocked subscription is revived)."""
    statement = insert_for(session, DigestSubscription.__table__)
    existing = await session.scalar(
        select(DigestSubscription.blocked_at.is_(None)).where(
            DigestSubscription.chat_id == chat_id, DigestSubscription.user_id == user_id
        )
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[DigestSubscription.chat_id, DigestSubscription.user_id],
            set_={"blocked_at": None},
        ),
        [{"chat_id": chat_id, "user_id": user_id, "subscribed_at": now, "blocked_at": None}],
    )
    return not existing


async def is_subscribed(session: AsyncSession, chat_id: int, user_id: int) -> bool:
    """Whether `user_id` receives the group's digest (not blocked)."""
    found = await session.scalar(
        select(DigestSubscription.blocked_at.is_(None)).where(
            DigestSubscription.chat_id == chat_id, DigestSubscription.user_id == user_id
        )
    )
    return bool(found)


async def unsubscribe(session: AsyncSession, chat_id: int, user_id: int) -> bool:
    result = await session.execute(
        delete(DigestSubscription).where(
            DigestSubscription.chat_id == chat_id, DigestSubscription.user_id == user_id
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def mark_blocked(session: AsyncSession, user_id: int, now: datetime) -> None:
    """The person blocked the bot: none of their subscriptions is tried again until they
    subscribe again."""
    await session.execute(
        update(DigestSubscription)
        .where(DigestSubscription.user_id == user_id, DigestSubscription.blocked_at.is_(None))
        .values(blocked_at=now)
    )


async def digest_targets(
    session: AsyncSession, chat_ids: Sequence[int] | None = None
) -> list[DigestTarget]:
    """Active groups that have a live subscriber or an operators' chat."""
    subscribed = select(DigestSubscription.chat_id).where(DigestSubscription.blocked_at.is_(None))
    query = (
        select(
            Chat.id,
            Chat.title,
            ChatSettings.timezone,
            ChatSettings.language,
            DigestSettings.local_time,
            DigestSettings.operators_chat_id,
            DigestSettings.days,
        )
        .outerjoin(ChatSettings, ChatSettings.chat_id == Chat.id)
        .outerjoin(DigestSettings, DigestSettings.chat_id == Chat.id)
        .where(
            Chat.is_active.is_(True),
            Chat.type.in_(("group", "supergroup")),
            (Chat.id.in_(subscribed)) | DigestSettings.operators_chat_id.is_not(None),
        )
        .order_by(Chat.id)
    )
    if chat_ids is not None:
        query = query.where(Chat.id.in_(chat_ids))
    groups = (await session.execute(query)).all()
    by_chat: dict[int, list[int]] = {}
    for chunk in chunks(row.id for row in groups):
        subscriptions = await session.execute(
            select(DigestSubscription.chat_id, DigestSubscription.user_id)
            .where(
                DigestSubscription.blocked_at.is_(None),
                DigestSubscription.chat_id.in_(chunk),
            )
            .order_by(DigestSubscription.user_id)
        )
        for chat_id, user_id in subscriptions.all():
            by_chat.setdefault(int(chat_id), []).append(int(user_id))
    return [
        DigestTarget(
            chat_id=row.id,
            title=row.title,
            timezone=row.timezone,
            language=row.language,
            local_time=row.local_time,
            operators_chat_id=row.operators_chat_id,
            subscribers=tuple(by_chat.get(row.id, ())),
            days=row.days,
        )
        for row in groups
    ]
