"""bench/load.py's floor: a consumer that does nothing with its updates but confirm them.

`BOT_TOKEN=... python -m bench._load_floor <base_url>` long-polls getUpdates through aiogram as
the bot's delivery loop does (same session, same parsing into Update models, same limit) and
asks for the next batch at once: what remains is the emulator path itself.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import GetUpdates

from bot.emulator.updates import UPDATE_TYPES

POLLING_TIMEOUT = 2


async def consume(base_url: str, token: str) -> None:
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)))
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    offset: int | None = None
    try:
        while not stopping.is_set():
            updates = await bot(
                GetUpdates(
                    offset=offset,
                    limit=100,
                    timeout=POLLING_TIMEOUT,
                    allowed_updates=list(UPDATE_TYPES),  # reactions are not in the default
                ),
                request_timeout=POLLING_TIMEOUT + 15,
            )
            if updates:
                offset = updates[-1].update_id + 1
        if offset is not None:
            await bot(GetUpdates(offset=offset, limit=1, timeout=0))
    finally:
        await bot.session.close()


class FloorProcess:
    """The consumer as a child process, started and stopped like the bot (BotProcess)."""

    def __init__(self, base_url: str, token: str, log_path: Path) -> None:
        self.command = [sys.executable, "-m", "bench._load_floor", base_url]
        self.env = {**os.environ, "BOT_TOKEN": token}
        self.log_path = log_path
        self._process: asyncio.subprocess.Process | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    async def start(self) -> None:
        with self.log_path.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                *self.command,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
                cwd=Path(__file__).resolve().parents[1],
                env=self.env,
            )

    async def stop(self, timeout: float = 20) -> int:
        process = self._process
        assert process is not None
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            process.kill()
            return await process.wait()


if __name__ == "__main__":
    asyncio.run(consume(sys.argv[1], os.environ["BOT_TOKEN"]))
