"""A typed line through the real dispatcher: a number not given stays unknown (stored NULL,
shown "–" on the card, never 0), a cumulative total that goes down is refused with its reason
until the operator confirms it, and the answer echoes what was stored."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from aiogram.methods import SendMessage

from bot.db.chat_settings import set_group_language
from bot.i18n import Translator
from tests.support import updates as u
from tests.support.cast import ADMIN, OWNER, VICTIM
from tests.support.scene import Scene
from tests.video_metrics.support import stored

EN = Translator.load().bind("en")
ZH = Translator.load().bind("zh")
HANT = Translator.load().bind("zh-Hant")
BEFORE, DAY = date(2026, 11, 26), date(2026, 11, 27)


async def said(scene: Scene, chat: dict[str, Any], person: dict[str, Any], text: str) -> str:
    scene.telegram.calls.clear()
    await scene.send(chat, person, text)
    return "\n".join(str(c.text) for c in scene.telegram.calls if isinstance(c, SendMessage))


def echo(texts: Any, day: date, plays: str, likes: str = "–", comments: str = "–") -> str:
    return str(
        texts("video-stats-written-row", video="v1",
              platform=texts.plain("video-report-platform-name", platform="douyin"),
              day=day.isoformat(), plays=plays, likes=likes, comments=comments,
              favourites="–", shares="–")
    )  # fmt: skip


async def test_a_metric_not_given_stays_unknown_and_the_answer_echoes_it(
    videos_scene: Scene,
) -> None:
    scene = videos_scene
    reply = await said(scene, VICTIM, OWNER, "/video_stats v1 2026-11-27 plays=1500")
    assert echo(EN, DAY, "1,500") in reply
    assert await stored(scene) == [(1, "douyin", DAY, 1_500, None, None, None, None)]
    reply = await said(scene, VICTIM, ADMIN, "/video_stats v1 2026-11-27 点赞=90")
    assert echo(EN, DAY, "1,500", likes="90") in reply
    assert await stored(scene) == [(1, "douyin", DAY, 1_500, 90, None, None, None)]
    card = await said(scene, VICTIM, ADMIN, "/video v1")
    assert str(EN("video-report-numbers", plays="1,500", likes="90", comments="–",
                  favourites="–", shares="–")) in card  # fmt: skip
    assert " 0 comments" not in card


async def test_a_total_that_goes_down_is_refused_until_confirmed(videos_scene: Scene) -> None:
    scene = videos_scene
    await said(scene, VICTIM, OWNER, "/video_stats v1 2026-11-26 plays=23500 likes=800")
    before = await stored(scene)
    assert before == [(1, "douyin", BEFORE, 23_500, 800, None, None, None)]

    reply = await said(scene, VICTIM, OWNER, "/video_stats v1 2026-11-27 plays=1500")
    assert str(EN("video-stats-report", taken=0, updated=0, unchanged=0, refused=1)) in reply
    assert str(EN("video-stats-refused-row", line=1, reason="decreasing", column="plays",
                  value="1,500 · 23,500 (2026-11-26)")) in reply  # fmt: skip
    assert str(EN("video-stats-confirm-hint")) in reply
    assert await stored(scene) == before

    # An earlier day above a later one is out of order just the same.
    reply = await said(scene, VICTIM, OWNER, "/video_stats v1 2026-11-25 likes=900")
    assert str(EN("video-stats-refused-row", line=1, reason="decreasing", column="likes",
                  value="900 · 800 (2026-11-26)")) in reply  # fmt: skip
    reply = await said(scene, VICTIM, OWNER, "/video_stats v1 2026-11-27 plays=1500 --confrim")
    assert reply == str(EN("video-stats-flag-error", flag="confrim"))
    assert await stored(scene) == before

    await scene.choose(OWNER, VICTIM)
    reply = await said(
        scene, u.private(OWNER), OWNER, "/video_stats v1 2026-11-27 ——confirm 播放量=1500"
    )
    assert str(ZH("video-stats-report", taken=1, updated=0, unchanged=0, refused=0)) in reply
    assert echo(ZH, DAY, "1,500") in reply
    assert await stored(scene) == [*before, (1, "douyin", DAY, 1_500, None, None, None, None)]


async def test_the_refusal_reads_in_traditional_chinese(videos_scene: Scene) -> None:
    scene = videos_scene
    async with scene.session_factory() as session, session.begin():
        await set_group_language(session, VICTIM["id"], "zh-Hant", datetime.now(UTC))
    await said(scene, VICTIM, OWNER, "/video_stats v1 2026-11-26 播放量=2.35萬")
    reply = await said(scene, VICTIM, ADMIN, "/video_stats v1 2026-11-27 播放量=1500")
    assert str(HANT("video-stats-refused-row", line=1, reason="decreasing", column="plays",
                    value="1,500 · 23,500 (2026-11-26)")) in reply  # fmt: skip
    assert str(HANT("video-stats-confirm-hint")) in reply
    assert await stored(scene) == [(1, "douyin", BEFORE, 23_500, None, None, None, None)]
