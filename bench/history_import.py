"""History import parsing speed and memory on a generated 100,000-message export.

Run: .venv/bin/python bench/history_import.py [--messages N]

Writes a Telegram Desktop style result.json (one-space indentation, every message kind, about
a third rich-text arrays, Chinese and English) and the zipped export folder into a temporary
directory, then times `read_history` on both, and `open_history` plus streaming its chunks
(two passes) on the zip. Peak memory is Python allocations during the call (tracemalloc, which
slows parsing down, so times come from separate untraced runs). Stdlib `json.load` of the same
file is shown for scale. The store leg times the whole import into a fresh SQLite database:
`read_history` plus `import_chunks` (the same comment insert, tagging and tombstone check as
ingest, one transaction per 1,000-message chunk). Ends with:
`bench history_import: msgs_per_s=N seconds_100k=N peak_mb=N store_seconds_100k=N`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.db.chat_settings import register_group
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.domain.history import open_history, read_history
from bot.services.history_import import import_chunks

SEED = 20240601
START_UNIXTIME = 1_700_000_000
PHRASES = [
    "下一期拍猫咪吧！",
    "More behind-the-scenes please",
    "剪辑节奏太快了，看不清",
    "the audio is too quiet in the last video",
    "#建议 出一期教程",
    "love this series ❤️",
    "字幕有错别字",
    "when is the next live?",
    "問題：視頻卡頓",
    "选题：城市夜景延时摄影",
]
ACTIONS = ["invite_members", "join_group_by_link", "pin_message", "remove_members"]
FILE_KINDS = [
    ("sticker", "stickers/sticker.webp"),
    ("voice_message", "voice_messages/audio_1.ogg"),
    ("video_file", "video_files/clip.mp4"),
    ("animation", "video_files/anim.mp4"),
]


def local_date(unixtime: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(unixtime + 8 * 3600))


def make_message(rng: random.Random, message_id: int) -> dict[str, Any]:
    unixtime = START_UNIXTIME + message_id * 17
    user = rng.randrange(1, 5_000)
    base: dict[str, Any] = {
        "id": message_id,
        "type": "message",
        "date": local_date(unixtime),
        "date_unixtime": str(unixtime),
    }
    roll = rng.random()
    if roll < 0.03:
        base.update(
            type="service",
            actor=f"Fan {user}",
            actor_id=f"user{user}",
            action=rng.choice(ACTIONS),
            members=[f"Fan {user + 1}"],
            text="",
            text_entities=[],
        )
        return base
    base.update({"from": f"粉丝{user}", "from_id": f"user{user}"})
    if message_id > 1 and rng.random() < 0.2:
        base["reply_to_message_id"] = rng.randrange(1, message_id)
    if rng.random() < 0.05:
        base["edited"] = local_date(unixtime + 60)
        base["edited_unixtime"] = str(unixtime + 60)
    phrase = rng.choice(PHRASES)
    if roll < 0.35:
        bold = rng.choice(PHRASES)
        text: str | list[Any] = [
            phrase + " ",
            {"type": "bold", "text": bold},
            " ",
            {"type": "text_link", "text": "视频", "href": f"https://example.com/v/{message_id}"},
        ]
        entities = [
            {"type": "plain", "text": phrase + " "},
            {"type": "bold", "text": bold},
            {"type": "plain", "text": " "},
            {"type": "text_link", "text": "视频", "href": f"https://example.com/v/{message_id}"},
        ]
    else:
        text = f"{phrase} {rng.choice(PHRASES)}"
        entities = [{"type": "plain", "text": text}]
    if 0.35 <= roll < 0.45:
        base.update(photo="photos/photo_1.jpg", width=1280, height=720)
    elif 0.45 <= roll < 0.5:
        media_type, path = rng.choice(FILE_KINDS)
        base.update(file=path, media_type=media_type, mime_type="application/octet-stream")
    if 0.5 <= roll < 0.53:
        base["forwarded_from"] = "某频道"
    base.update(text=text, text_entities=entities)
    return base


def make_export(count: int) -> dict[str, Any]:
    rng = random.Random(SEED)
    return {
        "name": "剪辑粉丝群",
        "type": "private_supergroup",
        "id": 1234567890,
        "messages": [make_message(rng, n) for n in range(1, count + 1)],
    }


def write_files(directory: Path, count: int) -> tuple[Path, Path]:
    json_path = directory / "result.json"
    json_path.write_text(json.dumps(make_export(count), ensure_ascii=False, indent=1), "utf-8")
    zip_path = directory / "export.zip"
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(json_path, "ChatExport_2026-03-01/result.json")
        archive.writestr("ChatExport_2026-03-01/photos/photo_1.jpg", b"\xff\xd8" + bytes(2048))
    return json_path, zip_path


def best_seconds(run: Callable[[], object], rounds: int = 2) -> float:
    best = float("inf")
    for _ in range(rounds):
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
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def stream_all(path: Path) -> int:
    stream = open_history(path)
    return sum(len(chunk) for chunk in stream.chunks(1_000))


def drain(chunks: Iterator[object]) -> None:
    for _ in chunks:
        pass


def json_load(path: Path) -> object:
    with open(path, encoding="utf-8") as file:
        return json.load(file)


async def store_seconds(json_path: Path, directory: Path) -> tuple[float, int]:
    """Parse and store the export into a fresh SQLite database; (seconds, rows stored)."""
    engine = create_engine(f"sqlite+aiosqlite:///{directory / 'store.sqlite3'}")
    try:
        await upgrade(engine, "head")
        session_factory = create_session_factory(engine)
        chat_id = -1_001_234_567_890
        async with session_factory() as session, session.begin():
            await register_group(session, chat_id=chat_id, chat_type="supergroup",
                                 title="bench", username=None, added_by_user_id=None,
                                 now=datetime.now(UTC))  # fmt: skip
        gc.collect()
        started = time.perf_counter()
        parsed = await asyncio.to_thread(read_history, json_path)
        outcome = await import_chunks(session_factory, chat_id, parsed.chunks(1_000))
        seconds = time.perf_counter() - started
    finally:
        await engine.dispose()
    return seconds, outcome.messages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    count = parser.parse_args().messages
    with tempfile.TemporaryDirectory() as directory:
        json_path, zip_path = write_files(Path(directory), count)
        parsed = read_history(json_path)
        assert parsed.stats.messages == count, parsed.stats
        print(
            f"export: {count:,} messages, result.json {json_path.stat().st_size / 1e6:.1f} MB, "
            f"zip {zip_path.stat().st_size / 1e6:.1f} MB"
        )
        legs: list[tuple[str, Callable[[], object]]] = [
            ("read_history(result.json)", lambda: read_history(json_path)),
            ("read_history(export.zip)", lambda: read_history(zip_path)),
            ("open_history + chunks (zip)", lambda: stream_all(zip_path)),
            ("stdlib json.load (scale)", lambda: json_load(json_path)),
        ]
        figures = {}
        for name, run in legs:
            seconds = best_seconds(run)
            peak = peak_mb(run)
            figures[name] = (seconds, peak)
            print(
                f"{name:30} {seconds:6.2f} s  {count / seconds:>10,.0f} msgs/s  peak {peak:7.1f} MB"
            )
        stored_in, stored = asyncio.run(store_seconds(json_path, Path(directory)))
        print(
            f"{'parse + store into SQLite':30} {stored_in:6.2f} s  "
            f"{stored / stored_in:>10,.0f} msgs/s  ({stored:,} messages)"
        )
    seconds, peak = figures["read_history(result.json)"]
    seconds_100k = seconds * 100_000 / count
    print(
        f"bench history_import: msgs_per_s={count / seconds:.0f} "
        f"seconds_100k={seconds_100k:.2f} peak_mb={peak:.0f} "
        f"store_seconds_100k={stored_in * 100_000 / count:.2f}"
    )


if __name__ == "__main__":
    main()
