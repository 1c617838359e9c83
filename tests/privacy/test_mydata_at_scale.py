"""/mydata of a heavy fan: every person column is indexed, each row is listed once however
many of its columns name the person, and a long record arrives whole, with progress notes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import cast

from aiogram.methods import EditMessageText, SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from sqlalchemy import Table, UniqueConstraint

from bot.db.models import AuditRecord, Base, ChatRole
from bot.db.privacy import PERSON_COLUMNS
from bot.i18n import Translator
from bot.services.progress import PROGRESS_EVERY
from tests.support import updates as u
from tests.support.cast import FAN, VICTIM
from tests.support.many_items import store_items
from tests.support.scene import Scene

TEXTS = Translator.load()
HEAVY = PROGRESS_EVERY * 2 + 17


def test_every_person_column_leads_an_index() -> None:
    def leads(model: type[Base], column: str) -> bool:
        table = cast(Table, model.__table__)
        firsts = [index.columns.keys()[0] for index in table.indexes]
        firsts.append(table.primary_key.columns.keys()[0])
        firsts.extend(
            constraint.columns.keys()[0]
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        )
        return column in firsts

    unindexed = [
        f"{person.table}.{person.column}"
        for person in PERSON_COLUMNS
        if not leads(person.model, person.column)
    ]
    assert unindexed == []


async def test_a_heavy_fans_data_arrives_whole_with_progress_in_their_language(
    scene: Scene,
) -> None:
    scene.telegram.started.add(FAN["id"])
    await scene.say(VICTIM, FAN, "视频有问题，闪退了")
    await store_items(scene.session_factory, VICTIM["id"], FAN["id"], HEAVY)
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        # Two person columns of one row: listed once.
        session.add(
            ChatRole(
                chat_id=VICTIM["id"],
                user_id=FAN["id"],
                role="analyst",
                granted_by_user_id=FAN["id"],
                granted_at=now,
            )
        )
        session.add(
            AuditRecord(
                chat_id=VICTIM["id"],
                actor_user_id=FAN["id"],
                subject_user_id=FAN["id"],
                action="role-granted",
                created_at=now,
            )
        )
    scene.telegram.calls.clear()
    await scene.send(u.private(FAN), FAN, "/mydata")
    (sent,) = scene.telegram.methods(SendDocument)
    assert isinstance(sent.document, BufferedInputFile)
    data = json.loads(sent.document.data)
    comments = data["comments"]
    assert len({comment["id"] for comment in comments}) == len(comments)
    assert "视频有问题，闪退了" in {comment["text"] for comment in comments}
    stored = [comment for comment in comments if comment["text"].startswith("item ")]
    assert len(stored) == HEAVY
    assert {(c["tags"][0], c["sentiment"]) for c in stored} == {("bug", "negative")}
    assert len(data["tables"]["feedback_items"]) == HEAVY + 1  # and the bug report
    assert len(data["tables"]["chat_roles"]) == 1
    assert len(data["tables"]["audit_log"]) == 1
    zh = TEXTS.bind("zh")  # the fan's Telegram is in Simplified Chinese
    notes = [
        str(call.text)
        for call in scene.telegram.calls
        if isinstance(call, SendMessage | EditMessageText)
    ]
    assert notes == [
        str(zh("mydata-progress", count=n)) for n in range(PROGRESS_EVERY, HEAVY, PROGRESS_EVERY)
    ]
    assert str(sent.caption) == str(zh("mydata-caption", comments=len(comments)))
