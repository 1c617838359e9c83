"""An export cannot claim message ids the group has not reached yet (issue 20, Medium): those
messages are left out, so the fans' real messages with those ids are stored when they come."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.history_import import make_export
from bot.db.chat_settings import register_group
from bot.db.models import Comment
from bot.domain.history import read_history
from bot.services.history_import import import_chunks
from tests.support import updates as u
from tests.support.pipeline import Pipeline

GROUP = u.group(-1001000000777, "Fans")
FAN = u.user(7001, "Lin")


async def texts(session_factory: async_sessionmaker[AsyncSession]) -> dict[int, str | None]:
    async with session_factory() as session:
        rows = await session.execute(
            select(Comment.message_id, Comment.text).where(Comment.chat_id == GROUP["id"])
        )
        return {row.message_id: row.text for row in rows}


async def test_an_export_past_the_newest_live_message_never_shadows_the_real_one(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    pipeline = Pipeline.create(session_factory)
    live = u.Updates()
    await pipeline.deliver(live.message(GROUP, FAN, "live one"), live.message(GROUP, FAN, "two"))
    export = read_history(json.dumps(make_export(5)).encode())

    outcome = await import_chunks(session_factory, GROUP["id"], export.chunks(1_000))

    assert (outcome.messages, outcome.already, outcome.new, outcome.ahead) == (5, 2, 0, 3)
    await pipeline.deliver(live.message(GROUP, FAN, "the real third message"))
    assert await texts(session_factory) == {
        1: "live one",
        2: "two",
        3: "the real third message",
    }


async def test_a_group_with_no_stored_message_takes_the_whole_export(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Nothing live to shadow: the usual first import (from the command line, before the bot
    saw the group) keeps every message."""
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=GROUP["id"],
            chat_type="supergroup",
            title="Fans",
            username=None,
            added_by_user_id=None,
            now=datetime.now(UTC),
        )
    export = read_history(json.dumps(make_export(3)).encode())
    outcome = await import_chunks(session_factory, GROUP["id"], export.chunks(1_000))
    assert (outcome.new, outcome.ahead) == (3, 0)
    assert sorted(await texts(session_factory)) == [1, 2, 3]
