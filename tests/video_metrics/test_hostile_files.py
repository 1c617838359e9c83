"""Files that used to get no answer at all (issue 20, Low): a CSV with a cell past the csv
module's 128 KiB field limit, and a document Telegram fails to hand over. Each is answered with
what is wrong and how to fix it, and nothing is imported."""

from __future__ import annotations

from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import GetFile, SendMessage

from bot.i18n import Translator
from tests.support.cast import ADMIN, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")
CSV = b"video,date,plays\nv1,2026-11-27,100\n"


async def _send(scene: Scene, content: bytes) -> list[str]:
    file_id = f"f{len(scene.telegram.files)}"
    scene.telegram.files[file_id] = content
    document: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"u{file_id}",
                                "file_name": "numbers.csv", "file_size": len(content)}  # fmt: skip
    scene.telegram.calls.clear()
    await scene.pipeline.deliver(
        scene.updates.raw_message(
            VICTIM,
            ADMIN,
            document=document,
            caption="/video_stats",
            caption_entities=[{"type": "bot_command", "offset": 0, "length": 12}],
        )
    )
    return [str(call.text) for call in scene.telegram.calls if isinstance(call, SendMessage)]


async def test_a_csv_cell_over_128_kib_is_answered(videos_scene: Scene) -> None:
    before = await dump(videos_scene.session_factory)
    huge = CSV + b'v2,2026-11-27,"' + b"9" * (200 * 1024) + b'"\n'
    assert await _send(videos_scene, huge) == [
        str(EN("video-stats-file-error", code="long_field", limit=20))
    ]
    assert await dump(videos_scene.session_factory) == before


async def test_a_failed_download_is_answered(videos_scene: Scene) -> None:
    videos_scene.telegram.fail(GetFile, TelegramBadRequest, "Bad Request: file is unavailable")
    assert await _send(videos_scene, CSV) == [
        str(EN("video-stats-file-error", code="download", limit=20))
    ]
