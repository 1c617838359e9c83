"""The webhook before anything is stored (issue 20, Low): a secret header that is not UTF-8 is a
wrong secret (401), a body nested far deeper than any update is not an update (400); neither is
a 500, which Telegram would retry forever. A real update still gets 200."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.telegram.group_commit import GroupCommitter
from bot.telegram.webhook import SECRET_HEADER, WebhookReceiver
from tests.support import updates as u
from tests.support.cast import FAN, VICTIM
from tests.support.pipeline import Pipeline

SECRET = "webhook-secret-0123456789"
PATH = "/telegram/webhook"


@pytest.fixture
async def port(session_factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[int]:
    pipeline = Pipeline.create(session_factory)
    committer = GroupCommitter(pipeline.store)
    receiver = WebhookReceiver(pipeline.bot, pipeline.processor, committer, SECRET)
    runner = web.AppRunner(receiver.application(PATH), access_log=None)
    await committer.start()
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert isinstance(server, asyncio.Server)
    yield server.sockets[0].getsockname()[1]
    await runner.cleanup()
    await committer.stop()


async def post(port: int, secret: bytes, body: bytes) -> int:
    """POST raw bytes, the header exactly as given; the response's status code."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n"
    ).encode()
    writer.write(head + SECRET_HEADER.encode() + b": " + secret + b"\r\n\r\n" + body)
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return int(status_line.split()[1])


async def test_hostile_requests_get_4xx_and_a_real_update_200(port: int) -> None:
    update = json.dumps(u.Updates().message(VICTIM, FAN, "hello")).encode()
    assert await post(port, b"\xff\xfe" + SECRET.encode(), update) == 401
    assert await post(port, "秘密".encode("gb18030"), update) == 401
    deep = b'{"update_id": 1, "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert await post(port, SECRET.encode(), deep) == 400
    nested = b'{"update_id": 2, "message": ' + b"[" * 500 + b"]" * 500 + b"}"
    assert await post(port, SECRET.encode(), nested) == 400
    assert await post(port, SECRET.encode(), update) == 200
