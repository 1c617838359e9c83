"""An export cannot claim message ids the group has not reached yet (issue 20, Medium): those
messages are left out, so the fans' real messages with those ids are stored when they come."""

from __future__ import annotations

import io
import json
import random
import zipfile

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.history_import import make_export
from bot.db.models import Comment
from bot.domain.history import ImportErrorCode, ImportFileError, read_history
from bot.services.history_import import TELEGRAM_IMPORT_LIMITS, import_chunks
from tests.support import updates as u
from tests.support.pipeline import Pipeline

GROUP = u.group(-1001000000777, "Fans")
FAN = u.user(7001, "Lin")


async def texts(session_factory: async_sessionmaker[AsyncSession]) -> dict[int, str | None]:
    async with session_factory() as session:
        rows = await session.execute(
            select(Comment.message_id, Comment.text).where(Comment.chat_id == GROUP["id"])
        )
        return {int(message_id): text for message_id, text in rows}


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


async def test_an_export_over_the_telegram_budget_is_refused_before_a_row_is_stored(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    # A small zip that unpacks far past what an upload may (the 1.4 MB zip that grew the
    # database by 150 MB): refused on the declared size, before anything is stored.
    made = make_export(3)
    shuffled = random.Random(1)
    # About 40 to 1: within what the command-line import accepts, far past an upload's budget.
    made["messages"][0]["text"] = "".join(
        shuffled.choice("ab") * 16 for _ in range(6 * 1024 * 1024 // 16)
    )
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ChatExport/result.json", json.dumps(made, ensure_ascii=False))
    assert len(packed.getvalue()) < 1024 * 1024

    with pytest.raises(ImportFileError) as refused:
        read_history(packed.getvalue(), limits=TELEGRAM_IMPORT_LIMITS)
    assert refused.value.code is ImportErrorCode.ZIP_BOMB
    assert read_history(packed.getvalue()).stats.messages == 3, "the server's import takes it"
    assert await texts(session_factory) == {}
