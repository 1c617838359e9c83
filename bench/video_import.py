"""Platform-number import speed and memory on a generated 100,000-row file.

Run: .venv/bin/python bench/video_import.py [--rows N]

Generates a GBK-encoded CSV with Chinese headers the way a Chinese spreadsheet exports it (dates
as 2026/11/28, counts with thousands separators and 万 units, one row in fifty refused), then
times `parse_metrics` (decoding, header and delimiter detection, every cell checked) against a
naive reference in the same run: `csv.DictReader` with `int()` and `date.fromisoformat` per row
on the same numbers written plainly in UTF-8 (it checks nothing and reads no units). Peak memory
is Python allocations during the call (tracemalloc slows parsing, so times come from separate
untraced runs). An XLSX leg reads a tenth of the rows through openpyxl for scale; a store leg
imports the GBK file into a fresh SQLite database (200 registered videos, one transaction).
Ends with: `bench video_import: rows_per_s=N peak_mb=N` (the GBK file, checked).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import io
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl

from bot.db.chat_settings import register_group
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import Video
from bot.db.video_metrics import import_metrics
from bot.domain.video_metrics_import import parse_metrics

FIRST_DAY = date(2024, 1, 1)
CHAT_ID = -1001000000999
VIDEOS = 200
PLATFORMS = ("抖音", "快手", "B站", "youtube", "小红书")
HEADER_ZH = ("视频编号", "平台", "日期", "播放量", "点赞", "评论", "收藏", "分享")
HEADER_EN = ("video", "platform", "date", "plays", "likes", "comments", "favourites", "shares")


def numbers(index: int) -> tuple[str, str, date, int, int, int, int, int]:
    plays = 1_000 + index * 37 % 900_000
    return (
        f"v{index % VIDEOS + 1}",
        PLATFORMS[index // VIDEOS % len(PLATFORMS)],
        FIRST_DAY + timedelta(days=index // VIDEOS),  # every row a new (video, platform, day)
        plays,
        plays // 12,
        plays // 90,
        plays // 40,
        plays // 150,
    )


def chinese_csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER_ZH)
    for index in range(rows):
        video, platform, day, plays, likes, comments, favourites, shares = numbers(index)
        shown_plays = f"{plays / 10_000:.4f}万" if index % 3 == 0 else f"{plays:,}"
        if index % 50 == 49:
            shown_plays = "暂无"  # refused: not a number
        writer.writerow(
            (video, platform, f"{day:%Y/%m/%d}", shown_plays, likes, comments, favourites, shares)
        )
    return buffer.getvalue().encode("gbk")


def plain_csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER_EN)
    for index in range(rows):
        video, platform, day, *counts = numbers(index)
        writer.writerow((video, platform, day.isoformat(), *counts))
    return buffer.getvalue().encode()


def xlsx(rows: int) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER_ZH)
    for index in range(rows):
        sheet.append(numbers(index))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def naive(content: bytes) -> int:
    """The reference: what a first version would do, checking nothing."""
    taken = 0
    for row in csv.DictReader(io.StringIO(content.decode("utf-8"))):
        record = {
            "video": row["video"],
            "platform": row["platform"],
            "day": date.fromisoformat(row["date"]),
            **{name: int(row[name]) for name in HEADER_EN[3:]},
        }
        taken += bool(record)
    return taken


async def store_seconds(content: bytes) -> tuple[float, int]:
    """The whole import into a fresh SQLite database: parse, resolve, one upsert transaction."""
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'bench.sqlite3'}"
        engine = create_engine(url)
        await upgrade(engine)
        session_factory = create_session_factory(engine)
        now = datetime.now(UTC)
        try:
            async with session_factory() as session, session.begin():
                await register_group(session, chat_id=CHAT_ID, chat_type="supergroup",
                                     title="bench", username=None, added_by_user_id=None,
                                     now=now)  # fmt: skip
                for number in range(1, VIDEOS + 1):
                    session.add(Video(chat_id=CHAT_ID, number=number, title=f"video {number}",
                                      platform="douyin", created_at=now))  # fmt: skip
            started = time.perf_counter()
            parsed = parse_metrics(content)
            async with session_factory() as session, session.begin():
                outcome = await import_metrics(session, CHAT_ID, parsed, now)
            return time.perf_counter() - started, outcome.stored
        finally:
            await engine.dispose()


def best_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def peak_mb(run: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    rows = parser.parse_args().rows
    chinese, plain, workbook = chinese_csv(rows), plain_csv(rows), xlsx(rows // 10)
    parsed = parse_metrics(chinese)
    print(
        f"file: {len(chinese) / 1e6:.1f} MB {parsed.encoding} csv, "
        f"{len(parsed.rows):,} rows taken, {len(parsed.refused):,} refused"
    )
    legs: list[tuple[str, int, Callable[[], object]]] = [
        ("parse_metrics (GBK csv, checked)", rows, lambda: parse_metrics(chinese)),
        ("parse_metrics (UTF-8 csv, checked)", rows, lambda: parse_metrics(plain)),
        ("naive DictReader + int() (UTF-8)", rows, lambda: naive(plain)),
        (f"parse_metrics (xlsx, {rows // 10:,} rows)", rows // 10, lambda: parse_metrics(workbook)),
    ]
    figures: dict[str, tuple[float, float]] = {}
    for name, count, run in legs:
        seconds = best_seconds(run)
        peak = peak_mb(run)
        figures[name] = (count / seconds, peak)
        print(f"{name:38} {seconds:6.2f} s  {count / seconds:>10,.0f} rows/s  peak {peak:6.1f} MB")
    rate, peak = figures["parse_metrics (GBK csv, checked)"]
    naive_rate, _ = figures["naive DictReader + int() (UTF-8)"]
    stored_in, stored = asyncio.run(store_seconds(chinese))
    print(f"{'parse + store into SQLite (GBK csv)':38} {stored_in:6.2f} s  "
          f"{stored / stored_in:>10,.0f} rows/s  ({stored:,} rows, one transaction)")  # fmt: skip
    print(f"naive reference: {naive_rate:.0f} rows/s ({rate / naive_rate:.2f}x of it, checked)")
    print(f"bench video_import: rows_per_s={rate:.0f} peak_mb={peak:.0f}")


if __name__ == "__main__":
    main()
