"""Ingest throughput: our whole path against aiogram's floor and the commit-per-message pattern.

Run: `python3 tasks.py bench ingest` (or `.venv/bin/python bench/ingest.py [--updates N]`).

All three legs take the same raw update JSON, in the same run:
- floor: parse + `Dispatcher.feed_update` into one no-op async handler (nothing stored);
- ours: the entry the polling loop and the webhook use (`UpdateProcessor.process_json`: plain
  group chat takes the express lane, anything else is parsed and goes through the real
  dispatcher and handlers), attribution, records, and durable storage of each batch of 100 in one
  transaction (what the polling loop does before it confirms a batch);
- dispatched: the same with every update parsed and dispatched (no express lane), to show what
  the express lane is worth;
- naive: parse + a handler that opens a session, adds the comment and commits, per message.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message, Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import handlers  # noqa: E402
from bot.__main__ import build_dispatcher, settle_heap  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.db.engine import create_engine, create_session_factory  # noqa: E402
from bot.db.migrate import upgrade  # noqa: E402
from bot.db.models import Comment  # noqa: E402
from bot.db.write_buffer import UpdateWrites  # noqa: E402
from bot.devtools.recording_session import TOKEN, recording_bot  # noqa: E402
from bot.logs import configure_logging  # noqa: E402
from bot.telegram.batch_store import BatchStore  # noqa: E402
from bot.telegram.processing import UpdateProcessor  # noqa: E402

BATCH = 100
WARMUP = 5_000
PHRASES = [
    "下一期拍猫咪吧！",
    "More behind-the-scenes please",
    "剪辑节奏太快了，看不清",
    "the audio is too quiet in the last video",
    "#建议 出一期教程",
    "love this series ❤️",
    "字幕有错别字",
    "when is the next live?",
]


def raw_updates(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    chats = [
        {"id": -1001000000000 - n, "type": "supergroup", "title": f"Fans {n}"} for n in range(10)
    ]
    fans = [
        {"id": 10_000 + n, "is_bot": False, "first_name": f"Fan{n}", "language_code": "zh"}
        for n in range(2_000)
    ]
    now = int(datetime.now(UTC).timestamp())
    next_message = dict.fromkeys((chat["id"] for chat in chats), 0)
    updates = []
    for update_id in range(1, count + 1):
        chat = rng.choice(chats)
        next_message[chat["id"]] += 1
        message: dict[str, Any] = {
            "message_id": next_message[chat["id"]],
            "date": now - count + update_id,
            "chat": chat,
            "from": rng.choice(fans),
        }
        if update_id % 10 == 0:
            message["photo"] = [{"file_id": "f", "file_unique_id": "u", "width": 9, "height": 9}]
            message["caption"] = rng.choice(PHRASES)
        else:
            message["text"] = rng.choice(PHRASES)
        updates.append({"update_id": update_id, "message": message})
    return updates


@dataclass(frozen=True)
class Spent:
    wall: float
    cpu: float


class Stopwatch:
    """Wall and process CPU time (all threads: aiosqlite's worker counts too)."""

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.spent = Spent(time.perf_counter() - self._wall, time.process_time() - self._cpu)


def parse(bot: Bot, raw: dict[str, Any]) -> Update:
    return Update.model_validate(raw, context={"bot": bot})


async def floor(warmup: list[dict[str, Any]], raw: list[dict[str, Any]]) -> Spent:
    bot, _ = recording_bot()
    router = Router()

    @router.message()
    async def noop(message: Message) -> None:
        return None

    return await _one_router(bot, router, warmup, raw)


async def _one_router(
    bot: Bot, router: Router, warmup: list[dict[str, Any]], raw: list[dict[str, Any]]
) -> Spent:
    """Parse and feed every update to a dispatcher holding just `router`; time `raw` only."""
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    for item in warmup:
        await dispatcher.feed_update(bot, parse(bot, item))
    with Stopwatch() as watch:
        for item in raw:
            await dispatcher.feed_update(bot, parse(bot, item))
    return watch.spent


async def ours(
    warmup: list[dict[str, Any]],
    raw: list[dict[str, Any]],
    factory: async_sessionmaker[AsyncSession],
    *,
    express: bool = True,
) -> Spent:
    bot, _ = recording_bot()
    dispatcher = build_dispatcher(load_settings(bot_token=TOKEN))
    processor = UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher))
    store = BatchStore(factory)

    async def one(item: dict[str, Any]) -> UpdateWrites:
        if express:
            return await processor.process_json(item)
        return await processor.process(parse(bot, item))

    async def ingest(updates: list[dict[str, Any]]) -> None:
        for start in range(0, len(updates), BATCH):
            chunk = updates[start : start + BATCH]
            await store.commit([await one(item) for item in chunk])

    await ingest(warmup)
    with Stopwatch() as watch:
        await ingest(raw)
    return watch.spent


