"""Fans' asks answered and whether they were told (SQL only; the caller commits).

An ask is a feedback item (its message id) or a topic poll (its id); each fan who asked has one
`ask_notices` row per ask, inserted with ON CONFLICT DO NOTHING, so a second `done` or a second
video finds the row and tells no one again. States move forward only, each by an UPDATE guarded
by the state it was read in, so two instances or a retried job send a notice at most once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import (
    AskNotice,
    AskNoticeOptOut,
    Comment,
    FeedbackItem,
    PollRecord,
    PollVote,
    User,
    Video,
)
from bot.db.upsert import insert_for

FEEDBACK, POLL = "feedback", "poll"
DONE, VIDEO = "done", "video"
PENDING, SENDING, PRIVATE, OFF = "pending", "sending", "private", "off"
GROUP, TELLING, GROUPED = "group", "telling", "grouped"  # waiting for, in, told by the group


@dataclass(frozen=True, slots=True)
class Asker:
    """A fan who asked: who, in which ask, since when."""

    user_id: int
    ask_ref: int
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    chat_id: int
    user_id: int
    ask_kind: str
    ask_ref: int
    reason: str
    video_id: int | None
    first_name: str | None
    last_name: str | None


@dataclass(frozen=True, slots=True)
class ToldVideo:
    code: str
    title: str
    url: str | None


async def feedback_askers(session: AsyncSession, chat_id: int, message_id: int) -> list[Asker]:
    """The fan who wrote the feedback, and the fans whose feedback operators marked a duplicate
    of it: they asked for the same thing."""
    duplicates = select(FeedbackItem.message_id).where(
        FeedbackItem.chat_id == chat_id, FeedbackItem.duplicate_of == message_id
    )
    rows = await session.execute(
        select(Comment.author_user_id, Comment.message_id, Comment.created_at).where(
            Comment.chat_id == chat_id,
            Comment.is_fan.is_(True),
            Comment.author_user_id.is_not(None),
            (Comment.message_id == message_id) | Comment.message_id.in_(duplicates),
        )
    )
    return [Asker(int(user), int(message), at) for user, message, at in rows.all() if user]


async def topic_poll(session: AsyncSession, chat_id: int, message_id: int) -> PollRecord | None:
    """The group's topic poll posted as `message_id`, if that message is one."""
    return await session.scalar(
        select(PollRecord).where(
            PollRecord.chat_id == chat_id,
            PollRecord.message_id == message_id,
            PollRecord.source == "topics",
        )
    )


async def poll_askers(
    session: AsyncSession, poll: PollRecord, options: Sequence[int]
) -> list[Asker]:
    """The voters whose current choice includes one of `options` (0-based); Telegram reports
    no voters of an anonymous poll, so it has none."""
    if poll.telegram_poll_id is None or poll.is_anonymous:
        return []
    rows = await session.execute(
        select(PollVote.user_id, PollVote.option_ids, PollVote.answered_at).where(
            PollVote.telegram_poll_id == poll.telegram_poll_id
        )
    )
    wanted = set(options)
    return [
        Asker(int(user), poll.id, at)
        for user, chosen, at in rows.all()
        if wanted & {int(part) for part in chosen.split(",") if part}
    ]


async def record(
    session: AsyncSession,
    chat_id: int,
    kind: str,
    askers: Sequence[Asker],
    *,
    reason: str,
    video_id: int | None,
    now: datetime,
) -> None:
    """Rows for the asks not answered before. Opted-out fans' rows start `off`: the loop is
    closed, they are not told."""
    if not askers:
        return
    opted_out = set(
        (
            await session.scalars(
                select(AskNoticeOptOut.user_id).where(
                    AskNoticeOptOut.user_id.in_({asker.user_id for asker in askers})
                )
            )
        ).all()
    )
    statement = insert_for(session, AskNotice.__table__).on_conflict_do_nothing(
        index_elements=["chat_id", "ask_kind", "ask_ref", "user_id"]
    )
    await session.execute(
        statement,
        [
            {
                "chat_id": chat_id,
                "user_id": asker.user_id,
                "ask_kind": kind,
                "ask_ref": asker.ask_ref,
                "reason": reason,
                "video_id": video_id,
                "asked_at": asker.asked_at,
                "answered_at": now,
                "state": OFF if asker.user_id in opted_out else PENDING,
                "told_at": None,
            }
            for asker in askers
        ],
    )


