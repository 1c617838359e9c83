"""Giveaways and their entries (SQL only; the caller commits).

Every step of a draw is claimed by a conditional UPDATE that only one caller can win (the row's
own column is the flag), so a resumed or concurrent draw never repeats a step.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.models import Comment, GiveawayEntry, GiveawayRecord, GroupEvent
from bot.db.upsert import insert_for

OPEN = "open"
DRAWING = "drawing"
DRAWN = "drawn"
DONE = "done"
CANCELLED = "cancelled"
DELETED = "deleted"  # made by mistake: never drawn, its announcement removed
UNFINISHED = (OPEN, DRAWING, DRAWN)
# The draw's sending steps, each claimed once on its own column.
STEP_COLUMNS = {
    "announce": GiveawayRecord.announce_claimed_at,
    "winners": GiveawayRecord.winners_claimed_at,
    "creator": GiveawayRecord.creator_claimed_at,
}


async def create(session: AsyncSession, **values: Any) -> GiveawayRecord:
    record = GiveawayRecord(status=OPEN, shown_count=0, rerolls_announced=0, **values)
    session.add(record)
    await session.flush()
    return record


async def get(session: AsyncSession, giveaway_id: int) -> GiveawayRecord | None:
    return await session.get(GiveawayRecord, giveaway_id, populate_existing=True)


async def in_chat(session: AsyncSession, chat_id: int, giveaway_id: int) -> GiveawayRecord | None:
    record = await get(session, giveaway_id)
    return record if record is not None and record.chat_id == chat_id else None


async def recent(session: AsyncSession, chat_id: int, limit: int) -> list[GiveawayRecord]:
    rows = await session.scalars(
        select(GiveawayRecord)
        .where(GiveawayRecord.chat_id == chat_id)
        .order_by(GiveawayRecord.id.desc())
        .limit(limit)
    )
    return list(rows.all())


async def count_in_chat(session: AsyncSession, chat_id: int) -> int:
    """How many giveaways the /giveaways card pages through (all but deleted ones)."""
    total = await session.scalar(
        select(func.count())
        .select_from(GiveawayRecord)
        .where(GiveawayRecord.chat_id == chat_id, GiveawayRecord.status != DELETED)
    )
    return int(total or 0)


async def listed_before(session: AsyncSession, chat_id: int, giveaway_id: int) -> int:
    """How many giveaways the /giveaways card lists ahead of this one (newest first)."""
    total = await session.scalar(
        select(func.count())
        .select_from(GiveawayRecord)
        .where(
            GiveawayRecord.chat_id == chat_id,
            GiveawayRecord.status != DELETED,
            GiveawayRecord.id > giveaway_id,
        )
    )
    return int(total or 0)


async def page_in_chat(
    session: AsyncSession, chat_id: int, offset: int, limit: int
) -> list[GiveawayRecord]:
    """A page of the /giveaways card, newest first."""
    rows = await session.scalars(
        select(GiveawayRecord)
        .where(GiveawayRecord.chat_id == chat_id, GiveawayRecord.status != DELETED)
        .order_by(GiveawayRecord.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(rows.all())


async def unfinished(session: AsyncSession) -> list[GiveawayRecord]:
    rows = await session.scalars(
        select(GiveawayRecord).where(GiveawayRecord.status.in_(UNFINISHED))
    )
    return list(rows.all())


async def set_fields(session: AsyncSession, giveaway_id: int, **values: Any) -> None:
    await session.execute(
        update(GiveawayRecord).where(GiveawayRecord.id == giveaway_id).values(**values)
    )


async def _claim(
    session: AsyncSession,
    giveaway_id: int,
    condition: ColumnElement[bool],
    **values: Any,
) -> bool:
    """Set `values` only where `condition` still holds: True for the one caller that did."""
    result = await session.execute(
        update(GiveawayRecord)
        .where(GiveawayRecord.id == giveaway_id, condition)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def add_entry(
    session: AsyncSession,
    giveaway_id: int,
    user_id: int,
    *,
    first_name: str,
    last_name: str | None,
    now: datetime,
) -> bool:
    """The one entry of this person (INSERT ... ON CONFLICT DO NOTHING): True if it is new."""
    statement = (
        insert_for(session, GiveawayEntry.__table__)
        .values(
            giveaway_id=giveaway_id,
            user_id=user_id,
            first_name=first_name[:255],
            last_name=last_name[:255] if last_name else None,
            entered_at=now,
        )
        .on_conflict_do_nothing(index_elements=["giveaway_id", "user_id"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def has_entry(session: AsyncSession, giveaway_id: int, user_id: int) -> bool:
    found = await session.scalar(
        select(GiveawayEntry.id).where(
            GiveawayEntry.giveaway_id == giveaway_id, GiveawayEntry.user_id == user_id
        )
    )
    return found is not None


async def entry_count(session: AsyncSession, giveaway_id: int) -> int:
    total = await session.scalar(
        select(func.count())
        .select_from(GiveawayEntry)
        .where(GiveawayEntry.giveaway_id == giveaway_id)
    )
    return int(total or 0)


async def entry_counts(session: AsyncSession, giveaway_ids: Sequence[int]) -> dict[int, int]:
    if not giveaway_ids:
        return {}
    found: dict[int, int] = {}
    for chunk in chunks(giveaway_ids):
        rows = await session.execute(
            select(GiveawayEntry.giveaway_id, func.count())
            .where(GiveawayEntry.giveaway_id.in_(chunk))
            .group_by(GiveawayEntry.giveaway_id)
        )
        found.update((int(gid), int(count)) for gid, count in rows.all())
    return found


async def entries_before(
    session: AsyncSession, giveaway_id: int, ends_at: datetime
) -> list[GiveawayEntry]:
    """The frozen entrant list: everyone who entered before entries closed."""
    rows = await session.scalars(
        select(GiveawayEntry)
        .where(GiveawayEntry.giveaway_id == giveaway_id, GiveawayEntry.entered_at < ends_at)
        .order_by(GiveawayEntry.user_id)
    )
    return list(rows.all())


async def entries_page(
    session: AsyncSession, giveaway_id: int, after_user_id: int | None, limit: int
) -> list[GiveawayEntry]:
    """Entrants by user id (the unique key's order), from after `after_user_id`."""
    statement = select(GiveawayEntry).where(GiveawayEntry.giveaway_id == giveaway_id)
    if after_user_id is not None:
        statement = statement.where(GiveawayEntry.user_id > after_user_id)
    rows = await session.scalars(statement.order_by(GiveawayEntry.user_id).limit(limit))
    return list(rows.all())


async def comment_count(
    session: AsyncSession, chat_id: int, user_id: int, since: datetime, until: datetime
) -> int:
    total = await session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(
            Comment.chat_id == chat_id,
            Comment.author_user_id == user_id,
            Comment.is_fan.is_(True),
            Comment.is_spam.is_(False),
            Comment.created_at >= since,
            Comment.created_at < until,
        )
    )
    return int(total or 0)


