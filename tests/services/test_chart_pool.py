"""The chart workers: a worker that dies does not leave every later digest without its chart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

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


def test_the_workers_of_a_killed_bot_process_exit(tmp_path: Path) -> None:
    script = tmp_path / "bot_process.py"
    script.write_text(
        "import asyncio, os, sys\n"
        "from bot.domain.chart_data import Bar\n"
        "from bot.services.chart_pool import ChartPool\n"
        "async def main():\n"
        "    pool = ChartPool()\n"
        "    await pool.render('bar_chart', 'T', [Bar('a', 1)])\n"
        "    print(*pool._executor._processes, flush=True)\n"
        "    await asyncio.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    asyncio.run(main())\n"
    )
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True) as bot:
        assert bot.stdout is not None
        workers = [int(pid) for pid in bot.stdout.readline().split()]
        assert workers
        bot.kill()  # SIGKILL: no shutdown runs in the bot process
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # an exited child of ours not yet reaped is a zombie
        return stat.read().split(") ")[1][0] != "Z"
