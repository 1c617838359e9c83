"""The real `python -m bot` process, started against a Bot API (the emulator) for demo and tests."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path
from typing import IO

from bot.emulator.client import EmulatorClient, Json


class BotProcess:
    def __init__(self, env: dict[str, str], log_path: Path, command: str = "run") -> None:
        self.env = env
        self.log_path = log_path
        self.command = command
        self._process: asyncio.subprocess.Process | None = None
        self._log: IO[bytes] | None = None

    @classmethod
    def against_emulator(
        cls,
        base_url: str,
        token: str,
        database_url: str,
        log_path: Path,
        **settings: str,
    ) -> BotProcess:
        env = {key: value for key, value in os.environ.items() if not key.startswith("FANPULSE_")}
        for key in ("BOT_TOKEN", "DATABASE_URL", "MODE", "WEBHOOK_URL", "WEBHOOK_SECRET"):
            env.pop(key, None)
        env.update(
            BOT_TOKEN=token,
            TELEGRAM_API_BASE=base_url,
            DATABASE_URL=database_url,
            POLLING_TIMEOUT="2",
            LOG_FORMAT="console",
            LOG_LEVEL="INFO",
            PYTHONUNBUFFERED="1",
        )
        env.update({key.upper(): value for key, value in settings.items()})
        return cls(env, log_path)

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    async def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            self.command,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=self._log,
            stderr=asyncio.subprocess.STDOUT,
        )

    async def wait_ready(self, emulator: EmulatorClient, method: str, timeout: float = 60) -> None:
        """Until the bot has called `method` (getUpdates when polling, setWebhook otherwise)."""
        already = len(await emulator.calls(method))
        deadline = time.monotonic() + timeout
        while len(await emulator.calls(method)) <= already:
            if self._process is not None and self._process.returncode is not None:
                raise RuntimeError(f"the bot exited early; see {self.log_path}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the bot did not call {method} within {timeout}s")
            await asyncio.sleep(0.1)

    async def stop(self, timeout: float = 20) -> int:
        """SIGTERM, as a service manager would; the bot confirms its last batch and exits."""
        process = self._process
        assert process is not None
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            process.kill()
            code = await process.wait()
        self._close_log()
        return code

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as in a crash or an OOM kill."""
        process = self._process
        assert process is not None
        if process.returncode is None:
            process.kill()
        await process.wait()
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None


async def wait_until_delivered(emulator: EmulatorClient, timeout: float = 60) -> None:
    """Until the bot confirmed every update the emulator holds (nothing pending any more)."""
    deadline = time.monotonic() + timeout
    while (await emulator.state())["pending_update_count"]:
        if time.monotonic() > deadline:
            raise TimeoutError("the bot did not confirm every update in time")
        await asyncio.sleep(0.1)


async def bot_messages(emulator: EmulatorClient, chat_id: int, bot_id: int) -> list[Json]:
    """What the bot has posted in a chat so far, oldest first."""
    return [m for m in await emulator.messages(chat_id) if m.get("from", {}).get("id") == bot_id]
