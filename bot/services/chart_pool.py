"""Charts drawn in a small pool of worker processes, off the event loop and off its GIL: a
chart in a thread still held the loop up to 0.87 s during the 09:00 fan-out (issue 21).

The pool starts on the first chart (a bot that never draws one never pays for it), its workers
are fresh interpreters (spawn: nothing of the bot's state, threads or connections is copied),
and `close()` at shutdown stops them. `max_workers` stays small so the workers never take the
cores ingest runs on.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from bot.domain.chart_jobs import draw


class ChartPool:
    def __init__(self, max_workers: int = 1) -> None:
        self._max_workers = max_workers
        self._executor: ProcessPoolExecutor | None = None

    async def render(self, kind: str, *args: Any, **kwargs: Any) -> bytes:
        """The PNG of chart `kind` (bot/domain/chart_jobs.py) drawn in a worker."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._started(), draw, kind, args, kwargs)
        except BrokenProcessPool:
            # A worker that died (killed, out of memory) breaks the executor for good: without a
            # fresh one every later digest would go out without its chart. One more try.
            self._discard()
            return await loop.run_in_executor(self._started(), draw, kind, args, kwargs)

    def _started(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self._max_workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        return self._executor

    def _discard(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _exit_with_parent(parent: int) -> None:
    """In the worker: a bot process killed with SIGKILL runs no shutdown, and its idle workers
    would wait on their queue for ever; each holds about 90 MB."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
