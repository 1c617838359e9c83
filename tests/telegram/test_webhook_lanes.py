"""Webhook delivery runs through the same per-chat lanes as polling (bot/telegram/lanes.py): a
slow update in one group holds up no other group's request, the same group's next update waits
its turn behind it, and the slow one is answered 200 once parked, so Telegram does not retry it
into a second freeze (issue 20, Critical)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.methods import GetFile, SendDocument
from aiohttp import ClientSession, web

from bot.telegram.group_commit import GroupCommitter
from bot.telegram.lanes import ChatLanes
from bot.telegram.webhook import SECRET_HEADER, WebhookReceiver
from tests.support.cast import ADMIN, FAN, OTHER, OTHER_ADMIN, VICTIM
from tests.support.scene import Scene
from tests.telegram.test_delivery_lanes import HANG, document_update, failures, texts_in

SECRET = "webhook-secret-0123456789"
PATH = "/telegram/webhook"
PATIENCE = 2.0


@pytest.fixture
async def url(scene: Scene) -> AsyncIterator[str]:
    pipeline = scene.pipeline
    committer = GroupCommitter(pipeline.store)
    lanes = ChatLanes(pipeline.processor, patience=PATIENCE, deadline=HANG)
    receiver = WebhookReceiver(pipeline.bot, pipeline.processor, committer, SECRET, lanes)
    runner = web.AppRunner(receiver.application(PATH), access_log=None)
    await committer.start()
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert isinstance(server, asyncio.Server)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}{PATH}"
    await runner.cleanup()
    await committer.stop()


async def post(url: str, update: dict[str, Any]) -> int:
    async with (
        ClientSession() as client,
        client.post(url, data=json.dumps(update), headers={SECRET_HEADER: SECRET}) as response,
    ):
        return response.status


async def test_a_slow_update_by_webhook_holds_up_no_other_chat(scene: Scene, url: str) -> None:
    release = scene.telegram.hold(GetFile)
    slow = document_update(scene, VICTIM, ADMIN)
    behind = scene.updates.message(VICTIM, FAN, "said after the file, in the same group")
    other_chat = scene.updates.message(OTHER, FAN, "other group keeps talking")
    other_command = scene.updates.command(OTHER, OTHER_ADMIN, "/video_template")

    async with asyncio.timeout(HANG):
        slow_request = asyncio.create_task(post(url, slow))
        while not scene.telegram.held:
            await asyncio.sleep(0.01)
        behind_request = asyncio.create_task(post(url, behind))
        # The other group is answered and served while the first group's download hangs.
        assert await post(url, other_chat) == 200
        assert await post(url, other_command) == 200
        assert [call.chat_id for call in scene.calls(SendDocument)] == [OTHER["id"]]
        assert "other group keeps talking" in await texts_in(scene, OTHER)
        assert not slow_request.done()
        # Parked after its patience: answered 200, kept in failed_updates while it runs; the
        # same group's next message waits behind it and is parked in its turn.
        assert await slow_request == 200
        assert await behind_request == 200
        parked = [update_id for update_id, _ in await failures(scene)]
        assert parked == [slow["update_id"], behind["update_id"]]
        assert "said after the file, in the same group" not in await texts_in(scene, VICTIM)

        release.set()
        while await failures(scene):
            await asyncio.sleep(0.05)

    assert scene.telegram.sent(VICTIM["id"]), "the slow import answered once its download came"
    assert (await texts_in(scene, VICTIM))[-1] == "said after the file, in the same group"
