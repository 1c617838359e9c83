"""Platform numbers through the real dispatcher: files sent as documents (downloaded through the
recording session), typed lines, the template; a bad file changes nothing, a re-import nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

import openpyxl
from aiogram.methods import GetFile, SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from sqlalchemy import select

from bot.db.models import AuditRecord
from bot.i18n import Translator
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OWNER, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene
from tests.video_metrics.support import stored

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")
MB = 1024 * 1024
DAY = date(2026, 11, 27)
GBK_FILE = (
    "视频编号,平台,日期,播放量,点赞,评论,收藏,分享\r\n"
    "v1,抖音,2026年11月26日,1.2万,800,40,90,12\r\n"
    "v1,抖音,2026年11月27日,1.5万,950,52,101,15\r\n"
    'v2,B站,2026/11/27,"3,456",120,30,44,9\r\n'
    "BV1xx411c7mD,,2026/11/26,3000,100,25,40,8\r\n"
    "v9,抖音,2026/11/27,10,1,1,1,1\r\n"
    "v3,youtube,2026/11/27,-4,1,1,1,1\r\n"
).encode("gbk")


async def send_document(
    scene: Scene,
    chat: dict[str, Any],
    person: dict[str, Any],
    content: bytes,
    *,
    name: str = "numbers.csv",
    caption: str | None = "/video_stats",
    **extra: Any,
) -> list[str]:
    """A document with (or without) a caption command; returns what the bot said."""
    file_id = f"f{len(scene.telegram.files)}"
    scene.telegram.files[file_id] = content
    document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                "file_size": len(content), **extra}  # fmt: skip
    fields: dict[str, Any] = {"document": document}
    if caption is not None:
        command = caption.split(maxsplit=1)[0]
        fields["caption"] = caption
        fields["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    scene.telegram.calls.clear()
    await scene.pipeline.deliver(scene.updates.raw_message(chat, person, **fields))
    return said(scene)


def said(scene: Scene) -> list[str]:
    return [str(call.text) for call in scene.telegram.calls if isinstance(call, SendMessage)]


async def command(
    scene: Scene, chat: dict[str, Any], person: dict[str, Any], text: str
) -> list[str]:
    scene.telegram.calls.clear()
    await scene.send(chat, person, text)
    return said(scene)


async def test_a_gbk_chinese_file_imports_and_reimporting_changes_nothing(
    videos_scene: Scene,
) -> None:
    scene = videos_scene
    reply = await send_document(scene, VICTIM, ADMIN, GBK_FILE)
    assert reply[0].startswith(str(EN("video-stats-report", taken=4, updated=0, unchanged=0,
                                      refused=2)))  # fmt: skip
    assert str(EN("video-stats-refused-row", line=6, reason="unknown_video", column="video",
                  value="v9")) in reply[0]  # fmt: skip
    assert str(EN("video-stats-refused-row", line=7, reason="negative", column="plays",
                  value="-4")) in reply[0]  # fmt: skip
    assert await stored(scene) == [
        (1, "douyin", date(2026, 11, 26), 12_000, 800, 40, 90, 12),
        (1, "douyin", DAY, 15_000, 950, 52, 101, 15),
        (2, "bilibili", date(2026, 11, 26), 3_000, 100, 25, 40, 8),
        (2, "bilibili", DAY, 3_456, 120, 30, 44, 9),
    ]
    before = await dump(scene.session_factory)
    reply = await send_document(scene, VICTIM, ADMIN, GBK_FILE)
    assert reply[0].startswith(str(EN("video-stats-report", taken=0, updated=0, unchanged=4,
                                      refused=2)))  # fmt: skip
    assert await dump(scene.session_factory) == before, "nothing new: not even an audit entry"
    changed = GBK_FILE.replace("1.5万".encode("gbk"), "1.6万".encode("gbk"))
    reply = await send_document(scene, VICTIM, ADMIN, changed)
    assert reply[0].startswith(str(EN("video-stats-report", taken=0, updated=1, unchanged=3,
                                      refused=2)))  # fmt: skip
    assert (await stored(scene))[1][3] == 16_000
    async with scene.session_factory() as session:
        audits = (
            await session.scalars(
                select(AuditRecord.detail).where(AuditRecord.action == "video-metrics-imported")
            )
        ).all()
    assert audits == ["4+0/2", "0+1/2"]


async def test_a_file_that_cannot_be_read_or_a_non_operator_changes_nothing(
    videos_scene: Scene,
) -> None:
    scene = videos_scene
    before = await dump(scene.session_factory)
    reply = await send_document(scene, VICTIM, MEMBER, GBK_FILE)
    assert not scene.telegram.methods(GetFile)
    assert reply == [str(EN("refused-role", required="operator", title=VICTIM["title"],
                            command="video_stats"))]  # fmt: skip
    cases = [
        (b"", "empty"),
        (bytes(range(256)) * 8, "unreadable"),
        (b"name,score\nada,3\n", "no_header"),
        (b"video,plays\nv1,100\n", "missing_column"),
    ]
    for content, code in cases:
        reply = await send_document(scene, VICTIM, ADMIN, content)
        assert reply == [str(EN("video-stats-file-error", code=code, limit=20))]
    reply = await send_document(scene, VICTIM, ADMIN, b"video,date,plays\n", file_size=21 * MB)
    assert reply == [str(EN("video-stats-file-error", code="too_large", limit=20))]
    assert await dump(scene.session_factory) == before


async def test_a_long_list_of_refused_rows_comes_as_a_file(videos_scene: Scene) -> None:
    scene = videos_scene
    rows = "".join(f"v9,douyin,2026-11-{day:02d},=1+{day}\n" for day in range(1, 21))
    reply = await send_document(
        scene, VICTIM, ADMIN, ("video,platform,date,plays\n" + rows).encode()
    )
    assert str(EN("video-stats-more-refused", count=10)) in reply[0]
    (document,) = scene.telegram.methods(SendDocument)
    assert isinstance(document.document, BufferedInputFile)
    table = list(csv.reader(io.StringIO(document.document.data.decode("utf-8-sig"))))
    assert table[0] == ["line", "reason", "column", "value"]
    assert table[1] == ["2", "a formula, not a value", "plays", "'=1+1"]
    assert len(table) == 21
    assert await stored(scene) == []


async def test_in_private_chat_a_plain_document_imports_into_the_current_group(
    videos_scene: Scene,
) -> None:
    scene = videos_scene
    await scene.choose(ADMIN, VICTIM)
    reply = await send_document(scene, u.private(ADMIN), ADMIN, GBK_FILE, caption=None)
    assert reply[0].startswith(str(EN("video-stats-report", taken=4, updated=0, unchanged=0,
                                      refused=2)))  # fmt: skip


async def test_a_typed_line_the_prompt_and_the_template_in_the_operators_language(
    videos_scene: Scene,
) -> None:
    scene = videos_scene
    reply = await command(scene, VICTIM, OWNER, "/video_stats v2 2026-11-27 播放量=1.2万 点赞=300")
    assert reply[0].startswith(str(EN("video-stats-report", taken=1, updated=0, unchanged=0,
                                      refused=0)))  # fmt: skip
    assert await stored(scene) == [(2, "bilibili", DAY, 12_000, 300, None, None, None)]
    reply = await command(scene, VICTIM, OWNER, "/video_stats v2 2026-11-27 comments=7")
    assert await stored(scene) == [(2, "bilibili", DAY, 12_000, 300, 7, None, None)]
    reply = await command(scene, VICTIM, ADMIN, "/video_stats v2 banana plays=1")
    assert reply == [str(EN("video-stats-line-error", code="unknown_word", word="banana"))]
    reply = await command(scene, VICTIM, ADMIN, "/video_stats v7 plays=1")
    assert str(EN("video-stats-refused-row", line=1, reason="unknown_video", column="video",
                  value="v7")) in reply[0]  # fmt: skip
    reply = await command(scene, VICTIM, ADMIN, "/video_stats")
    assert reply == [str(EN("video-stats-prompt", limit=20))]
    await scene.choose(OWNER, VICTIM)
    for chat, person, header in (
        (VICTIM, ADMIN, "video,platform,date,plays"),
        (u.private(OWNER), OWNER, "视频编号,平台,日期,播放量"),
    ):
        scene.telegram.calls.clear()
        await scene.send(chat, person, "/video_template")
        (sent,) = scene.telegram.methods(SendDocument)
        assert isinstance(sent.document, BufferedInputFile)
        assert sent.document.data.startswith(b"\xef\xbb\xbf")
        assert header in sent.document.data.decode("utf-8-sig").splitlines()[1]


async def test_an_xlsx_file_with_a_formula_cell(videos_scene: Scene) -> None:
    scene = videos_scene
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Video", "Platform", "Date", "Views", "Likes"])
    sheet.append(["v3", "YouTube", datetime(2026, 11, 27), 8_800, 640])  # noqa: DTZ001 - a cell
    sheet.append(["v3", "YouTube", "2026-11-26", "=D2-1000", 600])
    buffer = io.BytesIO()
    workbook.save(buffer)
    reply = await send_document(scene, VICTIM, ADMIN, buffer.getvalue(), name="numbers.xlsx")
    assert reply[0].startswith(str(EN("video-stats-report", taken=1, updated=0, unchanged=0,
                                      refused=1)))  # fmt: skip
    assert str(EN("video-stats-refused-row", line=3, reason="formula", column="plays",
                  value="=D2-1000")) in reply[0]  # fmt: skip
    assert await stored(scene) == [(3, "youtube", DAY, 8_800, 640, None, None, None)]
