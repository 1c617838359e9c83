"""Every digest number against the hand-computed dataset (tests/digest/dataset.py), and the
digest as operators read it through the real dispatcher, in English and in Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import SendDocument, SendMessage, SendPhoto
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import set_group_language
from bot.db.models import DigestRollup
from bot.services.digest import DigestBuilder, DigestKind, TagLine
from tests.digest import dataset as d
from tests.support.scene import Scene
from tests.support.telegram import ScriptedTelegram

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> Scene:
    scene = Scene.create(session_factory, home=d.GROUP)
    scene.telegram.set_status(d.GROUP["id"], d.OWNER["id"], "creator")
    scene.telegram.set_status(d.GROUP["id"], d.ZH_OWNER["id"], "administrator")
    await d.register(session_factory, datetime.now(UTC))
    await d.deliver_week(scene.pipeline, scene.updates)
    return scene


async def test_every_daily_metric_matches_the_hand_computed_values(
    scene: object, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with session_factory() as session, session.begin():
        digest = await DigestBuilder().daily(
            session, chat_id=d.GROUP["id"], title="t", timezone=d.TZ, day=d.REPORTED, now=d.AFTER
        )
    now = digest.current
    assert (now.messages, now.active_fans, now.new_fans) == (7, 4, 2)
    assert (now.staff_messages, now.commands) == (1, 0)  # the creator's channel post
    assert (now.joins, now.leaves, now.bot_replies, now.reactions) == (1, 1, 1, 2)
    assert now.tags == {"bug": 4, "praise": 2}
    assert now.sentiment == {"positive": 2, "neutral": 3, "negative": 1}
    assert digest.busiest_hours() == [(20, 3), (0, 1), (9, 1)]
    assert (digest.previous.messages, digest.previous.active_fans) == (3, 2)
    assert digest.previous.tags == {"bug": 1, "praise": 2}
    bug, praise = digest.tags
    assert bug == TagLine(
        tag="bug",
        count=4,
        previous=1,
        average=3 / 7,
        rising=True,
        # Stored tags carry no keyword evidence: equally tagged comments rank by length.
        quotes=(
            "The new video has a bug, the sound is out of sync",
            "It crashed when I opened it, black screen",
            "glitch on the <i>stage</i> & no sound",
        ),
    )
    assert praise == TagLine(tag="praise", count=2, previous=2, average=2 / 7, rising=False)
    assert [day.day.isoformat() for day in digest.activity][-3:] == [
        "2026-06-08",
        "2026-06-09",
        "2026-06-10",
    ]
    assert [(day.messages, day.active_fans) for day in digest.activity[-3:]] == [
        (0, 0),
        (3, 2),
        (7, 4),
    ]
    assert not digest.partial
    async with session_factory() as session:
        kept = await session.scalar(select(func.count()).select_from(DigestRollup))
    assert kept == 14  # the 13 days before and the reported day itself, all finished


async def test_a_day_not_over_is_partial_and_not_rolled_up(
    scene: object, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    during = datetime(2026, 6, 10, 14, tzinfo=UTC)  # 22:00 in Shanghai
    async with session_factory() as session, session.begin():
        digest = await DigestBuilder().daily(
            session,
            chat_id=d.GROUP["id"],
            title="t",
            timezone=d.TZ,
            day=d.REPORTED,
            now=during,
            kind=DigestKind.PREVIEW,
        )
        days = await session.scalars(select(DigestRollup.day))
        assert "2026-06-10" not in set(days.all())
    assert digest.partial
    assert digest.current.messages == 7  # fans' up to 21:10 local (22:00 is a service one)


async def test_weekly_compares_the_week_with_the_one_before(
    scene: object, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    monday = datetime(2026, 6, 8).date()  # noqa: DTZ001
    async with session_factory() as session, session.begin():
        digest = await DigestBuilder().weekly(
            session,
            chat_id=d.GROUP["id"],
            title="t",
            timezone=d.TZ,
            monday=monday,
            now=datetime(2026, 6, 15, 2, tzinfo=UTC),
        )
    assert (digest.first_day.isoformat(), digest.last_day.isoformat()) == (
        "2026-06-08",
        "2026-06-14",
    )
    assert (digest.current.messages, digest.previous.messages) == (11, 2)
    assert (digest.current.new_fans, digest.current.joins) == (2, 1)
    assert digest.current.tags == {"bug": 5, "praise": 5}
    assert digest.previous.tags == {"bug": 2}
    assert [(line.tag, line.count, line.previous) for line in digest.tags] == [
        ("bug", 5, 2),
        ("praise", 5, 0),
    ]


def _texts(telegram: ScriptedTelegram, chat_id: int) -> str:
    return "\n".join(
        str(call.text) for call in telegram.methods(SendMessage) if call.chat_id == chat_id
    )


EN_LINES = (
    "📊 <b>Daily digest · Fans &lt;&amp;&gt; club</b>",
    "2026-06-10 (Asia/Shanghai)",
    "💬 Fans' messages: <b>7</b> (▲4 vs previous day)",
    "👥 Active fans: <b>4</b> (▲2 vs previous day)",
    "🌱 New fans (first message): <b>2</b>",
    "➕ Joined: <b>1</b> · ➖ Left: <b>1</b>",
    "↩️ Replies to the bot: <b>1</b>",
    "❤️ Reactions: <b>2</b>",
    "<b>Feedback by tag</b> (6)",
    "• Bugs: <b>4</b> (▲3 vs previous day), 7-day average 0.4",
    "• Praise: <b>2</b> (same as previous day), 7-day average 0.3",
    "<b>Sentiment</b> (6 texts): 😊 33% · 😐 50% · ☹️ 17%",
    "🔥 Bugs: 4 (7-day average 0.4)",
    "› “<i>The new video has a bug, the sound is out of sync</i>”",
    "› “<i>It crashed when I opened it, black screen</i>”",
    "<b>Busiest hours</b>: 20:00–21:00 (3), 00:00–01:00 (1), 09:00–10:00 (1)",
    "<b>Polls</b>",
    "<b>Giveaways</b>",
    "• View counts: the Bot API gives none to bots.",
)
ZH_LINES = (
    "📊 <b>日报 · Fans &lt;&amp;&gt; club</b>",
    "2026-06-10（Asia/Shanghai）",
    "💬 粉丝消息：<b>7</b> （比前一天多 4）",
    "👥 活跃粉丝：<b>4</b> （比前一天多 2）",
    "🌱 新粉丝（首次发言）：<b>2</b>",
    "➕ 加入：<b>1</b> · ➖ 退出：<b>1</b>",
    "↩️ 回复机器人：<b>1</b>",
    "❤️ 表情回应：<b>2</b>",
    "<b>按标签的反馈</b>（6）",
    "• 问题：<b>4</b> （比前一天多 3），7 日均 0.4",
    "• 好评：<b>2</b> （与前一天持平），7 日均 0.3",
    "<b>情绪</b>（6 条文字）：😊 33% · 😐 50% · ☹️ 17%",
    "🔥 问题：4（7 日均 0.4）",
    "<b>最活跃时段</b>：20:00–21:00（3）、00:00–01:00（1）、09:00–10:00（1）",
    "<b>投票</b>",
    "<b>抽奖</b>",
    "• 浏览量：Bot API 不向机器人提供。",
)


@pytest.mark.parametrize(("language", "lines"), [("en", EN_LINES), ("zh", ZH_LINES)])
async def test_digest_command_reads_the_same_numbers_in_both_languages(
    scene: Scene,
    session_factory: async_sessionmaker[AsyncSession],
    language: str,
    lines: tuple[str, ...],
) -> None:
    pipeline, telegram, updates = scene.pipeline, scene.telegram, scene.updates
    async with session_factory() as session, session.begin():
        await set_group_language(session, d.GROUP["id"], language, datetime.now(UTC))
    updates.clock = int(datetime.now(UTC).timestamp())
    await pipeline.deliver(updates.command(d.GROUP, d.OWNER, "/digest 2026-06-10 csv"))

    text = _texts(telegram, d.GROUP["id"])
    for line in lines:
        assert line in text.splitlines(), line
    # Not an administrator, privacy on (the scripted bot): it says what it cannot see.
    unseen = "digest-unseen-privacy"
    assert ("privacy mode" in text) if language == "en" else ("隐私模式" in text), unseen
    (photo,) = telegram.methods(SendPhoto)
    assert photo.chat_id == d.GROUP["id"]
    assert photo.photo.data.startswith(PNG)
    (document,) = telegram.methods(SendDocument)
    rows = document.document.data.decode("utf-8-sig").splitlines()
    assert rows[:4] == ["metric,value,previous", "messages,7,3", "active_fans,4,2", "new_fans,2,0"]
    assert "tag:bug,4,1" in rows
    assert "hour:20,3,0" in rows


async def test_digest_refuses_a_future_date_and_a_member(
    scene: Scene,
) -> None:
    pipeline, telegram, updates = scene.pipeline, scene.telegram, scene.updates
    updates.clock = int(datetime.now(UTC).timestamp())
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    await pipeline.deliver(updates.command(d.GROUP, d.OWNER, f"/digest {tomorrow}"))
    await pipeline.deliver(updates.command(d.GROUP, d.A, "/digest"))
    assert telegram.methods(SendPhoto) == []
    replies = _texts(telegram, d.GROUP["id"])
    assert "Use /digest for today so far" in replies
    assert f"“{tomorrow}” has not begun yet in this group’s time zone." in replies
    assert "Daily digest" not in replies


async def test_digest_reads_chinese_periods_and_names_a_near_miss(
    scene: Scene, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    pipeline, telegram, updates = scene.pipeline, scene.telegram, scene.updates
    async with session_factory() as session, session.begin():
        await set_group_language(session, d.GROUP["id"], "zh-Hant", datetime.now(UTC))
    updates.clock = int(datetime.now(UTC).timestamp())
    await pipeline.deliver(updates.command(d.GROUP, d.OWNER, "/digest 上週"))
    await pipeline.deliver(updates.command(d.GROUP, d.OWNER, "/digest 昨天"))
    assert len(telegram.methods(SendPhoto)) == 2
    telegram.calls.clear()

    await pipeline.deliver(updates.command(d.GROUP, d.OWNER, "/digest yesterdy"))
    await pipeline.deliver(updates.command(d.GROUP, d.OWNER, "/digest 3天"))
    assert telegram.methods(SendPhoto) == []
    replies = _texts(telegram, d.GROUP["id"])
    assert "“yesterdy”不是我能讀懂的日期或時間段。" in replies
    assert "你是不是想發 /digest yesterday？" in replies
    assert "摘要只涵蓋一天或七天，“3天”都不是。" in replies