async def last_join(session: AsyncSession, chat_id: int, user_id: int) -> datetime | None:
    joined: datetime | None = await session.scalar(
        select(func.max(GroupEvent.happened_at)).where(
            GroupEvent.chat_id == chat_id,
            GroupEvent.kind == "join",
            GroupEvent.user_id == user_id,
        )
    )
    return joined


async def comment_counts(
    session: AsyncSession, chat_id: int, user_ids: Sequence[int], since: datetime, until: datetime
) -> dict[int, int]:
    """`comment_count` of each of `user_ids` in one query a chunk (absent: none)."""
    found: dict[int, int] = {}
    for chunk in chunks(user_ids):
        rows = await session.execute(
            select(Comment.author_user_id, func.count())
            .where(
                Comment.chat_id == chat_id,
                Comment.author_user_id.in_(chunk),
                Comment.is_fan.is_(True),
                Comment.created_at >= since,
                Comment.created_at < until,
            )
            .group_by(Comment.author_user_id)
        )
        found.update((int(user), int(count)) for user, count in rows.all() if user is not None)
    return found


async def last_joins(
    session: AsyncSession, chat_id: int, user_ids: Sequence[int]
) -> dict[int, datetime]:
    """`last_join` of each of `user_ids` who ever joined, in one query a chunk."""
    found: dict[int, datetime] = {}
    for chunk in chunks(user_ids):
        rows = await session.execute(
            select(GroupEvent.user_id, func.max(GroupEvent.happened_at))
            .where(
                GroupEvent.chat_id == chat_id,
                GroupEvent.kind == "join",
                GroupEvent.user_id.in_(chunk),
            )
            .group_by(GroupEvent.user_id)
        )
        found.update((int(user), joined) for user, joined in rows.all() if user is not None)
    return found


