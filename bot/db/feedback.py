"""Feedback items operators act on: manual tags, statuses, dupe links, questions, private
feedback (SQL only; the caller commits)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk_insert import BulkUpsert
from bot.db.feedback_ingest import MANUAL, REMOVED
from bot.db.models import Comment, FeedbackItem, FeedbackItemTag, FeedbackQuestion
from bot.db.upsert import insert_for

# Explicit feedback joins the batch's transaction (written after tagging, so it only marks).
EXPLICIT_UPSERT = BulkUpsert(
    FeedbackItem.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "message_id", "author_user_id", "sentiment", "status", "explicit",
             "question_message_id", "tagged_at"),
    conflict=("chat_id", "message_id"),
    update=("explicit", "question_message_id"),
)  # fmt: skip
TOPIC_TAG_UPSERT = BulkUpsert(
    FeedbackItemTag.__table__,  # type: ignore[arg-type]
    columns=("chat_id", "message_id", "tag", "source"),
    conflict=("chat_id", "message_id", "tag"),
    update=("source",),
)


def explicit_row(
    chat_id: int,
    message_id: int,
    author_user_id: int | None,
    now: datetime,
    question_message_id: int | None = None,
) -> tuple[object, ...]:
    return (chat_id, message_id, author_user_id, "neutral", "new", True, question_message_id, now)


async def ensure_item(session: AsyncSession, chat_id: int, message_id: int, now: datetime) -> None:
    author = await session.scalar(
        select(Comment.author_user_id).where(
            Comment.chat_id == chat_id, Comment.message_id == message_id
        )
    )
    statement = insert_for(session, FeedbackItem.__table__).on_conflict_do_nothing(
        index_elements=[FeedbackItem.chat_id, FeedbackItem.message_id]
    )
    await session.execute(
        statement,
        [
            {
                "chat_id": chat_id,
                "message_id": message_id,
                "author_user_id": author,
                "sentiment": "neutral",
                "status": "new",
                "explicit": False,
                "tagged_at": now,
            }
        ],
    )


async def set_manual_tag(
    session: AsyncSession, chat_id: int, message_id: int, tag: str, *, present: bool, now: datetime
) -> None:
    """An operator's tag (present) or the removal of a tag, automatic or not (absent)."""
    await ensure_item(session, chat_id, message_id, now)
    source = MANUAL if present else REMOVED
    statement = insert_for(session, FeedbackItemTag.__table__)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[
                FeedbackItemTag.chat_id,
                FeedbackItemTag.message_id,
                FeedbackItemTag.tag,
            ],
            set_={"source": source},
        ),
        [{"chat_id": chat_id, "message_id": message_id, "tag": tag, "source": source}],
    )


async def set_status(
    session: AsyncSession, chat_id: int, message_id: int, status: str, now: datetime
) -> None:
    await ensure_item(session, chat_id, message_id, now)
    item = await session.get(FeedbackItem, (chat_id, message_id))
    assert item is not None
    item.status = status
    await session.flush()


async def comment_exists(session: AsyncSession, chat_id: int, message_id: int) -> bool:
    found = await session.scalar(
        select(Comment.id).where(Comment.chat_id == chat_id, Comment.message_id == message_id)
    )
    return found is not None


async def link_duplicate(
    session: AsyncSession, chat_id: int, message_id: int, original: int, now: datetime
) -> None:
    await ensure_item(session, chat_id, message_id, now)
    item = await session.get(FeedbackItem, (chat_id, message_id))
    assert item is not None
    item.duplicate_of = original
    await session.flush()


async def record_question(
    session: AsyncSession,
    *,
    chat_id: int,
    message_id: int,
    topic: str,
    asked_by_user_id: int | None,
    now: datetime,
) -> None:
    session.add(
        FeedbackQuestion(
            chat_id=chat_id,
            message_id=message_id,
            topic=topic,
            asked_by_user_id=asked_by_user_id,
            created_at=now,
        )
    )
    await session.flush()


async def question_topic(session: AsyncSession, chat_id: int, message_id: int) -> str | None:
    return await session.scalar(
        select(FeedbackQuestion.topic).where(
            FeedbackQuestion.chat_id == chat_id, FeedbackQuestion.message_id == message_id
        )
    )
