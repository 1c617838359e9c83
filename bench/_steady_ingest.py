"""Fans writing at a steady rate through the real ingest path, with the latency of each update
from its arrival to durable storage: what other work must not hurt (bench retag, and the
digest fan-out).

Updates arrive at `rate` per second; every `tick` seconds the updates that arrived since the
last batch go through `UpdateProcessor.process_json` and one `BatchStore.commit`, as the
polling loop does. A batch that takes longer than a tick makes the next one bigger and later,
so a stalled writer or event loop shows as latency, not as a lower rate.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import handlers
from bot.__main__ import build_dispatcher
from bot.config import load_settings
from bot.devtools.recording_session import TOKEN, recording_bot
from bot.telegram.batch_store import BatchStore
from bot.telegram.processing import UpdateProcessor

PHRASES = (
    "下一期拍猫咪吧！",
    "More behind-the-scenes please",
    "剪辑节奏太快了，看不清",
    "the audio is too quiet in the last video",
    "#建议 出一期教程",
    "love this series ❤️",
    "字幕有错别字",
    "when is the next live?",
)


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending sequence (0 when it is empty)."""
    if not ordered:
        return 0.0
    rank = max(1, round(fraction * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class Fans:
    """Plain group messages in `chats`, message ids continuing after `first_message_ids`."""

    chats: Sequence[int]
    first_message_ids: dict[int, int] = field(default_factory=dict)
    _update_id: int = 0
    _next: dict[int, int] = field(default_factory=dict)

    def update(self) -> dict[str, Any]:
        self._update_id += 1
        chat_id = self.chats[self._update_id % len(self.chats)]
        message_id = self._next.get(chat_id, self.first_message_ids.get(chat_id, 0)) + 1
        self._next[chat_id] = message_id
        fan = 50_000 + self._update_id % 3_000
        return {
            "update_id": self._update_id,
            "message": {
                "message_id": message_id,
                "date": int(datetime.now(UTC).timestamp()),
                "chat": {"id": chat_id, "type": "supergroup", "title": f"Fans {chat_id}"},
                "from": {"id": fan, "is_bot": False, "first_name": f"Fan{fan}"},
                "text": PHRASES[self._update_id % len(PHRASES)],
            },
        }


@dataclass
class Latencies:
    seconds: list[float] = field(default_factory=list)

    def p95_ms(self) -> float:
        return percentile(sorted(self.seconds), 0.95) * 1000

    def p50_ms(self) -> float:
        return percentile(sorted(self.seconds), 0.50) * 1000

    def __len__(self) -> int:
        return len(self.seconds)


class SteadyIngest:
    def __init__(
        self,
        factory: async_sessionmaker[AsyncSession],
        fans: Fans,
        *,
        rate: float,
        tick: float = 0.05,
    ) -> None:
        bot, _ = recording_bot()
        dispatcher = build_dispatcher(load_settings(bot_token=TOKEN))
        self._processor = UpdateProcessor(dispatcher, bot, handlers.allowed_updates(dispatcher))
        self._store = BatchStore(factory)
        self._fans = fans
        self._rate = rate
        self._tick = tick

    async def run(self, stop: asyncio.Event) -> Latencies:
        """Ingest until `stop` is set; the latency of every update stored."""
        latencies = Latencies()
        started = time.perf_counter()
        sent = 0
        while not stop.is_set():
            now = time.perf_counter()
            due = int((now - started) * self._rate) - sent
            if due > 0:
                arrivals = [started + (sent + n + 1) / self._rate for n in range(due)]
                batch = [await self._processor.process_json(self._fans.update()) for _ in arrivals]
                await self._store.commit(batch)
                done = time.perf_counter()
                latencies.seconds.extend(done - arrived for arrived in arrivals)
                sent += due
            await asyncio.sleep(max(0.0, self._tick - (time.perf_counter() - now)))
        return latencies

    async def for_seconds(self, seconds: float) -> Latencies:
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(seconds, stop.set)
        return await self.run(stop)
