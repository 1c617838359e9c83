"""Failed updates after /forget and past retention (issue 20, Low): a forgotten fan's names and
words do not survive in other people's failed updates that quote her, whether they failed before
or after she was forgotten; retention blanks the text of a group's old failed updates. The
payload keeps its shape, for debugging."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.db.models import FailedUpdate
from bot.services.retention import RetentionService
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, VICTIM
from tests.support.scene import Scene, keyboard

FAN_PRIVATE = {"id": FAN["id"], "type": "private", "first_name": FAN["first_name"]}
SECRET = "我的手机号是 13800000000"


def _shape(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _shape(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_shape(value) for value in node]
    return type(node).__name__


def _reply_quoting_the_fan(scene: Scene, chat: dict[str, Any]) -> dict[str, Any]:
    """Max replies to the fan, quoting her; the update fails to parse (a bad quote position)."""
    replied = scene.updates.message_payload(chat, FAN, text=SECRET)
    return scene.updates.raw_message(
        chat,
        MEMBER,
        text="please don't post that",
        reply_to_message=replied,
        quote={"text": SECRET, "position": "not a number"},
    )


async def _failed(scene: Scene) -> dict[int, FailedUpdate]:
    async with scene.session_factory() as session:
        rows = (await session.scalars(select(FailedUpdate))).all()
    return {row.update_id: row for row in rows}


async def _forget(scene: Scene) -> None:
    scene.telegram.started.add(FAN["id"])
    await scene.send(FAN_PRIVATE, FAN, "/forget")
    confirm, _ = keyboard(scene.last_with_buttons(FAN["id"]))
    await scene.tap(FAN, FAN_PRIVATE, confirm)


def _assert_redacted(row: FailedUpdate, sent: dict[str, Any]) -> None:
    assert SECRET not in row.payload
    assert FAN["first_name"] not in row.payload and FAN["username"] not in row.payload
    stored = json.loads(row.payload)
    assert _shape(stored) == _shape(sent), "the update keeps its shape"
    assert stored["message"]["text"] == "please don't post that", "Max's own words stay"
    assert stored["message"]["from"]["first_name"] == MEMBER["first_name"]


async def test_a_failed_reply_quoting_the_fan_loses_her_words_when_she_is_forgotten(
    scene: Scene,
) -> None:
    await scene.say(VICTIM, FAN, SECRET)
    before = _reply_quoting_the_fan(scene, VICTIM)
    await scene.deliver(before)
    assert SECRET in (await _failed(scene))[before["update_id"]].payload

    await _forget(scene)
    _assert_redacted((await _failed(scene))[before["update_id"]], before)

    after = _reply_quoting_the_fan(scene, OTHER)
    await scene.deliver(after)
    _assert_redacted((await _failed(scene))[after["update_id"]], after)
    await scene.deliver(after)  # redelivered: still one row, still redacted
    assert len(await _failed(scene)) == 2


async def test_retention_blanks_the_text_of_the_groups_old_failed_updates(scene: Scene) -> None:
    old, elsewhere = _reply_quoting_the_fan(scene, VICTIM), _reply_quoting_the_fan(scene, OTHER)
    await scene.deliver(old, elsewhere)
    recent = _reply_quoting_the_fan(scene, VICTIM)
    await scene.deliver(recent)
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        for update in (old, elsewhere):
            row = await session.scalar(
                select(FailedUpdate).where(FailedUpdate.update_id == update["update_id"])
            )
            assert row is not None
            row.failed_at = now - timedelta(days=40)
    await scene.send(VICTIM, ADMIN, "/retention 30d")

    await RetentionService(scene.session_factory, now=lambda: now).purge_all()

    failed = await _failed(scene)
    purged = json.loads(failed[old["update_id"]].payload)
    assert _shape(purged) == _shape(old)
    assert SECRET not in failed[old["update_id"]].payload
    assert purged["message"]["text"] == "" and purged["message"]["quote"]["text"] == ""
    assert SECRET in failed[recent["update_id"]].payload, "within the retention: kept"
    assert SECRET in failed[elsewhere["update_id"]].payload, "another group's: kept"
