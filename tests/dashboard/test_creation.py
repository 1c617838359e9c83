"""Making polls and giveaways from the dashboard: the guided flows' checks and their answers, a
preview that is a draft of the one-line form, and Send on it through the same services as the
preview's Send button in chat, audited; analysts, other groups' operators and other people's
drafts refused."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.db.models import GiveawayRecord
from bot.domain.giveaway import Rules
from tests.dashboard.support import Dashboard
from tests.dashboard.test_polls_giveaways import FANS, actions, polls, post
from tests.support.cast import ADMIN, MEMBER, OTHER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.scene import Scene

GROUP_API = f"/app/api/groups/{VICTIM['id']}"
POLL = {
    "question": "Next video?",
    "options": ["Cats", "Food <b>"],
    "anonymous": False,
    "multiple": False,
    "quiz": None,
    "start": None,
    "close": "2h",
}
GIVEAWAY = {
    "prize": "Signed poster",
    "winners": "2",
    "end": "day",
    "member": True,
    "joined": True,
    "joined_day": "",
    "comments": "3/7",
    "channel": "",
    "staff_excluded": True,
}


async def giveaways(scene: Scene) -> list[GiveawayRecord]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(GiveawayRecord))).all())


async def test_a_poll_is_previewed_then_sent_as_the_guided_flow_makes_it(
    scene: Scene, dashboard: Dashboard
) -> None:
    status, shown = await post(dashboard, ADMIN, f"{GROUP_API}/polls/preview", POLL)
    assert status == 200, shown
    preview = shown["preview"]
    assert preview["question"] == "Next video?"
    assert [o["label"] for o in preview["options"]] == ["Cats", "Food <b>"]
    assert preview["anonymous"] is False and preview["kind"] == "single"
    assert preview["start_at"] is None and preview["close_at"] is not None
    assert await polls(scene) == []  # a preview stores only its draft
    status, sent = await post(dashboard, ADMIN, f"{GROUP_API}/polls/drafts/{shown['draft']}/send")
    assert status == 200, sent
    assert sent["sending"] == "sent" and sent["poll"]["status"] == "open"
    [poll] = await polls(scene)
    assert poll.question == "Next video?" and poll.is_anonymous is False
    assert poll.telegram_poll_id is not None  # Telegram has it
    assert poll.close_at is not None
    assert "poll-created" in await actions(scene)
    status, twice = await post(dashboard, ADMIN, f"{GROUP_API}/polls/drafts/{shown['draft']}/send")
    assert status == 409 and twice["error"] == "draft-refused-done"
    assert len(await polls(scene)) == 1


async def test_a_quiz_scheduled_for_later_waits_for_the_clock(
    scene: Scene, dashboard: Dashboard
) -> None:
    body = {**POLL, "quiz": 2, "start": "3h", "close": "1d", "anonymous": True}
    status, shown = await post(dashboard, ADMIN, f"{GROUP_API}/polls/preview", body)
    assert status == 200, shown
    assert shown["preview"]["kind"] == "quiz"
    assert [o["correct"] for o in shown["preview"]["options"]] == [False, True]
    status, sent = await post(dashboard, ADMIN, f"{GROUP_API}/polls/drafts/{shown['draft']}/send")
    assert status == 200 and sent["sending"] == "scheduled"
    [poll] = await polls(scene)
    assert poll.status == "scheduled" and poll.telegram_poll_id is None


async def test_a_bad_poll_is_refused_with_the_flows_reason_and_nothing_stored(
    scene: Scene, dashboard: Dashboard
) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({**POLL, "question": "  "}, "The question is empty"),
        ({**POLL, "question": "Split | me"}, "would split the poll"),
        ({**POLL, "options": ["Cats"]}, "at least 2 options"),
        ({**POLL, "options": ["Cats", "cats"]}, "already an option"),
        ({**POLL, "options": "Cats, Food"}, "That option is empty"),
        ({**POLL, "quiz": 5}, "correct answer"),
        ({**POLL, "close": "yesterday-ish"}, "cannot read"),
        ({**POLL, "start": "3h", "close": "2026-01-01 10:00"}, "in the past"),
    ]
    for body, reason in cases:
        status, refused = await post(dashboard, ADMIN, f"{GROUP_API}/polls/preview", body)
        assert status == 400, (body, refused)
        assert reason in refused["message"], (reason, refused["message"])
        assert "<" not in refused["message"]  # plain text, not chat HTML
    assert await polls(scene) == []


async def test_only_an_operator_of_the_group_makes_and_sends_polls(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    status, refused = await post(dashboard, MEMBER, f"{GROUP_API}/polls/preview", POLL)
    assert status == 403 and refused["error"] == "refused-role"
    status, _ = await post(dashboard, OTHER_ADMIN, f"{GROUP_API}/polls/preview", POLL)
    assert status == 403
    status, shown = await post(dashboard, ADMIN, f"{GROUP_API}/polls/preview", POLL)
    assert status == 200
    send = f"/polls/drafts/{shown['draft']}/send"
    # Another group's administrator, naming this draft through their own group.
    status, refused = await post(dashboard, OTHER_ADMIN, f"/app/api/groups/{OTHER['id']}{send}")
    assert status == 409 and refused["error"] == "draft-refused-gone"
    status, refused = await post(dashboard, MEMBER, f"{GROUP_API}{send}")
    assert status == 403
    # Another operator of the same group: only the one who previewed it sends it.
    status, refused = await post(dashboard, OWNER, f"{GROUP_API}{send}")
    assert status == 409 and refused["error"] == "draft-refused-not-owner"
    assert await polls(scene) == []


async def test_topic_ideas_come_from_the_groups_fans(scene: Scene, dashboard: Dashboard) -> None:
    ideas = ["下期出猫咪", "想看猫咪", "next video about street food", "下期出猫咪"]
    for fan, text in zip(FANS, ideas, strict=True):
        await scene.say(VICTIM, fan, text)
    found = await dashboard.json(ADMIN, f"{GROUP_API}/polls/ideas")
    assert found["period"] == "7d"
    assert found["ideas"][0] == "下期出猫咪"  # as /poll_topics lists them, most fans first
    assert any("street food" in idea for idea in found["ideas"])
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    await dashboard.json(MEMBER, f"{GROUP_API}/polls/ideas", status=403)


async def test_a_giveaway_is_made_with_the_guided_flows_rules(
    scene: Scene, dashboard: Dashboard
) -> None:
    status, shown = await post(dashboard, ADMIN, f"{GROUP_API}/giveaways/preview", GIVEAWAY)
    assert status == 200, shown
    preview = shown["preview"]
    assert preview["prize"] == "Signed poster" and preview["winners"] == 2
    assert len(preview["rules"]) == 4  # member, joined before, 3 comments in 7 days, no staff
    assert await giveaways(scene) == []
    send = f"{GROUP_API}/giveaways/drafts/{shown['draft']}/send"
    status, sent = await post(dashboard, ADMIN, send)
    assert status == 200, sent
    assert sent["giveaway"]["status"] == "open" and sent["giveaway"]["winners"] == 2
    [record] = await giveaways(scene)
    assert record.prize == "Signed poster" and record.message_id is not None  # announced
    rules = Rules.from_json(record.rules)
    assert rules.member and rules.joined_before and rules.staff_excluded
    assert (rules.min_comments, rules.comment_days) == (3, 7)
    assert "giveaway-created" in await actions(scene)
    status, twice = await post(dashboard, ADMIN, send)
    assert status == 409 and twice["error"] == "draft-refused-done"


async def test_a_bad_giveaway_is_refused_with_the_flows_reason(
    scene: Scene, dashboard: Dashboard
) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({**GIVEAWAY, "prize": ""}, "The prize is empty"),
        ({**GIVEAWAY, "prize": "a | b"}, "cannot contain"),
        ({**GIVEAWAY, "winners": "lots"}, "lots"),
        ({**GIVEAWAY, "winners": 0}, "0"),
        ({**GIVEAWAY, "end": "whenever"}, ""),
        ({**GIVEAWAY, "comments": "3"}, "3"),
        ({**GIVEAWAY, "joined_day": "2099-01-01"}, ""),
    ]
    for body, detail in cases:
        status, refused = await post(dashboard, ADMIN, f"{GROUP_API}/giveaways/preview", body)
        assert status == 400, (body, refused)
        assert refused["message"] and detail in refused["message"], refused
    assert await giveaways(scene) == []


async def test_only_an_operator_of_the_group_makes_giveaways(
    scene: Scene, dashboard: Dashboard
) -> None:
    await scene.send(VICTIM, OWNER, "/grant analyst @max")
    status, refused = await post(dashboard, MEMBER, f"{GROUP_API}/giveaways/preview", GIVEAWAY)
    assert status == 403 and refused["error"] == "refused-role"
    status, _ = await post(dashboard, OTHER_ADMIN, f"{GROUP_API}/giveaways/preview", GIVEAWAY)
    assert status == 403
    status, shown = await post(dashboard, ADMIN, f"{GROUP_API}/polls/preview", POLL)
    # A poll's draft is not a giveaway's.
    status, refused = await post(
        dashboard, ADMIN, f"{GROUP_API}/giveaways/drafts/{shown['draft']}/send"
    )
    assert status == 409 and refused["error"] == "draft-refused-gone"
    assert await giveaways(scene) == []
