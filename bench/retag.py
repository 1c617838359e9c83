"""Re-tagging 1,000,000 stored comments while fans keep writing: what it costs ingest.

Run: `python3 tasks.py bench retag [--comments N] [--rate R] [--baseline-seconds S]`.

One group holds N stored comments (default 1,000,000; bulk-inserted into a migrated SQLite
file, about one in ten matching the new tag). The group gets a new tag, `wish`, and the same
`Retagger` the button starts (bot/services/retag.py, default pace: batches of 500, 10 ms
between them) applies it to the whole history. Meanwhile fans write at a steady R updates per
second (default 300) through the real ingest path into that group and nine others
(bench/_steady_ingest.py), and every update's latency from arrival to durable is recorded.
In the same run, first the same ingest alone for S seconds (default 20): the reference.

Ends with `bench retag: comments_per_s=N ingest_p95_ms=M` (comments re-tagged per wall second;
ingest p95 during the re-tag; target < 200 ms), then the reference p95 on the same line.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench._steady_ingest import Fans, SteadyIngest
from bot.__main__ import settle_heap
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.tag_sets import save_tag_set
from bot.domain.tag_set import TagSet, parse_terms
from bot.i18n import Html, Translator
from bot.logs import configure_logging
from bot.services.retag import Retagger, RetagPace, tag_reason

SEED = 20261202
GROUP = -1001_000_000_000
OTHER_GROUPS = [GROUP - n for n in range(1, 10)]
TAG = "wish"
KEYWORDS = "想要, would love"
PHRASES = [
    "下一期拍猫咪吧！",
    "More behind-the-scenes please",
    "剪辑节奏太快了，看不清",
    "the audio is too quiet in the last video",
    "#建议 出一期教程",
    "love this series, amazing work",
    "字幕有错别字",
    "when is the next live?",
    "問題：視頻卡頓",
    "哈哈哈",
]
WISHES = ["我想要一期猫咪视频", "I would love a vlog", "想要周边！"]
COLUMNS = (
    "chat_id, message_id, author_kind, author_user_id, is_fan, text, "
    "is_automatic_forward, is_forwarded, created_at, edit_count"
)


def rows(total: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    start = datetime.now(UTC) - timedelta(days=90)
    step = 90 * 86_400 / total
    for n in range(1, total + 1):
        text = rng.choice(WISHES) if rng.random() < 0.1 else rng.choice(PHRASES)
        at = start + timedelta(seconds=n * step)
        fan = 10_000 + int(rng.paretovariate(1.2)) % 20_000
        yield (GROUP, n, "fan", fan, 1, text, 0, 0, at.strftime("%Y-%m-%d %H:%M:%S.%f"), 0)


async def build(path: Path, total: int) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    factory = create_session_factory(engine)
    connection = sqlite3.connect(path)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    connection.executemany(
        "INSERT INTO chats (id, type, title, is_active, first_seen_at, last_update_at) "
        "VALUES (?, 'supergroup', ?, 1, ?, ?)",
        [(chat, f"Fans {chat}", now, now) for chat in [GROUP, *OTHER_GROUPS]],
    )
    placeholders = ", ".join("?" * 10)
    connection.executemany(
        f"INSERT INTO comments ({COLUMNS}) VALUES ({placeholders})",  # noqa: S608
        rows(total, random.Random(SEED)),
    )
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    async with factory() as session, session.begin():
        tag_set = TagSet.default().create(TAG, parse_terms(KEYWORDS))
        await save_tag_set(session, GROUP, tag_set, datetime.now(UTC))
    await engine.dispose()


class CountingCourier:
    def __init__(self) -> None:
        self.edits = 0
        self.last: str = ""

    async def show(self, chat_id: int, message_id: int, text: Html) -> None:
        self.edits += 1
        self.last = str(text)


async def measure(path: Path, total: int, rate: float, baseline_seconds: float) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    factory = create_session_factory(engine)
    settle_heap()
    ingest = SteadyIngest(factory, Fans([GROUP, *OTHER_GROUPS], {GROUP: total}), rate=rate)
    await ingest.for_seconds(3)  # warm-up: the fans become known, caches fill
    alone = await ingest.for_seconds(baseline_seconds)

    courier = CountingCourier()
    retagger = Retagger(factory, courier, Translator.load(), pace=RetagPace())
    run_id = await retagger.offer(GROUP, tag_reason(TAG), TAG, "en")
    stop = asyncio.Event()
    fans = asyncio.create_task(ingest.run(stop))
    started = time.perf_counter()
    cpu = time.process_time()
    await retagger.start(run_id, GROUP, locale="en", progress=(GROUP, 1))
    await retagger.settle()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    stop.set()
    during = await fans
    run = await retagger.status(run_id)
    await engine.dispose()
    assert run is not None and run.status.value == "done", run

    per_second = run.scanned / wall
    print(
        f"re-tagged {run.scanned:,} comments in {wall:.1f} s ({per_second:,.0f}/s), CPU {cpu:.1f} s"
    )
    print(f"tagged {run.tagged:,}, untagged {run.untagged:,}, progress edits {courier.edits}")
    print(f"last progress message: {courier.last}")
    print(
        f"ingest at {rate:.0f} updates/s alone:  p50 {alone.p50_ms():.1f} ms, "
        f"p95 {alone.p95_ms():.1f} ms ({len(alone):,} updates)"
    )
    print(
        f"ingest during the re-tag:      p50 {during.p50_ms():.1f} ms, "
        f"p95 {during.p95_ms():.1f} ms ({len(during):,} updates; target p95 < 200 ms)"
    )
    print(
        f"bench retag: comments_per_s={per_second:.0f} ingest_p95_ms={during.p95_ms():.1f} "
        f"reference_ingest_p95_ms={alone.p95_ms():.1f}"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--rate", type=float, default=300)
    parser.add_argument("--baseline-seconds", type=float, default=20)
    args = parser.parse_args()
    configure_logging("WARNING")
    with tempfile.TemporaryDirectory(prefix="bench-retag-") as folder:
        path = Path(folder) / "retag.sqlite3"
        started = time.perf_counter()
        await build(path, args.comments)
        print(f"stored {args.comments:,} comments in {time.perf_counter() - started:.1f} s")
        await measure(path, args.comments, args.rate, args.baseline_seconds)


if __name__ == "__main__":
    asyncio.run(main())
