"""A stranger's file cannot hold the bot (issue 20, Critical): `/video_stats` reads the file in
a worker with a deadline; a file that needs more than that is refused with a clear answer, and
nothing of it is stored."""

from __future__ import annotations

from typing import Any

from aiogram.methods import SendMessage

from bot.i18n import Translator
from tests.support.cast import ADMIN, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")
# About 19 MB of rows, under the 20 MB a bot may download: seconds of work for any parser.
HEAVY = b"video,platform,date,plays\r\n" + b"v1,douyin,2026-11-27,12000\r\n" * 650_000


async def send_file(scene: Scene, person: dict[str, Any], content: bytes) -> list[str]:
    file_id = f"f{len(scene.telegram.files)}"
    scene.telegram.files[file_id] = content
    document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": "n.csv",
                "file_size": len(content)}  # fmt: skip
    scene.telegram.calls.clear()
    await scene.deliver(
        scene.updates.raw_message(
            VICTIM,
            person,
            document=document,
            caption="/video_stats",
            caption_entities=[{"type": "bot_command", "offset": 0, "length": 12}],
        )
    )
    return [str(call.text) for call in scene.telegram.calls if isinstance(call, SendMessage)]


async def test_a_file_over_its_reading_budget_is_refused_and_changes_nothing(
    videos_scene: Scene,
) -> None:
    scene = videos_scene
    scene.restart(upload_parse_seconds=0.5)
    before = await dump(scene.session_factory)
    assert len(HEAVY) < 20 * 1024 * 1024
    assert await send_file(scene, ADMIN, HEAVY) == [str(EN("upload-over-budget", seconds=0.5))]
    assert await dump(scene.session_factory) == before
