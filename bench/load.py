"""Load: the real bot process under 50 busy groups, on SQLite and on PostgreSQL.

Run: `python3 tasks.py bench load [--minutes N] [--database sqlite|postgresql|both]`
(also `--groups`, `--rate` per group per minute, `--keep DIR` to keep the bots' logs). The full
run takes about 30 minutes: a 1-minute floor, then each database's start, 10 minutes, drain.

The Bot API emulator runs inside this process; the bot is the real `python -m bot` process
(polling, our durable getUpdates loop) pointed at it. 50 supergroups, the bot an administrator
in each (it sees every message), receive 1,000 updates a minute each: fan comments in English
and Chinese, replies between fans, edits, reactions, votes in a public poll the owner opened
with /poll, and two operator commands a minute (/polls, /tags) that make the bot answer.
Of every 1,000 slots 40 are votes, which Telegram delivers as two updates (poll_answer and the
poll's new tally): 1,040 updates a group a minute, 866 a second in all.

A simulated minute is one minute of wall-clock time: the emulator offers the updates at the
real rate (50 x 1,000 / 60 = 833 a second, update n due at start + n / rate, the groups in
turn), so the latencies below are what fans would see. `--minutes` only shortens the run.
After the load the bench waits up to 2 minutes for the bot to catch up, then stops it (SIGTERM:
it stores and confirms its last batch); what is still unconfirmed is the backlog.

Handler latency of an update: from the moment the emulator queues it (getUpdates can return
it) to the moment the bot's next getUpdates confirms the offset past it. The bot sends that
request only after the batch's transaction committed (ARCHITECTURE section 2), so this is
"available to durable", queueing behind earlier batches included. An update never confirmed
counts as waiting until the bot stopped, so with a backlog the percentiles are lower bounds.

Event-loop lag: the bot runs with LOOP_LAG_LOG_SECONDS (bot/telegram/loop_lag.py): a timer
sampled 50 times a second, its lateness summarised every window in the bot's JSON log. The
figure is the worst p95 of the windows wholly inside the load and its drain (at least the
run's p95), and the max.

Database errors: every "database is locked" in the bot's log (driver errors, batch retries),
batch retries, updates that failed, failed_updates rows. Send rates: the emulator's recorded
send* calls, the most in any 1 s window overall (Telegram: about 30/s) and to one group in
any 60 s window (20/min). Stored vs delivered: the rows each update type writes, against the
updates the bot confirmed; they must be equal (and, once drained, equal to what was offered
for each update type).

CPU per update: the consumer's CPU time (/proc) over the load divided by the updates it
confirmed, and what that means on one free core; with the machine's load average, it tells a
slow bot from a starved one.

In the same run, the reference: the floor leg offers the same traffic to a consumer that only
confirms (bench/_load_floor.py): the emulator path's own latency, for comparison across
commits; and each leg's offered rate against the rate the bot achieved.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from bench._load_floor import FloorProcess
from bench._load_measure import (
    BotLog,
    Latency,
    SendRates,
    Timeline,
    read_bot_log,
    send_rates,
    stored_counts,
)
from bench._load_traffic import Community, Traffic
from bot.demo.process import BotProcess
from bot.devtools.postgres import PostgresStartError, find_bin_dir, running_postgres
from bot.emulator.client import EmulatorClient
from bot.emulator.server import Emulator

GROUPS = 50
PER_GROUP_PER_MINUTE = 1_000
FANS = 400
FLOOR_SECONDS = 60.0
LAG_WINDOW_SECONDS = 10.0
TARGET_P95_MS = 200.0
TARGET_LAG_MS = 100.0
TELEGRAM_PER_SECOND = 30
TELEGRAM_PER_GROUP_MINUTE = 20
UPDATE_TYPES = ("message", "edited_message", "message_reaction", "poll_answer", "poll")


class Consumer(Protocol):
    @property
    def pid(self) -> int: ...

    async def start(self) -> None: ...

    async def stop(self, timeout: float = 20) -> int: ...


@dataclass(frozen=True)
class Load:
    groups: int = GROUPS
    per_group_per_minute: int = PER_GROUP_PER_MINUTE
    fans: int = FANS
    seconds: float = 600.0
    drain_timeout: float = 120.0
    lag_window_seconds: float = LAG_WINDOW_SECONDS


@dataclass
class LegResult:
    name: str
    load: Load
    started_at: datetime
    offered_per_s: float
    achieved_per_s: float
    generator_late_ticks: int
    expected: Counter[str]  # offered updates by type, the set-up's included
    backlog: int  # offered but still unconfirmed when the drain wait ended
    consumer_cpu_ms: float | None  # the consumer process's CPU per update of the load
    emulator_cpu_ms: float  # this process's CPU (emulator, generator) per update
    load_average: tuple[float, float]  # the machine's 1-minute load average, start and end
    load_started: float  # perf_counter
    latency: Latency = field(default_factory=lambda: Latency(0, 0.0, 0.0, 0.0, 0))
    p95_by_minute: list[float] = field(default_factory=list)
    confirmed: int = 0  # every update the consumer confirmed, the set-up's included
    stored: Counter[str] | None = None
    log: BotLog | None = None
    sends: SendRates | None = None

    @property
    def stored_total(self) -> int:
        return sum(self.stored[kind] for kind in UPDATE_TYPES) if self.stored else 0

    @property
    def confirmed_storing(self) -> int:
        """The confirmed updates that store a row: a tap on a preview's Send stores none."""
        return self.confirmed - self.expected["callback_query"]

    @property
    def accounted(self) -> bool:
        """Stored exactly what was confirmed and, once drained, every type as offered."""
        offered = sum(self.expected.values())
        if self.stored is None:
            return self.confirmed == offered
        if self.stored_total != self.confirmed_storing:
            return False
        return self.backlog > 0 or all(
            self.stored[kind] == self.expected[kind] for kind in UPDATE_TYPES
        )


