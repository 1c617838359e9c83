"""Choosing the digest's chat from the dashboard, as /digest_chat does: among the caller's other
groups, refused (nothing changed) for a chat the caller does not administer, stopped with null,
each audited; analysts refused."""

from __future__ import annotations

from tests.dashboard.support import Dashboard
from tests.dashboard.test_settings_actions import SETTINGS, actions
from tests.dashboard.test_videos_settings import post
from tests.support.cast import ADMIN, MEMBER, OTHER, OWNER, VICTIM
from tests.support.scene import Scene


async def test_the_digest_chat_is_chosen_among_the_callers_groups(
    scene: Scene, dashboard: Dashboard
) -> None:
    scene.telegram.set_status(OTHER["id"], ADMIN["id"], "administrator")
    await scene.say(OTHER, ADMIN, "hello other fans")
    shown = await dashboard.json(ADMIN, SETTINGS)
    assert shown["digest"]["chat"] is None
    assert {"id": OTHER["id"], "title": OTHER["title"]} in shown["digest"]["chat_choices"]
    assert VICTIM["id"] not in [c["id"] for c in shown["digest"]["chat_choices"]]
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"chat": OTHER["id"]})
    assert status == 200, changed
    assert changed["digest"]["chat"]["id"] == OTHER["id"]
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"chat": -1001000000999})
    assert status == 400 and refused["error"] == "digest-chat-refused" and refused["message"]
    status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"chat": "here"})
    assert status == 400 and refused["error"] == "digest-chat-usage"
    assert (await dashboard.json(ADMIN, SETTINGS))["digest"]["chat"]["id"] == OTHER["id"]
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/digest", {"chat": None})
    assert status == 200 and changed["digest"]["chat"] is None
    assert [a for a in await actions(scene) if a.startswith("digest-chat")] == [
        "digest-chat-set",
        "digest-chat-cleared",
    ]
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    status, _ = await post(dashboard, MEMBER, f"{SETTINGS}/digest", {"chat": None})
    assert status == 403
