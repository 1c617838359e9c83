"""Webhook mode: aiohttp receives updates; 200 only after the update's writes are durable."""

from __future__ import annotations

import hmac
import json

import structlog
from aiogram import Bot
from aiohttp import web

from bot.telegram.batch_store import BatchNotStored
from bot.telegram.group_commit import GroupCommitter
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
        self, bot: Bot, processor: UpdateProcessor, committer: GroupCommitter, secret: str
    ) -> None:
        self.bot = bot
        self.processor = processor
        self.committer = committer
        self.secret = secret.encode()

    def application(self, path: str) -> web.Application:
        app = web.Application()
        app.router.add_post(path, self.handle)
        app.router.add_get("/healthz", self.health)
        return app

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
        writes = await self.processor.process_json(payload)
        try:
            await self.committer.submit(writes)
        except BatchNotStored:
            return web.Response(status=503, text="not stored, retry")
        return web.Response(status=200)

    async def health(self, _request: web.Request) -> web.Response:
        return web.json_response({"ok": True})
