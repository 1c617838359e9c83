"""The inbox and the export when a group has many items: a page reads the group's comments in
index order and counts no further than COUNT_CAP ("more than 1,000"), every filter walks an
index without sorting the group (EXPLAIN on SQLite), and an export past asyncpg's 32,767
parameters arrives whole, with progress on the way."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import EditMessageText, SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db import inbox as store
from bot.domain.inbox import COUNT_CAP, PAGE_SIZE, InboxFilter
from bot.i18n import Locale, Translator
from bot.services.progress import PROGRESS_EVERY
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, OWNER, VICTIM
from tests.support.many_items import FIRST_ID, store_items
from tests.support.query_plans import plans_of
from tests.support.scene import Scene

TEXTS = Translator.load()
PAST_THE_PARAMETER_LIMIT = 32_767 + 233


async def test_a_long_inbox_says_more_than_the_cap_in_every_language(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "the app crashes")
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], COUNT_CAP + 50)
    pages = COUNT_CAP // PAGE_SIZE
    readers: dict[Locale, dict[str, Any]] = {"en": ADMIN, "zh": OWNER}
    for language, reader in readers.items():
        me = await scene.choose(reader, VICTIM)
        await scene.send(me, reader, "/inbox")
        title = TEXTS.text(
            language,
            "inbox-title",
            title=VICTIM["title"],
            total=COUNT_CAP,
            more="true",
            page=1,
            pages=pages,
        )
        assert scene.last(reader["id"]).startswith(title)
    await scene.send(u.private(ADMIN), ADMIN, "/language zh-TW")
    await scene.send(u.private(ADMIN), ADMIN, "/inbox")
    assert "超過 1,000 條" in scene.last(ADMIN["id"])
    # The newest item first; a filter that matches few is counted exactly.
    assert f"item {COUNT_CAP + 49}:" in scene.last(ADMIN["id"])
    await scene.send(u.private(ADMIN), ADMIN, "/inbox sentiment:positive")
    assert "共 0 條" in scene.last(ADMIN["id"])


async def test_the_last_page_within_the_cap_still_opens(scene: Scene) -> None:
    await scene.say(VICTIM, FAN, "the app crashes")
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], COUNT_CAP + 50)
    async with scene.session_factory() as session:
        assert await store.count_items(session, VICTIM["id"], InboxFilter()) == COUNT_CAP + 1
        assert await store.count_items(session, VICTIM["id"], InboxFilter(), cap=10) == 11
        last = await store.items(
            session, VICTIM["id"], InboxFilter(), offset=COUNT_CAP - PAGE_SIZE, limit=PAGE_SIZE
        )
    # The one delivered is the newest; the stored ones follow, newest first.
    assert [row.message_id for row in last] == [
        FIRST_ID + COUNT_CAP + 50 - n for n in range(COUNT_CAP - PAGE_SIZE, COUNT_CAP)
    ]


async def test_every_filter_reads_an_index_in_order_without_sorting_the_group(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans by its statistics: bench/operator_queries.py measures it")
    now = datetime.now(UTC)
    plans = plans_of(engine)
    filters = {
        "none": (InboxFilter(), "ix_comments_chat_id_created_at (chat_id=?)"),
        "tag": (InboxFilter(tag="bug"), "ix_comments_chat_id_created_at (chat_id=?)"),
        "status": (
            InboxFilter(status="new", sentiment="negative"),
            "ix_comments_chat_id_created_at (chat_id=?)",
        ),
        "period": (
            InboxFilter(since=now - timedelta(days=7), until=now),
            "ix_comments_chat_id_created_at (chat_id=? AND created_at>? AND created_at<?)",
        ),
        "author": (
            InboxFilter(author_user_id=FAN["id"]),
            "ix_comments_chat_id_author_user_id_created_at (chat_id=? AND author_user_id=?)",
        ),
    }
    for name, (wanted, index) in filters.items():

        async def page(wanted: InboxFilter = wanted) -> None:
            async with session_factory() as session:
                await store.count_items(session, VICTIM["id"], wanted)
                await store.items(session, VICTIM["id"], wanted, offset=PAGE_SIZE, limit=PAGE_SIZE)

        counted, listed, *details = await plans(page)
        for plan in (counted, listed):
            assert f"SEARCH comments USING INDEX {index}" in plan, (name, plan)
            assert "TEMP B-TREE" not in plan, (name, plan)
            assert "SCAN comments" not in plan, (name, plan)
        for plan in details:
            assert "SCAN" not in plan.replace("SCAN anon", ""), (name, plan)


def text_of(call: SendMessage | EditMessageText) -> str:
    return str(call.text)


async def test_an_export_past_the_parameter_limit_arrives_whole_with_progress(
    scene: Scene,
) -> None:
    await scene.say(VICTIM, FAN, "the app crashes")
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], PAST_THE_PARAMETER_LIMIT)
    me = await scene.choose(ADMIN, VICTIM)
    scene.telegram.calls.clear()
    await scene.send(me, ADMIN, "/export csv #bug")
    (sent,) = scene.telegram.methods(SendDocument)
    assert isinstance(sent.document, BufferedInputFile)
    rows = list(csv.reader(io.StringIO(sent.document.data.decode("utf-8-sig"), newline="")))
    header, *items = rows
    assert len(items) == PAST_THE_PARAMETER_LIMIT + 1  # and the one delivered
    assert [row[7] for row in items[:2]] == [
        "the app crashes",
        f"item {PAST_THE_PARAMETER_LIMIT - 1}: the app crashes",
    ]
    assert {row[8] for row in items} == {"bug"}
    assert len({row[2] for row in items}) == len(items)
    en = Translator.load().bind("en")
    notes = [
        text_of(call)
        for call in scene.telegram.calls
        if isinstance(call, SendMessage | EditMessageText) and "Exporting" in str(call.text)
    ]
    assert notes == [
        str(en("export-progress", count=n))
        for n in range(PROGRESS_EVERY, PAST_THE_PARAMETER_LIMIT + 1, PROGRESS_EVERY)
    ]
    assert str(en("export-caption", title=VICTIM["title"], count=len(items), format="csv")) == str(
        sent.caption
    )