async def open_summary(session: AsyncSession, chat_id: int) -> tuple[int, datetime | None]:
    row = (
        await session.execute(
            select(func.count(), func.min(GiveawayRecord.ends_at)).where(
                GiveawayRecord.chat_id == chat_id, GiveawayRecord.status == OPEN
            )
        )
    ).one()
    return int(row[0] or 0), row[1]


async def between(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> tuple[list[GiveawayRecord], list[GiveawayRecord]]:
    """Giveaways created, and giveaways drawn, in [start, end)."""
    created = await session.scalars(
        select(GiveawayRecord)
        .where(
            GiveawayRecord.chat_id == chat_id,
            GiveawayRecord.created_at >= start,
            GiveawayRecord.created_at < end,
        )
        .order_by(GiveawayRecord.id)
    )
    drawn = await session.scalars(
        select(GiveawayRecord)
        .where(
            GiveawayRecord.chat_id == chat_id,
            GiveawayRecord.drawn_at >= start,
            GiveawayRecord.drawn_at < end,
        )
        .order_by(GiveawayRecord.id)
    )
    return list(created.all()), list(drawn.all())


async def end_now(session: AsyncSession, giveaway_id: int, now: datetime) -> bool:
    """Move an open giveaway's end to now: True for the one caller that found it still open
    and not yet ended."""
    return await _claim(
        session,
        giveaway_id,
        (GiveawayRecord.status == OPEN) & (GiveawayRecord.ends_at > now),
        ends_at=now,
    )


async def cancel(session: AsyncSession, giveaway_id: int, reason: str, now: datetime) -> bool:
    """Cancel an open giveaway: True for the one caller that found it still open."""
    return await _claim(
        session,
        giveaway_id,
        GiveawayRecord.status == OPEN,
        status=CANCELLED,
        cancel_reason=reason,
        finished_at=now,
    )


async def reopen(session: AsyncSession, giveaway_id: int, now: datetime) -> bool:
    """cancelled -> open, for an undo before the end: True for the one caller that found it
    still cancelled with its end ahead."""
    return await _claim(
        session,
        giveaway_id,
        (GiveawayRecord.status == CANCELLED) & (GiveawayRecord.ends_at > now),
        status=OPEN,
        cancel_reason=None,
        finished_at=None,
    )


async def delete(session: AsyncSession, giveaway_id: int, now: datetime) -> bool:
    """open -> deleted: True for the one caller that found it still open."""
    return await _claim(
        session, giveaway_id, GiveawayRecord.status == OPEN, status=DELETED, finished_at=now
    )


async def start_drawing(session: AsyncSession, giveaway_id: int) -> bool:
    """open -> drawing: entries close."""
    return await _claim(session, giveaway_id, GiveawayRecord.status == OPEN, status=DRAWING)


async def store_transcript(
    session: AsyncSession, giveaway_id: int, transcript: str, drawn_at: datetime
) -> bool:
    """The draw's transcript, stored only while none is."""
    return await _claim(
        session,
        giveaway_id,
        GiveawayRecord.transcript.is_(None),
        transcript=transcript,
        drawn_at=drawn_at,
        status=DRAWN,
    )


async def claim_step(session: AsyncSession, giveaway_id: int, step: str, now: datetime) -> bool:
    """A sending step of the draw (STEP_COLUMNS), claimed by one caller only."""
    column = STEP_COLUMNS[step]
    return await _claim(session, giveaway_id, column.is_(None), **{column.key: now})


async def replace_transcript(
    session: AsyncSession, giveaway_id: int, before: str, after: str
) -> bool:
    """A reroll's transcript, stored only over the one it was computed from."""
    return await _claim(session, giveaway_id, GiveawayRecord.transcript == before, transcript=after)


async def claim_reroll_announcement(session: AsyncSession, giveaway_id: int, number: int) -> bool:
    """Reroll `number` is announced by one caller only, after the one before it."""
    return await _claim(
        session,
        giveaway_id,
        GiveawayRecord.rerolls_announced == number - 1,
        rerolls_announced=number,
    )


async def add_untold(session: AsyncSession, giveaway_id: int, entrant: str) -> None:
    """A winner the private message did not reach (never started the bot, or blocked it)."""
    record = await get(session, giveaway_id)
    assert record is not None
    untold = json.loads(record.untold_winners or "[]")
    if entrant not in untold:
        await set_fields(session, giveaway_id, untold_winners=json.dumps([*untold, entrant]))
