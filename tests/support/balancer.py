"""A round-robin HTTP load balancer for the multi-instance tests (aiohttp, loopback).

Each request goes to the next backend in turn, with its path, body and headers (the webhook
secret among them); the backend's status, headers and body come back unchanged. A backend
that refuses the connection (a killed instance) is skipped for that request, as nginx's
`proxy_next_upstream error` would; when every backend refuses, the answer is 502 and the
sender (the emulator, like Telegram) retries later.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

# Hop-by-hop headers belong to one connection, not to the message being forwarded.
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade"}
)


@dataclass
class RoundRobinBalancer:
    backends: list[str]
    forwarded: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)
    _next: int = 0
    _runner: web.AppRunner | None = None
    _session: aiohttp.ClientSession | None = None

    async def start(self, port: int, host: str = "127.0.0.1") -> str:
        """Listen on host:port; return the base URL to give out instead of the backends'."""
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        return f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._session is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        for _ in range(len(self.backends)):
            backend = self._pick()
            try:
                async with self._session.request(
                    request.method, backend + request.rel_url.path_qs, data=body, headers=headers
                ) as answer:
                    payload = await answer.read()
                    self.forwarded[backend] += 1
                    return web.Response(
                        status=answer.status,
                        body=payload,
                        headers={
                            k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP
                        },
                    )
            except aiohttp.ClientConnectionError:
                self.refused[backend] += 1
        return web.Response(status=502, text="no backend answered")

    def _pick(self) -> str:
        backend = self.backends[self._next % len(self.backends)]
        self._next += 1
        return backend
