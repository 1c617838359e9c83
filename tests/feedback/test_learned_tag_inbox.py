"""A built-in tag the keywords miss, given by the learned layer at ingest: stored with the
features that decided it and shown in the inbox like a keyword's evidence."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import FeedbackItemTag
from bot.domain.tagging import DEFAULT_RULES, Tagger
from tests.support.cast import ADMIN, FAN, VICTIM
from tests.support.scene import Scene

# No suggestion keyword in it ("要是能" is one, "要是有" is not); the shipped tag model reads the
# wish in 就好了. Retraining the model may change this example: pick another the same way.
WISH = "要是有中文字幕就好了"


async def test_the_learned_layer_tags_a_stored_comment_with_its_evidence(scene: Scene) -> None:
    assert "suggestion" not in Tagger.build(DEFAULT_RULES).tag(WISH).tags
    sent = await scene.say(VICTIM, FAN, WISH)
    async with scene.session_factory() as session:
        evidence = await session.scalar(
            select(FeedbackItemTag.evidence).where(
                FeedbackItemTag.chat_id == VICTIM["id"],
                FeedbackItemTag.message_id == sent["message"]["message_id"],
                FeedbackItemTag.tag == "suggestion",
            )
        )
    assert evidence == '["就好", "就好了"]'

    await scene.send(VICTIM, ADMIN, "/inbox #suggestion")
    shown = scene.last(VICTIM["id"])
    assert "1 item," in shown and WISH in shown
    assert "suggestion: 就好, 就好了" in shown.splitlines()[-1]


async def test_a_group_that_deleted_the_tag_does_not_get_it_from_the_model(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_delete suggestion")
    await scene.confirm(ADMIN)
    sent = await scene.say(VICTIM, FAN, WISH)
    async with scene.session_factory() as session:
        tags = (
            await session.scalars(
                select(FeedbackItemTag.tag).where(
                    FeedbackItemTag.message_id == sent["message"]["message_id"]
                )
            )
        ).all()
    assert "suggestion" not in tags
