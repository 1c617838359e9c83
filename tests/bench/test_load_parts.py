"""bench/load.py's pieces that need no process: the mix, windows, percentiles, the bot's log."""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bench._load_measure import Timeline, max_in_window, percentile, read_bot_log, send_rates
from bench._load_traffic import MIX, kinds_schedule
from bot.emulator.calls import Call
from bot.emulator.updates import UpdateQueue


def test_a_groups_schedule_holds_the_mix_in_a_fixed_order() -> None:
    schedule = kinds_schedule(3)
    assert len(schedule) == 1_000
    assert Counter(schedule) == Counter(MIX)
    assert schedule == kinds_schedule(3)
    assert schedule != kinds_schedule(4)


def test_max_in_window_counts_the_busiest_window() -> None:
    assert max_in_window([], 1.0) == 0
    assert max_in_window([0.0, 0.5, 0.99, 1.0, 1.5], 1.0) == 3
    assert max_in_window([5.0, 0.0, 0.1], 1.0) == 2


def test_percentile_is_nearest_rank() -> None:
    ordered = [float(n) for n in range(1, 101)]
    assert percentile(ordered, 0.95) == 95.0
    assert percentile(ordered, 0.5) == 50.0
    assert percentile([], 0.95) == 0.0


def test_send_rates_count_sends_overall_and_per_group() -> None:
    calls = [Call(n, "sendMessage", {"chat_id": -100}, 100.0 + n * 2) for n in range(25)]
    # -100 gets one message every 2 s: 25 of them within a minute.
    calls += [Call(30, "getUpdates", {}, 100.0), Call(31, "sendPoll", {"chat_id": -200}, 100.1)]
    calls += [Call(32, "sendMessage", {"chat_id": 42}, 100.2, ok=False)]
    rates = send_rates(calls)
    assert rates.sends == 27
    assert rates.failed == 1
    assert rates.max_per_second == 3  # at 100.0, 100.1 and 100.2 (getUpdates is no send)
    assert rates.max_per_group_minute == 25


def test_the_bot_log_gives_lag_after_the_start_and_every_locked_error(tmp_path: Path) -> None:
    start = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

    def entry(at: str, event: str, level: str = "info", **fields: object) -> str:
        return json.dumps({"timestamp": at, "event": event, "level": level, **fields})

    lines = [
        entry("2026-11-28T11:59:59Z", "loop.lag", samples=9, p95_ms=900.0, max_ms=950.0),
        entry("2026-11-28T12:00:10Z", "loop.lag", samples=500, p95_ms=12.5, max_ms=40.0),
        entry("2026-11-28T12:00:20Z", "loop.lag", samples=480, p95_ms=30.0, max_ms=35.0),
        entry(
            "2026-11-28T12:00:21Z",
            "batch.retry",
            "warning",
            error="OperationalError: database is locked",
        ),
        entry("2026-11-28T12:00:22Z", "update.failed", "error"),
        "2026-11-28 12:00:23 WARNING sqlalchemy: (sqlite3.OperationalError) database is locked",
    ]
    path = tmp_path / "bot.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    log = read_bot_log(path, start)

    assert (log.lag_windows, log.lag_samples) == (2, 980)
    assert (log.lag_p95_ms, log.lag_max_ms) == (30.0, 40.0)
    assert log.locked_errors == 2
    assert log.database_retries == 1
    assert log.failed_updates == 1
    assert log.warnings == Counter({"batch.retry": 1, "update.failed": 1})


async def test_the_timeline_times_what_was_queued_while_measuring_until_confirmed() -> None:
    queue = UpdateQueue()
    timeline = Timeline(queue)
    message = {"message_id": 1, "date": 0, "chat": {"id": -1, "type": "supergroup"}, "text": "x"}
    await queue.push_prebuilt("message", message)  # before the load: not timed
    timeline.measuring = True
    start = time.perf_counter()
    for _ in range(3):
        await queue.push_prebuilt("message", message)

    queue.apply_offset(4)  # confirms updates 1 to 3
    latency = timeline.summary(time.perf_counter())

    assert timeline.confirmed == 3
    assert (latency.count, latency.unconfirmed) == (3, 1)  # 2 and 3 confirmed, 4 still waiting
    assert 0 <= latency.p50_ms <= latency.max_ms
    (first_minute,) = timeline.p95_by_minute(start)
    assert first_minute <= latency.max_ms
    assert timeline.p95_by_minute(start - 120)[:2] == [0.0, 0.0]  # nothing queued then


async def test_a_prebuilt_update_respects_allowed_updates() -> None:
    queue = UpdateQueue()
    reaction = {"chat": {"id": -1, "type": "supergroup"}, "message_id": 1, "date": 0}
    assert await queue.push_prebuilt("message_reaction", reaction) is None  # not by default
    assert queue.filtered_count == 1
    queue.set_allowed(["message_reaction"])
    update = await queue.push_prebuilt("message_reaction", reaction)
    assert update == {"update_id": 1, "message_reaction": reaction}
    assert queue.pending == [update]


async def test_confirming_reads_only_the_head_yet_handles_hand_made_ids_out_of_order() -> None:
    queue = UpdateQueue()
    message = {"message_id": 1, "date": 0, "chat": {"id": -1, "type": "supergroup"}, "text": "x"}
    for _ in range(5):
        await queue.push_prebuilt("message", message)
    queue.apply_offset(3)
    assert [u["update_id"] for u in queue.pending] == [3, 4, 5]
    await queue.push_raw({"update_id": 2, "message": message})  # behind the others
    queue.apply_offset(4)
    assert [u["update_id"] for u in queue.pending] == [4, 5]
    assert queue.highest_confirmed == 3
    queue.apply_offset(6)
    assert queue.pending == []
    await queue.push_prebuilt("message", message)
    queue.apply_offset(7)
    assert (queue.pending, queue.highest_confirmed) == ([], 6)
