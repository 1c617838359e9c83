"""The operators' dashboard under a big history: its API calls, its first screen, and ingest
while it is busy.

Run: python3 tasks.py bench dashboard [--comments N] [--database sqlite|postgresql|both]
(also `--groups`, `--rounds`, `--rate` dashboard requests a second, `--ingest-rate` updates a
second, `--seconds` of each ingest leg, `--telegram-ms`, `--keep FILE`: the SQLite database
seeded once and measured again on later runs). Defaults are the issue's sizes:
1,000,000 comments over 50 groups (bench/operator_queries.py's seeding: Zipf-sized groups and
fans, half English and half Chinese, a third of them tagged feedback), one open giveaway of
10,000 entrants with rules that ask the database and Telegram about each of them;
`--comments 100000` is a quick run.
PostgreSQL (a throwaway server, bot/devtools/postgres.py) runs when its binaries are there.

The dashboard is the real aiohttp application (bot/dashboard/app.py) over the real dispatcher's
services, served on a loopback port and called over HTTP with signed logins, as the browser
calls it; Telegram's side answers after a round trip (`--telegram-ms`, 40: the entrant list
asks Telegram whether each entrant is still a member). 100 operators share the calls, so the
per-person rate limit stays in the path without refusing any.
- p95 over `--rounds` calls of: overview 90 days (its first call, which rolls up the days, is
  printed apart), the inbox's first page with a tag filter, an inbox text search, a page of 100
  entrants of the 10,000 (first page and a deep one). Reference in the same run: `/api/me`,
  the frame alone (login, limit, role, JSON).
- The first screen as Chromium loads it (the Overview of the busiest group): bytes of every
  response the page needed until it was drawn; skipped when no browser is installed.
- Ingest (bench/_steady_ingest.py: updates through the real UpdateProcessor and BatchStore in
  the same process and event loop as the dashboard, as in production) alone, then while
  `--rate` requests a second of the calls above hit the dashboard: both p95s and the
  dashboard's own p95 under that load.
Ends with `bench dashboard: p95_ms=<worst call p95> first_screen_kb=... ingest_p95_ms=...`.
Targets (issue 17): every call's p95 <= 100 ms, first screen <= 150 KB, ingest p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.methods import GetChatAdministrators, GetChatMember, TelegramMethod
from aiogram.types import ChatMemberMember, ChatMemberOwner, User
from aiohttp import web
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench._first_screen import first_screen_bytes
from bench._steady_ingest import Fans, Latencies, SteadyIngest, percentile
from bench.operator_queries import NOW, chat_id, seed
from bench.operator_queries import _fresh_postgres as fresh_postgres
from bot.__main__ import build_clock, build_dispatcher
from bot.config import load_settings
from bot.dashboard.app import standalone_application
from bot.dashboard.frame import DashboardServices
from bot.db.engine import create_engine, create_session_factory
from bot.db.migrate import upgrade
from bot.db.models import ChatRole, Comment, GiveawayEntry, GiveawayRecord
from bot.devtools.postgres import PostgresUnavailableError, find_bin_dir, running_postgres
from bot.devtools.recording_session import TOKEN, RecordingSession
from bot.domain.giveaway import Rules
from bot.emulator.init_data import mint_init_data

OWNER = 700_000_001
OPERATORS = range(900_000_001, 900_000_101)  # 100 operators of the busiest group
GROUPS_EACH = 3  # and of two others each: the picker has a few groups, as people run them
GIVEAWAY_FANS = 10_000
BUSIEST = chat_id(0)
P95_TARGET_MS = 100.0
FIRST_SCREEN_TARGET_KB = 150.0
INGEST_TARGET_MS = 200.0


class NearbyTelegram(RecordingSession):
    """Telegram answering after a round trip of `delay` seconds and remembering nothing: the
    owner is each group's only administrator, everyone else a member."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self._delay = delay

    async def make_request(
        self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None
    ) -> Any:
        await asyncio.sleep(self._delay)
        owner = User(id=OWNER, is_bot=False, first_name="Owner")
        if isinstance(method, GetChatAdministrators):
            return [ChatMemberOwner(user=owner, is_anonymous=False)]
        if isinstance(method, GetChatMember):
            if method.user_id == OWNER:
                return ChatMemberOwner(user=owner, is_anonymous=False)
            return ChatMemberMember(user=User(id=method.user_id, is_bot=False, first_name="Fan"))
        return self._answer(method)


