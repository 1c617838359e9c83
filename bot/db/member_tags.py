"""Recognition's rows (SQL only; the caller commits): a group's choice, the facts the tags are
computed from, and the tag each fan was given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import (
    Comment,
    FeedbackItem,
    GiveawayEntry,
    GiveawayRecord,
    MemberTag,
    MemberTagSettings,
)
from bot.db.upsert import insert_for
from bot.domain import fairness
from bot.domain.member_tags import DEFAULT_KINDS, WINDOW_DAYS, Facts, TagKind, kinds_of, kinds_text
from bot.domain.transcript import Transcript


@dataclass(frozen=True, slots=True)
class TagChoice:
    enabled: bool
    kinds: tuple[TagKind, ...]
    right_missing_since: datetime | None = None


OFF = TagChoice(False, DEFAULT_KINDS)


async def choice(session: AsyncSession, chat_id: int) -> TagChoice:
    row = await session.get(MemberTagSettings, chat_id)
    if row is None:
        return OFF
    return TagChoice(row.enabled, kinds_of(row.kinds), row.right_missing_since)


async def save_choice(
    session: AsyncSession,
    chat_id: int,
    now: datetime,
    *,
    enabled: bool | None = None,
    kinds: tuple[TagKind, ...] | None = None,
) -> TagChoice:
    current = await choice(session, chat_id)
    chosen = TagChoice(
        current.enabled if enabled is None else enabled,
        current.kinds if kinds is None else kinds,
        current.right_missing_since,
    )
    statement = insert_for(session, MemberTagSettings.__table__)
    values = {"enabled": chosen.enabled, "kinds": kinds_text(chosen.kinds), "updated_at": now}
    await session.execute(
        statement.on_conflict_do_update(index_elements=["chat_id"], set_=values),
        [{"chat_id": chat_id, "right_missing_since": None, **values}],
    )
    return chosen


async def enabled_groups(session: AsyncSession) -> list[int]:
    rows = await session.scalars(
        select(MemberTagSettings.chat_id).where(MemberTagSettings.enabled.is_(True))
    )
    return sorted(rows)


async def groups_with_tags(session: AsyncSession) -> list[int]:
    """Groups turned off that still have tags to clear."""
    rows = await session.scalars(select(MemberTag.chat_id).distinct())
    return sorted(rows)


async def note_right_missing(session: AsyncSession, chat_id: int, now: datetime) -> bool:
    """True the first time (the administrators are to be told); False while it stays missing."""
    result = await session.execute(
        update(MemberTagSettings)
        .where(
            MemberTagSettings.chat_id == chat_id, MemberTagSettings.right_missing_since.is_(None)
        )
        .values(right_missing_since=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def note_right_present(session: AsyncSession, chat_id: int) -> None:
    await session.execute(
        update(MemberTagSettings)
        .where(MemberTagSettings.chat_id == chat_id)
        .values(right_missing_since=None)
    )


async def facts(session: AsyncSession, chat_id: int, now: datetime) -> Facts:
    since = now - timedelta(days=WINDOW_DAYS)
    counts = await session.execute(
        select(FeedbackItem.author_user_id, func.count())
        .join(
            Comment,
            (Comment.chat_id == FeedbackItem.chat_id)
            & (Comment.message_id == FeedbackItem.message_id),
        )
        .where(
            FeedbackItem.chat_id == chat_id,
            FeedbackItem.author_user_id.is_not(None),
            Comment.created_at >= since,
            Comment.is_spam.is_(False),
        )
        .group_by(FeedbackItem.author_user_id)
    )
    first = await session.execute(
        select(Comment.author_user_id, func.min(Comment.created_at))
        .where(Comment.chat_id == chat_id, Comment.author_user_id.is_not(None))
        .group_by(Comment.author_user_id)
    )
    return Facts(
        winners=frozenset(await _winners(session, chat_id, since)),
        feedback_counts={int(user or 0): int(count) for user, count in counts.all()},
        first_seen={int(user or 0): _aware(seen) for user, seen in first.all()},
        this_year=now.year,
    )


async def _winners(session: AsyncSession, chat_id: int, since: datetime) -> set[int]:
    # Transcripts name winners by pseudonymous entrant ids: mapped back through the entries.
    drawn = await session.execute(
        select(GiveawayRecord.id, GiveawayRecord.seed, GiveawayRecord.transcript).where(
            GiveawayRecord.chat_id == chat_id,
            GiveawayRecord.transcript.is_not(None),
            GiveawayRecord.drawn_at >= since,
        )
    )
    winners: set[int] = set()
    for giveaway_id, seed, transcript in drawn.all():
        standing = set(Transcript.from_json(str(transcript)).standing_winners)
        entrants = await session.scalars(
            select(GiveawayEntry.user_id).where(GiveawayEntry.giveaway_id == giveaway_id)
        )
        ids = fairness.entrant_ids(bytes.fromhex(seed), list(entrants))
        winners.update(user_id for user_id, entrant in ids.items() if entrant in standing)
    return winners


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def stored_tags(session: AsyncSession, chat_id: int) -> dict[int, tuple[str, bool]]:
    rows = await session.execute(
        select(MemberTag.user_id, MemberTag.tag, MemberTag.applied).where(
            MemberTag.chat_id == chat_id
        )
    )
    return {int(user): (str(tag), bool(applied)) for user, tag, applied in rows.all()}


async def store_tag(
    session: AsyncSession, member: tuple[int, int], tag: str, applied: bool, now: datetime
) -> None:
    chat_id, user_id = member
    statement = insert_for(session, MemberTag.__table__)
    values = {"tag": tag, "applied": applied, "updated_at": now}
    await session.execute(
        statement.on_conflict_do_update(index_elements=["chat_id", "user_id"], set_=values),
        [{"chat_id": chat_id, "user_id": user_id, **values}],
    )


async def drop_tag(session: AsyncSession, chat_id: int, user_id: int) -> None:
    await session.execute(
        delete(MemberTag).where(MemberTag.chat_id == chat_id, MemberTag.user_id == user_id)
    )


async def tags_of_person(
    session: AsyncSession, user_id: int, chat_id: int | None
) -> list[tuple[int, bool]]:
    """(chat id, applied) of the person's tags, in one group or all."""
    query = select(MemberTag.chat_id, MemberTag.applied).where(MemberTag.user_id == user_id)
    if chat_id is not None:
        query = query.where(MemberTag.chat_id == chat_id)
    return [(int(chat), bool(applied)) for chat, applied in (await session.execute(query)).all()]
