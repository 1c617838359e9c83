"""An aiogram session for a Bot API server on loopback (the emulator)."""

from __future__ import annotations

from aiogram.client.session.aiohttp import AiohttpSession


class LoopbackSession(AiohttpSession):
    """aiogram waits 250 ms on close for TLS shutdowns; plain loopback HTTP needs none."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