async def naive(
    warmup: list[dict[str, Any]],
    raw: list[dict[str, Any]],
    factory: async_sessionmaker[AsyncSession],
) -> Spent:
    bot, _ = recording_bot()
    router = Router()

    @router.message()
    async def store_one(message: Message) -> None:
        async with factory() as session, session.begin():
            session.add(
                Comment(
                    chat_id=message.chat.id,
                    message_id=message.message_id,
                    author_kind="fan",
                    author_user_id=message.from_user.id if message.from_user else None,
                    is_fan=True,
                    text=message.text or message.caption,
                    created_at=message.date,
                )
            )

    return await _one_router(bot, router, warmup, raw)


async def _fresh_database(
    directory: Path, name: str, seed_chats: bool
) -> tuple[Any, async_sessionmaker[AsyncSession]]:
    engine = create_engine(f"sqlite+aiosqlite:///{directory / name}.sqlite3")
    await upgrade(engine)
    factory = create_session_factory(engine)
    if seed_chats:
        # The naive leg stores comments only; give their foreign keys something to point at.
        await _seed_chats(factory)
    return engine, factory


async def _seed_chats(factory: async_sessionmaker[AsyncSession]) -> None:
    from bot.db.models import Chat  # noqa: PLC0415

    now = datetime.now(UTC)
    async with factory() as session, session.begin():
        for n in range(10):
            session.add(
                Chat(
                    id=-1001000000000 - n, type="supergroup", first_seen_at=now, last_update_at=now
                )
            )


Rates = dict[str, tuple[float, float]]  # leg -> (updates per wall second, per CPU second)


async def measure(count: int, rounds: int) -> Rates:
    """Best of `rounds` for each leg, the legs interleaved so that noise hits them alike.

    Each leg first takes WARMUP updates of the same community untimed, then is timed on the next
    `count`: the steady state of a running bot (its fans already known), not its first minute.
    """
    settle_heap()  # as the bot does once it has started
    everything = raw_updates(WARMUP + count)
    warmup, raw = everything[:WARMUP], everything[WARMUP:]
    naive_share = 5  # the naive leg is slow: it stores a fifth of the updates, scaled up
    best: dict[str, Spent] = {}
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for round_number in range(rounds):
            engine, factory = await _fresh_database(directory, f"ours{round_number}", False)
            spent = {
                "floor": await floor(warmup, raw),
                "ours": await ours(warmup, raw, factory),
            }
            await engine.dispose()
            engine, factory = await _fresh_database(directory, f"full{round_number}", False)
            spent["dispatched"] = await ours(warmup, raw, factory, express=False)
            await engine.dispose()
            engine, factory = await _fresh_database(directory, f"naive{round_number}", True)
            naive_spent = await naive(warmup, raw[: count // naive_share], factory)
            await engine.dispose()
            spent["naive"] = Spent(naive_spent.wall * naive_share, naive_spent.cpu * naive_share)
            for leg, value in spent.items():
                previous = best.get(leg)
                best[leg] = Spent(
                    min(value.wall, previous.wall) if previous else value.wall,
                    min(value.cpu, previous.cpu) if previous else value.cpu,
                )
    return {leg: (count / value.wall, count / value.cpu) for leg, value in best.items()}


def ingest_seconds_per_message(count: int = 5_000) -> float:
    """Our whole ingest path, per message (bench/tagging.py puts tagging in proportion to it)."""
    configure_logging("WARNING")
    rates = asyncio.run(measure(count, rounds=1))
    return 1.0 / rates["ours"][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    configure_logging("WARNING")
    rates = asyncio.run(measure(args.updates, args.rounds))
    print(f"{'':>10}  {'wall':>14}  {'CPU':>14}")
    for leg, (wall, cpu) in rates.items():
        print(f"{leg:>10}: {wall:8,.0f} upd/s  {cpu:8,.0f} upd/s")
    # Ratios use CPU time: on a shared machine it moves far less than wall time, and it counts
    # the database driver's thread as well as the event loop.
    floor_ratio = rates["ours"][1] / rates["floor"][1]
    naive_ratio = rates["ours"][1] / rates["naive"][1]
    dispatched_ratio = rates["dispatched"][1] / rates["floor"][1]
    print(f"ours / floor = {floor_ratio:.2f} (target >= 0.75)")
    print(f"ours / naive = {naive_ratio:.1f} (target >= 8)")
    print(f"dispatched (no express lane) / floor = {dispatched_ratio:.2f}")
    print(
        f"bench ingest: updates_per_s={rates['ours'][1]:.0f} "
        f"floor_ratio={floor_ratio:.2f} naive_ratio={naive_ratio:.1f} "
        f"dispatched_ratio={dispatched_ratio:.2f}"
    )


if __name__ == "__main__":
    main()
