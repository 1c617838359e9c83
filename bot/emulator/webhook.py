"""Webhook delivery: POST each pending update until the receiver answers 2xx, in order."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.emulator.requests import Upload, read_multipart
from bot.emulator.updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ReplyHandler = Callable[[str, dict[str, Any], dict[str, Upload]], Awaitable[None]]


@dataclass
class WebhookConfig:
    url: str
    secret_token: str | None = None
    max_connections: int = 1


@dataclass
class Attempt:
    update_id: int
    url: str
    timestamp: float
    status: int | None
    error: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "update_id": self.update_id,
            "url": self.url,
            "timestamp": self.timestamp,
            "status": self.status,
            "error": self.error,
        }


@dataclass
class WebhookDelivery:
    """While a webhook is set, workers push pending updates; a failure keeps the update queued."""

    queue: UpdateQueue
    on_reply: ReplyHandler
    retry_min: float = 0.2
    retry_max: float = 1.0
    request_timeout: float = 10.0
    config: WebhookConfig | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None
    attempts: list[Attempt] = field(default_factory=list)
    _workers: list[asyncio.Task[None]] = field(default_factory=list)
    _busy: set[int] = field(default_factory=set)
    _session: aiohttp.ClientSession | None = None

    async def set(self, config: WebhookConfig) -> None:
        await self.stop()
        self.config = config
        self.queue.webhook_active = True
        self._session = aiohttp.ClientSession()
        self._workers = [
            asyncio.create_task(self._work(config), name=f"webhook-{n}")
            for n in range(max(1, config.max_connections))
        ]

    async def delete(self) -> None:
        await self.stop()
        self.config = None
        self.queue.webhook_active = False
        self.last_error_date = None
        self.last_error_message = None

    async def stop(self) -> None:
        for task in self._workers:
            task.cancel()
        for task in self._workers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._workers = []
        self._busy.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _work(self, config: WebhookConfig) -> None:
        while True:
            update = await self.queue.next_undelivered(self._busy)
            update_id = int(update["update_id"])
            self._busy.add(update_id)
            try:
                delay = self.retry_min
                while not await self._post(config, update):
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, self.retry_max)
                await self.queue.remove(update_id)
            finally:
                self._busy.discard(update_id)

    async def _post(self, config: WebhookConfig, update: dict[str, Any]) -> bool:
        assert self._session is not None
        headers = {SECRET_HEADER: config.secret_token} if config.secret_token else {}
        status: int | None = None
        error: str | None = None
        try:
            async with self._session.post(
                config.url,
                json=update,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self.request_timeout),
            ) as response:
                status = response.status
                if 200 <= status < 300:
                    await self._reply(response)
                else:
                    error = f"Wrong response from the webhook: {status} {response.reason}"
        except TimeoutError:
            error = "Connection timed out"
        except aiohttp.ClientError as exc:
            error = _connection_error(exc)
        self.attempts.append(Attempt(update["update_id"], config.url, time.time(), status, error))
        if error is not None:
            self.last_error_date = int(time.time())
            self.last_error_message = error
            return False
        return True

    async def _reply(self, response: aiohttp.ClientResponse) -> None:
        """Telegram executes a method call sent back in the webhook response body."""
        content_type = response.headers.get("Content-Type", "")
        if content_type.startswith("multipart/"):
            fields, files = await read_multipart(
                aiohttp.MultipartReader(response.headers, response.content)
            )
        elif "json" in content_type:
            try:
                body = await response.json()
            except ValueError:
                return
            if not isinstance(body, dict):
                return
            fields, files = dict(body), {}
        else:
            return
        method = fields.pop("method", None)
        if isinstance(method, str) and method:
            await self.on_reply(method, fields, files)

    def info(self) -> dict[str, Any]:
        config = self.config
        return {
            "url": config.url if config else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.pending),
            "ip_address": "127.0.0.1" if config else None,
            "last_error_date": self.last_error_date,
            "last_error_message": self.last_error_message,
            "max_connections": config.max_connections if config else None,
            "allowed_updates": self.queue.allowed_explicit if config else None,
        }


def _connection_error(exc: aiohttp.ClientError) -> str:
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "Connection refused"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "Connection closed unexpectedly"
    return f"Connection error: {type(exc).__name__}"
