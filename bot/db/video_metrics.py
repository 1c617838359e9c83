"""Platform numbers stored per (video, platform, day): an idempotent upsert (SQL only, never
commits: the caller's one transaction takes a whole file or nothing of it).

A row whose numbers equal the stored ones is "unchanged" and not written; a number the file does
not give (no such column, an empty cell) keeps the stored one, or 0 for a new row.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Video, VideoMetric
from bot.db.videos import resolve_videos
from bot.domain.video_metrics_import import (
    ImportReport,
    KnownVideo,
    ParsedMetrics,
    SettledRow,
    settle,
)

Numbers = tuple[int, int, int, int, int]
Key = tuple[int, str, date]
METRIC_COLUMNS = ("plays", "likes", "comments", "favourites", "shares")
_TABLE = cast(Table, VideoMetric.__table__)


async def known_videos(
    session: AsyncSession, chat_id: int, refs: Collection[str]
) -> dict[str, KnownVideo]:
    ids = await resolve_videos(session, chat_id, refs)
    if not ids:
        return {}
    query = select(Video.id, Video.platform).where(Video.id.in_(set(ids.values())))
    platforms = {row[0]: row[1] for row in await session.execute(query)}
    return {ref: KnownVideo(video_id, platforms[video_id]) for ref, video_id in ids.items()}


async def import_metrics(
    session: AsyncSession, chat_id: int, parsed: ParsedMetrics, now: datetime
) -> ImportReport:
    """Store a parsed file's rows for the group's videos; report what happened to each."""
    videos = await known_videos(session, chat_id, parsed.references())
    settled = settle(parsed, videos)
    taken, updated, unchanged = await store_rows(session, settled.rows, now)
    return ImportReport(taken, updated, unchanged, settled.refused)


async def store_rows(
    session: AsyncSession, rows: Sequence[SettledRow], now: datetime
) -> tuple[int, int, int]:
    """(taken, updated, unchanged) after upserting rows with distinct keys."""
    if not rows:
        return 0, 0, 0
    stored = await _stored(session, {row.video_id for row in rows})
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    unchanged = 0
    for row in rows:
        key = (row.video_id, row.platform, row.day)
        before = stored.get(key)
        merged = _merged(row.counts, before)
        if before is None:
            inserts.append(
                {
                    "video_id": row.video_id,
                    "platform": row.platform,
                    "day": row.day,
                    **dict(zip(METRIC_COLUMNS, merged, strict=True)),
                    "updated_at": now,
                }
            )
        elif merged != before:
            updates.append(
                {
                    "k_video": row.video_id,
                    "k_platform": row.platform,
                    "k_day": row.day,
                    **{
                        f"v_{name}": value
                        for name, value in zip(METRIC_COLUMNS, merged, strict=True)
                    },
                    "v_updated_at": now,
                }
            )
        else:
            unchanged += 1
    if inserts:
        await session.execute(insert(_TABLE), inserts)
    if updates:
        await session.execute(_UPDATE, updates)
    return len(inserts), len(updates), unchanged


_UPDATE = (
    update(_TABLE)
    .where(
        _TABLE.c.video_id == bindparam("k_video"),
        _TABLE.c.platform == bindparam("k_platform"),
        _TABLE.c.day == bindparam("k_day"),
    )
    .values({name: bindparam(f"v_{name}") for name in (*METRIC_COLUMNS, "updated_at")})
)


def _merged(counts: Sequence[int | None], before: Numbers | None) -> Numbers:
    values = [
        value if value is not None else (before[index] if before is not None else 0)
        for index, value in enumerate(counts)
    ]
    return (values[0], values[1], values[2], values[3], values[4])


async def _stored(session: AsyncSession, video_ids: Collection[int]) -> dict[Key, Numbers]:
    result = await session.execute(
        select(
            VideoMetric.video_id,
            VideoMetric.platform,
            VideoMetric.day,
            VideoMetric.plays,
            VideoMetric.likes,
            VideoMetric.comments,
            VideoMetric.favourites,
            VideoMetric.shares,
        ).where(VideoMetric.video_id.in_(video_ids))
    )
    return {(row[0], row[1], row[2]): (row[3], row[4], row[5], row[6], row[7]) for row in result}
