"""A batch racing the fan's own `/forget` never leaves their rows behind (issue 20), on SQLite
and PostgreSQL: whichever of the two transactions reaches the person first, the other waits,
so the forget deletes what the batch stored or the batch sees the tombstone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Comment, User
from bot.db.privacy import forget_person
from bot.db.write_buffer import UpdateWrites, flush_writes
from bot.domain.attribution import Attribution, AuthorKind
from bot.domain.records import ChatSeen, IncomingComment, UserSeen
from bot.telegram.batch_store import BatchStore
from tests.support.cast import FAN, VICTIM
from tests.support.scene import Scene

# Long enough for the other transaction to run into the person's lock; never a timing assertion.
OVERLAP = 0.3


def the_fans_message(message_id: int, *, profile: bool = True) -> UpdateWrites:
    """`profile`: with the fan's profile (the batch store leaves out one it wrote recently)."""
    now = datetime.now(UTC)
    writes = UpdateWrites(update_id=90_000 + message_id)
    writes.chats.append(ChatSeen(VICTIM["id"], VICTIM["type"], VICTIM["title"], None, now))
    if profile:
        writes.users.append(UserSeen(FAN["id"], False, FAN["first_name"], None, None, None, now))
    writes.comments.append(
        IncomingComment(
            chat_id=VICTIM["id"],
            message_id=message_id,
            thread_id=None,
            author=Attribution(AuthorKind.FAN, FAN["id"], None),
            text="my words, a moment before I asked to be forgotten",
            media_kind=None,
            service_kind=None,
            reply_to_message_id=None,
            is_automatic_forward=False,
            is_forwarded=False,
            created_at=now,
        )
    )
    return writes


async def forget_the_fan(session_factory: async_sessionmaker[AsyncSession]) -> None:
    async with session_factory() as session, session.begin():
        await forget_person(session, FAN["id"], datetime.now(UTC))


async def what_is_left_of_the_fan(session_factory: async_sessionmaker[AsyncSession]) -> int:
    async with session_factory() as session:
        comments = await session.scalar(
            select(func.count()).select_from(Comment).where(Comment.author_user_id == FAN["id"])
        )
        profile = await session.scalar(
            select(func.count()).select_from(User).where(User.id == FAN["id"])
        )
    return int(comments or 0) + int(profile or 0)


async def test_a_forget_during_a_batch_deletes_what_the_batch_stores(scene: Scene) -> None:
    factory = scene.session_factory
    async with factory() as session:
        async with session.begin():
            await flush_writes(session, [the_fans_message(7001, profile=False)])
            forgetting = asyncio.create_task(forget_the_fan(factory))
            await asyncio.sleep(OVERLAP)
        await forgetting

    assert await what_is_left_of_the_fan(factory) == 0


async def test_a_batch_during_a_forget_stores_nothing_of_the_fan(scene: Scene) -> None:
    factory = scene.session_factory
    batches = BatchStore(factory, base_delay=0.05)
    async with factory() as session:
        async with session.begin():
            await forget_person(session, FAN["id"], datetime.now(UTC))
            storing = asyncio.create_task(batches.commit([the_fans_message(7002)]))
            await asyncio.sleep(OVERLAP)
        await storing

    assert await what_is_left_of_the_fan(factory) == 0
