"""The 09:00 fan-out measured: `groups` digests composed (database, text, chart in the chart
pool) and handed to a courier one after the other, as a clock pass runs them, while fans write
at a steady rate (bench/_steady_ingest.py). Importable: bench/operator_queries.py can call
`measure_fanout` on its own database.

CPU per digest counts this process and the chart workers (their CPU is read from
`resource.getrusage(RUSAGE_CHILDREN)` after the pool is closed, which reaps them).
"""

from __future__ import annotations

import asyncio
import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench._steady_ingest import Fans, SteadyIngest
from bot.db.digest import DigestTarget
from bot.i18n import Translator
from bot.services.chart_pool import ChartPool
from bot.services.digest import DigestKind
from bot.services.digest_delivery import DigestService, Opener
from bot.services.digest_render import Visibility


@dataclass(frozen=True)
class Fanout:
    digests: int
    seconds: float
    cpu_per_digest_ms: float
    ingest_p95_ms: float
    reference_ingest_p95_ms: float


class SilentCourier:
    """Telegram's side, answered at once: the bench measures our work, not the rate limits."""

    sent = 0

    async def visibility(self, chat_id: int) -> Visibility:
        return Visibility(is_admin=True, reads_everything=True)

    async def may_receive(self, chat_id: int, user_id: int) -> bool:
        return True

    async def administers(self, chat_id: int, user_id: int) -> bool:
        return True

    async def administrators(self, chat_id: int) -> frozenset[int]:
        return frozenset()

    async def send(
        self,
        recipient: int,
        parts: Sequence[str],
        chart: bytes | None,
        caption: str,
        *,
        opener: Opener | None = None,
    ) -> None:
        self.sent += 1


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


async def measure_fanout(
    factory: async_sessionmaker[AsyncSession],
    group_ids: Sequence[int],
    *,
    day: date,
    rate: float = 300,
    reference_seconds: float = 10,
    chart_workers: int = 1,
) -> Fanout:
    """Digests of `day` for every group in `group_ids`, with ingest at `rate` updates/s into
    them; ingest alone for `reference_seconds` first, in the same run."""
    ingest = SteadyIngest(
        factory, Fans(list(group_ids[:10]), dict.fromkeys(group_ids, 10000000)), rate=rate
    )
    alone = await ingest.for_seconds(reference_seconds)
    courier = SilentCourier()
    charts = ChartPool(chart_workers)
    service = DigestService(
        factory,
        Translator.load(),
        courier,
        default_timezone="Asia/Shanghai",
        default_language="zh",
        charts=charts,
    )
    stop = asyncio.Event()
    writing = asyncio.create_task(ingest.run(stop))
    started, cpu = time.perf_counter(), _cpu()
    now = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    for chat_id in group_ids:
        target = DigestTarget(chat_id, f"Fans {chat_id}", "Asia/Shanghai", "zh", None, None, ())
        composed = await service.compose(
            target, Translator.load().bind("zh"), DigestKind.DAILY, day, now
        )
        for part in composed.parts:
            await courier.send(chat_id, [part], None, composed.caption)
        await courier.send(chat_id, [], composed.chart, composed.caption)
    seconds = time.perf_counter() - started
    stop.set()
    during = await writing
    charts.close()
    spent = _cpu() - cpu
    return Fanout(
        digests=len(group_ids),
        seconds=seconds,
        cpu_per_digest_ms=spent / len(group_ids) * 1000,
        ingest_p95_ms=during.p95_ms(),
        reference_ingest_p95_ms=alone.p95_ms(),
    )
