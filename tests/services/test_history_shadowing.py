"""An export cannot claim message ids the group has not reached yet (issue 20, Medium): those
messages are left out, so the fans' real messages with those ids are stored when they come."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.history_import import make_export
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
        return {message_id: text for message_id, text in rows}


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


async def test_a_group_with_no_message_yet_takes_nothing_from_an_export(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    export = read_history(json.dumps(make_export(3)).encode())
    outcome = await import_chunks(session_factory, GROUP["id"], export.chunks(1_000))
    assert (outcome.new, outcome.ahead) == (0, 3)
    assert await texts(session_factory) == {}
