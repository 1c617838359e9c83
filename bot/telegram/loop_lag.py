"""Event-loop lag: how much later than asked a timer wakes up, i.e. how long the loop was held.

Opt-in (`LOOP_LAG_LOG_SECONDS` > 0): a task sleeps `SAMPLE_INTERVAL` again and again and records
how late each wake-up was. Every window it logs `loop.lag` with the window's sample count and
p50/p95/max in milliseconds (the last, partial window when it stops). A handler or a driver call
that holds the loop for 150 ms shows as one sample of about 150 ms: every update waiting behind
it waited that long too.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass

import structlog

log = structlog.get_logger(__name__)

SAMPLE_INTERVAL = 0.02


@dataclass(frozen=True, slots=True)
class LagWindow:
    samples: int
    p50_ms: float
    p95_ms: float
    max_ms: float


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending sequence (0 when it is empty)."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summarize(lags: Sequence[float]) -> LagWindow:
    """`lags` in seconds; the window in milliseconds, rounded to 0.1 ms."""
    ordered = sorted(lags)
    return LagWindow(
        samples=len(ordered),
        p50_ms=round(percentile(ordered, 0.50) * 1000, 1),
        p95_ms=round(percentile(ordered, 0.95) * 1000, 1),
        max_ms=round((ordered[-1] if ordered else 0.0) * 1000, 1),
    )


def log_window(window: LagWindow) -> None:
    log.info(
        "loop.lag",
        samples=window.samples,
        p50_ms=window.p50_ms,
        p95_ms=window.p95_ms,
        max_ms=window.max_ms,
    )


class LoopLagMonitor:
    def __init__(
        self,
        report_every: float,
        *,
        interval: float = SAMPLE_INTERVAL,
        report: Callable[[LagWindow], None] = log_window,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        if report_every <= 0 or interval <= 0:
            raise ValueError("report_every and interval must be positive")
        self.report_every = report_every
        self.interval = interval
        self.report = report
        self.clock = clock
        self._lags: list[float] = []

    async def run(self) -> None:
        """Sample until cancelled; the samples not yet reported are reported on the way out."""
        window_start = self.clock()
        try:
            while True:
                asked = self.clock()
                await asyncio.sleep(self.interval)
                woke = self.clock()
                self._lags.append(max(0.0, woke - asked - self.interval))
                if woke - window_start >= self.report_every:
                    self._flush()
                    window_start = woke
        finally:
            self._flush()

    def _flush(self) -> None:
        if self._lags:
            self.report(summarize(self._lags))
            self._lags = []


@contextlib.asynccontextmanager
async def logged_loop_lag(report_every: float) -> AsyncIterator[None]:
    """Run a LoopLagMonitor for the duration of the block; nothing at all when 0."""
    if report_every <= 0:
        yield
        return
    task = asyncio.create_task(LoopLagMonitor(report_every).run())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
