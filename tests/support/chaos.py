"""Chaos tooling: bot processes forked from a warm launcher, database integrity checks, the log.

`BotLauncher` starts `tests.support.chaos_launcher` once per session (it imports the bot, about
5 s of CPU) and forks a real bot process per `spawn()`, polling within about a second.
`ForkedBot.kill()` is SIGKILL.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.engine import create_engine
from bot.emulator.client import EmulatorClient


class BotLauncher:
    """One launcher process per test session (its imports cost seconds of CPU); each `spawn`
    forks a bot process with the environment it is given. Safe to share between event loops:
    the pipe is driven from worker threads."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start importing now, in the background; the first spawn waits for it."""
        if self._process is None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "tests.support.chaos_launcher"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
        self._process = None

    async def spawn(self, log_path: Path, env: dict[str, str]) -> ForkedBot:
        """A new bot process: `python -m bot run` with exactly `env`, after the imports."""
        log_path.parent.mkdir(parents=True, exist_ok=True)
        answer = await self._ask({"op": "spawn", "log": str(log_path), "env": env})
        return ForkedBot(self, int(answer["pid"]), log_path)

    async def wait(self, pid: int) -> int:
        return int((await self._ask({"op": "wait", "pid": pid}))["code"])

    async def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        return await asyncio.to_thread(self._ask_blocking, request)

    def _ask_blocking(self, request: dict[str, Any]) -> dict[str, Any]:
        self.start()
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        with self._lock:
            process.stdin.write((json.dumps(request) + "\n").encode())
            process.stdin.flush()
            line = process.stdout.readline()
        if not line:
            raise RuntimeError("the chaos launcher exited")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer


class ForkedBot:
    def __init__(self, launcher: BotLauncher, pid: int, log_path: Path) -> None:
        self.launcher = launcher
        self.pid = pid
        self.log_path = log_path
        self.code: int | None = None

    async def kill(self) -> int:
        """SIGKILL: no clean-up of any kind, as in a crash or an OOM kill."""
        if self.code is None:
            os.kill(self.pid, signal.SIGKILL)
            self.code = await self.launcher.wait(self.pid)
        return self.code

    async def stop(self, timeout: float = 20) -> int:
        """SIGTERM, as a service manager would; SIGKILL after `timeout`."""
        if self.code is not None:
            return self.code
        os.kill(self.pid, signal.SIGTERM)
        waiting = asyncio.ensure_future(self.launcher.wait(self.pid))
        try:
            self.code = await asyncio.wait_for(asyncio.shield(waiting), timeout)
        except TimeoutError:
            os.kill(self.pid, signal.SIGKILL)
            self.code = await waiting
        return self.code

    async def wait_ready(
        self, emulator: EmulatorClient, method: str, after: int, timeout: float = 60
    ) -> None:
        """Until the bot made a `method` call beyond the first `after` of them."""
        deadline = time.monotonic() + timeout
        while len(await emulator.calls(method)) <= after:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the bot did not call {method} in {timeout}s; {self.log_path}")
            await asyncio.sleep(0.05)


async def integrity_problems(database_url: str) -> list[str]:
    """What is wrong with the database's physical and referential integrity ([] when sound).

    SQLite: PRAGMA integrity_check and foreign_key_check. PostgreSQL keeps its own pages sound
    (WAL) and enforces foreign keys as it writes. On both, the rows that reference others and
    the invariants between tables are checked by query.
    """
    url = make_url(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            problems: list[str] = []
            if url.get_backend_name() == "sqlite":
                checked = await connection.exec_driver_sql("PRAGMA integrity_check")
                pages = [str(row[0]) for row in checked]
                problems += [] if pages == ["ok"] else pages
                orphans = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                problems += [f"foreign key: {tuple(row)}" for row in orphans]
            for name, query in ORPHAN_QUERIES.items():
                if count := int(await connection.scalar(text(query)) or 0):
                    problems.append(f"{name}: {count} rows")
            return problems
    finally:
        await engine.dispose()


ORPHAN_QUERIES = {
    "comments without their chat": (
        "SELECT count(*) FROM comments c LEFT JOIN chats h ON h.id = c.chat_id WHERE h.id IS NULL"
    ),
    "comment versions without their comment": (
        "SELECT count(*) FROM comment_versions v LEFT JOIN comments c"
        " ON c.chat_id = v.chat_id AND c.message_id = v.message_id WHERE c.id IS NULL"
    ),
    "giveaway entries without their giveaway": (
        "SELECT count(*) FROM giveaway_entries e LEFT JOIN giveaways g ON g.id = e.giveaway_id"
        " WHERE g.id IS NULL"
    ),
    "edit counts that disagree with the stored versions": (
        "SELECT count(*) FROM comments c WHERE c.edit_count <> (SELECT count(*) FROM"
        " comment_versions v WHERE v.chat_id = c.chat_id AND v.message_id = c.message_id)"
    ),
}


def log_events(log_path: Path, event: str) -> list[str]:
    """The log lines of one structlog event (console format: the event name is a word)."""
    if not log_path.exists():
        return []
    lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if f" {event} " in f"{line} "]
