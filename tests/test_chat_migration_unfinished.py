"""A group upgraded to a supergroup takes its unfinished polls and giveaways along (issue 20,
developers' notes): they are listed, closed and drawn in the supergroup, their results go there,
and nothing is stopped or edited by the old message id, which in the supergroup's fresh id space
is another message. Finished ones stay with the history (tests/test_chat_migration.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram.methods import StopPoll
from sqlalchemy import select

from bot.db.models import GiveawayRecord, PollRecord
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene
from tests.support.updates import basic_group, user

OLD = basic_group(-4002, "Small fans")
NEW: dict[str, Any] = {"id": -1009000000002, "type": "supergroup", "title": "Small fans"}
OWNER = user(21, "Ada", username="ada_owner", language_code="en")
NOW = datetime.now(UTC)


def giveaway(status: str) -> GiveawayRecord:
    return GiveawayRecord(chat_id=OLD["id"], prize=f"{status} prize", winner_count=1, rules="{}",
                          seed="0" * 64, commitment="1" * 64, status=status, created_at=NOW,
                          ends_at=NOW + timedelta(hours=2), message_id=77)  # fmt: skip


async def polls(scene: Scene) -> dict[str, tuple[int, int | None, str]]:
    async with scene.session_factory() as session:
        rows = await session.scalars(select(PollRecord))
        return {row.question: (row.chat_id, row.message_id, row.status) for row in rows}


async def test_unfinished_polls_and_giveaways_move_to_the_supergroup(scene: Scene) -> None:
    for chat in (OLD, NEW):
        scene.telegram.set_status(chat["id"], OWNER["id"], "creator")
    scene.telegram.started.add(OWNER["id"])
    await send_confirmed(scene, OLD, OWNER, "/poll Done? | Yes | No")
    await send_confirmed(scene, OLD, OWNER, f"/poll_close {await number_of(scene, 'Done?')}")
    await send_confirmed(scene, OLD, OWNER, "/poll Open? | Cats | Dogs --close 2h")
    poll = (await polls(scene))["Open?"]
    assert poll[0] == OLD["id"] and poll[1] is not None and poll[2] == "open"
    async with scene.session_factory() as session, session.begin():
        session.add_all([giveaway("open"), giveaway("done")])

    await scene.deliver(scene.updates.raw_message(OLD, OWNER, migrate_to_chat_id=NEW["id"]))

    moved = await polls(scene)
    assert moved["Open?"] == (NEW["id"], None, "open")
    assert moved["Done?"][0::2] == (OLD["id"], "closed")
    async with scene.session_factory() as session:
        rows = await session.scalars(select(GiveawayRecord).order_by(GiveawayRecord.id))
        assert [(g.status, g.chat_id, g.message_id) for g in rows] == [
            ("open", NEW["id"], None),
            ("done", OLD["id"], 77),
        ]

    # Closed from the supergroup, where it is now listed: no stopPoll by the old message id,
    # the stored counts are the result, posted in the supergroup.
    stops_before = len(scene.calls(StopPoll))
    await scene.send(NEW, OWNER, "/polls")
    assert "Open?" in scene.last(NEW["id"])
    await send_confirmed(scene, NEW, OWNER, f"/poll_close {await number_of(scene, 'Open?')}")
    assert len(scene.calls(StopPoll)) == stops_before
    assert (await polls(scene))["Open?"] == (NEW["id"], None, "closed")
    assert any("Poll closed: Open?" in text for text in scene.replies(NEW["id"]))
    assert not any("Poll closed: Open?" in text for text in scene.replies(OLD["id"]))


async def number_of(scene: Scene, question: str) -> int:
    async with scene.session_factory() as session:
        found = await session.scalar(select(PollRecord.id).where(PollRecord.question == question))
    assert found is not None
    return int(found)
