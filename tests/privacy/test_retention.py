"""/retention through the real dispatcher, and the clock's purge: old text goes, counts stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.db.models import AuditRecord, Comment, CommentVersion, FeedbackItemTag, RetentionSetting
from bot.i18n import Translator
from bot.services.clock import Clock
from bot.services.retention import RetentionService
from tests.support.cast import ADMIN, FAN, VICTIM
from tests.support.clock import FakeClock
from tests.support.feedback import dump
from tests.support.scene import Scene

EN = Translator.load().bind("en")
TITLE = VICTIM["title"]


def last_reply(scene: Scene) -> str:
    return scene.telegram.sent(VICTIM["id"])[-1]


async def test_operators_set_and_clear_retention(scene: Scene) -> None:
    await scene.send(VICTIM, ADMIN, "/retention")
    assert last_reply(scene) == str(EN("retention-current", days=0, title=TITLE))
    before = await dump(scene.session_factory)
    for bad in ("soon", "0d", "3651d", "-5", "90h", "九十天"):
        await scene.send(VICTIM, ADMIN, f"/retention {bad}")
        assert last_reply(scene) == str(EN("retention-usage")), bad
    assert await dump(scene.session_factory) == before
    await scene.send(VICTIM, ADMIN, "/retention 90d")
    assert last_reply(scene) == str(EN("retention-set", days=90, title=TITLE))
    await scene.send(VICTIM, ADMIN, "/retention 30天")
    await scene.send(VICTIM, ADMIN, "/retention")
    assert last_reply(scene) == str(EN("retention-current", days=30, title=TITLE))
    await scene.send(VICTIM, ADMIN, "/retention off")
    assert last_reply(scene) == str(EN("retention-set", days=0, title=TITLE))
    async with scene.session_factory() as session:
        assert (await session.scalars(select(RetentionSetting))).all() == []
        actions = (
            await session.scalars(select(AuditRecord.detail).where(
                AuditRecord.action == "retention-set"))
        ).all()  # fmt: skip
    assert actions == ["90", "30", "0"]


async def test_the_daily_purge_clears_old_text_and_keeps_the_counts(scene: Scene) -> None:
    run_at = datetime.now(UTC).replace(hour=3, minute=10, second=0, microsecond=0)
    scene.updates.clock = int((run_at - timedelta(days=40)).timestamp())
    old = scene.updates.message(VICTIM, FAN, "字幕有问题 old bug")
    await scene.pipeline.deliver(old)
    await scene.pipeline.deliver(scene.updates.edit(old, "字幕有问题 old bug, edited"))
    scene.updates.clock = int((run_at - timedelta(days=2)).timestamp())
    await scene.say(VICTIM, FAN, "字幕有问题 recent bug")
    await scene.send(VICTIM, ADMIN, "/retention 30d")
    await scene.confirm(ADMIN)  # a 40-day-old comment is stored: it asks first

    async def counts() -> tuple[int, int]:
        async with scene.session_factory() as session:
            comments = await session.scalar(
                select(func.count()).select_from(Comment).where(Comment.chat_id == VICTIM["id"])
            )
            tags = await session.scalar(select(func.count()).select_from(FeedbackItemTag))
        return int(comments or 0), int(tags or 0)

    before = await counts()
    now = FakeClock(run_at)
    clock = Clock(
        scene.session_factory, [RetentionService(scene.session_factory, now=now)], now=now
    )
    (report,) = await clock.run_due(run_at)
    assert report.status.value == "done" and report.detail == "1 groups, 1 comments cleared"
    assert await clock.run_due(run_at) == []
    assert await counts() == before
    async with scene.session_factory() as session:
        texts = dict(
            (
                await session.execute(
                    select(Comment.message_id, Comment.text).where(
                        Comment.chat_id == VICTIM["id"], Comment.author_user_id == FAN["id"]
                    )
                )
            ).all()
        )
        versions = await session.scalar(select(func.count()).select_from(CommentVersion))
    assert texts[old["message"]["message_id"]] is None
    assert "字幕有问题 recent bug" in texts.values()
    assert versions == 0