async def seed_dashboard(factory: async_sessionmaker[AsyncSession], groups: int) -> int:
    """The operators' roles and the busiest group's giveaway; its id."""
    async with factory() as session, session.begin():
        await session.execute(
            insert(ChatRole),
            [
                {
                    "chat_id": chat_id(g),
                    "user_id": user,
                    "role": "operator",
                    "granted_by_user_id": OWNER,
                    "granted_at": NOW,
                }  # fmt: skip
                for n, user in enumerate(OPERATORS)
                for g in {0, 1 + n % (groups - 1), 1 + (n + 1) % (groups - 1)}
            ],
        )
        rules = Rules(member=True, min_comments=1, comment_days=30, staff_excluded=True)
        giveaway = GiveawayRecord(
            chat_id=BUSIEST, creator_user_id=OWNER, prize="Signed poster", winner_count=3,
            rules=rules.to_json(), seed="0" * 64, commitment="1" * 64, status="open",
            created_at=NOW - timedelta(days=2), ends_at=NOW + timedelta(days=5),
        )  # fmt: skip
        session.add(giveaway)
        await session.flush()
        await session.execute(
            insert(GiveawayEntry),
            [
                {
                    "giveaway_id": giveaway.id,
                    "user_id": fan,
                    "first_name": f"fan{fan}",
                    "last_name": None,
                    "entered_at": NOW - timedelta(days=1, seconds=fan),
                }  # fmt: skip
                for fan in range(1, GIVEAWAY_FANS + 1)
            ],
        )
        return giveaway.id


@dataclass
class Served:
    base: str
    http: aiohttp.ClientSession
    logins: list[str]
    services: DashboardServices
    _turn: int = 0

    async def get(self, path: str) -> int:
        """GET `path` as the next operator in turn; the body's size (its status must be 200)."""
        self._turn += 1
        login = self.logins[self._turn % len(self.logins)]
        async with self.http.get(self.base + path, headers={"Authorization": login}) as response:
            body = await response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: {response.status} {body[:200]!r}")
            return len(body)


