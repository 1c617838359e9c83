"""The video card and the retention purge read by index, never a whole table, however long
the history (issue 21): the plan of every statement they run, on SQLite (EXPLAIN QUERY
PLAN) and PostgreSQL (EXPLAIN with sequential scans priced out)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db.retention import purge_older
from bot.db.video_report import report
from bot.domain.video_report import VideoHeading
from tests.support.query_plans import plans

CHAT = -1001000000777
READ_AND_WRITE = ("SELECT", "UPDATE", "DELETE")
# The UNIQUE (chat_id, message_id) of comments, as each database names its index.
COMMENT_KEY = ("sqlite_autoindex_comments_1", "uq_comments_chat_id_message_id")


def whole_reads(found: list[str]) -> list[str]:
    return [
        plan
        for plan in found
        if "Seq Scan" in plan or any(step.startswith("SCAN ") for step in plan.split(" | "))
    ]


async def test_the_video_card_reads_by_index(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async def card() -> None:
        async with session_factory() as session:
            await report(session, VideoHeading(1, "V1", "a video", "bilibili"))

    found = await plans(engine, card, READ_AND_WRITE)

    assert len(found) == 3, found  # numbers, linked comments, their tags
    assert whole_reads(found) == []
    assert all("video_metrics" in plan or "ix_video_comment_links_video_id" in plan
               for plan in found), found  # fmt: skip


async def test_the_retention_purge_reads_the_groups_old_comments_by_index(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async def purge() -> None:
        async with session_factory() as session, session.begin():
            await purge_older(session, CHAT, 30, datetime.now(UTC))

    found = await plans(engine, purge, READ_AND_WRITE)

    versions, comments, *failed_updates = found
    # SQLite walks the date index; PostgreSQL, on a near-empty table, may take the other one
    # that leads with the group (its range on created_at is then an index condition too).
    assert "ix_comments_chat_id_" in comments and "created_at <" in comments.replace(
        "created_at<", "created_at <"
    ), comments
    # The group's earlier versions (edits only), each comment probed by its key.
    assert "comment_versions" in versions, versions
    assert any(key in versions for key in COMMENT_KEY), versions
    assert whole_reads([versions, comments]) == []
    assert failed_updates, "and the group's failed updates"
