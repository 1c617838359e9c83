"""Many stored feedback items at once, written straight into the tables (delivering tens of
thousands of updates would test ingest, not the inbox)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Comment, FeedbackItem, FeedbackItemTag

FIRST_ID = 100_000
BATCH = 5_000


async def store_items(
    session_factory: async_sessionmaker[AsyncSession],
    chat_id: int,
    author_id: int,
    count: int,
    *,
    tag: str = "bug",
) -> None:
    """`count` fan comments of the group, one a second up to a minute ago (older than what a
    test delivers), each a tagged item."""
    now = datetime.now(UTC) - timedelta(minutes=1)
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        async with session_factory() as session, session.begin():
            await session.execute(
                insert(Comment),
                [
                    {
                        "chat_id": chat_id,
                        "message_id": FIRST_ID + n,
                        "author_kind": "fan",
                        "author_user_id": author_id,
                        "is_fan": True,
                        "text": f"item {n}: the app crashes",
                        "created_at": now - timedelta(seconds=count - n),
                    }
                    for n in numbers
                ],
            )
            await session.execute(
                insert(FeedbackItem),
                [
                    {
                        "chat_id": chat_id,
                        "message_id": FIRST_ID + n,
                        "author_user_id": author_id,
                        "sentiment": "negative",
                        "status": "new",
                        "tagged_at": now,
                    }
                    for n in numbers
                ],
            )
            await session.execute(
                insert(FeedbackItemTag),
                [
                    {"chat_id": chat_id, "message_id": FIRST_ID + n, "tag": tag, "source": "auto"}
                    for n in numbers
                ],
            )
