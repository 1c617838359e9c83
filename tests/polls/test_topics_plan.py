"""/poll_topics reads a period's topic ideas from the tags' index, a range of message ids
between two seeks on the comments' date index, never the period's every comment (issue 21):
EXPLAIN on SQLite and PostgreSQL, and the period's edges kept exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.polls import topic_comments
from tests.polls.support import FANS, GROUP, OWNER
from tests.support.query_plans import plans_of
from tests.support.scene import Scene

INDEX = "ix_feedback_item_tags_chat_id_tag_message_id"
DAY = 86_400


async def say_on(scene: Scene, days_ago: int, fan: int, text: str) -> None:
    scene.updates.clock = int(datetime.now(UTC).timestamp()) - days_ago * DAY
    await scene.pipeline.deliver(scene.updates.message(GROUP, FANS[fan], text))


async def test_only_the_periods_topic_ideas_are_read(scene: Scene) -> None:
    await say_on(scene, 40, 0, "下期出猫咪")  # before the period
    await say_on(scene, 20, 1, "想看猫咪")
    await say_on(scene, 20, 2, "love this video")  # not a topic idea
    await say_on(scene, 10, 3, "下期出猫咪")
    await say_on(scene, 2, 4, "想看狗狗")  # after the period's end
    now = datetime.now(UTC)
    async with scene.session_factory() as session:
        read = await topic_comments(
            session, GROUP["id"], now - timedelta(days=30), now - (timedelta(days=5))
        )
        everything = await topic_comments(session, GROUP["id"], now - timedelta(days=60), now)
    assert [text for _, text, _ in read] == ["下期出猫咪", "想看猫咪"]  # newest first
    assert [author for author, _, _ in read] == [FANS[3]["id"], FANS[1]["id"]]
    assert len(everything) == 4
    scene.updates.clock = int(datetime.now(UTC).timestamp())
    await scene.send(GROUP, OWNER, "/poll_topics 30d")
    assert "猫咪 — 2 fans, 2 mentions" in scene.replies(GROUP["id"])[-1]


async def test_the_topic_ideas_come_from_the_tags_index_on_both_databases(
    scene: Scene, engine: AsyncEngine
) -> None:
    await say_on(scene, 40, 0, "下期出猫咪")
    await say_on(scene, 10, 1, "想看猫咪")
    await say_on(scene, 2, 2, "下期出猫咪")
    now = datetime.now(UTC)

    async def topics() -> None:
        async with scene.session_factory() as session:
            await topic_comments(
                session, GROUP["id"], now - timedelta(days=30), now - (timedelta(days=5))
            )

    before, after, ideas = await plans_of(engine)(topics)
    if engine.dialect.name == "sqlite":
        for seek in (before, after):
            assert seek.startswith("SEARCH comments USING INDEX ix_comments_chat_id_created_at"), (
                seek
            )
        assert f"SEARCH feedback_item_tags USING INDEX {INDEX} (chat_id=? AND tag=? AND " in ideas
        assert "message_id>? AND message_id<?)" in ideas, ideas
        assert "SEARCH comments USING INDEX sqlite_autoindex_comments_1" in ideas, ideas
        assert "SCAN" not in ideas and "TEMP B-TREE" not in ideas, ideas
    else:
        for seek in (before, after):
            assert "ix_comments_chat_id_created_at" in seek, seek
        assert INDEX in ideas, ideas
        assert "Seq Scan" not in ideas and "Sort" not in ideas, ideas
