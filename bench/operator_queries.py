"""What operators wait for, at two history sizes: the inbox, exports, a fan's data.

Run: python3 tasks.py bench operator_queries [--small N] [--large N] [--groups G] [--postgres]

Generates `--small` and then `--large` comments (defaults 20,000 and 100,000; the issue's sizes
are --small 100000 --large 1000000) over G groups (50) with Zipf-distributed group sizes and
fans, half English and half Chinese phrases, about a third of them feedback items with a tag,
straight into a migrated SQLite file (with --postgres also into a throwaway PostgreSQL server).
Each size is measured in the same run, so `growth` compares like with like:
- inbox pages of the busiest group: no filter, a tag, a status and sentiment, an author, 7d;
- text search: an English word, a Chinese word, a full-width form (still a scan: not built);
- /inbox_counts 7d; /export csv of the busiest group (time and peak Python heap while writing);
- /mydata and /forget of the heaviest fan; the retention purge of the busiest group.
- /poll_topics 30d (what it reads from the database) of the busiest group.
p95 over ROUNDS calls each, after one warm-up call; a table at the end names, per query, both
sizes and the growth, and which query set worst_p95 and growth. Not measured here: the video
card, and the 09:00 fan-out (`python3 tasks.py bench digest_fanout`).
Ends with `bench operator_queries: worst_p95_ms=... growth=... export_peak_mb=...`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import insert
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.db import inbox as store
from bot.db import polls as poll_store
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import Chat, Comment, FeedbackItem, FeedbackItemTag, User
from bot.db.retention import purge_older
from bot.devtools.postgres import running_postgres
from bot.domain.inbox import PAGE_SIZE, InboxFilter
from bot.domain.roles import Actor
from bot.i18n import Html
from bot.services.inbox import ExportRequest, InboxService
from bot.services.privacy import PrivacyService

SEED = 20261202
ROUNDS = 15
FANS = 20_000
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
DAYS = 90
PHRASES = [
    ("the app crashes when I upload", "bug"),
    ("please add subtitles to the next video", "suggestion"),
    ("视频有问题，闪退了", "bug"),
    ("这个视频好看，太棒了", "praise"),
    ("建议出一期猫咪视频", "suggestion"),
    ("love this channel, amazing work", "praise"),
    ("the sound lags behind the picture", "bug"),
    ("好看！下一期什么时候", "praise"),
    ("just chatting, nothing to see", None),
    ("大家晚上好", None),
    ("please make a video about the making of", "topic_idea"),
]


def zipf_weights(count: int, s: float = 1.1) -> list[float]:
    return [1 / (rank**s) for rank in range(1, count + 1)]


def rows(total: int, groups: int, rng: random.Random) -> Iterator[tuple[int, int, int, int]]:
    """(chat index, message id, fan id, phrase index) for every comment."""
    chats = rng.choices(range(groups), zipf_weights(groups), k=total)
    fans = rng.choices(range(1, FANS + 1), zipf_weights(FANS), k=total)
    next_id = [0] * groups
    for chat, fan in zip(chats, fans, strict=True):
        next_id[chat] += 1
        yield chat, next_id[chat], fan, rng.randrange(len(PHRASES))


def chat_id(index: int) -> int:
    return -1_001_000_000_000 - index


async def seed(factory: async_sessionmaker[AsyncSession], total: int, groups: int) -> None:
    rng = random.Random(SEED)
    async with factory() as session, session.begin():
        await session.execute(
            insert(Chat),
            [
                {
                    "id": chat_id(g),
                    "type": "supergroup",
                    "title": f"group {g}",
                    "first_seen_at": NOW,
                    "last_update_at": NOW,
                }  # fmt: skip
                for g in range(groups)
            ],
        )
        await session.execute(
            insert(User),
            [
                {
                    "id": fan,
                    "first_name": f"fan{fan}",
                    "username": f"fan{fan}",
                    "first_seen_at": NOW,
                    "last_seen_at": NOW,
                }  # fmt: skip
                for fan in range(1, FANS + 1)
            ],
        )
    batch: list[tuple[int, int, int, int]] = []
    for count, row in enumerate(rows(total, groups, rng), start=1):
        batch.append(row)
        if len(batch) == 10_000 or count == total:
            await _store(factory, batch, count, total)
            batch = []


async def _store(
    factory: async_sessionmaker[AsyncSession],
    batch: list[tuple[int, int, int, int]],
    done: int,
    total: int,
) -> None:
    span = timedelta(days=DAYS).total_seconds()
    comments, items, tags = [], [], []
    for offset, (chat, message_id, fan, phrase) in enumerate(batch):
        created = NOW - timedelta(seconds=span * (1 - (done - len(batch) + offset) / total))
        text, tag = PHRASES[phrase]
        key = {"chat_id": chat_id(chat), "message_id": message_id}
        comments.append({**key, "author_kind": "fan", "author_user_id": fan, "is_fan": True,
                         "text": text, "created_at": created})  # fmt: skip
        if tag is not None:
            sentiment = "negative" if tag == "bug" else "positive" if tag == "praise" else "neutral"
            items.append({**key, "author_user_id": fan, "sentiment": sentiment, "status": "new",
                          "tagged_at": created})  # fmt: skip
            tags.append({**key, "tag": tag, "source": "auto"})
    async with factory() as session, session.begin():
        await session.execute(insert(Comment), comments)
        if items:
            await session.execute(insert(FeedbackItem), items)
            await session.execute(insert(FeedbackItemTag), tags)


class FileCourier:
    def __init__(self) -> None:
        self.sizes: list[int] = []

    async def send_document(self, user_id: int, path: Path, name: str, caption: Html) -> bool:
        self.sizes.append(path.stat().st_size)
        return True


async def p95_ms(call: Callable[[], Awaitable[Any]], rounds: int = ROUNDS) -> float:
    # The first call compiles the statements and warms the page cache: not what an operator
    # waits for on a running bot, and on a loaded machine it alone set worst_p95.
    await call()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


async def measure(url: str, total: int, groups: int) -> dict[str, float]:
    engine: AsyncEngine = create_engine(url)
    await upgrade(engine)
    factory = create_session_factory(engine)
    started = time.perf_counter()
    await seed(factory, total, groups)
    print(f"  seeded {total:,} comments in {time.perf_counter() - started:.1f}s", flush=True)
    if engine.dialect.name == "postgresql":
        # Autovacuum analyzes a table soon after this many rows arrive; a bench measuring at
        # once planned without statistics (the inbox page read 985 ms at 50k).
        async with engine.begin() as connection:
            await connection.exec_driver_sql("ANALYZE")
    busiest = chat_id(0)
    heaviest = 1  # Zipf rank 1
    figures: dict[str, float] = {}
    week = NOW - timedelta(days=7)
    pages = {
        "inbox": InboxFilter(),
        "inbox_tag": InboxFilter(tag="bug"),
        "inbox_status": InboxFilter(status="new", sentiment="negative"),
        "inbox_author": InboxFilter(author_user_id=heaviest),
        "inbox_7d": InboxFilter(since=week),
        "search_en": InboxFilter(text="subtitles"),
        "search_zh": InboxFilter(text="好看"),
        "search_fullwidth": InboxFilter(text="ｓｕｂｔｉｔｌｅｓ"),
    }
    for name, wanted in pages.items():

        async def page(wanted: InboxFilter = wanted) -> None:
            async with factory() as session:
                await store.count_items(session, busiest, wanted)
                await store.items(session, busiest, wanted, offset=0, limit=PAGE_SIZE)

        figures[name] = await p95_ms(page)
    courier = FileCourier()
    inbox = InboxService(factory, courier, "UTC", now=lambda: NOW)
    figures["inbox_counts"] = await p95_ms(lambda: inbox.counts(busiest, "7d"))

    async def poll_topics() -> None:
        async with factory() as session:
            await poll_store.topic_comments(session, busiest, NOW - timedelta(days=30), NOW)

    figures["poll_topics_30d"] = await p95_ms(poll_topics)
    request = ExportRequest(busiest, "busiest", Actor(1), "csv", "", {}, lambda n: Html(str(n)))
    tracemalloc.start()
    started = time.perf_counter()
    await inbox.export(request, 1)
    figures["export_ms"] = (time.perf_counter() - started) * 1000
    figures["export_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    privacy = PrivacyService(factory, now=lambda: NOW)

    async def mydata() -> None:
        async with privacy.my_data_file(heaviest):
            pass

    figures["mydata"] = await p95_ms(mydata, rounds=3)
    started = time.perf_counter()
    await privacy.forget_self(heaviest)
    figures["forget_ms"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    async with factory() as session, session.begin():
        await purge_older(session, busiest, 30, NOW)
    figures["retention_ms"] = (time.perf_counter() - started) * 1000
    await engine.dispose()
    return figures


INTERACTIVE = (
    "inbox", "inbox_tag", "inbox_status", "inbox_author", "inbox_7d",
    "search_en", "search_zh", "search_fullwidth", "inbox_counts", "poll_topics_30d",
)  # fmt: skip


async def run(sizes: list[int], groups: int, postgres: bool) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="fanpulse-bench-") as folder,
        contextlib.ExitStack() as stack,
    ):

        async def sqlite_url(size: int) -> str:
            return f"sqlite+aiosqlite:///{folder}/bench-{size}.sqlite3"

        urls: dict[str, Callable[[int], Awaitable[str]]] = {"sqlite": sqlite_url}
        if postgres:
            server = stack.enter_context(running_postgres())
            urls["postgresql"] = lambda size: _fresh_postgres(server, size)
        results: dict[str, list[dict[str, float]]] = {}
        for backend, url in urls.items():
            for size in sizes:
                print(f"{backend}, {size:,} comments over {groups} groups:", flush=True)
                figures = await measure(await url(size), size, groups)
                for name, value in figures.items():
                    print(f"  {name:18} {value:10.1f}", flush=True)
                results.setdefault(backend, []).append(figures)
    worst, growth = _table(results, sizes)
    peak = max(f["export_peak_mb"] for runs in results.values() for f in runs)
    # The 09:00 fan-out needs 1,000 groups' digests on its own database: `bench digest_fanout`
    # measures it (calling it here without them crashed the run before its last line).
    print(
        f"bench operator_queries: worst_p95_ms={worst:.1f} growth={growth:.2f} "
        f"export_peak_mb={peak:.1f}"
    )


def _table(results: dict[str, list[dict[str, float]]], sizes: list[int]) -> tuple[float, float]:
    """Print each query's p95 at both sizes and its growth; return the worst p95 and growth."""
    worst: tuple[float, str] = (0.0, "")
    growth: tuple[float, str] = (0.0, "")
    print(f"{'query':28} {sizes[0]:>10,} {sizes[-1]:>10,}   growth  (ms)")
    for backend, runs in results.items():
        for name in runs[0]:
            small, large = runs[0][name], runs[-1][name]
            grew = large / max(small, 0.01)
            print(f"{backend + ' ' + name:28} {small:10.1f} {large:10.1f} {grew:8.2f}")
            if name in INTERACTIVE:
                worst = max(worst, (max(small, large), f"{backend} {name}"))
                growth = max(growth, (grew, f"{backend} {name}"))
    print(f"worst p95: {worst[1]} ({worst[0]:.1f} ms); growth: {growth[1]} ({growth[0]:.2f}x)")
    return worst[0], growth[0]


async def _fresh_postgres(server: str, size: int) -> str:
    admin = make_url(server)
    name = f"bench_{size}"
    connection = await asyncpg.connect(
        admin.set(drivername="postgresql").render_as_string(hide_password=False)
    )
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return admin.set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--postgres", action="store_true")
    options = parser.parse_args()
    asyncio.run(run([options.small, options.large], options.groups, options.postgres))


if __name__ == "__main__":
    main()
