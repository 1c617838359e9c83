"""/poll_topics reads only what can be a topic idea: the comments tagged topic_idea, newest
first, at most MAX_TOPIC_COMMENTS, each cut to MAX_TOPIC_TEXT (issue 20: shaped comments
stalled the bot; issue 21: all of a month's comments were read and tagged)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.db.polls import MAX_TOPIC_TEXT, topic_comments
from tests.polls.support import FANS, GROUP, OWNER
from tests.support.scene import Scene


async def test_only_topic_ideas_are_read_and_each_is_cut(scene: Scene) -> None:
    shaped = "下期出猫咪" + "！" * 20_000 + "x"
    texts = ["下期出猫咪", "想看猫咪", "love this video", "大家晚上好", shaped]
    for fan, text in zip(FANS, texts, strict=True):
        await scene.pipeline.deliver(scene.updates.message(GROUP, fan, text))
    now = datetime.now(UTC)
    async with scene.session_factory() as session:
        read = await topic_comments(session, GROUP["id"], now - timedelta(days=1), now)
    assert {text[:5] for _, text, _ in read} == {"下期出猫咪", "想看猫咪"}
    assert len(read) == 3 and all(tagged for _, _, tagged in read)
    assert max(len(text) for _, text, _ in read) == MAX_TOPIC_TEXT
    await scene.send(GROUP, OWNER, "/poll_topics 7d")
    # The shaped one counts as the same idea: three fans, one candidate.
    assert "猫咪 — 3 fans, 3 mentions" in scene.replies(GROUP["id"])[-1]