@contextlib.asynccontextmanager
async def serving(
    factory: async_sessionmaker[AsyncSession], url: str, telegram_ms: float = 0
) -> AsyncIterator[Served]:
    settings = load_settings(bot_token=TOKEN, database_url=url)
    bot = Bot(TOKEN, session=NearbyTelegram(telegram_ms / 1000))
    dispatcher = build_dispatcher(settings, session_factory=factory)
    clock = build_clock(settings, factory, bot, dispatcher)
    # The seeded history ends at NOW: the dashboard reads "today" from the clock.
    clock._now = lambda: NOW
    services = DashboardServices.from_dispatcher(dispatcher, settings)
    runner = web.AppRunner(standalone_application(services), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    signed_at = clock.now()  # a login's age is checked against the dashboard's clock
    logins = [
        "tma "
        + mint_init_data(
            TOKEN,
            user={"id": user, "first_name": f"Op{user}", "language_code": "zh"},
            auth_date=signed_at,
        )  # fmt: skip
        for user in OPERATORS
    ]
    try:
        async with aiohttp.ClientSession() as http:
            yield Served(f"http://127.0.0.1:{port}/app", http, logins, services)
    finally:
        await runner.cleanup()
        dispatcher["charts"].close()


def calls(giveaway: int, deep_after: int) -> dict[str, str]:
    group = f"/api/groups/{BUSIEST}"
    return {
        "overview_90d": f"{group}/overview?days=90",
        "inbox_tag": f"{group}/inbox?tag=bug",
        "inbox_search": f"{group}/inbox?q=subtitles",
        "entrants": f"{group}/giveaways/{giveaway}/entrants?limit=100",
        "entrants_deep": f"{group}/giveaways/{giveaway}/entrants?limit=100&after={deep_after}",
    }


async def timed_ms(call: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await call()
    return (time.perf_counter() - started) * 1000


async def p95(call: Callable[[], Awaitable[Any]], rounds: int) -> float:
    times = sorted([await timed_ms(call) for _ in range(rounds)])
    return percentile(times, 0.95)


@dataclass
class Figures:
    p95: dict[str, float] = field(default_factory=dict)
    cold_overview_ms: float = 0.0
    bytes_: dict[str, int] = field(default_factory=dict)
    first_screen: int | None = None
    ingest_alone: Latencies = field(default_factory=Latencies)
    ingest_busy: Latencies = field(default_factory=Latencies)
    busy_calls: list[float] = field(default_factory=list)
    busy_rate: float = 0.0


async def measure(url: str, options: argparse.Namespace, *, first_screen: bool) -> Figures:
    engine = create_engine(url)
    await upgrade(engine)
    factory = create_session_factory(engine)
    started = time.perf_counter()
    giveaway = await _seeded_giveaway(factory)
    if giveaway is None:
        await seed(factory, options.comments, options.groups)
        giveaway = await seed_dashboard(factory, options.groups)
        print(f"  seeded {options.comments:,} comments in {time.perf_counter() - started:.1f}s")
    else:
        print(f"  reusing the database seeded before (--keep), giveaway #{giveaway}")
    figures = Figures()
    async with serving(factory, url, options.telegram_ms) as served:
        paths = calls(giveaway, GIVEAWAY_FANS - 200)
        figures.cold_overview_ms = await timed_ms(lambda: served.get(paths["overview_90d"]))
        print(f"  overview 90 days, first call (rolls up): {figures.cold_overview_ms:.1f} ms")
        for name, path in {"me (reference)": "/api/me", **paths}.items():
            figures.bytes_[name] = await served.get(path)
            figures.p95[name] = await p95(partial(served.get, path), options.rounds)
            size = figures.bytes_[name] / 1024
            print(f"  p95 {name:22} {figures.p95[name]:8.1f} ms  {size:6.1f} KB", flush=True)
        if first_screen:
            figures.first_screen = await first_screen_bytes(
                served.base, BUSIEST, OPERATORS[0], served.services.now()
            )
            if figures.first_screen is not None:
                print(f"  first screen transferred {figures.first_screen / 1024:.1f} KB")
        first_ids = await _last_message_ids(factory)
        fans = Fans([chat_id(g) for g in range(options.groups)], first_ids)
        ingest = SteadyIngest(factory, fans, rate=options.ingest_rate)
        figures.ingest_alone = await ingest.for_seconds(options.seconds)
        stop = asyncio.Event()
        writing = asyncio.create_task(ingest.run(stop))
        figures.busy_calls = await _hammer(served, list(paths.values()), options)
        figures.busy_rate = options.rate
        stop.set()
        figures.ingest_busy = await writing
    await engine.dispose()
    return figures


async def _seeded_giveaway(factory: async_sessionmaker[AsyncSession]) -> int | None:
    async with factory() as session:
        found = await session.scalar(select(func.max(GiveawayRecord.id)))
        return int(found) if found is not None else None


async def _last_message_ids(factory: async_sessionmaker[AsyncSession]) -> dict[int, int]:
    async with factory() as session:
        rows = await session.execute(
            select(Comment.chat_id, func.max(Comment.message_id)).group_by(Comment.chat_id)
        )
        return {int(chat): int(last) for chat, last in rows.all()}


async def _hammer(served: Served, paths: list[str], options: argparse.Namespace) -> list[float]:
    """`rate` requests a second for `seconds`, each sent on time whatever the others do (an
    open loop: a slow answer does not slow the offered load)."""
    latencies: list[float] = []
    failures: list[str] = []
    started = time.perf_counter()
    total = int(options.rate * options.seconds)
    pending = set()

    async def one(path: str) -> None:
        try:
            latencies.append(await timed_ms(lambda: served.get(path)))
        except RuntimeError:
            failures.append(path)

    for n in range(total):
        await asyncio.sleep(max(0.0, started + n / options.rate - time.perf_counter()))
        task = asyncio.create_task(one(paths[n % len(paths)]))
        pending.add(task)
        task.add_done_callback(pending.discard)
    await asyncio.gather(*pending)
    if failures:
        print(f"  {len(failures)} of {total} dashboard calls failed under the load")
    return latencies


def report(backend: str, figures: Figures) -> None:
    busy = sorted(figures.busy_calls)
    print(
        f"  ingest p95 alone {figures.ingest_alone.p95_ms():.1f} ms "
        f"({len(figures.ingest_alone)} updates), with {figures.busy_rate:g} dashboard "
        f"requests/s {figures.ingest_busy.p95_ms():.1f} ms ({len(figures.ingest_busy)} updates); "
        f"the dashboard's p95 meanwhile {percentile(busy, 0.95):.1f} ms "
        f"(median {statistics.median(busy) if busy else 0:.1f})"
    )


@contextlib.contextmanager
def databases(
    folder: str, wanted: str, keep: str | None
) -> Iterator[dict[str, Callable[[], Awaitable[str]]]]:
    async def sqlite() -> str:
        return f"sqlite+aiosqlite:///{keep or folder + '/dashboard.sqlite3'}"

    urls: dict[str, Callable[[], Awaitable[str]]] = {}
    if wanted in ("sqlite", "both"):
        urls["sqlite"] = sqlite
    with contextlib.ExitStack() as stack:
        if wanted in ("postgresql", "both"):
            if find_bin_dir() is None and wanted == "both":
                print("PostgreSQL: no server binaries, the leg is skipped")
            else:
                try:
                    server = stack.enter_context(running_postgres())
                except PostgresUnavailableError as missing:
                    print(f"PostgreSQL: {missing}; the leg is skipped")
                else:
                    urls["postgresql"] = lambda: fresh_postgres(server, 0)
        yield urls


async def run(options: argparse.Namespace) -> None:
    results: dict[str, Figures] = {}
    with (
        tempfile.TemporaryDirectory(prefix="fanpulse-bench-") as folder,
        databases(folder, options.database, options.keep) as urls,
    ):
        for backend, url in urls.items():
            print(f"{backend}, {options.comments:,} comments over {options.groups} groups:")
            figures = await measure(await url(), options, first_screen=not results)
            report(backend, figures)
            results[backend] = figures
    worst = max(
        value
        for figures in results.values()
        for name, value in figures.p95.items()
        if name != "me (reference)"
    )
    screens = [f.first_screen for f in results.values() if f.first_screen is not None]
    first_kb = f"{screens[0] / 1024:.1f}" if screens else "n/a"
    ingest = max(f.ingest_busy.p95_ms() for f in results.values())
    reference = max(f.ingest_alone.p95_ms() for f in results.values())
    misses = [
        label
        for label, missed in (
            (f"p95 over {P95_TARGET_MS:g} ms", worst > P95_TARGET_MS),
            (
                f"first screen over {FIRST_SCREEN_TARGET_KB:g} KB",
                bool(screens) and screens[0] / 1024 > FIRST_SCREEN_TARGET_KB,
            ),
            (f"ingest p95 over {INGEST_TARGET_MS:g} ms", ingest > INGEST_TARGET_MS),
        )
        if missed
    ]
    print("targets: " + ("all met" if not misses else "missed: " + ", ".join(misses)))
    print(
        f"bench dashboard: p95_ms={worst:.1f} first_screen_kb={first_kb} "
        f"ingest_p95_ms={ingest:.1f} ingest_alone_p95_ms={reference:.1f} "
        f"backends={'+'.join(results)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--rate", type=float, default=50, help="dashboard requests a second")
    parser.add_argument("--ingest-rate", type=float, default=300, help="updates a second")
    parser.add_argument("--seconds", type=float, default=20, help="each ingest leg")
    parser.add_argument("--keep", help="the SQLite file to seed once and reuse")
    parser.add_argument("--telegram-ms", type=float, default=40, help="a Bot API round trip")
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
