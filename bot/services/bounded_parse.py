"""Reading what strangers upload, off the event loop and within a budget (issue 20, Critical).

A thread is not enough: the GIL lets one long regex or XML walk starve the loop every group
shares, and a thread cannot be stopped. Each parse runs in a child process forked from a clean
fork server (never from the bot's own threads and loop), with a wall-clock deadline, a CPU limit
and an address-space limit; a parse over budget is killed and reported as `ParseBudgetExceeded`.
The parsing function must be importable by name (a module-level function) and its result and
exceptions picklable.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

PARSE_DEADLINE_S = 30.0
PARSE_MEMORY_BYTES = 2 * 1024**3
# The parsers the workers need, imported once in the fork server rather than in every child.
PRELOAD = ("bot.domain.video_metrics_import", "bot.domain.history")

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(list(PRELOAD))


class ParseBudgetExceeded(Exception):
    """The file needed more time or memory than a file of its kind may take to read."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"not read within {seconds:g} s")
        self.seconds = seconds


async def parse_bounded(
    function: Callable[..., T],
    *args: Any,
    deadline: float = PARSE_DEADLINE_S,
    memory: int = PARSE_MEMORY_BYTES,
    **kwargs: Any,
) -> T:
    """`function(*args, **kwargs)` in a worker process; its exceptions are raised here."""
    return await asyncio.to_thread(_run, function, args, kwargs, deadline, memory)


def _run(
    function: Callable[..., T],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    deadline: float,
    memory: int,
) -> T:
    receiver, sender = _context.Pipe(duplex=False)
    worker = _context.Process(
        target=_work, args=(sender, (function, args, kwargs), (deadline, memory)), daemon=True
    )
    worker.start()
    sender.close()
    try:
        if not receiver.poll(deadline):
            raise ParseBudgetExceeded(deadline)
        try:
            failed, value = receiver.recv()
        except EOFError:  # killed by its CPU or memory limit
            raise ParseBudgetExceeded(deadline) from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if failed:
        raise value
    result: T = value
    return result


def _work(
    sender: Connection,
    job: tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]],
    limits: tuple[float, int],
) -> None:
    function, args, kwargs = job
    deadline, memory = limits
    cpu = math.ceil(deadline)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        outcome: tuple[bool, object] = (False, function(*args, **kwargs))
    except MemoryError:
        return
    except Exception as error:  # noqa: BLE001 - the caller raises it, as if it ran there
        outcome = (True, error)
    sender.send(outcome)
