"""Editing a tag from the dashboard: renamed as /tag_rename then Yes, its words set as
/tag_remove and /tag_add would change them (with the offer to apply them to the history),
each audited as the commands are; bad input refused with the chat's reason and nothing
changed; analysts and other groups' operators refused."""

from __future__ import annotations

from typing import Any

from tests.dashboard.support import Dashboard
from tests.dashboard.test_settings_actions import SETTINGS, actions
from tests.dashboard.test_videos_settings import post
from tests.support.cast import ADMIN, FAN, MEMBER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene


def tag_of(document: dict[str, Any], key: str) -> dict[str, Any] | None:
    return next((tag for tag in document["tags"] if tag["tag"] == key), None)


async def test_a_tag_is_renamed_and_its_words_set(scene: Scene, dashboard: Dashboard) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_new kittens kittens, 小猫")
    await scene.say(VICTIM, FAN, "a puppy video next please")
    body = {"tag": "kittens", "name": "pets"}
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/tags/rename", body)
    assert status == 200, changed
    assert tag_of(changed, "kittens") is None
    assert tag_of(changed, "pets") == {"tag": "pets", "name": "pets", "terms": ["kittens", "小猫"]}
    words = {"tag": "pets", "terms": "小猫，puppy, #pets"}  # a Chinese keyboard's comma
    status, changed = await post(dashboard, ADMIN, f"{SETTINGS}/tags/words", words)
    assert status == 200, changed
    assert tag_of(changed, "pets")["terms"] == ["小猫", "puppy", "#pets"]  # type: ignore[index]
    run = changed["retag"]["run"]
    status, started = await post(dashboard, ADMIN, f"{SETTINGS}/retag/{run}", {})
    assert status == 200 and started["outcome"] == "started"
    await scene.pipeline.dispatcher.workflow_data["retag"].settle()
    done = await dashboard.json(ADMIN, f"{SETTINGS}/retag/{run}")
    assert done["status"] == "done" and done["tagged"] == 1
    assert [a for a in await actions(scene) if a.startswith("tag")] == [
        "tag-created",
        "tag-renamed",
        "tag-terms-removed",
        "tag-terms-added",
    ]


async def test_bad_edits_are_refused_and_change_nothing(scene: Scene, dashboard: Dashboard) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_new kittens kittens")
    before = await dashboard.json(ADMIN, SETTINGS)
    refusals = [
        ("rename", {"tag": "kittens", "name": "two words"}, "dashboard-bad-tag-rename"),
        ("rename", {"tag": "pups", "name": "pets"}, "tags-error"),
        ("rename", {"tag": "kittens", "name": "bug"}, "tags-error"),  # taken
        ("words", {"tag": "kittens", "terms": ""}, "tags-error"),
        ("words", {"tag": "kittens", "terms": "cats, #not a hashtag"}, "tags-error"),
        ("words", {"tag": "pups", "terms": "cats"}, "tags-error"),
    ]
    for path, body, error in refusals:
        status, refused = await post(dashboard, ADMIN, f"{SETTINGS}/tags/{path}", body)
        assert (status, refused["error"]) == (400, error), (body, refused)
        assert refused["message"]
    assert await dashboard.json(ADMIN, SETTINGS) == before
    assert [a for a in await actions(scene) if a.startswith("tag")] == ["tag-created"]


async def test_analysts_and_other_groups_cannot_edit_tags(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    for person in (MEMBER, OTHER_ADMIN, FAN):
        status, _ = await post(
            dashboard, person, f"{SETTINGS}/tags/rename", {"tag": "bug", "name": "bugs"}
        )
        assert status == 403
        status, _ = await post(
            dashboard, person, f"{SETTINGS}/tags/words", {"tag": "bug", "terms": "x"}
        )
        assert status == 403
