"""One group-day digest over 1,000,000 comments: database time, with and without indexes.

Run: .venv/bin/python bench/digest.py [--comments N] [--keep DIR]

Generates N comments (default 1,000,000) over 30 days in 10 groups (about 3,300 per group-day,
fans drawn from 5,000 per group, one in 200 a join service message) into a migrated SQLite file,
then times `DigestBuilder.daily` for one group and one day in the middle:
- database time: the time spent inside the driver's execute calls (SQLAlchemy cursor events),
  which is what the indexes change; the tagging of the day's texts is CPU time and shown apart;
- cold: the first digest of that group, when no earlier day is rolled up yet (it measures and
  keeps the 13 days before); warm: the daily run as it happens every day, earlier days rolled up;
- unindexed: the same warm digest on a copy of the file whose comments table has no index at all
  (rebuilt without its unique key too), measured in the same run.
Ends with `bench digest: ms=N unindexed_ratio=R` (warm, median database milliseconds; ratio of
the indexed to the unindexed median).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.services.digest import DigestBuilder, default_tagging

SEED = 20260610
GROUPS = 10
DAYS = 30
FANS_PER_GROUP = 5_000
FIRST_DAY = date(2026, 5, 1)
TIMEZONE = "Asia/Shanghai"
ROUNDS_INDEXED = 25
ROUNDS_UNINDEXED = 5
PHRASES = [
    "下一期拍猫咪吧！",
    "More behind-the-scenes please",
    "剪辑节奏太快了，看不清",
    "the audio is too quiet in the last video, no sound at the end",
    "#建议 出一期教程",
    "love this series, amazing work",
    "字幕有错别字",
    "when is the next live?",
    "問題：視頻卡頓",
    "选题：城市夜景延时摄影",
    "the app crashed again, black screen",
    "太棒了，我很喜欢",
    "please add subtitles",
    "lol",
    "哈哈哈",
]
COLUMNS = (
    "chat_id, message_id, thread_id, author_kind, author_user_id, sender_chat_id, is_fan, text, "
    "media_kind, service_kind, reply_to_message_id, is_automatic_forward, is_forwarded, "
    "created_at, edited_at, edit_count"
)


class DatabaseClock:
    """Sums the wall time spent inside the driver's execute calls."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.seconds = 0.0
        self._started: list[float] = []
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)
        event.listen(engine.sync_engine, "after_cursor_execute", self._after)

    def _before(self, *_: Any) -> None:
        self._started.append(time.perf_counter())

    def _after(self, *_: Any) -> None:
        self.seconds += time.perf_counter() - self._started.pop()


def group_id(index: int) -> int:
    return -1001_000_000_000 - index


def rows(total: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    seconds = DAYS * 86_400
    start = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=UTC) - timedelta(hours=8)
    message_ids = [0] * GROUPS
    for n in range(total):
        group = n % GROUPS
        message_ids[group] += 1
        at = start + timedelta(seconds=seconds * n / total + rng.random())
        fan = group * FANS_PER_GROUP + int(rng.paretovariate(1.2)) % FANS_PER_GROUP + 1
        service = "new_chat_members" if rng.random() < 0.005 else None
        text = None if service or rng.random() < 0.15 else rng.choice(PHRASES)
        yield (
            group_id(group),
            message_ids[group],
            None,
            "user",
            fan,
            None,
            1,
            text,
            None if text or service else "photo",
            service,
            None,
            0,
            0,
            at.strftime("%Y-%m-%d %H:%M:%S.%f"),
            None,
            0,
        )


async def build(path: Path, total: int) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    await engine.dispose()
    connection = sqlite3.connect(path)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    connection.executemany(
        "INSERT INTO chats (id, type, title, is_active, first_seen_at, last_update_at) "
        "VALUES (?, 'supergroup', ?, 1, ?, ?)",
        [(group_id(g), f"Group {g}", now, now) for g in range(GROUPS)],
    )
    placeholders = ", ".join("?" * 16)
    connection.executemany(
        f"INSERT INTO comments ({COLUMNS}) VALUES ({placeholders})",  # noqa: S608
        rows(total, random.Random(SEED)),
    )
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()


def strip_indexes(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    connection.executescript(
        "PRAGMA foreign_keys=OFF;"
        "CREATE TABLE comments_plain AS SELECT * FROM comments;"
        "DROP TABLE comment_versions;"
        "DROP TABLE comments;"
        "ALTER TABLE comments_plain RENAME TO comments;"
        "ANALYZE;"
    )
    left = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments'"
    ).fetchone()
    connection.close()
    assert left == (0,), "the unindexed copy still has an index on comments"


async def digest_database_ms(
    path: Path, day: date, rounds: int, builder: DigestBuilder
) -> tuple[list[float], float]:
    """Database milliseconds per digest for `rounds` digests, and the first (cold) one."""
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    clock = DatabaseClock(engine)
    factory = create_session_factory(engine)
    now = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC) + timedelta(
        hours=9
    )
    times: list[float] = []
    try:
        for _ in range(rounds + 1):
            clock.seconds = 0.0
            async with factory() as session, session.begin():
                await builder.daily(
                    session, chat_id=group_id(3), title="g", timezone=TIMEZONE, day=day, now=now
                )
            times.append(clock.seconds * 1000)
    finally:
        await engine.dispose()
    return times[1:], times[0]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-digest-"))
    folder.mkdir(parents=True, exist_ok=True)
    indexed, plain = folder / "indexed.sqlite3", folder / "unindexed.sqlite3"
    for path in (indexed, plain):
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    await build(indexed, args.comments)
    strip_indexes(indexed, plain)
    print(f"generated {args.comments:,} comments in {time.perf_counter() - started:.1f} s")

    day = FIRST_DAY + timedelta(days=DAYS // 2)
    builder = DigestBuilder(default_tagging())
    cpu_started = time.process_time()
    warm, cold = await digest_database_ms(indexed, day, ROUNDS_INDEXED, builder)
    cpu_ms = (time.process_time() - cpu_started) * 1000 / (ROUNDS_INDEXED + 1)
    warm_plain, cold_plain = await digest_database_ms(plain, day, ROUNDS_UNINDEXED, builder)
    ms, ms_plain = statistics.median(warm), statistics.median(warm_plain)
    print(f"one group-day ({day}, {TIMEZONE}), database time, median of the warm runs:")
    print(f"  indexed:   warm {ms:.1f} ms   cold (13 days rolled up first) {cold:.1f} ms")
    print(f"  unindexed: warm {ms_plain:.1f} ms   cold {cold_plain:.1f} ms")
    print(f"  whole digest incl. tagging, indexed: {cpu_ms:.1f} ms CPU per run")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"bench digest: ms={ms:.1f} unindexed_ratio={ms / ms_plain:.3f}")


if __name__ == "__main__":
    asyncio.run(main())
