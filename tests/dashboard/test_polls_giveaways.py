"""Polls and giveaways over the dashboard: their lists and results, a giveaway's entrants with
their eligibility, and the actions of /poll_close, /poll_cancel, /giveaway_cancel and
/giveaway_reroll through the same services and declarations, each audited."""

from __future__ import annotations

from typing import Any

from aiogram.methods import GetChatMember
from sqlalchemy import select

from bot.db.models import AuditRecord, GiveawayRecord, PollRecord
from tests.dashboard.support import Dashboard
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene

GROUP_API = f"/app/api/groups/{VICTIM['id']}"
FANS = [u.user(7400 + n, f"Fan{n}") for n in range(4)]


async def actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def polls(scene: Scene) -> list[PollRecord]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(PollRecord).order_by(PollRecord.id))).all())


async def post(dashboard: Dashboard, person: dict[str, Any], path: str, body: object = None) -> Any:
    response = await dashboard.post(person, path, body or {})
    return response.status, await response.json()


async def test_polls_are_listed_with_results_closed_and_exported(
    scene: Scene, dashboard: Dashboard
) -> None:
    await send_confirmed(scene, VICTIM, ADMIN, "/poll Next video? | Cats | Food --anonymous no")
    [poll] = await polls(scene)
    assert poll.telegram_poll_id is not None
    await scene.pipeline.deliver(
        scene.answer(poll.telegram_poll_id, FANS[0], [0]),
        scene.answer(poll.telegram_poll_id, FANS[1], [1]),
        scene.answer(poll.telegram_poll_id, FANS[2], [1]),
        scene.poll_update(poll.telegram_poll_id, "Next video?", [1, 2], 3),
    )
    listed = await dashboard.json(MEMBER, f"{GROUP_API}/polls", status=403)
    assert listed["error"] == "refused-role"
    listed = await dashboard.json(ADMIN, f"{GROUP_API}/polls")
    [shown] = listed["polls"]
    assert shown["question"] == "Next video?" and shown["status"] == "open"
    assert shown["voters"] == 3
    assert [(o["label"], o["votes"], o["winner"]) for o in shown["options"]] == [
        ("Cats", 1, False),
        ("Food", 2, True),
    ]
    export = await dashboard.get(ADMIN, f"{GROUP_API}/polls/{poll.id}/export")
    assert export.status == 200 and export.content_type == "text/csv"
    assert (await export.read()).startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    status, closed = await post(dashboard, ADMIN, f"{GROUP_API}/polls/{poll.id}/close")
    assert status == 200 and closed["poll"]["status"] == "closed"
    status, again = await post(dashboard, ADMIN, f"{GROUP_API}/polls/{poll.id}/close")
    assert status == 409 and again["error"] == "poll-not-open"
    assert "poll-closed" in await actions(scene)


async def test_a_scheduled_poll_is_cancelled_and_numbers_are_only_this_groups(
    scene: Scene, dashboard: Dashboard
) -> None:
    await send_confirmed(scene, VICTIM, ADMIN, "/poll Later? | a | b --start 2h")
    [poll] = await polls(scene)
    # Another group's administrator, naming this group's poll through their own group.
    status, refused = await post(
        dashboard, OTHER_ADMIN, f"/app/api/groups/{OTHER['id']}/polls/{poll.id}/cancel"
    )
    assert status == 409 and refused["error"] == "poll-not-scheduled"
    status, _ = await post(dashboard, OTHER_ADMIN, f"{GROUP_API}/polls/{poll.id}/cancel")
    assert status == 403
    status, cancelled = await post(dashboard, ADMIN, f"{GROUP_API}/polls/{poll.id}/cancel")
    assert status == 200 and cancelled["poll"]["status"] == "cancelled"
    assert await actions(scene) == ["poll-created", "poll-cancelled"]
    status, bad = await post(dashboard, ADMIN, f"{GROUP_API}/polls/first/cancel")
    assert status == 400 and bad["error"] == "dashboard-bad-number"


