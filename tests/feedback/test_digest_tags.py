"""Digests count the tags stored for each comment: the group's own tag set, operators' manual
tags and removals, without tagging the texts again."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.digest import DigestBuilder, default_tagging, local_today
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.scene import Scene

TZ = "UTC"


async def daily_tags(scene: Scene, builder: DigestBuilder) -> tuple[dict[str, int], dict[str, int]]:
    now = datetime.now(UTC)
    async with scene.session_factory() as session, session.begin():
        digest = await builder.daily(
            session,
            chat_id=VICTIM["id"],
            title="t",
            timezone=TZ,
            day=local_today(now, TZ),
            now=now,
        )
    return digest.current.tags, digest.current.sentiment


async def test_digest_counts_stored_manual_and_removed_tags(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/tag_new wish 想要, would love")
    crash = scene.updates.message(VICTIM, FAN, "the app crashes on upload")
    wish = scene.updates.message(VICTIM, MEMBER, "I would love a cat video")
    plain = scene.updates.message(VICTIM, FAN, "see you tomorrow")
    await scene.pipeline.deliver(crash, wish, plain)
    for command, target in (("/untag bug", crash), ("/tag praise", plain)):
        await scene.pipeline.deliver(
            scene.updates.command(VICTIM, ADMIN, command, reply_to_message=target["message"])
        )
    stored, sentiment = await daily_tags(scene, DigestBuilder())
    assert stored == {"wish": 1, "praise": 1}
    # Five fans' texts today: the scene's two and the three above. The operator's three
    # commands are stored but are no fan's text (issue 14: digests count fans only).
    assert sentiment == {"positive": 1, "neutral": 4, "negative": 0}
    # Tagging the texts again with the default rules knows neither the group's tag nor the
    # operators' corrections; "/untag bug" is a command, not a bug report.
    retagged, _ = await daily_tags(scene, DigestBuilder(default_tagging()))
    assert retagged == {"bug": 1}
