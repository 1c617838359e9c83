"""A video's report card and the digest's videos section in the reader's words, and the chart.

Numbers are cumulative snapshots (bot/domain/video_report.py says how totals and changes are
computed); every line says so, so that nobody adds the days up.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.video_report import ReportedVideo, VideoHeading, active_videos
from bot.domain.charts import Bar, bar_chart
from bot.domain.video_report import Numbers, VideoCard, percent, signed
from bot.i18n import Html, Texts
from bot.services.digest_render import tag_name

DIGEST_VIDEOS = 10


def card_text(texts: Texts, video: VideoHeading, card: VideoCard) -> Html:
    lines = [texts("video-report-title", code=video.code, title=video.title)]
    if card.latest_day is None:
        lines.append(texts("video-report-no-numbers"))
    else:
        lines.append(texts("video-report-as-of", day=card.latest_day.isoformat()))
        lines.append(
            texts(
                "video-report-total",
                numbers=_numbers(texts, card.totals),
                engagement=percent(card.engagement),
            )
        )
        if card.change is not None:
            lines.append(_change(texts, "video-report-total-change", card.change))
        for line in card.platforms:
            lines.append(
                texts(
                    "video-report-platform",
                    platform=platform_name(texts, line.platform),
                    day=line.day.isoformat(),
                    numbers=_numbers(texts, line.numbers),
                    engagement=percent(line.engagement),
                )
            )
            if line.change is None or line.previous_day is None:
                lines.append(texts("video-report-platform-first"))
            else:
                lines.append(
                    _change(
                        texts,
                        "video-report-platform-change",
                        line.change,
                        previous=line.previous_day.isoformat(),
                    )
                )
    lines.extend(_feedback(texts, video, card))
    return texts.lines(lines)


def _feedback(texts: Texts, video: VideoHeading, card: VideoCard) -> list[Html]:
    feedback = card.feedback
    if feedback.volume == 0:
        return [texts("video-report-no-feedback", code=video.code)]
    lines = [
        texts(
            "video-report-feedback",
            volume=feedback.volume,
            positive=feedback.positive,
            neutral=feedback.neutral,
            negative=feedback.negative,
        )
    ]
    if feedback.top_tags:
        tags = ", ".join(f"{tag_name(texts, tag)} ({count})" for tag, count in feedback.top_tags)
        lines.append(texts("video-report-tags", tags=tags))
    lines.extend(texts("video-report-quote", quote=quote) for quote in feedback.quotes)
    return lines


def _numbers(texts: Texts, numbers: Numbers) -> Html:
    return texts(
        "video-report-numbers",
        plays=f"{numbers.plays:,}",
        likes=f"{numbers.likes:,}",
        comments=f"{numbers.comments:,}",
        favourites=f"{numbers.favourites:,}",
        shares=f"{numbers.shares:,}",
    )


def _change(texts: Texts, key: str, change: Numbers, **extra: str) -> Html:
    return texts(
        key,
        plays=signed(change.plays),
        likes=signed(change.likes),
        comments=signed(change.comments),
        favourites=signed(change.favourites),
        shares=signed(change.shares),
        **extra,
    )


def platform_name(texts: Texts, platform: str) -> str:
    return texts.plain("video-report-platform-name", platform=platform)


def card_chart(texts: Texts, video: VideoHeading, card: VideoCard) -> bytes:
    """Plays per platform, each noted with its engagement rate; call through asyncio.to_thread."""
    top = max((line.numbers.plays for line in card.platforms), default=0)
    bars = [
        Bar(
            platform_name(texts, line.platform),
            line.numbers.plays,
            f"{line.numbers.plays:,} · {percent(line.engagement)}",
            highlight=top > 0 and line.numbers.plays == top,
        )
        for line in card.platforms
    ]
    return bar_chart(
        texts.plain("video-report-chart-title", code=video.code, title=video.title),
        bars,
        subtitle=texts.plain("video-report-chart-subtitle"),
    )


def ranked(videos: Sequence[ReportedVideo]) -> list[ReportedVideo]:
    """Highest engagement first; videos without plays after those with, by feedback volume."""
    return sorted(
        videos,
        key=lambda item: (
            item.card.engagement is None,
            -(item.card.engagement or 0.0),
            -item.card.feedback.volume,
            item.video.code,
        ),
    )


def digest_line(texts: Texts, item: ReportedVideo) -> Html:
    card = item.card
    previous = [line.previous_day for line in card.platforms if line.previous_day is not None]
    if card.change is None or not previous:
        change = texts.plain("video-digest-no-change")
    else:
        change = texts.plain(
            "video-digest-change",
            plays=signed(card.change.plays),
            previous=min(previous).isoformat(),
        )
    return texts(
        "video-digest-line",
        code=item.video.code,
        title=item.video.title,
        plays=f"{card.totals.plays:,}",
        change=change,
        engagement=percent(card.engagement),
        volume=card.feedback.volume,
        mood=texts.plain("video-report-mood", mood=card.feedback.mood),
    )


class VideoDigestSection:
    """The digest's videos: those with new numbers or new fans' comments in the window, ranked
    by engagement, the window's feedback sentiment beside the numbers. The weekly digest passes
    the week as the window, so the same lines rank the week's videos."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]:
        videos = ranked(await active_videos(session, chat_id, start, end))
        return [digest_line(texts, item) for item in videos[:DIGEST_VIDEOS]]
