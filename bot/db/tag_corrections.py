"""Operators' corrections as labels, and their decisions on proposed keywords (SQL only; the
caller commits)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.models import Comment, KeywordProposal, TagCorrection
from bot.db.upsert import insert_for

TAG, UNTAG, STATUS = "tag", "untag", "status"
ACCEPTED, DECLINED = "accepted", "declined"
LABEL_WINDOW = 5_000  # the newest corrections a proposal reads
BACKGROUND_WINDOW = 2_000  # the newest comments a proposal is checked against


async def record(
    session: AsyncSession, chat_id: int, message_id: int, kind: str, value: str, *, now: datetime
) -> None:
    session.add(
        TagCorrection(
            chat_id=chat_id, message_id=message_id, kind=kind, value=value, created_at=now
        )
    )
    await session.flush()


async def count_between(session: AsyncSession, chat_id: int, start: datetime, end: datetime) -> int:
    return int(
        await session.scalar(
            select(func.count()).where(
                TagCorrection.chat_id == chat_id,
                TagCorrection.created_at >= start,
                TagCorrection.created_at < end,
            )
        )
        or 0
    )


@dataclass(frozen=True, slots=True)
class Labels:
    """Per tag, the messages operators last tagged with it and the ones they last untagged."""

    tagged: dict[str, set[int]]
    untagged: dict[str, set[int]]


async def tag_labels(session: AsyncSession, chat_id: int) -> Labels:
    rows = await session.execute(
        select(TagCorrection.message_id, TagCorrection.kind, TagCorrection.value)
        .where(TagCorrection.chat_id == chat_id, TagCorrection.kind.in_((TAG, UNTAG)))
        .order_by(TagCorrection.id.desc())
        .limit(LABEL_WINDOW)
    )
    latest: dict[tuple[int, str], str] = {}
    for message_id, kind, tag in rows.all():
        latest.setdefault((int(message_id), str(tag)), str(kind))  # newest first: the last word
    labels = Labels({}, {})
    for (message_id, tag), kind in latest.items():
        side = labels.tagged if kind == TAG else labels.untagged
        side.setdefault(tag, set()).add(message_id)
    return labels


async def texts_of(
    session: AsyncSession, chat_id: int, message_ids: Collection[int]
) -> dict[int, str]:
    """The stored texts of these messages (purged or forgotten ones are gone)."""
    found: dict[int, str] = {}
    for chunk in chunks(sorted(message_ids)):
        rows = await session.execute(
            select(Comment.message_id, Comment.text).where(
                Comment.chat_id == chat_id, Comment.message_id.in_(chunk), Comment.text.is_not(None)
            )
        )
        found.update({int(message_id): str(text) for message_id, text in rows.all()})
    return found


async def recent_texts(session: AsyncSession, chat_id: int) -> dict[int, str]:
    """The group's newest fans' texts: what a proposed keyword must not tag wrongly."""
    rows = await session.execute(
        select(Comment.message_id, Comment.text)
        .where(Comment.chat_id == chat_id, Comment.is_fan, Comment.text.is_not(None))
        .order_by(Comment.created_at.desc())
        .limit(BACKGROUND_WINDOW)
    )
    return {int(message_id): str(text) for message_id, text in rows.all()}


async def decided(session: AsyncSession, chat_id: int) -> dict[str, set[str]]:
    """Per tag, the keywords operators already accepted or declined (normal form)."""
    rows = await session.execute(
        select(KeywordProposal.tag, KeywordProposal.keyword).where(
            KeywordProposal.chat_id == chat_id
        )
    )
    found: dict[str, set[str]] = {}
    for tag, keyword in rows.all():
        found.setdefault(str(tag), set()).add(str(keyword))
    return found


async def decide(
    session: AsyncSession, chat_id: int, tag: str, keyword: str, decision: str, *, now: datetime
) -> None:
    statement = insert_for(session, KeywordProposal.__table__).on_conflict_do_update(
        index_elements=[KeywordProposal.chat_id, KeywordProposal.tag, KeywordProposal.keyword],
        set_={"decision": decision, "decided_at": now},
    )
    await session.execute(
        statement,
        [{"chat_id": chat_id, "tag": tag, "keyword": keyword, "decision": decision,
          "decided_at": now}],
    )  # fmt: skip
