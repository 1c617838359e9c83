"""One stranger's slow update must not stop every group (issue 20, Critical): the polling loop
runs chats side by side, each in order, parks an update still running after its patience in
failed_updates so that the batch is confirmed, and cancels one that reaches its deadline, so a
redelivery cannot freeze the bot again.

The slow update is a `/video_stats` document whose download hangs (Telegram scripted to hold
getFile), the way a hostile or broken file server would hold it."""

from __future__ import annotations

import asyncio
from typing import Any

from aiogram.methods import GetFile, SendDocument
from sqlalchemy import select

from bot.db.models import Comment, FailedUpdate
from bot.telegram.lanes import ChatLanes
from bot.telegram.polling import DurablePolling
from tests.support.cast import ADMIN, FAN, OTHER, OTHER_ADMIN, VICTIM
from tests.support.scene import Scene

# Not a speed bound: only how long a test waits before calling a hang a failure.
HANG = 30.0


def document_update(scene: Scene, chat: dict[str, Any], person: dict[str, Any]) -> dict[str, Any]:
    file_id = f"f{len(scene.telegram.files)}"
    scene.telegram.files[file_id] = b"video,plays\r\nv1,10\r\n"
    document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": "n.csv",
                "file_size": 20}  # fmt: skip
    return scene.updates.raw_message(
        chat,
        person,
        document=document,
        caption="/video_stats",
        caption_entities=[{"type": "bot_command", "offset": 0, "length": 12}],
    )


def polling(scene: Scene, *, patience: float, deadline: float) -> DurablePolling:
    pipeline = scene.pipeline
    lanes = ChatLanes(pipeline.processor, patience=patience, deadline=deadline)
    return DurablePolling(pipeline.bot, pipeline.processor, pipeline.store, lanes=lanes)


async def failures(scene: Scene) -> list[tuple[int, str]]:
    async with scene.session_factory() as session:
        rows = await session.execute(select(FailedUpdate.update_id, FailedUpdate.error))
        return [(update_id, error) for update_id, error in rows]


async def texts_in(scene: Scene, chat: dict[str, Any]) -> list[str | None]:
    async with scene.session_factory() as session:
        rows = await session.scalars(
            select(Comment.text).where(Comment.chat_id == chat["id"]).order_by(Comment.message_id)
        )
        return list(rows)


async def test_a_slow_update_holds_up_no_other_chat(scene: Scene) -> None:
    release = scene.telegram.hold(GetFile)
    loop = polling(scene, patience=2.0, deadline=HANG)
    slow = document_update(scene, VICTIM, ADMIN)
    other_chat = scene.updates.message(OTHER, FAN, "other group keeps talking")
    other_command = scene.updates.command(OTHER, OTHER_ADMIN, "/video_template")
    behind = scene.updates.message(VICTIM, FAN, "said after the file, in the same group")

    async with asyncio.timeout(HANG):
        await loop.handle_batch([slow, other_chat, other_command])
        # The batch is stored and confirmed while the download still hangs.
        assert loop.offset == other_command["update_id"] + 1
        assert [call.chat_id for call in scene.calls(SendDocument)] == [OTHER["id"]]
        assert "other group keeps talking" in await texts_in(scene, OTHER)
        assert [update_id for update_id, _ in await failures(scene)] == [slow["update_id"]]
        # The same group's next message waits its turn behind the slow one, parked in its turn.
        await loop.handle_batch([behind])
        assert loop.offset == behind["update_id"] + 1
        assert "said after the file, in the same group" not in await texts_in(scene, VICTIM)

        release.set()
        await loop.lanes.idle()
        await loop.store_settled()

    replies = scene.telegram.sent(VICTIM["id"])
    assert replies, "the slow import answered once its download came"
    assert await failures(scene) == [], "parking rows are taken back once the updates finished"
    assert (await texts_in(scene, VICTIM))[-1] == "said after the file, in the same group"


async def test_a_poisoned_update_is_cancelled_at_its_deadline_and_stays_parked(
    scene: Scene,
) -> None:
    scene.telegram.hold(GetFile)  # never released: this download never ends
    loop = polling(scene, patience=0.5, deadline=1.0)
    poisoned = document_update(scene, VICTIM, ADMIN)

    async with asyncio.timeout(HANG):
        await loop.handle_batch([poisoned])
        await loop.lanes.idle()
        await loop.store_settled()
        # Confirmed with its batch: the next getUpdates starts after it, and its group's lane
        # is free for the next message.
        assert loop.offset == poisoned["update_id"] + 1
        after = scene.updates.message(VICTIM, FAN, "the group is not frozen")
        await loop.handle_batch([after])

    ((update_id, error),) = await failures(scene)
    assert update_id == poisoned["update_id"]
    assert error.startswith("DeadlineExceeded")
    assert (await texts_in(scene, VICTIM))[-1] == "the group is not frozen"
