"""A Bot API session that answers from a script of raw HTTP replies.

Replies go through aiogram's own `check_response`, so a scripted 429 or 403 turns into exactly
the exception a real server would cause, and `BaseSession.__call__` runs the real middleware
chain. Every request is recorded with the (fake) time it reached the transport.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import SendMediaGroup, TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp import ClientResponseError, RequestInfo
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
MESSAGE_DATE = 1_700_000_000


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any] | str


@dataclass(frozen=True)
class NetworkFailure:
    """The transport fails the way aiohttp does, with the request URL in its message."""

    status: int = 502


Scripted = Reply | NetworkFailure


def ok(result: Any) -> Reply:
    return Reply(200, {"ok": True, "result": result})


def failure(status: int, description: str, **parameters: int) -> Reply:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Reply(status, body)


def flood(retry_after: int) -> Reply:
    return failure(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


def migrated(new_chat_id: int) -> Reply:
    return failure(
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=new_chat_id,
    )


@dataclass(frozen=True)
class Call:
    method: TelegramMethod[Any]
    at: float

    @property
    def api_method(self) -> str:
        return self.method.__api_method__

    @property
    def chat_id(self) -> Any:
        return getattr(self.method, "chat_id", None)


class ScriptedSession(BaseSession):
    """Replies queued for a chat are used first, then the shared queue, then a plain success."""

    def __init__(self, clock: Callable[[], float] = lambda: 0.0) -> None:
        super().__init__()
        self.clock = clock
        self.calls: list[Call] = []
        self._replies: dict[Any, deque[Scripted]] = {}
        self._next_message_id = 1

    def queue(self, *replies: Scripted, chat_id: int | str | None = None) -> None:
        self._replies.setdefault(chat_id, deque()).extend(replies)

    def calls_to(self, api_method: str) -> list[Call]:
        return [call for call in self.calls if call.api_method == api_method]

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        await asyncio.sleep(0)  # a real request suspends at least once
        self.calls.append(Call(method, self.clock()))
        reply = self._next_reply(method)
        if isinstance(reply, NetworkFailure):
            raise self._network_error(bot, method, reply)
        body = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
        response = self.check_response(bot, method, reply.status, body)
        return cast(TelegramType, response.result)

    async def close(self) -> None:
        return None

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("no file downloads in these tests")
        yield b""  # pragma: no cover

    def _next_reply(self, method: TelegramMethod[Any]) -> Scripted:
        for key in (getattr(method, "chat_id", None), None):
            replies = self._replies.get(key)
            if replies:
                return replies.popleft()
        return self._success(method)

    def _success(self, method: TelegramMethod[Any]) -> Reply:
        api_method = method.__api_method__
        if api_method == "getUpdates":
            return ok([])
        if isinstance(method, SendMediaGroup):
            return ok([self._message(method) for _ in method.media])
        returning = str(method.__returning__)
        if "Message" in returning:
            return ok(self._message(method))
        if returning == str(bool):
            return ok(True)
        raise AssertionError(f"script a reply for {api_method}")

    def _message(self, method: TelegramMethod[Any]) -> dict[str, Any]:
        chat_id = int(getattr(method, "chat_id", 0))
        message_id, self._next_message_id = self._next_message_id, self._next_message_id + 1
        kind = "private" if chat_id > 0 else "supergroup"
        return {
            "message_id": message_id,
            "date": MESSAGE_DATE,
            "chat": {"id": chat_id, "type": kind},
            "text": str(getattr(method, "text", "") or ""),
        }

    def _network_error(
        self, bot: Bot, method: TelegramMethod[Any], reply: NetworkFailure
    ) -> TelegramNetworkError:
        url = URL(self.api.api_url(token=bot.token, method=method.__api_method__))
        headers = CIMultiDictProxy(CIMultiDict[str]())
        cause = ClientResponseError(
            RequestInfo(url, "POST", headers, url), (), status=reply.status, message="Bad Gateway"
        )
        # Exactly what aiogram's AiohttpSession raises for a ClientError.
        error = TelegramNetworkError(method=method, message=f"{type(cause).__name__}: {cause}")
        error.__cause__ = cause
        return error


def make_bot(session: ScriptedSession) -> Bot:
    return Bot(token=TOKEN, session=session)
