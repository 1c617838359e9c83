"""The inbox over the dashboard: the filters and search of /inbox, a keyset cursor that neither
skips nor repeats, and triage on several items at once through the commands' own service, each
change audited; an analyst reads but cannot act."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.db.models import AuditRecord, FeedbackItem
from tests.dashboard.support import Dashboard
from tests.support import updates as u
from tests.support.cast import ADMIN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene

FANS = [u.user(7300 + n, f"Fan{n}", username=f"fan{n}") for n in range(3)]
INBOX = f"/app/api/groups/{VICTIM['id']}/inbox"
ACTIONS = f"{INBOX}/actions"


async def seed(scene: Scene) -> list[int]:
    """Five pieces of feedback (newest last); their message ids."""
    texts = [
        "the app crashed on start, a bug",
        "love the new video, great work",
        "subtitles bug again: they lag",
        "please make a video about cats",
        "the player crashes when I seek, bug",
    ]
    ids = []
    for n, text in enumerate(texts):
        sent = await scene.say(VICTIM, FANS[n % 3], text)
        ids.append(sent["message"]["message_id"])
    return ids


async def audit_actions(scene: Scene) -> list[tuple[str, str]]:
    async with scene.session_factory() as session:
        rows = await session.execute(
            select(AuditRecord.action, AuditRecord.detail).order_by(AuditRecord.id)
        )
        return [(str(a), str(d)) for a, d in rows.all() if str(a).startswith("feedback-")]


async def test_the_inbox_filters_searches_and_scrolls_without_gaps(
    scene: Scene, dashboard: Dashboard
) -> None:
    ids = await seed(scene)
    bugs = await dashboard.json(ADMIN, f"{INBOX}?tag=bug&limit=2")
    assert bugs["total"] == 3 and bugs["more"] is False
    assert [item["message_id"] for item in bugs["items"]] == [ids[4], ids[2]]
    first = bugs["items"][0]
    assert first["text"] == "the player crashes when I seek, bug"
    assert first["author"] == {"name": "@fan1", "id": FANS[1]["id"]}
    assert {"tag": "bug", "name": "bug"} in first["tags"]
    assert first["status"] == "new" and first["link"].startswith("https://t.me/c/")
    # New feedback arriving between two scrolls neither shifts nor repeats the list.
    await scene.say(VICTIM, FANS[0], "another crash bug")
    rest = await dashboard.json(ADMIN, f"{INBOX}?tag=bug&limit=2&cursor={bugs['cursor']}")
    assert [item["message_id"] for item in rest["items"]] == [ids[0]]
    assert rest["cursor"] is None
    # The words /inbox takes, typed whole, and the search.
    typed = await dashboard.json(ADMIN, f"{INBOX}?q=%23bug%20@fan0")
    assert {item["message_id"] for item in typed["items"]} > {ids[0]}
    found = await dashboard.json(ADMIN, f"{INBOX}?q=subtitles")
    assert [item["message_id"] for item in found["items"]] == [ids[2]]


async def test_bad_filters_are_refused_in_the_inbox_commands_words(
    dashboard: Dashboard,
) -> None:
    refused = await dashboard.json(ADMIN, f"{INBOX}?status=finished", status=400)
    assert refused["error"] == "inbox-error"
    assert "finished" in refused["message"] and "planned" in refused["message"]
    refused = await dashboard.json(OWNER, f"{INBOX}?tag=nosuchtag", status=400)
    assert "nosuchtag" in refused["message"] and "/tags" in refused["message"]
    assert (await dashboard.json(ADMIN, f"{INBOX}?limit=500", status=400))["error"] == (
        "dashboard-bad-limit"
    )
    assert (await dashboard.json(ADMIN, f"{INBOX}?cursor=%%%", status=400))["error"] == (
        "dashboard-bad-cursor"
    )


async def test_triage_on_several_items_goes_through_the_commands_service_and_is_audited(
    scene: Scene, dashboard: Dashboard
) -> None:
    ids = await seed(scene)
    two = [ids[0], ids[2]]

    async def act(body: dict[str, Any], status: int = 200) -> Any:
        response = await dashboard.post(ADMIN, ACTIONS, body)
        assert response.status == status, await response.text()
        return await response.json()

    tagged = await act({"action": "tag", "message_ids": two, "tag": "question"})
    assert all({"tag": "question", "name": "question"} in item["tags"] for item in tagged["items"])
    untagged = await act({"action": "untag", "message_ids": two, "tag": "bug"})
    assert all("bug" not in [t["tag"] for t in item["tags"]] for item in untagged["items"])
    # Statuses in the words the bot shows, in any language.
    marked = await act({"action": "status", "message_ids": two, "status": "已计划"})
    assert [item["status"] for item in marked["items"]] == ["planned", "planned"]
    duplicate = await act({"action": "duplicate", "message_ids": [ids[4]], "original": ids[0]})
    assert duplicate["items"][0]["duplicate_of"] == ids[0]
    assert await audit_actions(scene) == [
        ("feedback-tagged", f"{ids[0]}: question"),
        ("feedback-tagged", f"{ids[2]}: question"),
        ("feedback-untagged", f"{ids[0]}: bug"),
        ("feedback-untagged", f"{ids[2]}: bug"),
        ("feedback-status-set", f"{ids[0]}: planned"),
        ("feedback-status-set", f"{ids[2]}: planned"),
        ("feedback-duplicate", f"{ids[4]} -> {ids[0]}"),
    ]
    after = await dashboard.json(ADMIN, f"{INBOX}?status=planned")
    assert {item["message_id"] for item in after["items"]} == set(two)


async def test_bad_actions_say_what_is_wrong_and_change_nothing(
    scene: Scene, dashboard: Dashboard
) -> None:
    ids = await seed(scene)
    cases: list[tuple[object, str]] = [
        ({"action": "delete", "message_ids": [ids[0]]}, "dashboard-bad-action"),
        ({"action": "tag", "message_ids": [], "tag": "bug"}, "dashboard-bad-items"),
        ({"action": "tag", "message_ids": ["1"], "tag": "bug"}, "dashboard-bad-items"),
        (
            {"action": "tag", "message_ids": [ids[0], 999999], "tag": "bug"},
            "dashboard-unknown-items",
        ),
        ({"action": "tag", "message_ids": [ids[0]], "tag": "nosuch"}, "tags-error"),
        ({"action": "tag", "message_ids": [ids[0]]}, "dashboard-bad-tag"),
        ({"action": "status", "message_ids": [ids[0]], "status": "planed"}, "mark-bad-status"),
        ({"action": "duplicate", "message_ids": [ids[0]], "original": ids[0]}, "dupe-itself"),
        ({"action": "duplicate", "message_ids": [ids[0]], "original": 999999}, "dupe-unknown"),
        ([1, 2], "dashboard-bad-body"),
    ]
    for body, error in cases:
        response = await dashboard.post(ADMIN, ACTIONS, body)
        assert response.status == 400, body
        refused = await response.json()
        assert refused["error"] == error, body
        assert refused["message"]
    suggested = await dashboard.post(
        ADMIN, ACTIONS, {"action": "status", "message_ids": [ids[0]], "status": "planed"}
    )
    assert "planned" in (await suggested.json())["message"]
    assert await audit_actions(scene) == []
    async with scene.session_factory() as session:
        statuses = set((await session.scalars(select(FeedbackItem.status))).all())
    assert statuses == {"new"}


async def test_an_analyst_reads_the_inbox_but_cannot_act_and_ids_are_not_authority(
    scene: Scene, dashboard: Dashboard
) -> None:
    ids = await seed(scene)
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    assert (await dashboard.json(MEMBER, INBOX))["total"] == 5
    body = {"action": "status", "message_ids": [ids[0]], "status": "done"}
    refused = await dashboard.post(MEMBER, ACTIONS, body)
    assert refused.status == 403
    assert (await refused.json())["error"] == "refused-role"
    # Another group's administrator, aiming at this group's items.
    assert (await dashboard.post(OTHER_ADMIN, ACTIONS, body)).status == 403
    assert (await dashboard.get(OTHER_ADMIN, INBOX)).status == 403
    # ...and through their own group's URL, the items are not theirs to find.
    own = f"/app/api/groups/{OTHER['id']}/inbox/actions"
    response = await dashboard.post(OTHER_ADMIN, own, body)
    assert (await response.json())["error"] == "dashboard-unknown-items"
    assert await audit_actions(scene) == []
