"""The 09:00 fan-out: 1,000 groups' daily digests with charts while fans keep writing.

Run: `python3 tasks.py bench digest_fanout [--groups N] [--comments-per-group M] [--rate R]`.

N groups (default 1,000) each hold M comments (default 100) of yesterday, bulk-inserted into a
migrated SQLite file. `measure_fanout` (bench/_fanout.py) composes every group's digest as
the clock does (database, text, chart drawn in the chart pool), hands it to a courier that
answers at once, and meanwhile ingests R updates/s (default 300) through the real path; first
the same ingest alone, in the same run, as the reference.

CPU per digest is this process and the chart workers together, ingest beside it included.
Ends with `bench digest_fanout: seconds=... cpu_per_digest_ms=... ingest_p95_ms=...`
(targets: 1,000 digests within 160 s, ingest p95 < 200 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench._fanout import measure_fanout
from bot.__main__ import settle_heap
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.logs import configure_logging

PHRASES = [
    "下一期拍猫咪吧！",
    "the app crashed again",
    "太棒了，我很喜欢",
    "#建议 出一期教程",
    "哈哈哈",
]
COLUMNS = (
    "chat_id, message_id, author_kind, author_user_id, is_fan, text, "
    "is_automatic_forward, is_forwarded, created_at, edit_count"
)


def group_ids(count: int) -> list[int]:
    return [-1002_000_000_000 - n for n in range(count)]


async def build(path: Path, groups: list[int], per_group: int, day: date) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    await engine.dispose()
    rng = random.Random(21)
    start = datetime.combine(day, datetime.min.time(), tzinfo=UTC) - timedelta(hours=8)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    connection = sqlite3.connect(path)
    connection.executemany(
        "INSERT INTO chats (id, type, title, is_active, first_seen_at, last_update_at) "
        "VALUES (?, 'supergroup', ?, 1, ?, ?)",
        [(chat, f"Fans {chat}", now, now) for chat in groups],
    )
    rows = (
        (
            chat,
            n,
            "fan",
            10_000 + rng.randrange(500),
            1,
            rng.choice(PHRASES),
            0,
            0,
            (start + timedelta(seconds=rng.randrange(86_400))).strftime("%Y-%m-%d %H:%M:%S.%f"),
            0,
        )
        for chat in groups
        for n in range(1, per_group + 1)
    )
    connection.executemany(
        f"INSERT INTO comments ({COLUMNS}) VALUES ({', '.join('?' * 10)})",  # noqa: S608
        rows,
    )
    connection.commit()
    connection.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=1_000)
    parser.add_argument("--comments-per-group", type=int, default=100)
    parser.add_argument("--rate", type=float, default=300)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    configure_logging("WARNING")
    day = datetime.now(UTC).date() - timedelta(days=1)
    groups = group_ids(args.groups)
    with tempfile.TemporaryDirectory(prefix="bench-fanout-") as folder:
        path = Path(folder) / "fanout.sqlite3"
        started = time.perf_counter()
        await build(path, groups, args.comments_per_group, day)
        print(
            f"stored {len(groups) * args.comments_per_group:,} comments in "
            f"{time.perf_counter() - started:.1f} s"
        )
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        settle_heap()
        result = await measure_fanout(
            create_session_factory(engine),
            groups,
            day=day,
            rate=args.rate,
            chart_workers=args.workers,
        )
        await engine.dispose()
    print(
        f"{result.digests:,} digests in {result.seconds:.1f} s (target 160 s), "
        f"{result.cpu_per_digest_ms:.0f} ms CPU each"
    )
    print(
        f"ingest p95 {result.ingest_p95_ms:.1f} ms during, "
        f"{result.reference_ingest_p95_ms:.1f} ms alone (target < 200 ms)"
    )
    print(
        f"bench digest_fanout: seconds={result.seconds:.1f} "
        f"cpu_per_digest_ms={result.cpu_per_digest_ms:.0f} ingest_p95_ms={result.ingest_p95_ms:.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
