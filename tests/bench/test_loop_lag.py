"""The event-loop lag monitor: a blocked loop shows in its samples, windows are summarised."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.telegram.loop_lag import LagWindow, LoopLagMonitor, logged_loop_lag, summarize


def test_summarize_gives_milliseconds_by_nearest_rank() -> None:
    window = summarize([0.001 * n for n in range(1, 101)])
    assert window == LagWindow(samples=100, p50_ms=50.0, p95_ms=95.0, max_ms=100.0)
    assert summarize([]) == LagWindow(samples=0, p50_ms=0.0, p95_ms=0.0, max_ms=0.0)


async def test_a_blocked_loop_shows_and_the_last_window_is_reported_on_stop() -> None:
    windows: list[LagWindow] = []
    monitor = LoopLagMonitor(3600, interval=0.005, report=windows.append)
    task = asyncio.create_task(monitor.run())
    await asyncio.sleep(0.03)
    time.sleep(0.08)  # holds the loop: the sampler wakes at least this late
    await asyncio.sleep(0.03)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(windows) == 1
    assert windows[0].samples >= 2
    assert windows[0].max_ms >= 70.0


async def test_windows_are_reported_as_they_close() -> None:
    windows: list[LagWindow] = []
    monitor = LoopLagMonitor(0.02, interval=0.005, report=windows.append)
    task = asyncio.create_task(monitor.run())
    while len(windows) < 2:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert all(window.samples >= 1 for window in windows)


async def test_off_means_no_monitor_task() -> None:
    before = len(asyncio.all_tasks())
    async with logged_loop_lag(0):
        assert len(asyncio.all_tasks()) == before
    async with logged_loop_lag(60):
        assert len(asyncio.all_tasks()) == before + 1
    assert len(asyncio.all_tasks()) == before


def test_a_monitor_needs_positive_periods() -> None:
    with pytest.raises(ValueError, match="positive"):
        LoopLagMonitor(0)
