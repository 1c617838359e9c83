"""/mydata and /forget through the real dispatcher: the whole record of a fan, then nothing of
them, also after their old updates and an edit are delivered again."""

from __future__ import annotations

import json

from aiogram.methods import AnswerCallbackQuery, EditMessageText, GetChatMember, SendDocument
from sqlalchemy import select

from bot.db.models import (
    AuditRecord,
    Base,
    ForgottenUser,
)
from bot.db.privacy import PERSON_COLUMNS, is_person_column
from bot.i18n import Html, Translator
from tests.privacy.support import FAN_PRIVATE, comment_texts, fan_history, person_rows
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene, keyboard

EN = Translator.load().bind("en")


def test_every_person_column_of_the_models_is_covered() -> None:
    found = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if is_person_column(table.name, column.name)
    }
    covered = {(person.table, person.column) for person in PERSON_COLUMNS}
    assert found - covered == set(), "add the new person columns to bot.db.privacy.PERSON_COLUMNS"
    assert covered - found == set()
    assert is_person_column("reviews", "reviewer_user_id")


async def test_mydata_sends_everything_stored_about_the_fan(scene: Scene) -> None:
    await fan_history(scene)
    await scene.send(FAN_PRIVATE, FAN, "/mydata")
    (document,) = scene.telegram.methods(SendDocument)
    assert document.chat_id == FAN["id"]
    data = json.loads(document.document.data)
    assert data["user_id"] == FAN["id"] and data["profile"]["username"] == "lin_fan"
    comments = {c["text"]: c for c in data["comments"]}
    assert set(comments) == {
        "hello",
        "视频有问题，闪退了",
        "please add subtitles, edited",
        "love it",  # a /feedback message is stored as the feedback alone
    }
    assert comments["视频有问题，闪退了"]["tags"] == ["bug"]
    assert comments["视频有问题，闪退了"]["status"] == "new"
    assert comments["please add subtitles, edited"]["versions"][0]["previous_text"] == (
        "please add subtitles"
    )
    for table in ("poll_votes", "group_events", "digest_subscriptions", "user_settings",
                  "inbox_queries", "feedback_items"):  # fmt: skip
        assert len(data["tables"][table]) >= 1, table
    assert set(data["tables"]) == {p.table for p in PERSON_COLUMNS} - {"users", "comments"}
    assert str(document.caption) == str(EN("mydata-caption", comments=4))


async def test_forget_then_redelivery_and_an_edit_bring_nothing_back(scene: Scene) -> None:
    updates = await fan_history(scene)
    before = await person_rows(scene.session_factory, FAN["id"])
    assert sum(before.values()) > 10
    await scene.send(FAN_PRIVATE, FAN, "/forget")
    ask = scene.last_with_buttons(FAN["id"])
    assert str(ask.text) == str(EN("forget-ask"))
    confirm, cancel = keyboard(ask)

    await scene.tap(MEMBER, u.private(MEMBER), confirm)
    (refusal,) = scene.telegram.methods(AnswerCallbackQuery)
    assert refusal.text == EN.plain("forget-not-yours") and refusal.show_alert
    await scene.tap(FAN, FAN_PRIVATE, cancel)
    assert await person_rows(scene.session_factory, FAN["id"]) == before

    await scene.tap(FAN, FAN_PRIVATE, confirm)
    assert str(scene.telegram.methods(EditMessageText)[-1].text) == str(
        EN("forget-done", comments=4)
    )
    gone = await person_rows(scene.session_factory, FAN["id"])
    assert gone == dict.fromkeys(before, 0)
    await scene.pipeline.deliver(*updates)
    await scene.pipeline.deliver(scene.updates.edit(updates[0], "edited after forgetting"))
    await scene.pipeline.deliver(scene.updates.message(VICTIM, FAN, "a new message"))
    assert await person_rows(scene.session_factory, FAN["id"]) == gone
    async with scene.session_factory() as session:
        tombstones = (await session.scalars(select(ForgottenUser.user_id))).all()
    assert tombstones == [FAN["id"]]


async def test_an_operator_forgets_a_fan_on_their_behalf(scene: Scene) -> None:
    await fan_history(scene)
    before = await dump(scene.session_factory)
    await scene.send(VICTIM, ADMIN, "/forget_user")
    assert scene.telegram.sent(VICTIM["id"])[-1] == str(EN("forget-user-usage"))
    # int() refuses what str.isdigit accepts ("²"): read as the shared grammar reads it, no crash.
    await scene.send(VICTIM, ADMIN, "/forget_user ²")
    assert scene.telegram.sent(VICTIM["id"])[-1] == str(
        EN("forget-user-unknown", who="2", title=VICTIM["title"])
    )
    await scene.send(VICTIM, ADMIN, "/forget_user @nobody_here")
    assert scene.telegram.sent(VICTIM["id"])[-1] == str(EN("subject-unknown", who="@nobody_here"))
    await scene.send(OTHER, OTHER_ADMIN, "/forget_user @max")
    assert scene.telegram.sent(OTHER["id"])[-1] == str(
        EN("forget-user-unknown", who="@max", title=OTHER["title"])
    )
    assert await dump(scene.session_factory) == before

    await scene.send(VICTIM, ADMIN, "/forget_user @lin_fan")
    ask = scene.last_with_buttons(VICTIM["id"])
    who = Html(f'<a href="tg://user?id={FAN["id"]}">@lin_fan</a>')
    assert str(ask.text) == str(EN("forget-user-ask", who=who, title=VICTIM["title"]))
    confirm, _ = keyboard(ask)
    scene.telegram.calls.clear()
    await scene.tap(ADMIN, VICTIM, confirm)
    assert scene.telegram.methods(GetChatMember), "a destructive button re-checks live"
    assert str(scene.telegram.methods(EditMessageText)[-1].text) == str(
        EN("forget-user-done", comments=3, title=VICTIM["title"])
    )
    assert await comment_texts(scene, FAN["id"]) == {(OTHER["id"], "please add subtitles, edited")}
    async with scene.session_factory() as session:
        record = (
            await session.scalars(select(AuditRecord).where(AuditRecord.action == "fan-forgotten"))
        ).one()
    assert record.actor_user_id == ADMIN["id"] and record.subject_user_id is None
    assert record.chat_id == VICTIM["id"]
    await scene.tap(ADMIN, VICTIM, confirm)
    assert scene.telegram.methods(AnswerCallbackQuery)[-1].text == EN.plain("forget-user-gone")