async def giveaway(scene: Scene, rules: str) -> GiveawayRecord:
    await send_confirmed(scene, VICTIM, ADMIN, f"/giveaway 1 2h Poster | {rules}")
    async with scene.session_factory() as session:
        [record] = (await session.scalars(select(GiveawayRecord))).all()
    for fan in FANS:
        await scene.say(VICTIM, fan, "hi")
        assert record.message_id is not None
        await scene.deliver(
            scene.button(fan, VICTIM, f"ge1:{record.id}", message_id=record.message_id)
        )
    return record


async def test_entrants_are_listed_with_their_eligibility_now(
    scene: Scene, dashboard: Dashboard
) -> None:
    record = await giveaway(scene, "member")
    scene.telegram.left.add((VICTIM["id"], FANS[3]["id"]))
    path = f"{GROUP_API}/giveaways/{record.id}/entrants"
    first = await dashboard.json(ADMIN, f"{path}?limit=3")
    assert first["giveaway"]["entrants"] == 4 and first["giveaway"]["status"] == "open"
    assert [e["eligible"] for e in first["entrants"]] == [True, True, True]
    rest = await dashboard.json(ADMIN, f"{path}?limit=3&after={first['after']}")
    [gone] = rest["entrants"]
    assert gone["user_id"] == FANS[3]["id"] and gone["eligible"] is False
    assert gone["reason"] == "left-group" and gone["reason_text"]
    assert rest["after"] is None
    listed = await dashboard.json(ADMIN, f"{GROUP_API}/giveaways")
    assert [g["number"] for g in listed["giveaways"]] == [record.id]
    assert listed["giveaways"][0]["rules"]
    missing = await dashboard.json(ADMIN, f"{GROUP_API}/giveaways/{record.id}/transcript", 404)
    assert missing["error"] == "dashboard-no-transcript"


async def test_entrants_listed_again_within_a_minute_ask_telegram_nothing(
    scene: Scene, dashboard: Dashboard
) -> None:
    record = await giveaway(scene, "member")
    path = f"{GROUP_API}/giveaways/{record.id}/entrants?limit=4"
    asked = len(scene.calls(GetChatMember))
    first = await dashboard.json(ADMIN, path)
    assert len(scene.calls(GetChatMember)) == asked + 4
    scene.telegram.left.add((VICTIM["id"], FANS[3]["id"]))
    again = await dashboard.json(ADMIN, path)
    # The list is the minute-old answer; the draw asks Telegram itself (Eligibility.check).
    assert len(scene.calls(GetChatMember)) == asked + 4
    assert again["entrants"] == first["entrants"]


async def test_a_giveaway_is_cancelled_with_its_reason_only_by_an_operator(
    scene: Scene, dashboard: Dashboard
) -> None:
    record = await giveaway(scene, "member")
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    cancel = f"{GROUP_API}/giveaways/{record.id}/cancel"
    status, refused = await post(dashboard, MEMBER, cancel, {"reason": "prize lost"})
    assert status == 403 and refused["error"] == "refused-role"
    status, refused = await post(dashboard, ADMIN, cancel, {"reason": "   "})
    assert status == 400 and refused["error"] == "dashboard-no-reason"
    status, done = await post(dashboard, ADMIN, cancel, {"reason": "the prize <b>was</b> lost"})
    assert status == 200 and done["giveaway"]["status"] == "cancelled"
    assert done["giveaway"]["cancel_reason"] == "the prize <b>was</b> lost"
    status, again = await post(dashboard, ADMIN, cancel, {"reason": "twice"})
    assert status == 409
    assert [a for a in await actions(scene) if a.startswith("giveaway")] == [
        "giveaway-created",
        "giveaway-cancelled",
    ]


async def test_a_reroll_needs_a_drawn_giveaway_places_and_a_reason(
    scene: Scene, dashboard: Dashboard
) -> None:
    record = await giveaway(scene, "member")
    reroll = f"{GROUP_API}/giveaways/{record.id}/reroll"
    status, refused = await post(dashboard, ADMIN, reroll, {"places": [1]})
    assert status == 400 and refused["error"] == "dashboard-no-reason"
    status, refused = await post(dashboard, ADMIN, reroll, {"places": [0], "reason": "x"})
    assert status == 400 and refused["error"] == "dashboard-bad-places"
    status, refused = await post(dashboard, ADMIN, reroll, {"places": [1], "reason": "gone"})
    assert status == 409 and refused["error"] == "giveaway-reroll-refused"
    assert refused["message"]
