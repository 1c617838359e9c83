"""Our limits are the Bot API's as the pinned aiogram documents them; topic polls from the fans'
topic ideas; the digest section and the /status line."""

from __future__ import annotations

import ast
import inspect
import re
from datetime import UTC, datetime, timedelta

from aiogram.methods import SendPoll
from aiogram.types import InputPollOption

from bot.db.chat_settings import register_group
from bot.domain import polls
from bot.domain.poll_topics import topic_candidates
from bot.domain.tagging import DEFAULT_RULES, Tagger
from tests.polls.support import ADMIN, FANS, GROUP, OWNER, sent_polls, stops, stored_polls
from tests.support import updates as u
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene


def documented(model: type, field: str) -> str:
    """The docstring aiogram writes under a field of its generated model."""
    body = ast.parse(inspect.getsource(model)).body[0]
    assert isinstance(body, ast.ClassDef)
    statements = body.body
    for index, statement in enumerate(statements):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and statement.target.id == field
        ):
            doc = statements[index + 1]
            assert isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
            return str(doc.value.value)
    raise AssertionError(f"{model.__name__}.{field} is not documented")


def bounds(text: str) -> tuple[int, int]:
    found = re.search(r"(\d+)-(\d+)", text)
    assert found is not None, text
    return int(found[1]), int(found[2])


def test_our_limits_are_the_bot_api_limits_of_the_pinned_aiogram() -> None:
    assert bounds(documented(SendPoll, "question"))[1] == polls.QUESTION_MAX
    assert bounds(documented(InputPollOption, "text"))[1] == polls.OPTION_MAX
    fewest, most = bounds(documented(SendPoll, "options"))
    assert most == polls.OPTIONS_MAX
    assert max(2, fewest) == polls.OPTIONS_MIN  # one option is no choice
    assert bounds(documented(SendPoll, "explanation"))[1] == polls.EXPLANATION_MAX
    low, high = bounds(documented(SendPoll, "open_period"))
    assert timedelta(seconds=low) == polls.OPEN_PERIOD_MIN
    assert timedelta(seconds=high) == polls.OPEN_PERIOD_MAX


def test_topic_candidates_group_the_same_idea_in_different_words() -> None:
    comments = [
        (1, "下期出猫咪！"),
        (2, "想看猫咪"),
        (3, "#选题 猫咪"),
        (3, "下期出猫咪"),
        (4, "next video about street food"),
        (5, "please cover street food"),
        (6, "love this video"),
    ]
    candidates = topic_candidates(comments, Tagger.build(DEFAULT_RULES))
    assert [(c.fans, c.mentions) for c in candidates] == [(3, 4), (2, 2)]
    assert "猫咪" in candidates[0].label and "street food" in candidates[1].label


async def test_poll_topics_lists_then_sends_the_picked_ideas(scene: Scene) -> None:
    ideas = ["下期出猫咪", "想看猫咪", "next video about street food", "下期出猫咪", "想看做饭"]
    for fan, text in zip(FANS, ideas, strict=True):
        await scene.pipeline.deliver(scene.updates.message(GROUP, fan, text))
    await scene.send(GROUP, OWNER, "/poll_topics 7d")
    listing = scene.replies(GROUP["id"])[-1]
    assert "1. 下期出猫咪 — 3 fans" in listing
    assert "/poll Which topic next? | 下期出猫咪 |" in listing
    assert sent_polls(scene) == []
    await send_confirmed(scene, GROUP, OWNER, "/poll_topics 7d 1,3 --close 1d")
    [sent] = sent_polls(scene)
    assert sent.question == "Which topic next?"
    labels = [o.text for o in sent.options if isinstance(o, InputPollOption)]
    assert labels[0] == "下期出猫咪" and len(labels) == 2
    [poll] = await stored_polls(scene)
    assert poll.source == "topics" and poll.close_at is not None
    await scene.send(GROUP, OWNER, "/poll_topics 7d 9")
    assert "from 1 to 3" in scene.replies(GROUP["id"])[-1]


async def test_topic_ideas_sent_as_feedback_are_listed_without_the_command(
    scene: Scene,
) -> None:
    for fan in FANS[:3]:
        await scene.pipeline.deliver(
            scene.updates.command(GROUP, fan, "/feedback 希望出一期新手教程")
        )
    await scene.send(GROUP, OWNER, "/poll_topics 7d")
    listing = scene.replies(GROUP["id"])[-1]
    assert "1. 希望出一期新手教程 — 3 fans" in listing
    assert "/feedback" not in listing


