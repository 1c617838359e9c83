"""History import through the real dispatcher: an operator sends the export in private chat."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from typing import Any

from aiogram.methods import EditMessageText, GetFile, SendMessage
from sqlalchemy import func, select

from bench.history_import import make_export
from bot.db.models import AuditRecord, Comment, FeedbackItemTag, ForgottenUser
from bot.i18n import Translator
from handlers.history_import import cli_command
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OWNER, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")
VICTIM_EXPORT_ID = -VICTIM["id"] - 1_000_000_000_000
MESSAGES = 2_500
MB = 1024 * 1024


def export_bytes(count: int = MESSAGES, export_id: int = VICTIM_EXPORT_ID) -> bytes:
    export = make_export(count)
    export["id"] = export_id
    return json.dumps(export, ensure_ascii=False, indent=1).encode()


async def send_file(
    scene: Scene, person: dict[str, Any], content: bytes, name: str = "result.json", **extra: Any
) -> list[str]:
    """The operator sends a document; returns what the bot said to them (edits included)."""
    file_id = f"f{len(scene.telegram.files)}"
    scene.telegram.files[file_id] = content
    document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                "file_size": len(content), **extra}  # fmt: skip
    scene.telegram.calls.clear()
    await scene.pipeline.deliver(scene.updates.raw_message(u.private(person), person,
                                                           document=document))  # fmt: skip
    return [
        str(call.text)
        for call in scene.telegram.calls
        if isinstance(call, SendMessage | EditMessageText)
    ]


async def reach(scene: Scene, newest: int) -> None:
    """The group has reached message `newest` live: an export may hold ids up to it (never past
    the newest the group had: those would shadow the fans' real messages)."""
    scene.updates._message_ids[VICTIM["id"]] = itertools.count(newest + 1)
    await scene.say(VICTIM, MEMBER, "the newest message so far")


async def victim_comments(scene: Scene) -> int:
    async with scene.session_factory() as session:
        total = await session.scalar(
            select(func.count()).select_from(Comment).where(Comment.chat_id == VICTIM["id"])
        )
    return int(total or 0)


async def test_importing_twice_and_over_live_messages_stores_each_once(scene: Scene) -> None:
    await scene.choose(ADMIN, VICTIM)
    live = await victim_comments(scene)  # "hello" and "hi all": message ids 1 and 2
    await reach(scene, MESSAGES)
    said = await send_file(scene, ADMIN, export_bytes())
    assert said[0] == str(EN("import-reading", title=VICTIM["title"]))
    assert said[-1] == str(
        EN("import-done", messages=MESSAGES, new=MESSAGES - live, already=live, forgotten=0,
           first="2023-11-14", last="2023-11-15", title=VICTIM["title"])
    )  # fmt: skip
    assert await victim_comments(scene) == MESSAGES + 1
    assert await victim_comments(scene) > live
    async with scene.session_factory() as session:
        hello = await session.scalar(
            select(Comment.text).where(Comment.chat_id == VICTIM["id"], Comment.message_id == 1)
        )
        tagged = await session.scalar(
            select(func.count(func.distinct(FeedbackItemTag.message_id))).where(
                FeedbackItemTag.chat_id == VICTIM["id"]
            )
        )
    assert hello == "hello", "a live message is stored once, as it was seen live"
    assert tagged is not None and tagged > MESSAGES // 10
    before = await dump(scene.session_factory)
    said = await send_file(scene, ADMIN, export_bytes())
    assert said[-1] == str(
        EN("import-done", messages=MESSAGES, new=0, already=MESSAGES, forgotten=0,
           first="2023-11-14", last="2023-11-15", title=VICTIM["title"])
    )  # fmt: skip
    assert await victim_comments(scene) == MESSAGES + 1
    after = await dump(scene.session_factory)
    assert after["feedback_item_tags"] == before["feedback_item_tags"]
    async with scene.session_factory() as session:
        audits = (
            await session.scalars(
                select(AuditRecord.detail).where(AuditRecord.action == "history-imported")
            )
        ).all()
    assert audits == [str(MESSAGES), str(MESSAGES)]


async def test_the_same_small_export_twice_says_nothing_new_in_chinese(scene: Scene) -> None:
    await scene.choose(OWNER, VICTIM)
    content = export_bytes(3)
    live = await victim_comments(scene)  # message ids 1 and 2, which the export also holds
    await reach(scene, 3)
    said = await send_file(scene, OWNER, content)
    assert said[-1] == str(
        ZH("import-done", messages=3, new=3 - live, already=live, forgotten=0,
           first="2023-11-14", last="2023-11-14", title=VICTIM["title"])
    )  # fmt: skip
    said = await send_file(scene, OWNER, content)
    assert said[-1] == str(
        ZH("import-done", messages=3, new=0, already=3, forgotten=0, first="2023-11-14",
           last="2023-11-14", title=VICTIM["title"])
    )  # fmt: skip
    assert "新增 0 条，3 条此前已存储" in said[-1]


async def test_a_wrong_or_damaged_file_changes_nothing(scene: Scene) -> None:
    await scene.choose(ADMIN, VICTIM)
    before = await dump(scene.session_factory)
    comments = await victim_comments(scene)
    whole = export_bytes(200)
    said = await send_file(scene, ADMIN, whole[: len(whole) // 2])
    assert said[-1] == str(EN("import-refused", code="truncated"))
    said = await send_file(scene, ADMIN, b"PK\x03\x04 not really a zip", name="export.zip")
    assert said[-1] == str(EN("import-refused", code="damaged_zip"))
    said = await send_file(scene, ADMIN, export_bytes(200, export_id=777))
    assert said[-1] == str(EN("import-other-chat", name="剪辑粉丝群", title=VICTIM["title"]))
    said = await send_file(scene, ADMIN, b"{}", file_size=21 * MB)
    assert said == [str(EN("import-too-big", size=21, limit=20, command=cli_command(VICTIM["id"])))]
    assert not scene.telegram.methods(GetFile)
    assert await victim_comments(scene) == comments
    assert await dump(scene.session_factory) == before


async def test_only_operators_import_and_tombstones_hold(scene: Scene) -> None:
    await scene.choose(MEMBER, VICTIM)
    before = await victim_comments(scene)
    said = await send_file(scene, MEMBER, export_bytes(100))
    assert said == [str(EN("refused-role", required="operator", title=VICTIM["title"],
                           command="import_history"))]  # fmt: skip
    assert await victim_comments(scene) == before
    raw = make_export(MESSAGES)["messages"]
    forgotten = next(int(m["from_id"][4:]) for m in raw if m.get("from_id", "").startswith("user"))
    ids = [m["id"] for m in raw if m.get("from_id") == f"user{forgotten}"]
    async with scene.session_factory() as session, session.begin():
        session.add(ForgottenUser(user_id=forgotten, forgotten_at=datetime.now(UTC)))
    await scene.choose(ADMIN, VICTIM)
    await reach(scene, MESSAGES)
    said = await send_file(scene, ADMIN, export_bytes())
    assert f"{len(ids)} messages of people who asked to be forgotten" in said[-1]
    async with scene.session_factory() as session:
        kept = await session.scalar(
            select(func.count()).select_from(Comment).where(Comment.author_user_id == forgotten)
        )
    assert kept == 0
    assert await victim_comments(scene) == MESSAGES + 1 - sum(1 for i in ids if i > 2)
