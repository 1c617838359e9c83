"""A fake drand relay (aiohttp) and synthetic rounds that pass the randomness check."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field

from aiohttp import web

# The League of Entropy mainnet chain.
GENESIS = 1_595_431_050
PERIOD = 30


def synthetic_round(number: int) -> dict[str, object]:
    signature = hashlib.sha512(f"round {number}".encode()).digest() + bytes(32)
    return {
        "round": number,
        "randomness": hashlib.sha256(signature).hexdigest(),
        "signature": signature.hex(),
    }


@dataclass
class FakeRelay:
    rounds: dict[int, dict[str, object]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    status: int = 200
    delay: float = 0.0
    body: str | None = None

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/info", self.info)
        app.router.add_get("/public/latest", self.latest)
        app.router.add_get("/public/{round}", self.round)
        return app

    async def info(self, request: web.Request) -> web.Response:
        return await self.answer(request, {"genesis_time": GENESIS, "period": PERIOD, "hash": "x"})

    async def latest(self, request: web.Request) -> web.Response:
        return await self.answer(request, self.rounds[max(self.rounds)])

    async def round(self, request: web.Request) -> web.Response:
        number = int(request.match_info["round"])
        if number not in self.rounds:
            self.requests.append(request.path)
            return web.json_response({"error": "not found"}, status=404)
        return await self.answer(request, self.rounds[number])

    async def answer(self, request: web.Request, payload: object) -> web.Response:
        self.requests.append(request.path)
        await asyncio.sleep(self.delay)
        if self.body is not None:
            return web.Response(text=self.body, content_type="application/json")
        return web.json_response(payload, status=self.status)
