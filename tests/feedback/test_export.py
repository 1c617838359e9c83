"""/export through the real dispatcher: the filtered set as a CSV or JSON document in the
operator's private chat, localized headers, the group's timezone, audited; bad input refused."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from aiogram.methods import SendDocument
from aiogram.types import BufferedInputFile
from sqlalchemy import update

from bot.db.models import ChatSettings
from bot.i18n import Translator
from tests.feedback.support import post_feedback
from tests.support.cast import ADMIN, FAN, OWNER, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")


def document(scene: Scene) -> tuple[int, str, bytes, str]:
    (call,) = scene.telegram.methods(SendDocument)
    assert isinstance(call.document, BufferedInputFile)
    return int(call.chat_id), str(call.document.filename), call.document.data, str(call.caption)


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


async def test_csv_from_private_chat_in_the_group_timezone_and_audited(scene: Scene) -> None:
    await post_feedback(scene)
    await scene.say(VICTIM, FAN, "=HYPERLINK(1) the app crashes")
    async with scene.session_factory() as session, session.begin():
        await session.execute(
            update(ChatSettings)
            .where(ChatSettings.chat_id == VICTIM["id"])
            .values(timezone="Asia/Shanghai")
        )
    me = await scene.choose(ADMIN, VICTIM)
    scene.telegram.calls.clear()
    await scene.send(me, ADMIN, "/export csv #bug")
    chat_id, name, data, caption = document(scene)
    assert chat_id == ADMIN["id"] and name.endswith(".csv")
    assert caption == str(EN("export-caption", title=VICTIM["title"], count=5, format="csv"))
    header, *rows = csv_rows(data)
    assert header[:5] == ["Chat ID", "Chat", "Message ID", "Link", "Written at"]
    assert len(rows) == 5
    assert rows[0][7] == "'=HYPERLINK(1) the app crashes"
    assert all(row[4].endswith("+08:00") for row in rows)
    assert all(row[3].startswith("https://t.me/c/1000000111/") for row in rows)
    assert {row[8] for row in rows} >= {"bug"}
    actions = [row[4] for row in (await dump(scene.session_factory))["audit_log"]]
    assert actions == ["feedback-exported"]


async def test_json_in_chinese_and_from_the_group(scene: Scene) -> None:
    await post_feedback(scene)
    me = await scene.choose(OWNER, VICTIM)
    scene.telegram.started.add(OWNER["id"])
    await scene.send(me, OWNER, "/export csv")
    header = csv_rows(document(scene)[2])[0]
    assert header[:2] == ["群 ID", "群"]
    scene.telegram.calls.clear()
    await scene.send(VICTIM, ADMIN, "/export json sentiment:positive")
    chat_id, name, data, _ = document(scene)
    assert chat_id == ADMIN["id"] and name.endswith(".json")
    exported: dict[str, Any] = json.loads(data)
    assert exported["row_count"] == 1
    assert exported["items"][0]["text"] == "love this channel, amazing work"
    assert exported["filters"] == "sentiment:positive"
    assert scene.last(VICTIM["id"]) == str(EN("export-sent-privately", count=1))


async def test_bad_exports_are_refused_and_change_nothing(scene: Scene) -> None:
    await post_feedback(scene)
    before = await dump(scene.session_factory)
    cases = {
        "/export": EN("export-usage"),
        "/export xml": EN("export-usage"),
        "/export csv #nosuch": EN("inbox-error", code="unknown_tag", value="nosuch"),
        "/export json 999d": EN("inbox-error", code="bad_period", value="999d"),
    }
    for text, expected in cases.items():
        await scene.send(VICTIM, ADMIN, text)
        assert scene.last(VICTIM["id"]) == str(expected)
    await scene.pipeline.deliver(scene.updates.as_anonymous_admin(VICTIM, "/export csv"))
    assert scene.last(VICTIM["id"]) == str(EN("export-private-only"))
    assert scene.telegram.methods(SendDocument) == []
    assert await dump(scene.session_factory) == before
    assert ZH("export-usage") != EN("export-usage")