async def test_no_topic_ideas_says_so(scene: Scene) -> None:
    await scene.send(GROUP, OWNER, "/poll_topics 3d")
    assert "No topic ideas" in scene.replies(GROUP["id"])[-1]
    await scene.send(GROUP, OWNER, "/poll_topics soon")
    assert "Usage: /poll_topics" in scene.replies(GROUP["id"])[-1]


async def test_digest_section_and_status_line(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, OWNER, "/poll Q? | a | b --close 1h")
    await send_confirmed(scene, GROUP, OWNER, "/poll Done? | yes | no")
    polls_now = await stored_polls(scene)
    done = polls_now[1]
    assert done.telegram_poll_id is not None
    await scene.pipeline.deliver(scene.poll_update(done.telegram_poll_id, "Done?", [3, 1], 4))
    await send_confirmed(scene, GROUP, OWNER, f"/poll_close {done.id}")
    dispatcher = scene.pipeline.dispatcher
    section = dispatcher["digest_sections"].providers["polls"]
    texts = dispatcher["translator"].bind("en")
    now = datetime.now(UTC)
    async with scene.session_factory() as session:
        lines = await section.lines(
            session, GROUP["id"], now - timedelta(hours=1), now + timedelta(hours=1), texts
        )
        status = await dispatcher["health_board"].probes["polls"](session, GROUP["id"], now)
    assert lines == ["📊 Polls opened: 2", "✅ Done?: 4 voters · yes"]
    assert status.count == 1
    await scene.send(GROUP, OWNER, "/status")
    assert any("polls" in line for line in scene.replies(GROUP["id"])[-1].splitlines())


async def test_another_groups_poll_number_is_not_ours(scene: Scene) -> None:
    other = u.group(-1001000000999, "Other")
    scene.telegram.set_status(other["id"], OWNER["id"], "creator")
    async with scene.session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=other["id"],
            chat_type="supergroup",
            title="Other",
            username=None,
            added_by_user_id=None,
            now=datetime.now(UTC),
        )
    await send_confirmed(scene, GROUP, OWNER, "/poll Q? | a | b")
    [poll] = await stored_polls(scene)
    await scene.send(other, OWNER, f"/poll_close {poll.id}")
    await scene.send(other, OWNER, f"/poll_export {poll.id}")
    assert stops(scene) == []
    assert "is not open here" in scene.replies(other["id"])[0]
    assert "never sent here" in scene.replies(other["id"])[1]


async def test_poll_topics_reads_chinese_periods_and_picks(scene: Scene) -> None:
    ideas = ["下期出猫咪", "想看猫咪", "next video about street food", "下期出猫咪", "想看做饭"]
    for fan, text in zip(FANS, ideas, strict=True):
        await scene.pipeline.deliver(scene.updates.message(GROUP, fan, text))
    await scene.send(GROUP, OWNER, "/poll_topics 今天")
    assert "1. 下期出猫咪 — 3 fans" in scene.replies(GROUP["id"])[-1]
    await scene.send(GROUP, OWNER, "/poll_topics 昨天")
    assert "No topic ideas" in scene.replies(GROUP["id"])[-1]
    await send_confirmed(scene, GROUP, OWNER, "/poll_topics 一周 １，３ --close 1d")
    [sent] = sent_polls(scene)
    labels = [o.text for o in sent.options if isinstance(o, InputPollOption)]
    assert labels[0] == "下期出猫咪" and len(labels) == 2
    await scene.send(GROUP, OWNER, "/poll_topics 2099/01/01")
    refused = scene.replies(GROUP["id"])[-1]
    assert refused.startswith("“2099/01/01” is not a period I can read")
    assert len(sent_polls(scene)) == 1


async def test_the_topic_poll_asks_in_the_groups_language_whatever_the_operator_reads(
    scene: Scene,
) -> None:
    await scene.send(GROUP, OWNER, "/language zh")
    for fan, text in zip(FANS, ["下期出猫咪", "想看猫咪", "想看做饭"], strict=False):
        await scene.pipeline.deliver(scene.updates.message(GROUP, fan, text))
    private = await scene.choose(ADMIN, GROUP)
    await scene.send(private, ADMIN, "/poll_topics 7d")
    listing = scene.replies(private["id"])[-1]
    assert "Topic ideas" in listing and "/poll 下期做哪个选题？ | 想看猫咪 |" in listing
    await send_confirmed(scene, private, ADMIN, "/poll_topics 7d 1,2")
    [sent] = sent_polls(scene)
    assert sent.question == "下期做哪个选题？"
