"""The aiohttp app that answers like api.telegram.org, plus the Emulator that owns it."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from aiohttp import web
from pydantic import BaseModel

from bot.emulator import control
from bot.emulator.calls import Call, CallLog
from bot.emulator.control import EMULATOR_KEY
from bot.emulator.errors import TelegramError, bad_request, not_found, unauthorized
from bot.emulator.events import Events
from bot.emulator.faults import Faults
from bot.emulator.methods import HANDLERS, Backend
from bot.emulator.requests import Upload, read_request, validate
from bot.emulator.updates import UpdateQueue
from bot.emulator.webhook import WebhookDelivery
from bot.emulator.world import World, dump, make_token

logger = logging.getLogger(__name__)


def to_json(result: Any) -> Any:
    if isinstance(result, BaseModel):
        return dump(result)
    if isinstance(result, list):
        return [to_json(item) for item in result]
    return result


def _recorded_params(fields: dict[str, Any], files: dict[str, Upload]) -> dict[str, Any]:
    params = dict(fields)
    for key in ("chat_id", "user_id", "message_id"):
        value = params.get(key)
        if isinstance(value, str) and value.lstrip("-").isdigit():
            params[key] = int(value)
    for name, upload in files.items():
        params[f"attach://{name}"] = {"filename": upload.filename, "size": len(upload.content)}
    return params


class Emulator:
    """A local Bot API: `base_url = await emulator.start()`, then point aiogram at base_url."""

    def __init__(
        self,
        *,
        bot_id: int = 7_000_000_001,
        bot_username: str = "fanpulse_test_bot",
        bot_first_name: str = "fanpulse",
        can_read_all_group_messages: bool = False,
        first_update_id: int = 1,
        webhook_retry_min: float = 0.2,
        webhook_retry_max: float = 1.0,
        webhook_timeout: float = 10.0,
        record_results: bool = True,
    ) -> None:
        self.record_results = record_results
        self._identity = {
            "bot_id": bot_id,
            "bot_username": bot_username,
            "bot_first_name": bot_first_name,
            "can_read_all_group_messages": can_read_all_group_messages,
        }
        self._first_update_id = first_update_id
        self._webhook_settings = (webhook_retry_min, webhook_retry_max, webhook_timeout)
        self.faults = Faults()
        self.calls = CallLog()
        self._build_state()
        self.app = web.Application(client_max_size=60 * 1024 * 1024)
        self.app[EMULATOR_KEY] = self
        self.app.router.add_route("*", "/bot{token}/{method}", self._api)
        self.app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        control.setup(self.app)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    def _build_state(self) -> None:
        self.world = World(**self._identity)  # type: ignore[arg-type]
        self.queue = UpdateQueue(self._first_update_id)
        self.events = Events(self.world, self.queue)
        retry_min, retry_max, timeout = self._webhook_settings
        self.webhook = WebhookDelivery(
            self.queue, self._webhook_reply, retry_min, retry_max, timeout
        )
        self.backend = Backend(self.world, self.queue, self.webhook, self.events)

    @property
    def token(self) -> str:
        """A token the emulator accepts: `<bot_id>:<35 characters>`."""
        return make_token(self.world.bot_id)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        bound_port = sockets[0].getsockname()[1] if sockets else port
        self.base_url = f"http://{host}:{bound_port}"
        return self.base_url

    async def stop(self) -> None:
        await self.webhook.stop()
        await self.queue.notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def reset(self) -> None:
        """Forget everything: chats, users, updates, calls, faults, the webhook."""
        await self.webhook.stop()
        self.faults.clear()
        self.calls.clear()
        self._build_state()

    # the Bot API

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        call: Call | None = None
        try:
            if not self.world.token_matches(request.match_info["token"]):
                raise unauthorized()
            fields, files = await read_request(request)
            call = self.calls.start(method, _recorded_params(fields, files))
            fault = self.faults.take(method)
            if fault is not None:
                if fault.delay > 0:
                    await asyncio.sleep(fault.delay)
                if fault.drop_connection:
                    call.error = {"status": None, "description": "connection dropped"}
                    return _drop(request)
                if (error := fault.error()) is not None:
                    raise error
            result = await self.execute(method, fields, files, call)
        except TelegramError as error:
            if call is not None:
                call.ok = False
                call.error = error.envelope()
            return web.json_response(error.envelope(), status=error.status)
        return web.json_response({"ok": True, "result": result})

    async def execute(
        self,
        method: str,
        fields: dict[str, Any],
        files: dict[str, Upload],
        call: Call | None = None,
    ) -> Any:
        """Run one Bot API method; raises TelegramError with the real envelope on failure."""
        parsed, decoded = validate(method, fields, files)
        if call is not None:
            call.params = _recorded_params(decoded, files)
        handler = HANDLERS.get(method.lower())
        if handler is None:
            raise bad_request(f"method {method} is not implemented by the emulator")
        result = to_json(await handler(self.backend, parsed, files))
        json.dumps(result)  # aiogram's Default(...) placeholders must never reach an answer
        if call is not None:
            call.ok = True
            call.result = result if self.record_results else None
        return result

    async def _webhook_reply(
        self, method: str, fields: dict[str, Any], files: dict[str, Upload]
    ) -> None:
        call = self.calls.start(method, _recorded_params(fields, files))
        try:
            await self.execute(method, fields, files, call)
        except TelegramError as error:
            call.ok = False
            call.error = error.envelope()

    async def _file(self, request: web.Request) -> web.StreamResponse:
        if not self.world.token_matches(request.match_info["token"]):
            error = unauthorized()
            return web.json_response(error.envelope(), status=error.status)
        stored = self.world.file_by_path(request.match_info["path"])
        if stored is None:
            error = not_found()
            return web.json_response(error.envelope(), status=error.status)
        return web.Response(
            body=stored.content, content_type=stored.mime_type or "application/octet-stream"
        )


def _drop(request: web.Request) -> web.StreamResponse:
    """Close the socket without an answer: the client sees a dropped connection."""
    transport = request.transport
    if transport is not None:
        transport.abort()
    raise asyncio.CancelledError
