"""The dashboard's read endpoints over a seeded group, through the same services and roles as
the commands: who may read which group, what the overview counts, and fans' texts kept inert."""

from __future__ import annotations

import json

from tests.dashboard.support import Dashboard, login_for
from tests.support import updates as u
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> crash \u202eevil\u202c"


def overview_path(chat: dict[str, object], days: int = 7) -> str:
    return f"/app/api/groups/{chat['id']}/overview?days={days}"


async def test_me_names_the_person_their_groups_and_roles_and_speaks_their_language(
    scene: Scene, dashboard: Dashboard
) -> None:
    # Administrators are found where they were seen at work, like /groups finds them.
    await scene.say(VICTIM, ADMIN, "hello fans")
    await scene.say(VICTIM, OWNER, "大家好")
    me = await dashboard.json(ADMIN, "/app/api/me")
    assert me["user"] == {"id": ADMIN["id"], "first_name": "Ada", "username": "ada"}
    assert me["language"] == "en"
    assert me["groups"] == [{"id": VICTIM["id"], "title": VICTIM["title"], "role": "administrator"}]
    owner = await dashboard.json(OWNER, "/app/api/me")
    assert owner["language"] == "zh"
    fan = await dashboard.json(FAN, "/app/api/me")
    assert fan["groups"] == [] and fan["current"] is None


async def test_a_start_param_names_a_group_only_among_the_callers_own(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.say(VICTIM, ADMIN, "hello fans")
    own = login_for(ADMIN, start_param=f"g{VICTIM['id']}")
    response = await dashboard.get(None, "/app/api/me", Authorization=own)
    assert (await response.json())["start_group"] == VICTIM["id"]
    foreign = login_for(ADMIN, start_param=f"g{OTHER['id']}")
    response = await dashboard.get(None, "/app/api/me", Authorization=foreign)
    assert (await response.json())["start_group"] is None


async def test_a_fan_gets_403_and_an_administrator_of_one_group_cannot_read_another(
    dashboard: Dashboard,
) -> None:
    refused = await dashboard.json(FAN, overview_path(VICTIM), status=403)
    assert refused["error"] == "refused-role"
    assert refused["message"] == "这需要你在 Victim fans <b> 拥有分析师角色，而你没有。"
    # OTHER's administrator, changing the id in the URL.
    refused = await dashboard.json(OTHER_ADMIN, overview_path(VICTIM), status=403)
    assert refused["error"] == "refused-role"
    assert (await dashboard.json(OTHER_ADMIN, overview_path(OTHER)))["group"]["id"] == OTHER["id"]
    # A group the bot never saw answers the same way: ids are not probed.
    unknown = await dashboard.json(ADMIN, "/app/api/groups/-1009999999999/overview", status=403)
    assert unknown["error"] == "refused-group-inactive"


async def test_a_granted_analyst_reads_and_a_revoked_one_is_refused_at_once(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    assert (await dashboard.json(MEMBER, overview_path(VICTIM)))["group"]["role"] == "analyst"
    me = await dashboard.json(MEMBER, "/app/api/me")
    assert me["groups"] == [{"id": VICTIM["id"], "title": VICTIM["title"], "role": "analyst"}]
    await scene.send(VICTIM, OWNER, "/revoke @max")
    await scene.confirm(OWNER, VICTIM)
    await dashboard.json(MEMBER, overview_path(VICTIM), status=403)
    assert (await dashboard.json(MEMBER, "/app/api/me"))["groups"] == []


async def test_the_overview_counts_the_period_like_the_digest(
    scene: Scene, dashboard: Dashboard
) -> None:
    fans = [u.user(7100 + n, f"Fan{n}") for n in range(3)]
    for fan in fans:
        await scene.join(VICTIM, fan)
        await scene.say(VICTIM, fan, "the app crashed again, this bug is bad")
    await scene.say(VICTIM, fans[0], "love it, great work")
    await scene.say(VICTIM, ADMIN, "thanks all")  # staff: not a fan's message
    overview = await dashboard.json(ADMIN, overview_path(VICTIM, 30))
    assert overview["days"] == 30 and overview["group"]["role"] == "administrator"
    # The scene's fixture had FAN and MEMBER say hello first.
    assert overview["messages"] == 2 + 3 + 1
    assert overview["active_fans"] == 2 + 3
    assert overview["new_fans"] == 5
    assert overview["joins"] == 3 and overview["leaves"] == 0
    assert sum(overview["sentiment"].values()) == 6
    bug = next(line for line in overview["feedback"] if line["tag"] == "bug")
    assert bug == {"tag": "bug", "name": "bug", "count": 3, "previous": 0, "rising": True}
    [rising] = [line for line in overview["rising"] if line["tag"] == "bug"]
    assert len(rising["quotes"]) == 3
    assert rising["quotes"][0]["text"] == "the app crashed again, this bug is bad"
    assert rising["quotes"][0]["link"].startswith("https://t.me/c/1000000111/")
    assert sum(map(sum, overview["heatmap"])) == 6
    assert len(overview["heatmap"]) == 7 and {len(row) for row in overview["heatmap"]} == {24}
    assert len(overview["daily"]) == 30 and overview["daily"][-1]["messages"] == 6
    # In Chinese, the built-in tags are named in Chinese.
    owner = await dashboard.json(OWNER, overview_path(VICTIM, 7))
    assert next(line["name"] for line in owner["feedback"] if line["tag"] == "bug") != "bug"


async def test_a_bad_period_or_group_id_says_what_is_allowed(dashboard: Dashboard) -> None:
    refused = await dashboard.json(ADMIN, overview_path(VICTIM, 14), status=400)
    assert refused["error"] == "dashboard-bad-days" and "7, 30, 90" in refused["message"]
    refused = await dashboard.json(ADMIN, "/app/api/groups/fans/overview", status=400)
    assert refused["error"] == "dashboard-bad-group"
    refused = await dashboard.json(ADMIN, f"/app/api/groups/{2**63}/overview", status=400)
    assert refused["error"] == "dashboard-bad-group"
    zh = await dashboard.json(OWNER, overview_path(VICTIM, 14), status=400)
    assert "天" in zh["message"]


async def test_hostile_fan_texts_come_back_as_inert_json_strings(
    scene: Scene, dashboard: Dashboard
) -> None:
    for n in range(2):
        await scene.say(VICTIM, u.user(7200 + n, "Eve"), HOSTILE)
    response = await dashboard.get(ADMIN, overview_path(VICTIM))
    body = await response.text()
    assert response.content_type == "application/json"
    for raw in ("<", ">", "\u202e", "\u202c"):
        assert raw not in body
    [quote, _] = next(line for line in json.loads(body)["rising"] if line["tag"] == "bug")["quotes"]
    assert quote["text"] == HOSTILE  # the very text, for the screen to show as text
