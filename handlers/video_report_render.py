"""A video's report card for /video in the reader's words, and its chart.

Numbers are cumulative snapshots (bot/domain/video_report.py says how totals and changes are
computed); every line says so, so that nobody adds the days up.
"""

from __future__ import annotations

from bot.domain.chart_data import Bar
from bot.domain.chart_jobs import draw
from bot.domain.video_report import Numbers, VideoCard, VideoHeading, count, percent, signed
from bot.i18n import Html, Texts
from bot.services.digest_render import tag_name
from bot.services.video_links_render import funnel_lines, funnel_panels
from bot.services.video_report_render import platform_name


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
    lines.extend(funnel_lines(texts, video.code, card.funnels))
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
        plays=count(numbers.plays),
        likes=count(numbers.likes),
        comments=count(numbers.comments),
        favourites=count(numbers.favourites),
        shares=count(numbers.shares),
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


def card_chart(texts: Texts, video: VideoHeading, card: VideoCard) -> bytes:
    """Plays per platform, each noted with its engagement rate; call through asyncio.to_thread."""
    top = max((line.numbers.plays or 0 for line in card.platforms), default=0)
    bars = [
        Bar(
            platform_name(texts, line.platform),
            line.numbers.plays or 0,
            f"{count(line.numbers.plays)} · {percent(line.engagement)}",
            highlight=top > 0 and line.numbers.plays == top,
        )
        for line in card.platforms
    ]
    title = texts.plain("video-report-chart-title", code=video.code, title=video.title)
    return draw(
        "bar_chart", (title, bars), {"subtitle": texts.plain("video-report-chart-subtitle")}
    )


def funnel_chart(texts: Texts, video: VideoHeading, card: VideoCard) -> bytes:
    """Plays -> joins -> stayed -> wrote per platform with a link; through asyncio.to_thread."""
    title = texts.plain("video-funnel-chart-title", code=video.code, title=video.title)
    return draw(
        "funnel_chart",
        (title, funnel_panels(texts, card.funnels)),
        {"subtitle": texts.plain("video-funnel-chart-subtitle")},
    )
