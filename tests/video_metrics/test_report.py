"""The video report card and the digest's videos section on a fixed dataset: every number equals
the hand-computed one (cumulative snapshots: the latest per platform is the total)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram.methods import SendMessage, SendPhoto
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.models import Comment, FeedbackItem, FeedbackItemTag, VideoCommentLink, VideoMetric
from bot.db.video_report import active_videos, report, video_by_number
from bot.domain.video_report import Numbers
from bot.i18n import Translator
from bot.services.video_report_render import VideoDigestSection
from handlers.video_report_render import card_text
from tests.support.cast import ADMIN, FAN, MEMBER, VICTIM
from tests.support.scene import Scene

EN = Translator.load().bind("en")
METRICS = ("plays", "likes", "comments", "favourites", "shares")
IMPORTED = datetime(2026, 11, 27, 20, tzinfo=UTC)
WRITTEN = datetime(2026, 11, 27, 9, tzinfo=UTC)
DAY_START, DAY_END = datetime(2026, 11, 27, tzinfo=UTC), datetime(2026, 11, 28, tzinfo=UTC)
SNAPSHOTS = [  # video id, platform, day, plays, likes, comments, favourites, shares
    (1, "douyin", date(2026, 11, 25), 10_000, 500, 40, 60, 10),
    (1, "douyin", date(2026, 11, 27), 15_000, 950, 52, 101, 15),
    (1, "bilibili", date(2026, 11, 27), 3_456, 120, 30, 44, 9),
    (2, "bilibili", date(2026, 11, 27), 1_000, 150, 10, 30, 10),
]
COMMENTS = [  # message id, text, sentiment (None: no feedback row), tags, link active
    (101, "画面太美了，下次拍夜景", "positive", ("praise", "topic"), True),
    (102, "声音太小", "negative", ("audio",), True),
    (103, "ok", None, (), True),
    (104, "unlinked by an operator", "negative", ("audio",), False),
    (105, "great video, love it", "positive", ("praise",), True),
]


async def seed(session_factory: async_sessionmaker[AsyncSession]) -> None:
    async with session_factory() as session, session.begin():
        for video_id, platform, day, *counts in SNAPSHOTS:
            session.add(
                VideoMetric(
                    video_id=video_id,
                    platform=platform,
                    day=day,
                    **dict(zip(METRICS, counts, strict=True)),
                    updated_at=IMPORTED,
                )
            )
        chat_id = VICTIM["id"]
        for message_id, text, sentiment, tags, active in COMMENTS:
            key = {"chat_id": chat_id, "message_id": message_id}
            session.add(
                Comment(**key, author_kind="user", author_user_id=FAN["id"], is_fan=True,
                        text=text, created_at=WRITTEN)
            )  # fmt: skip
            session.add(
                VideoCommentLink(**key, video_id=1, source="code", active=active,
                                 created_at=WRITTEN)
            )  # fmt: skip
            if sentiment is not None:
                session.add(
                    FeedbackItem(**key, author_user_id=FAN["id"], sentiment=sentiment,
                                 tagged_at=WRITTEN)
                )  # fmt: skip
            for tag in tags:
                session.add(FeedbackItemTag(**key, tag=tag, source="auto"))
        session.add(FeedbackItemTag(chat_id=VICTIM["id"], message_id=103, tag="audio",
                                    source="removed"))  # fmt: skip


async def test_the_card_numbers_equal_the_hand_computed_ones(videos_scene: Scene) -> None:
    await seed(videos_scene.session_factory)
    async with videos_scene.session_factory() as session:
        video = await video_by_number(session, VICTIM["id"], 1)
        assert video is not None
        card = await report(session, video)
    assert card.totals == Numbers(18_456, 1_070, 82, 145, 24)
    assert card.change == Numbers(5_000, 450, 12, 41, 5)  # only douyin has two snapshots
    assert card.engagement == 1_321 / 18_456
    douyin, bilibili = card.platforms
    assert (douyin.platform, douyin.day, douyin.previous_day) == (
        "douyin", date(2026, 11, 27), date(2026, 11, 25))  # fmt: skip
    assert douyin.engagement == 1_118 / 15_000
    assert (bilibili.platform, bilibili.change) == ("bilibili", None)
    assert bilibili.engagement == 203 / 3_456
    feedback = card.feedback
    assert (feedback.volume, feedback.positive, feedback.neutral, feedback.negative) == (4, 2, 1, 1)
    assert feedback.top_tags == (("praise", 2), ("audio", 1), ("topic", 1))
    assert feedback.quotes == ("great video, love it", "画面太美了，下次拍夜景", "声音太小")
    assert feedback.mood == "positive"
    text = str(card_text(EN, video, card))
    for expected in (
        "<b>All platforms</b>: 18,456 plays · 1,070 likes · 82 comments · 145 favourites · "
        "24 shares · engagement 7.2%",
        "Change since the previous snapshots: +5,000 plays · +450 likes · +12 comments · "
        "+41 favourites · +5 shares",
        "<b>Douyin</b> (2026-11-27): 15,000 plays · 950 likes · 52 comments · 101 favourites · "
        "15 shares · engagement 7.5%",
        "↳ since 2026-11-25: +5,000 plays",
        "<b>Bilibili</b> (2026-11-27): 3,456 plays · 120 likes · 30 comments · 44 favourites · "
        "9 shares · engagement 5.9%",
        "<b>Fans' feedback</b>: 4 comments · positive 2 · neutral 1 · negative 1",
        "Top tags: Praise (2), audio (1), topic (1)",  # the digest's names, else the tag
        "“great video, love it”",
    ):
        assert expected in text


async def test_video_command_sends_the_card_and_the_chart(videos_scene: Scene) -> None:
    scene = videos_scene
    await seed(scene.session_factory)
    scene.telegram.calls.clear()
    await scene.send(VICTIM, ADMIN, "/video v1")
    (card,) = scene.telegram.methods(SendMessage)
    assert str(card.text).startswith(str(EN("video-report-title", code="v1", title="猫咪的一天")))
    (photo,) = scene.telegram.methods(SendPhoto)
    assert photo.photo.data.startswith(b"\x89PNG")
    for text, reply in (
        ("/video", EN("video-report-usage")),
        ("/video v99", EN("video-report-unknown", code="v99")),
    ):
        scene.telegram.calls.clear()
        await scene.send(VICTIM, ADMIN, text)
        assert [str(call.text) for call in scene.telegram.methods(SendMessage)] == [str(reply)]
    scene.telegram.calls.clear()
    await scene.send(VICTIM, MEMBER, "/video v1")
    assert not scene.telegram.methods(SendPhoto), "a plain member sees no report"
    # A fan writing the code is counted (linked by the registry at flush time).
    await scene.say(VICTIM, FAN, "#v3 the lighting is great")
    async with scene.session_factory() as session:
        video = await video_by_number(session, VICTIM["id"], 3)
        assert video is not None
        counted = await report(session, video)
    assert counted.feedback.volume == 1
    assert counted.feedback.quotes == ("#v3 the lighting is great",)
    assert counted.platforms == ()


async def test_digest_lines_rank_the_days_videos_by_engagement(videos_scene: Scene) -> None:
    await seed(videos_scene.session_factory)
    async with videos_scene.session_factory() as session:
        lines = await VideoDigestSection().lines(session, VICTIM["id"], DAY_START, DAY_END, EN)
        quiet = await VideoDigestSection().lines(
            session, VICTIM["id"], DAY_END, datetime(2026, 11, 29, tzinfo=UTC), EN
        )
        week = await active_videos(
            session, VICTIM["id"], datetime(2026, 11, 23, tzinfo=UTC), DAY_END
        )
    assert [str(line) for line in lines] == [
        str(EN("video-digest-line", code="v2", title="Night city timelapse", plays="1,000",
               change="no change", engagement="20.0%", volume=0, mood="mixed or neutral")),
        str(EN("video-digest-line", code="v1", title="猫咪的一天", plays="18,456",
               change="+5,000 since 2026-11-25", engagement="7.2%", volume=4,
               mood="mostly positive")),
    ]  # fmt: skip
    assert quiet == []
    assert sorted(item.video.code for item in week) == ["v1", "v2"]
