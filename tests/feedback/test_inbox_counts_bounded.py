"""/inbox_counts reads the period's comments newest first through the group's index, at most
COUNTS_WINDOW of them, and says so when the period holds more (issue 21: it read every tag of
the group, 0.6-0.7 s at 1M comments)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db import inbox as store
from bot.domain.inbox import COUNTS_WINDOW
from bot.i18n import LOCALES, Translator
from tests.support.cast import ADMIN, FAN, VICTIM
from tests.support.many_items import store_items
from tests.support.query_plans import plans_of
from tests.support.scene import Scene

TEXTS = Translator.load()


async def test_counts_read_the_newest_comments_of_the_period_only(scene: Scene) -> None:
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], 10, tag="bug")
    await scene.say(VICTIM, FAN, "please add subtitles")
    since = datetime.now(UTC) - timedelta(days=1)
    async with scene.session_factory() as session:
        whole = await store.tag_counts(session, VICTIM["id"], since)
        newest = await store.tag_counts(session, VICTIM["id"], since, window=3)
        exactly = await store.tag_counts(session, VICTIM["id"], since, window=1_000)
    assert whole == store.TagCounts({"bug": 10, "suggestion": 1}, newest_only=False)
    assert newest.newest_only and newest.counts["suggestion"] == 1
    assert sum(newest.counts.values()) <= 3
    assert exactly == whole


async def test_a_period_past_the_window_says_what_was_counted(scene: Scene) -> None:
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], COUNTS_WINDOW + 1)
    note = {
        language: TEXTS.text(language, "inbox-counts-newest", window=COUNTS_WINDOW)
        for language in LOCALES
    }
    assert "30,000" in note["en"] and "30,000 条" in note["zh"] and "30,000 條" in note["zh-Hant"]
    await scene.send(VICTIM, ADMIN, "/inbox_counts 7d")
    said = scene.last(VICTIM["id"])
    # The commands are stored comments too: the newest 30,000 hold all but a couple of the items.
    bugs = int(said.split("• #bug: ")[1].split("\n")[0].replace(",", ""))
    assert COUNTS_WINDOW - 5 <= bugs < COUNTS_WINDOW + 1 and note["en"] in said
    await scene.send(VICTIM, ADMIN, "/inbox_counts 1h")  # the newest stored are a minute old
    assert note["en"] not in scene.last(VICTIM["id"])


async def test_counts_walk_a_range_of_the_groups_index(scene: Scene, engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL plans by its statistics: bench/operator_queries.py measures it")
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], 10)

    async def count() -> None:
        async with scene.session_factory() as session:
            await store.tag_counts(session, VICTIM["id"], datetime.now(UTC) - timedelta(days=7))

    counted, beyond = await plans_of(engine)(count)
    index = "ix_comments_chat_id_created_at (chat_id=? AND created_at>?)"
    assert f"SEARCH comments USING INDEX {index}" in counted, counted
    assert "SEARCH feedback_item_tags USING INDEX sqlite_autoindex_feedback_item_tags_1" in counted
    assert f"SEARCH comments USING INDEX {index}" in beyond, beyond
    for plan in (counted, beyond):
        assert "SCAN comments" not in plan and "SCAN feedback_item_tags" not in plan, plan
