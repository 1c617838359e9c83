"""Webhook mode: aiohttp receives updates; 200 only after the update's writes are durable."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json

import structlog
from aiogram import Bot
from aiohttp import web

from bot.telegram.batch_store import BatchNotStored
from bot.telegram.group_commit import GroupCommitter
from bot.telegram.lanes import ChatLanes
from bot.telegram.processing import UpdateProcessor

log = structlog.get_logger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates nest a dozen levels at most (a reply's pinned message's entities); what
# nests far deeper is not an update, and would exhaust the recursion of whatever reads it next.
MAX_NESTING = 64


def nesting_exceeds(document: object, limit: int) -> bool:
    """Whether lists and objects nest deeper than `limit` (walked without recursion)."""
    stack: list[tuple[object, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth >= limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return False


class WebhookReceiver:
    def __init__(
        self,
        bot: Bot,
        processor: UpdateProcessor,
        committer: GroupCommitter,
        secret: str,
        lanes: ChatLanes | None = None,
    ) -> None:
        self.bot = bot
        self.processor = processor
        self.committer = committer
        self.secret = secret.encode()
        self.lanes = lanes or ChatLanes(processor)
        self._forwarding: asyncio.Task[None] | None = None

    def application(self, path: str) -> web.Application:
        app = web.Application()
        app.router.add_post(path, self.handle)
        app.router.add_get("/healthz", self.health)
        app.on_startup.append(self._start_forwarding)
        app.on_cleanup.append(self._stop_forwarding)
        return app

    async def _start_forwarding(self, _app: web.Application) -> None:
        self._forwarding = asyncio.create_task(self._forward_settled(), name="webhook-settled")

    async def _stop_forwarding(self, _app: web.Application) -> None:
        if self._forwarding is not None:
            self._forwarding.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._forwarding
        await self.lanes.close()
        await self._store_settled()

    async def _forward_settled(self) -> None:
        """Parked updates were answered 200 already: what they write once finished is stored
        here (if that fails, their parking row keeps them in failed_updates)."""
        while True:
            await self.lanes.wait_settled()
            await self._store_settled()

    async def _store_settled(self) -> None:
        settled = self.lanes.settled()
        results = await asyncio.gather(
            *(self.committer.submit(writes) for writes in settled), return_exceptions=True
        )
        for writes, result in zip(settled, results, strict=True):
            if isinstance(result, Exception):
                log.error("webhook.settled_not_stored", update_id=writes.update_id)

    async def handle(self, request: web.Request) -> web.Response:
        # aiohttp hands undecodable header bytes over as surrogates: compared as the bytes sent,
        # a header that is not UTF-8 is simply a wrong secret.
        presented = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(presented, self.secret):
            return web.Response(status=401, text="unauthorized")
        try:
            payload = await request.json(loads=json.loads)
        except (ValueError, RecursionError) as error:
            payload, reason = None, f"{type(error).__name__}: {str(error)[:500]}"
        else:
            reason = "no integer update_id"
            if nesting_exceeds(payload, MAX_NESTING):
                payload, reason = None, f"nested deeper than {MAX_NESTING}"
        if not isinstance(payload, dict) or type(payload.get("update_id")) is not int:
            # Telegram would retry a 5xx forever; a body that is not an update never will be one.
            log.warning("webhook.bad_update", error=reason)
            return web.Response(status=400, text="bad update")
        # Answered once stored, or once parked if it runs long: a slow update is not retried
        # by Telegram into a second freeze (bot/telegram/lanes.py).
        (writes,) = await self.lanes.process([payload])
        try:
            await self.committer.submit(writes)
        except BatchNotStored:
            return web.Response(status=503, text="not stored, retry")
        return web.Response(status=200)

    async def health(self, _request: web.Request) -> web.Response:
        return web.json_response({"ok": True})
