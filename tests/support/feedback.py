"""Reading back what feedback stored: tag sets, tagged comments, and a comparable dump; the
tables feedback writes, for before/after comparisons of other features too."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import (
    AuditRecord,
    Comment,
    FeedbackItem,
    FeedbackItemTag,
    FeedbackQuestion,
    FeedbackTag,
    FeedbackTagSet,
    ForgottenUser,
    InboxQuery,
    PrivateFeedback,
    RetentionSetting,
)

FEEDBACK_TABLES = (
    FeedbackTagSet,
    FeedbackTag,
    FeedbackItem,
    FeedbackItemTag,
    FeedbackQuestion,
    PrivateFeedback,
    InboxQuery,
    ForgottenUser,
    RetentionSetting,
)


async def dump(session_factory: async_sessionmaker[AsyncSession]) -> dict[str, list[Any]]:
    tables: dict[str, list[Any]] = {}
    async with session_factory() as session:
        for model in (*FEEDBACK_TABLES, AuditRecord):
            rows = (await session.execute(select(*model.__table__.columns))).all()
            tables[model.__tablename__] = sorted((tuple(row) for row in rows), key=repr)
    return tables


async def tags_of(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, text: str
) -> set[str]:
    """The stored tags (not removed) of the comment with this exact text."""
    async with session_factory() as session:
        message_id = await session.scalar(
            select(Comment.message_id).where(Comment.chat_id == chat_id, Comment.text == text)
        )
        assert message_id is not None, text
        rows = await session.scalars(
            select(FeedbackItemTag.tag).where(
                FeedbackItemTag.chat_id == chat_id,
                FeedbackItemTag.message_id == message_id,
                FeedbackItemTag.source != "removed",
            )
        )
        return set(rows.all())


async def sentiment_of(
    session_factory: async_sessionmaker[AsyncSession], chat_id: int, message_id: int
) -> str | None:
    async with session_factory() as session:
        return await session.scalar(
            select(FeedbackItem.sentiment).where(
                FeedbackItem.chat_id == chat_id, FeedbackItem.message_id == message_id
            )
        )
