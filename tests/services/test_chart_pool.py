"""The chart workers: a worker that dies does not leave every later digest without its chart."""

from __future__ import annotations

import os
import signal

from bot.domain.chart_data import Bar
from bot.services.chart_pool import ChartPool

PNG = b"\x89PNG\r\n\x1a\n"


async def test_a_killed_worker_is_replaced_and_the_chart_still_drawn() -> None:
    pool = ChartPool()
    try:
        first = await pool.render("bar_chart", "Topics", [Bar("cats", 3)])
        assert first.startswith(PNG)
        executor = pool._executor
        assert executor is not None
        for pid in list(executor._processes):  # the worker dies as the OOM killer would do it
            os.kill(pid, signal.SIGKILL)
        again = await pool.render("bar_chart", "话题", [Bar("猫", 3)])
        assert again.startswith(PNG)
        assert pool._executor is not executor
    finally:
        pool.close()
