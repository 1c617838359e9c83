"""After a draw every private message speaks its reader's language: the one they chose, else
their Telegram client's, else the group's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.db import giveaways as store
from bot.services.clock import Clock
from tests.giveaways.support import GROUP, draws_of, giveaways
from tests.support import updates as u
from tests.support.cast import OWNER
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene

SIMPLIFIED = u.user(7801, "Lin", language_code="zh-hans")
TRADITIONAL = u.user(7802, "Wing", language_code="zh-hk")
ENGLISH = u.user(7803, "Sam", language_code="en-GB")
UNKNOWN = u.user(7804, "Ola", language_code="nb")  # no language of ours: the group's


async def test_winners_and_the_organiser_hear_of_the_draw_in_their_own_language(
    scene: Scene,
) -> None:
    people = [SIMPLIFIED, TRADITIONAL, ENGLISH, UNKNOWN]
    scene.telegram.started.update(person["id"] for person in [*people, OWNER])
    await send_confirmed(scene, GROUP, OWNER, "/giveaway 4 2h Poster")  # Mei's Telegram is zh-hans
    [record] = await giveaways(scene.session_factory)
    assert record.message_id is not None
    for person in people:
        await scene.tap(person, GROUP, f"ge1:{record.id}", message_id=record.message_id)
    async with scene.session_factory() as session, session.begin():
        ends_at = datetime.now(UTC)
        await store.set_fields(
            session, record.id, created_at=ends_at - timedelta(hours=1), ends_at=ends_at
        )
    await Clock(scene.session_factory, [draws_of(scene)]).run_due(
        datetime.now(UTC) + timedelta(seconds=1)
    )

    def private(person: dict[str, object]) -> str:
        return str(scene.telegram.sent(int(str(person["id"])))[-1])

    assert "中奖了" in private(SIMPLIFIED)
    assert "中獎了" in private(TRADITIONAL)
    assert private(ENGLISH).startswith("🎉 You won giveaway")
    assert private(UNKNOWN).startswith("🎉 You won giveaway")  # the group speaks English
    assert "已开奖" in private(OWNER)
