"""Videos and settings over the dashboard: the registry and a video's report data; the
settings panel's values, the audit log, and changing the language and time zone through the
commands' services, audited; analysts see what /videos and /tags show them, not settings."""

from __future__ import annotations

from typing import Any

from tests.dashboard.support import Dashboard
from tests.support.cast import ADMIN, MEMBER, OWNER, VICTIM
from tests.support.scene import Scene

GROUP_API = f"/app/api/groups/{VICTIM['id']}"


async def post(dashboard: Dashboard, person: dict[str, Any], path: str, body: object) -> Any:
    response = await dashboard.post(person, path, body)
    return response.status, await response.json()


async def test_the_registry_and_a_videos_report_are_read_by_an_analyst(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.send(VICTIM, ADMIN, "/video_add https://youtu.be/dQw4w9WgXcQ | Our <MV>")
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    registry = await dashboard.json(MEMBER, f"{GROUP_API}/videos")
    [video] = registry["videos"]
    assert video["title"] == "Our <MV>" and video["platform"] == "youtube"
    assert video["archived"] is False and registry["total"] == 1
    report = await dashboard.json(MEMBER, f"{GROUP_API}/videos/{video['number']}")
    assert report["video"]["title"] == "Our <MV>"
    assert report["feedback"]["volume"] == 0 and report["platforms"] == []
    missing = await dashboard.json(MEMBER, f"{GROUP_API}/videos/99", status=404)
    assert missing["error"] == "dashboard-no-video"


async def test_settings_show_the_panels_values_and_change_through_the_commands_services(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")  # the bot knows her name from then on
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    assert (await dashboard.get(MEMBER, f"{GROUP_API}/settings")).status == 403
    shown = await dashboard.json(ADMIN, f"{GROUP_API}/settings")
    assert shown["language"] in ("en", "zh", "zh-Hant")
    assert ("bug", "bug") in [(tag["tag"], tag["name"]) for tag in shown["tags"]]
    assert {"user_id": MEMBER["id"], "name": "@max", "role": "analyst"} in shown["roles"]
    status, changed = await post(
        dashboard, ADMIN, f"{GROUP_API}/settings/language", {"language": "繁體"}
    )
    assert status == 200 and changed["language"] == "zh-Hant"
    status, changed = await post(
        dashboard, ADMIN, f"{GROUP_API}/settings/timezone", {"timezone": "上海"}
    )
    assert status == 200 and changed["timezone"] == "Asia/Shanghai"
    status, refused = await post(
        dashboard, ADMIN, f"{GROUP_API}/settings/timezone", {"timezone": "Asia/Shangai"}
    )
    assert status == 400 and "Asia/Shanghai" in refused["message"]
    status, refused = await post(
        dashboard, ADMIN, f"{GROUP_API}/settings/language", {"language": "fr"}
    )
    assert status == 400 and refused["error"] == "dashboard-bad-language"
    log = await dashboard.json(ADMIN, f"{GROUP_API}/audit")
    actions = [entry["action"] for entry in log["entries"]]
    assert actions[:3] == ["group-timezone-set", "group-language-set", "role-granted"]
    assert log["entries"][0]["actor"] == "@ada"
    # An analyst cannot change them either.
    status, _ = await post(dashboard, MEMBER, f"{GROUP_API}/settings/language", {"language": "en"})
    assert status == 403