async def until(predicate: Callable[[], bool], timeout: float, what: str) -> float:
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"{what}: not within {timeout:.0f}s")
        await asyncio.sleep(0.02)
    return time.monotonic() - started


def cpu_seconds(pid: int) -> float | None:
    """A child process's user + system CPU time so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_leg(
    name: str,
    load: Load,
    workdir: Path,
    database_url: str | None,
) -> LegResult:
    """One leg: the bot on `database_url`, or the no-op floor consumer when it is None."""
    emulator = Emulator(record_results=False)
    base_url = await emulator.start()
    try:
        timeline = Timeline(emulator.queue)
        community = Community(emulator, load.groups, load.fans)
        log_path = workdir / f"{name}.log"
        consumer: Consumer
        if database_url is None:
            consumer = FloorProcess(base_url, emulator.token, log_path)
        else:
            consumer = BotProcess.against_emulator(
                base_url,
                emulator.token,
                database_url,
                log_path,
                log_format="json",
                loop_lag_log_seconds=str(load.lag_window_seconds),
            )
        await consumer.start()
        try:
            if isinstance(consumer, BotProcess):
                async with EmulatorClient(base_url) as client:
                    await consumer.wait_ready(client, "getUpdates", timeout=120)
            else:
                await until(
                    lambda: bool(emulator.calls.select("getUpdates")), 120, f"{name}: start"
                )
            setup = Counter[str]()
            if database_url is not None:
                await community.open_polls()
                setup["message"] = load.groups
                await until(
                    lambda: community.previews_shown() == load.groups,
                    120,
                    f"{name}: every group's poll preview",
                )
                await community.send_previews()
                setup["callback_query"] = load.groups
                await until(
                    lambda: community.polls_sent() == load.groups and not emulator.queue.pending,
                    120,
                    f"{name}: every group's poll",
                )
                community.adopt_polls()
            result = await _drive(
                name,
                load=load,
                emulator=emulator,
                community=community,
                timeline=timeline,
                consumer=consumer,
                setup=setup,
            )
        finally:
            # The bot confirms its last stored batch on the way out (SIGTERM).
            await consumer.stop()
        result.latency = timeline.summary(time.perf_counter())
        result.p95_by_minute = timeline.p95_by_minute(result.load_started)
        result.confirmed = timeline.confirmed
        if database_url is not None:
            # Only windows wholly inside the load (and its drain): not start-up, not the polls.
            window = timedelta(seconds=load.lag_window_seconds)
            result.log = read_bot_log(log_path, result.started_at + window)
            result.sends = send_rates(emulator.calls.calls)
            chat_ids = [group.chat_id for group in community.groups]
            poll_ids = [group.poll_id for group in community.groups if group.poll_id]
            result.stored = await stored_counts(database_url, chat_ids, poll_ids)
        return result
    finally:
        await emulator.stop()


async def _drive(
    name: str,
    *,
    load: Load,
    emulator: Emulator,
    community: Community,
    timeline: Timeline,
    consumer: Consumer,
    setup: Counter[str],
) -> LegResult:
    traffic = Traffic(community, load.per_group_per_minute)
    confirmed_before = timeline.confirmed
    timeline.measuring = True
    started_at = datetime.now(UTC)
    load_before = os.getloadavg()[0]
    consumer_cpu = cpu_seconds(consumer.pid)
    own_cpu = time.process_time()
    load_started = time.perf_counter()
    started = time.monotonic()
    offered_for = await traffic.run(load.seconds)
    with contextlib.suppress(TimeoutError):
        await until(lambda: not emulator.queue.pending, load.drain_timeout, f"{name}: drain")
    took = time.monotonic() - started
    timeline.measuring = False
    confirmed = timeline.confirmed - confirmed_before
    consumer_after = cpu_seconds(consumer.pid)
    per_update = 1000 / max(1, confirmed)
    return LegResult(
        name=name,
        load=load,
        started_at=started_at,
        offered_per_s=sum(traffic.offered.values()) / offered_for,
        achieved_per_s=confirmed / took,
        generator_late_ticks=traffic.late_ticks,
        expected=traffic.offered + setup,
        backlog=len(emulator.queue.pending),
        consumer_cpu_ms=(
            (consumer_after - consumer_cpu) * per_update
            if consumer_cpu is not None and consumer_after is not None
            else None
        ),
        emulator_cpu_ms=(time.process_time() - own_cpu) * per_update,
        load_average=(load_before, os.getloadavg()[0]),
        load_started=load_started,
    )


# reporting


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def lag_ms(result: LegResult) -> float:
    return result.log.lag_p95_ms if result.log else 0.0


def locked(result: LegResult) -> int:
    return result.log.locked_errors if result.log else 0


def report(result: LegResult, floor: LegResult | None) -> None:
    latency = result.latency
    print(f"\n{result.name}:")
    print(
        f"  rate            offered {result.offered_per_s:,.1f} upd/s, achieved "
        f"{result.achieved_per_s:,.1f} upd/s (confirmed over the load and its drain); "
        f"generator late ticks {result.generator_late_ticks}; backlog {result.backlog:,} "
        f"after a {result.load.drain_timeout:g} s drain"
    )
    consumer = "consumer"
    if result.consumer_cpu_ms is not None:
        capacity = 1000 / result.consumer_cpu_ms if result.consumer_cpu_ms else 0.0
        consumer = (
            f"consumer {result.consumer_cpu_ms:.3f} ms (about {capacity:,.0f} upd/s on a free core)"
        )
    print(
        f"  CPU per update  {consumer}, emulator {result.emulator_cpu_ms:.3f} ms; machine "
        f"load average {result.load_average[0]:.1f} -> {result.load_average[1]:.1f} "
        f"on {os.cpu_count()} cores"
    )
    waiting = ""
    if latency.unconfirmed:
        waiting = f" ({latency.unconfirmed:,} never confirmed: counted until the stop)"
    floor_note = ""
    if floor is not None:
        floor_note = f"  (floor p95 {floor.latency.p95_ms:.1f} ms)"
    print(
        f"  latency         p50 {latency.p50_ms:.1f} ms  p95 {latency.p95_ms:.1f} ms  "
        f"max {latency.max_ms:.1f} ms over {latency.count:,} updates{waiting}{floor_note}  "
        f"p95 < {TARGET_P95_MS:.0f} ms: {verdict(latency.p95_ms < TARGET_P95_MS)}"
    )
    if len(result.p95_by_minute) > 1:
        minutes = " ".join(f"{p95:,.0f}" for p95 in result.p95_by_minute)
        print(f"  p95 by minute   {minutes} ms (by when the update was offered)")
    if result.log is not None:
        log = result.log
        if not log.lag_windows:
            print(
                f"  loop lag        no {result.load.lag_window_seconds:g} s window wholly inside "
                "the load (run longer): FAIL"
            )
        else:
            print(
                f"  loop lag        p95 {log.lag_p95_ms:.1f} ms (worst "
                f"{result.load.lag_window_seconds:g} s window of {log.lag_windows})  "
                f"max {log.lag_max_ms:.1f} ms  "
                f"< {TARGET_LAG_MS:.0f} ms: {verdict(log.lag_p95_ms < TARGET_LAG_MS)}"
            )
        stored_failures = result.stored["failed_updates"] if result.stored else 0
        print(
            f"  database        'database is locked' {log.locked_errors}, batch retries "
            f"{log.database_retries}, failed updates {log.failed_updates} logged / "
            f"{stored_failures} rows  zero locked: {verdict(log.locked_errors == 0)}"
        )
        if log.warnings:
            noted = ", ".join(f"{event} x{count}" for event, count in log.warnings.most_common(8))
            print(f"  log warnings    {noted}")
    if result.sends is not None:
        sends = result.sends
        print(
            f"  sends           {sends.sends} ({sends.failed} failed); max {sends.max_per_second}"
            f" in any 1 s (limit {TELEGRAM_PER_SECOND}): "
            f"{verdict(sends.max_per_second <= TELEGRAM_PER_SECOND)}; max "
            f"{sends.max_per_group_minute} to one group in any 60 s (limit "
            f"{TELEGRAM_PER_GROUP_MINUTE}): "
            f"{verdict(sends.max_per_group_minute <= TELEGRAM_PER_GROUP_MINUTE)}"
        )
    if result.stored is not None:
        rows = "  ".join(
            f"{kind} {result.stored[kind]:,}/{result.expected[kind]:,}" for kind in UPDATE_TYPES
        )
        print(f"  stored/offered  {rows}")
    offered = sum(result.expected.values())
    stored_note = ""
    if result.stored is not None:
        stored_note = f", stored {result.stored_total:,}"
    print(
        f"  accounting      offered {offered:,}, delivered (confirmed) {result.confirmed:,}"
        f"{stored_note}: {verdict(result.accounted)}"
    )


def summary_line(result: LegResult) -> str:
    return (
        f"bench load {result.name}: p95_ms={result.latency.p95_ms:.0f} "
        f"loop_lag_ms={lag_ms(result):.0f} locked_errors={locked(result)}"
    )


def run(name: str, load: Load, workdir: Path, database_url: str | None) -> LegResult:
    print(f"-- {name}: {load.seconds:.0f} s of load ...", flush=True)
    try:
        return asyncio.run(run_leg(name, load, workdir, database_url))
    except Exception:
        log_path = workdir / f"{name}.log"
        if log_path.exists():
            tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            print(f"{name}: the last lines of its log:", *tail, sep="\n  ", file=sys.stderr)
        raise


def postgresql_leg(load: Load, workdir: Path) -> LegResult | str:
    if find_bin_dir() is None:
        return "skipped: no PostgreSQL server binaries (initdb, pg_ctl) found"
    try:
        with running_postgres() as url:
            return run("postgresql", load, workdir, url)
    except PostgresStartError as error:
        return f"skipped: the PostgreSQL server did not start ({error})"


def _stop_on_sigterm(signum: int, frame: object) -> None:
    # Unwinds like Ctrl-C: the bot is stopped, the emulator closed, PostgreSQL removed.
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--groups", type=int, default=GROUPS)
    parser.add_argument(
        "--rate", type=int, default=PER_GROUP_PER_MINUTE, help="updates per group per minute"
    )
    parser.add_argument("--keep", type=Path, help="keep the bots' logs in this directory")
    args = parser.parse_args()
    load = Load(groups=args.groups, per_group_per_minute=args.rate, seconds=args.minutes * 60)
    rate = load.groups * load.per_group_per_minute / 60
    print(
        f"bench load: {load.groups} groups x {load.per_group_per_minute:,} updates/min for "
        f"{args.minutes:g} minute(s) of wall time (about {rate:,.0f} upd/s offered)",
        flush=True,
    )
    results: list[LegResult | tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="fanpulse-load-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        floor_load = Load(
            groups=load.groups,
            per_group_per_minute=load.per_group_per_minute,
            seconds=min(load.seconds, FLOOR_SECONDS),
        )
        floor = run("floor", floor_load, workdir, None)
        report(floor, None)
        if args.database in ("sqlite", "both"):
            sqlite = run("sqlite", load, workdir, f"sqlite+aiosqlite:///{workdir / 'load.sqlite3'}")
            report(sqlite, floor)
            results.append(sqlite)
        if args.database in ("postgresql", "both"):
            outcome = postgresql_leg(load, workdir)
            if isinstance(outcome, str):
                print(f"\npostgresql: {outcome}")
                results.append(("postgresql", outcome))
            else:
                report(outcome, floor)
                results.append(outcome)
    print()
    for result in results:
        if isinstance(result, LegResult):
            print(summary_line(result))
        else:
            print(f"bench load {result[0]}: {result[1]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
