"""Groups' tag sets (SQL only; the caller commits). A group without rows uses the default set."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import FeedbackItemTag, FeedbackTag, FeedbackTagSet
from bot.db.upsert import insert_for
from bot.domain.tag_set import TagSet, fingerprint
from bot.domain.tagging import TagRule


async def load_tag_set(session: AsyncSession, chat_id: int) -> TagSet:
    owned = await session.scalar(
        select(FeedbackTagSet.chat_id).where(FeedbackTagSet.chat_id == chat_id)
    )
    if owned is None:
        return TagSet.default()
    rows = await session.scalars(
        select(FeedbackTag).where(FeedbackTag.chat_id == chat_id).order_by(FeedbackTag.id)
    )
    return TagSet(
        tuple(
            TagRule(row.name, tuple(json.loads(row.keywords)), tuple(json.loads(row.hashtags)))
            for row in rows.all()
        )
    )


async def save_tag_set(
    session: AsyncSession,
    chat_id: int,
    tag_set: TagSet,
    now: datetime,
    *,
    renamed: tuple[str, str] | None = None,
    deleted: str | None = None,
) -> None:
    """Replace the group's rules; stored comments follow a renamed or deleted tag."""
    await session.execute(delete(FeedbackTag).where(FeedbackTag.chat_id == chat_id))
    if tag_set.rules:
        await session.execute(
            insert(FeedbackTag),
            [
                {
                    "chat_id": chat_id,
                    "name": rule.tag,
                    "keywords": json.dumps(list(rule.keywords), ensure_ascii=False),
                    "hashtags": json.dumps(list(rule.hashtags), ensure_ascii=False),
                    "created_at": now,
                }
                for rule in tag_set.rules
            ],
        )
    statement = insert_for(session, FeedbackTagSet.__table__)
    values = {"fingerprint": fingerprint(tag_set.rules), "updated_at": now}
    await session.execute(
        statement.on_conflict_do_update(index_elements=[FeedbackTagSet.chat_id], set_=values),
        [{"chat_id": chat_id, **values}],
    )
    if renamed is not None:
        old, new = renamed
        # A comment already carrying the new name keeps its row; the old one goes.
        carrying = select(FeedbackItemTag.message_id).where(
            FeedbackItemTag.chat_id == chat_id, FeedbackItemTag.tag == new
        )
        await session.execute(
            delete(FeedbackItemTag).where(
                FeedbackItemTag.chat_id == chat_id,
                FeedbackItemTag.tag == old,
                FeedbackItemTag.message_id.in_(carrying),
            )
        )
        await session.execute(
            update(FeedbackItemTag)
            .where(FeedbackItemTag.chat_id == chat_id, FeedbackItemTag.tag == old)
            .values(tag=new)
        )
    if deleted is not None:
        await session.execute(
            delete(FeedbackItemTag).where(
                FeedbackItemTag.chat_id == chat_id, FeedbackItemTag.tag == deleted
            )
        )
