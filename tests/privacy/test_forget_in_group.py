"""/forget_user acts on the operator's own group only: the owner of one group cannot erase a
fan's comments in another, nor stop them being stored anywhere, and the other groups' audit
logs are not left silent about a change they never saw (issue 20, High)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select

from bot.db.models import AuditRecord, FailedUpdate, ForgottenUser, GroupEvent
from tests.privacy.support import comment_texts, fan_history
from tests.support.cast import FAN, OTHER, OTHER_ADMIN, VICTIM
from tests.support.scene import Scene, keyboard


async def _failed_update(scene: Scene, update_id: int, chat: dict[str, object]) -> None:
    payload = {"update_id": update_id, "message": {"chat": chat, "from": FAN, "text": "boom"}}
    async with scene.session_factory() as session, session.begin():
        session.add(
            FailedUpdate(
                update_id=update_id,
                payload_sha256=f"{update_id:064d}",
                payload=json.dumps(payload),
                error="boom",
                failed_at=datetime.now(UTC),
                user_id=FAN["id"],
            )
        )


async def _audit_of(scene: Scene, chat_id: int) -> list[tuple[str, int | None]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(AuditRecord.action, AuditRecord.actor_user_id).where(
                AuditRecord.chat_id == chat_id
            )
        )
    return [(row.action, row.actor_user_id) for row in rows]


async def test_the_owner_of_another_group_forgets_the_fan_there_only(scene: Scene) -> None:
    await fan_history(scene)
    await _failed_update(scene, 7001, VICTIM)
    await _failed_update(scene, 7002, OTHER)
    victim_audit = await _audit_of(scene, VICTIM["id"])

    await scene.send(OTHER, OTHER_ADMIN, "/forget_user @lin_fan")
    confirm, _ = keyboard(scene.last_with_buttons(OTHER["id"]))
    await scene.tap(OTHER_ADMIN, OTHER, confirm)

    assert await comment_texts(scene, FAN["id"]) == {
        (VICTIM["id"], "hello"),
        (VICTIM["id"], "视频有问题，闪退了"),
        (VICTIM["id"], "love it"),
    }
    async with scene.session_factory() as session:
        events = (await session.scalars(select(GroupEvent.chat_id))).all()
        failed = (await session.scalars(select(FailedUpdate.update_id))).all()
        tombstones = (await session.scalars(select(ForgottenUser.user_id))).all()
    assert events == [VICTIM["id"]], "her reaction in the victim group stays"
    assert sorted(failed) == [1, 7001], "only the failed update from the other group goes"
    assert tombstones == [], "an operator's forget does not stop her being stored elsewhere"
    assert await _audit_of(scene, VICTIM["id"]) == victim_audit
    assert await _audit_of(scene, OTHER["id"]) == [("fan-forgotten", OTHER_ADMIN["id"])]

    await scene.say(VICTIM, FAN, "still here")
    await scene.say(OTHER, FAN, "back again")
    texts = await comment_texts(scene, FAN["id"])
    assert {(VICTIM["id"], "still here"), (OTHER["id"], "back again")} <= texts
