"""Rows by (chat_id, message_id): the right rows, found through the index on SQLite too."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db.message_keys import among_messages
from bot.db.models import Comment
from tests.support.pipeline import Pipeline
from tests.support.updates import Updates, group, user

FAN = user(31, "Lin")
GROUPS = [group(-1001000000001), group(-1001000000002)]


async def test_it_selects_exactly_the_given_keys(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    updates = Updates()
    await Pipeline.create(session_factory).deliver(
        *(updates.message(chat, FAN, f"{n}") for n in range(4) for chat in GROUPS)
    )
    first, second = (chat["id"] for chat in GROUPS)
    wanted = [(first, 1), (first, 3), (second, 2)]
    statement = select(Comment.chat_id, Comment.message_id).where(
        among_messages(Comment.chat_id, Comment.message_id, wanted)
    )
    async with session_factory() as session:
        found = sorted(tuple(row) for row in (await session.execute(statement)).all())
        nothing = (
            await session.execute(
                select(Comment.id).where(among_messages(Comment.chat_id, Comment.message_id, []))
            )
        ).all()
    assert found == sorted(wanted)
    assert nothing == []
    if engine.dialect.name == "sqlite":
        compiled = statement.compile(engine.sync_engine, compile_kwargs={"literal_binds": True})
        async with engine.connect() as connection:
            plan = " | ".join(
                str(row[-1])
                for row in await connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
            )
        # A row-value IN list would read as "SCAN comments": every stored comment, per batch.
        assert "SCAN comments" not in plan, plan
        assert "SEARCH comments USING" in plan, plan
