"""What a clock pass costs at 1,000 groups: planning every group's digests against planning
the one group whose settings changed (`rebuild(chat_id)`), and an unchanged heartbeat.

Run: python3 tasks.py bench clock_replan [--groups N] [--rounds R] [--days D]
                                         [--without-status-index]

N groups (1,000) each with one digest subscriber and D days (90) of recorded daily runs, in
a migrated SQLite file, and the real `Clock` over the real `DigestService` holding the lease
(--without-status-index: ix_job_runs_status dropped, as before it existed). After a first
pass (which records the morning's digests as missed), each figure is the median and p95 of
R passes (30) with nothing due, in the same run: `run_due(now)` (a full pass, what every
change cost before), `run_due(now, chat_id=...)` (one group's pass, a different group each
round) and `heartbeat()` with nothing changed. Ends with
`bench clock_replan: full_ms=... group_ms=... heartbeat_ms=... ratio=...` (p95s; ratio is
full / group).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text

from bench._fanout import SilentCourier
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import Chat, DigestSubscription, JobRun
from bot.i18n import Translator
from bot.logs import configure_logging
from bot.services.clock import Clock
from bot.services.digest_delivery import DigestService

# 03:00 UTC: the groups' 09:00 Shanghai digests went out two hours ago, tomorrow's lie ahead.
NOW = datetime(2026, 12, 3, 3, tzinfo=UTC)
SUBSCRIBER = 4242


def group_ids(count: int) -> list[int]:
    return [-1003_000_000_000 - n for n in range(count)]


async def timed(call: Callable[[], Awaitable[Any]], rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


async def run(groups: int, rounds: int, days: int, status_index: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="fanpulse-replan-") as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{folder}/replan.sqlite3")
        await upgrade(engine)
        factory = create_session_factory(engine)
        chats = group_ids(groups)
        async with factory() as session, session.begin():
            await session.execute(
                insert(Chat),
                [{"id": chat, "type": "supergroup", "title": f"group {chat}",
                  "first_seen_at": NOW, "last_update_at": NOW} for chat in chats],
            )  # fmt: skip
            await session.execute(
                insert(DigestSubscription),
                [{"chat_id": chat, "user_id": SUBSCRIBER, "subscribed_at": NOW} for chat in chats],
            )
            for day in range(days, 0, -1):
                period = (NOW - timedelta(days=day)).date().isoformat()
                await session.execute(
                    insert(JobRun),
                    [{"job": f"digest:daily:{chat}:u{SUBSCRIBER}", "period": period,
                      "status": "done", "instance": "old", "claimed_at": NOW}
                     for chat in chats],
                )  # fmt: skip
            if not status_index:
                await session.execute(text("DROP INDEX ix_job_runs_status"))
        digests = DigestService(
            factory,
            Translator.load(),
            SilentCourier(),
            default_timezone="Asia/Shanghai",
            default_language="zh",
        )
        clock = Clock(factory, [digests], instance="bench", now=lambda: NOW)
        assert await clock.hold_lease()
        first = await clock.run_due(NOW)
        print(
            f"{groups:,} groups, {groups * days:,} runs recorded before; first pass recorded "
            f"{len(first):,} runs missed; ix_job_runs_status "
            f"{'kept' if status_index else 'dropped'}"
        )
        full = await timed(lambda: clock.run_due(NOW), rounds)
        turn = iter(range(rounds))
        group = await timed(lambda: clock.run_due(NOW, chat_id=chats[next(turn)]), rounds)
        await clock.run_due(NOW)
        heartbeat = await timed(clock.heartbeat, rounds)
        await engine.dispose()
    for name, (median, p95) in (("full pass", full), ("group pass", group),
                                ("heartbeat", heartbeat)):  # fmt: skip
        print(f"  {name:12} median {median:8.1f} ms   p95 {p95:8.1f} ms")
    print(
        f"bench clock_replan: full_ms={full[1]:.1f} group_ms={group[1]:.1f} "
        f"heartbeat_ms={heartbeat[1]:.1f} ratio={full[1] / group[1]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--without-status-index", action="store_true")
    options = parser.parse_args()
    configure_logging("WARNING")
    asyncio.run(run(options.groups, options.rounds, options.days, not options.without_status_index))


if __name__ == "__main__":
    main()
