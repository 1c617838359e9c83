"""Tags stored at ingest equal a plain substring loop over the group's rules, plus the learned
layer's additions of built-in tags, on a generated corpus with Traditional/Simplified, full-width
and mixed-case comments (through the dispatcher, the batch flush and the database)."""

from __future__ import annotations

import random

from sqlalchemy import select

from bot.db.models import Comment, FeedbackItemTag
from bot.domain.tagging import DEFAULT_RULES, Tagger, TagRule
from tests.support.cast import ADMIN, FAN, VICTIM
from tests.support.scene import Scene
from tests.support.tagging import reference, seeded_comment

CORPUS = 400
BATCH = 50


async def stored_tags(scene: Scene) -> dict[str, set[str]]:
    async with scene.session_factory() as session:
        comments = (
            await session.execute(
                select(Comment.message_id, Comment.text).where(
                    Comment.chat_id == VICTIM["id"], Comment.author_user_id == FAN["id"]
                )
            )
        ).all()
        tags = (
            await session.execute(
                select(FeedbackItemTag.message_id, FeedbackItemTag.tag).where(
                    FeedbackItemTag.chat_id == VICTIM["id"]
                )
            )
        ).all()
    by_message: dict[int, set[str]] = {}
    for message_id, tag in tags:
        by_message.setdefault(message_id, set()).add(tag)
    return {str(text): by_message.get(message_id, set()) for message_id, text in comments}


async def deliver_corpus(scene: Scene, rng: random.Random, prefix: str) -> list[str]:
    texts = [f"{prefix}{n} {seeded_comment(rng)}" for n in range(CORPUS)]
    for start in range(0, CORPUS, BATCH):
        await scene.pipeline.deliver(
            *(scene.updates.message(VICTIM, FAN, text) for text in texts[start : start + BATCH])
        )
    return texts


def expected(rules: tuple[TagRule, ...], texts: list[str]) -> dict[str, set[str]]:
    """The reference loop's tags plus what the learned layer adds to the keywords (the layer's
    own tests are tests/services/test_tagging_learned_tags.py)."""
    keywords = Tagger.build(rules)
    learned = Tagger.build(rules, learned_tags=True)
    return {
        text: reference(rules, text)[0] | (learned.tag(text).tags - keywords.tag(text).tags)
        for text in texts
    }


async def test_stored_tags_equal_the_reference_loop_for_the_default_set(scene: Scene) -> None:
    texts = await deliver_corpus(scene, random.Random(11), "d")
    stored = {text: tags for text, tags in (await stored_tags(scene)).items() if text in texts}
    assert stored == expected(DEFAULT_RULES, texts)
    assert sum(1 for tags in stored.values() if tags) > CORPUS // 4


async def test_stored_tags_equal_the_reference_loop_for_an_edited_set(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_new lag 卡顿, lag, #sync")
    await scene.send(VICTIM, ADMIN, "/tag_add bug 字幕, 音乐")
    await scene.send(VICTIM, ADMIN, "/tag_delete praise")
    await scene.confirm(ADMIN)
    rules = [rule for rule in DEFAULT_RULES if rule.tag != "praise"]
    rules = [
        TagRule(r.tag, (*r.keywords, "字幕", "音乐"), r.hashtags) if r.tag == "bug" else r
        for r in rules
    ]
    rules.append(TagRule("lag", ("卡顿", "lag"), ("sync",)))
    texts = await deliver_corpus(scene, random.Random(12), "e")
    stored = {text: tags for text, tags in (await stored_tags(scene)).items() if text in texts}
    assert stored == expected(tuple(rules), texts)
    assert any("lag" in tags for tags in stored.values())