async def pending_ids(session: AsyncSession) -> list[int]:
    return list(
        (
            await session.scalars(
                select(AskNotice.id).where(AskNotice.state == PENDING).order_by(AskNotice.id)
            )
        ).all()
    )


async def groups_to_tell(session: AsyncSession) -> dict[int, datetime]:
    """Groups with fans still to tell (waiting for the private try or for the group), each
    with its latest answer."""
    rows = await session.execute(
        select(AskNotice.chat_id, func.max(AskNotice.answered_at))
        .where(AskNotice.state.in_((PENDING, SENDING, GROUP)))
        .group_by(AskNotice.chat_id)
    )
    return {int(chat_id): latest for chat_id, latest in rows.all()}


async def claim(session: AsyncSession, notice_id: int, before: str, after: str) -> bool:
    """Move a notice from `before` to `after`; False when another run already moved it."""
    result = await session.execute(
        update(AskNotice)
        .where(AskNotice.id == notice_id, AskNotice.state == before)
        .values(state=after)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def settle(
    session: AsyncSession, notice_ids: Sequence[int], state: str, now: datetime | None
) -> None:
    if notice_ids:
        await session.execute(
            update(AskNotice).where(AskNotice.id.in_(notice_ids)).values(state=state, told_at=now)
        )


async def notices(session: AsyncSession, where: object, limit: int | None = None) -> list[Notice]:
    statement = (
        select(
            AskNotice.id,
            AskNotice.chat_id,
            AskNotice.user_id,
            AskNotice.ask_kind,
            AskNotice.ask_ref,
            AskNotice.reason,
            AskNotice.video_id,
            User.first_name,
            User.last_name,
        )
        .outerjoin(User, User.id == AskNotice.user_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(AskNotice.id)
        .limit(limit)
    )
    return [Notice(*row) for row in (await session.execute(statement)).all()]


async def notice(session: AsyncSession, notice_id: int) -> Notice | None:
    found = await notices(session, AskNotice.id == notice_id)
    return found[0] if found else None


async def waiting_in_group(session: AsyncSession, chat_id: int, limit: int) -> list[Notice]:
    return await notices(
        session, and_(AskNotice.chat_id == chat_id, AskNotice.state == GROUP), limit
    )


async def videos(session: AsyncSession, video_ids: Sequence[int]) -> dict[int, ToldVideo]:
    if not video_ids:
        return {}
    rows = await session.execute(
        select(Video.id, Video.number, Video.title, Video.url).where(Video.id.in_(video_ids))
    )
    return {
        video_id: ToldVideo(f"v{number}", title, url) for video_id, number, title, url in rows.all()
    }


async def opt_out(session: AsyncSession, user_id: int, now: datetime) -> None:
    statement = insert_for(session, AskNoticeOptOut.__table__).on_conflict_do_nothing(
        index_elements=["user_id"]
    )
    await session.execute(statement, [{"user_id": user_id, "created_at": now}])
    await session.execute(
        update(AskNotice)
        .where(AskNotice.user_id == user_id, AskNotice.state.in_((PENDING, GROUP)))
        .values(state=OFF)
    )


async def opt_in(session: AsyncSession, user_id: int) -> None:
    await session.execute(delete(AskNoticeOptOut).where(AskNoticeOptOut.user_id == user_id))


async def opted_out(session: AsyncSession, user_id: int) -> bool:
    return await session.get(AskNoticeOptOut, user_id) is not None


@dataclass(frozen=True, slots=True)
class Answered:
    """One answered ask: when it was asked and when it was answered."""

    asked_at: datetime
    answered_at: datetime


async def answered_between(
    session: AsyncSession, chat_id: int, start: datetime, end: datetime
) -> list[Answered]:
    rows = await session.execute(
        select(AskNotice.asked_at, AskNotice.answered_at).where(
            AskNotice.chat_id == chat_id,
            AskNotice.answered_at >= start,
            AskNotice.answered_at < end,
        )
    )
    return [Answered(asked, answered) for asked, answered in rows.all()]


async def count_told(session: AsyncSession, chat_id: int) -> dict[str, int]:
    rows = await session.execute(
        select(AskNotice.state, func.count())
        .where(AskNotice.chat_id == chat_id)
        .group_by(AskNotice.state)
    )
    return {state: int(count) for state, count in rows.all()}
