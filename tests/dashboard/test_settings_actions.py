"""Changing settings from the dashboard through the commands' services: the digest's time, days
and the caller's subscription, retention (asked first when it erases), the group's tags with
applying a new one to the stored history, and roles granted and revoked as /grant and /revoke
do, each audited; analysts and other groups' operators refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.db.models import AuditRecord, ChatRole
from bot.services.retag import Retagger
from tests.dashboard.support import Dashboard
from tests.dashboard.test_videos_settings import post
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene

GROUP_API = f"/app/api/groups/{VICTIM['id']}"
SETTINGS = f"{GROUP_API}/settings"


async def actions(scene: Scene) -> list[str]:
    async with scene.session_factory() as session:
        return list(await session.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


async def roles(scene: Scene) -> dict[int, str]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(ChatRole.user_id, ChatRole.role).where(ChatRole.chat_id == VICTIM["id"])
        )
        return {user_id: role for user_id, role in rows.all()}  # noqa: C416


async def test_the_digest_time_days_and_subscription(scene: Scene, dashboard: Dashboard) -> None:
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"time": "21：30"})
    assert status == 200, changed
    assert changed["digest"]["time"] == "21:30"  # a Chinese keyboard's colon read
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"days": [0, 2, 4]})
    assert status == 200 and changed["digest"]["days"] == [0, 2, 4]
    assert changed["digest"]["subscribed"] is False
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"subscribed": True})
    assert status == 200 and changed["digest"]["subscribed"] is True
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"subscribed": False})
    assert changed["digest"]["subscribed"] is False
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"time": "25:00"})
    assert status == 400 and "09:00" in refused["message"]
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"days": []})
    assert status == 400 and "at least one day" in refused["message"]
    assert [a for a in await actions(scene) if a.startswith("digest")] == [
        "digest-time-set",
        "digest-days-set",
    ]
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    status, _ = await post(dashboard, MEMBER, f"{SETTINGS}/digest", {"time": "08:00"})
    assert status == 403


async def test_retention_is_set_and_turned_off(scene: Scene, dashboard: Dashboard) -> None:
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/retention", {"retention": "90天"})
    assert status == 200 and changed["retention_days"] == 90
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/retention", {"retention": "soon"})
    assert status == 400 and "1 to 3650 days" in refused["message"]
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/retention", {"retention": "off"})
    assert status == 200 and changed["retention_days"] is None
    assert [a for a in await actions(scene) if a.startswith("retention")] == [
        "retention-set",
        "retention-set",
    ]
    status, _ = await post(dashboard, OTHER_ADMIN, f"{SETTINGS}/retention", {"retention": "off"})
    assert status == 403


async def test_a_tag_is_added_applied_to_the_history_and_removed(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.say(VICTIM, FAN, "the kittens in the last video were adorable")
    await scene.say(VICTIM, FAN, "more kittens please")
    body = {"action": "add", "tag": "kittens", "terms": "kittens, 小猫"}
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/tags", body)
    assert status == 200, changed
    assert "kittens" in [tag["tag"] for tag in changed["tags"]]
    run = changed["retag"]["run"]
    status, started = await post(dashboard, ADMIN, f"{SETTINGS}/retag/{run}", {})
    assert status == 200 and started["outcome"] == "started"
    await scene.pipeline.dispatcher.workflow_data["retag"].settle()
    assert isinstance(scene.pipeline.dispatcher.workflow_data["retag"], Retagger)
    done = await dashboard.json(ADMIN, f"{SETTINGS}/retag/{run}")
    assert done["status"] == "done" and done["tagged"] == 2
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/tags", body)
    assert status == 400 and refused["error"] == "tags-error"
    remove = {"action": "remove", "tag": "kittens"}
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/tags", remove)
    assert status == 200 and "kittens" not in [tag["tag"] for tag in changed["tags"]]
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/tags", {**remove, "tag": "pups"})
    assert status == 400 and refused["message"]
    assert [a for a in await actions(scene) if a.startswith("tag")] == [
        "tag-created",
        "tag-deleted",
    ]
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    status, _ = await post(dashboard, MEMBER, f"{SETTINGS}/tags", {**remove, "tag": "bug"})
    assert status == 403


async def test_roles_are_granted_and_revoked_as_the_commands_do(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.say(VICTIM, MEMBER, "hi")  # the bot knows @max from then on
    grant = {"action": "grant", "who": "@max", "role": "analyst"}
    status, changed = await post(dashboard, OWNER, f"{SETTINGS}/roles", grant)
    assert status == 200, changed
    assert {"user_id": MEMBER["id"], "name": "@max", "role": "analyst"} in changed["roles"]
    assert (await roles(scene))[MEMBER["id"]] == "analyst"
    status, refused = await post(dashboard, OWNER, f"{SETTINGS}/roles", {**grant, "who": "@nobody"})
    assert status == 400 and "@nobody" in refused["message"]
    status, refused = await post(dashboard, OWNER, f"{SETTINGS}/roles", {**grant, "role": "king"})
    assert status == 400 and refused["error"] == "grant-usage"
    # An analyst cannot grant; neither can another group's administrator.
    status, _ = await post(dashboard, MEMBER, f"{SETTINGS}/roles", {**grant, "who": "@lin_fan"})
    assert status == 403
    status, _ = await post(dashboard, OTHER_ADMIN, f"{SETTINGS}/roles", grant)
    assert status == 403
    revoke = {"action": "revoke", "user_id": MEMBER["id"]}
    status, changed = await post(dashboard, OWNER, f"{SETTINGS}/roles", revoke)
    assert status == 200 and MEMBER["id"] not in [holder["user_id"] for holder in changed["roles"]]
    assert MEMBER["id"] not in await roles(scene)
    status, refused = await post(dashboard, OWNER, f"{SETTINGS}/roles", revoke)
    assert status == 409 and refused["error"] == "revoke-nothing"
    # The revoked analyst is refused at once.
    assert (await dashboard.get(MEMBER, f"{GROUP_API}/overview")).status == 403
    assert [a for a in await actions(scene) if a.startswith("role")] == [
        "role-granted",
        "role-revoked",
    ]


async def test_a_retention_that_erases_is_asked_first_then_confirmed(
    scene: Scene, dashboard: Dashboard
) -> None:
    now = scene.updates.clock
    scene.updates.clock = int((datetime.now(UTC) - timedelta(days=40)).timestamp())
    await scene.say(VICTIM, FAN, "an old comment about the subtitles")
    scene.updates.clock = now
    await scene.say(VICTIM, FAN, "a new one")
    body = {"retention": "30d"}
    status, asked = await post(dashboard, ADMIN, f"{SETTINGS}/retention", body)
    assert status == 409 and asked["error"] == "confirm-retention"
    assert "one stored comment" in asked["message"]
    shown = await dashboard.json(ADMIN, SETTINGS)
    assert shown["retention_days"] is None  # nothing changed before the answer
    status, changed = await post(
        dashboard, ADMIN, f"{SETTINGS}/retention", {**body, "confirmed": True}
    )
    assert status == 200 and changed["retention_days"] == 30
    assert [a for a in await actions(scene) if a.startswith("retention")] == ["retention-set"]
