"""Platform numbers stored per (video, platform, day): an idempotent upsert (SQL only, never
commits: the caller's one transaction takes a whole file or nothing of it).

A row whose numbers equal the stored ones is "unchanged" and not written; a number the file does
not give (no such column, an empty cell) keeps the stored one, or stays unknown (NULL) on a new
row. Unless confirmed, a cumulative total out of order with the other days is refused.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.chunks import chunks
from bot.db.models import Video, VideoMetric
from bot.db.videos import resolve_videos
from bot.domain.video_metrics_import import (
    Counts,
    ImportReport,
    KnownVideo,
    ParsedMetrics,
    SettledRow,
    StoredRow,
    merged,
    refuse_decreasing,
    settle,
)
from bot.domain.videos import code

Numbers = Counts
Key = tuple[int, str, date]
METRIC_COLUMNS = ("plays", "likes", "comments", "favourites", "shares")
_TABLE = cast(Table, VideoMetric.__table__)


async def known_videos(
    session: AsyncSession, chat_id: int, refs: Collection[str]
) -> dict[str, KnownVideo]:
    ids = await resolve_videos(session, chat_id, refs)
    if not ids:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for chunk in chunks(set(ids.values())):
        query = select(Video.id, Video.platform, Video.number).where(Video.id.in_(chunk))
        found.update((row[0], (row[1], code(row[2]))) for row in await session.execute(query))
    return {ref: KnownVideo(video_id, *found[video_id]) for ref, video_id in ids.items()}


async def import_metrics(
    session: AsyncSession,
    chat_id: int,
    parsed: ParsedMetrics,
    now: datetime,
    *,
    confirmed: bool = False,
) -> ImportReport:
    """Store a parsed file's rows for the group's videos; report what happened to each.
    `confirmed`: store cumulative totals that go down too (a platform corrected its count)."""
    videos = await known_videos(session, chat_id, parsed.references())
    settled = settle(parsed, videos)
    rows, refused = settled.rows, settled.refused
    stored = await _stored(session, {row.video_id for row in rows}) if rows else {}
    if not confirmed:
        rows, out_of_order = refuse_decreasing(rows, stored)
        refused = sorted([*refused, *out_of_order], key=lambda item: item.line)
    taken, updated, unchanged, written = await store_rows(session, rows, now, stored)
    codes = {video.id: video.code for video in videos.values()}
    echoed = tuple(replace(row, video=codes[row.video_id]) for row in written)
    return ImportReport(taken, updated, unchanged, refused, echoed)


async def store_rows(
    session: AsyncSession,
    rows: Sequence[SettledRow],
    now: datetime,
    stored: dict[Key, Numbers] | None = None,
) -> tuple[int, int, int, tuple[StoredRow, ...]]:
    """(taken, updated, unchanged, what was written) after upserting rows with distinct keys."""
    if not rows:
        return 0, 0, 0, ()
    if stored is None:
        stored = await _stored(session, {row.video_id for row in rows})
    inserts: list[dict[str, object]] = []
    updates: list[dict[str, object]] = []
    written: list[StoredRow] = []
    unchanged = 0
    for row in rows:
        key = (row.video_id, row.platform, row.day)
        before = stored.get(key)
        values = merged(row.counts, before)
        if before is None:
            inserts.append(
                {
                    "video_id": row.video_id,
                    "platform": row.platform,
                    "day": row.day,
                    **dict(zip(METRIC_COLUMNS, values, strict=True)),
                    "updated_at": now,
                }
            )
        elif values != before:
            updates.append(
                {
                    "k_video": row.video_id,
                    "k_platform": row.platform,
                    "k_day": row.day,
                    **{
                        f"v_{name}": value
                        for name, value in zip(METRIC_COLUMNS, values, strict=True)
                    },
                    "v_updated_at": now,
                }
            )
        else:
            unchanged += 1
            continue
        written.append(StoredRow(row.video_id, row.platform, row.day, values))
    if inserts:
        await session.execute(insert(_TABLE), inserts)
    if updates:
        await session.execute(_UPDATE, updates)
    return len(inserts), len(updates), unchanged, tuple(written)


_UPDATE = (
    update(_TABLE)
    .where(
        _TABLE.c.video_id == bindparam("k_video"),
        _TABLE.c.platform == bindparam("k_platform"),
        _TABLE.c.day == bindparam("k_day"),
    )
    .values({name: bindparam(f"v_{name}") for name in (*METRIC_COLUMNS, "updated_at")})
)


async def _stored(session: AsyncSession, video_ids: Collection[int]) -> dict[Key, Numbers]:
    found: dict[Key, Numbers] = {}
    for chunk in chunks(video_ids):
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
            ).where(VideoMetric.video_id.in_(chunk))
        )
        found.update(
            ((row[0], row[1], row[2]), (row[3], row[4], row[5], row[6], row[7])) for row in result
        )
    return found
