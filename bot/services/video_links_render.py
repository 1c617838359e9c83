"""The funnel in the reader's words: lines of a video's report card, the digest's line under a
video, the week's joins by source, and the funnel chart's data (bot/domain/video_links.py says
what each number means)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.chart_data import Bar
from bot.domain.video_links import Funnel, JoinSources, rate
from bot.domain.video_report import count
from bot.i18n import Html, Texts
from bot.services.digest_render import tag_name

STAGES = ("plays", "joins", "stayed", "wrote")


def platform_name(texts: Texts, platform: str) -> str:
    # The same words as the card's platform lines (bot/services/video_report_render.py, which
    # imports this module for the digest).
    return texts.plain("video-report-platform-name", platform=platform)


def funnel_lines(texts: Texts, code: str, funnels: Sequence[Funnel]) -> list[Html]:
    if not funnels:
        return [texts("video-funnel-none", code=code)]
    lines = [texts("video-funnel-title")]
    for funnel in funnels:
        lines.append(
            texts(
                "video-funnel-line",
                platform=platform_name(texts, funnel.platform),
                plays=count(funnel.plays),
                joins=funnel.joins,
                rate=rate(funnel.join_rate),
                stayed=funnel.stayed,
                settled=funnel.settled,
                settling=funnel.settling,
                wrote=funnel.wrote,
            )
        )
        if funnel.top_tags:
            tags = ", ".join(f"{tag_name(texts, tag)} ({n})" for tag, n in funnel.top_tags)
            lines.append(texts("video-funnel-tags", tags=tags))
    return lines


def digest_funnel_line(texts: Texts, funnels: Sequence[Funnel]) -> Html | None:
    """None when nobody joined through the video's links in the window."""
    joined = [funnel for funnel in funnels if funnel.joins]
    if not joined:
        return None
    return texts(
        "video-digest-funnel",
        joins=sum(funnel.joins for funnel in joined),
        platforms=", ".join(
            f"{platform_name(texts, funnel.platform)} {funnel.joins}" for funnel in joined
        ),
        stayed=sum(funnel.stayed for funnel in joined),
        wrote=sum(funnel.wrote for funnel in joined),
    )


def sources_line(texts: Texts, sources: JoinSources) -> Html | None:
    if not sources.total:
        return None
    return texts(
        "video-digest-sources",
        total=sources.total,
        videos=sources.through_videos,
        others=sources.other_links,
        none=sources.no_link,
    )


def funnel_panels(texts: Texts, funnels: Sequence[Funnel]) -> list[tuple[str, list[Bar]]]:
    """Per platform, its stages as bars: each noted with its number and its share of the stage
    before it."""
    panels = []
    for funnel in funnels:
        values = (funnel.plays, funnel.joins, funnel.stayed, funnel.wrote)
        bases = (None, funnel.plays, funnel.settled, funnel.joins)
        bars = []
        for stage, value, base in zip(STAGES, values, bases, strict=True):
            note = count(value)
            if base:
                note += f" · {rate((value or 0) / base)}"
            bars.append(
                Bar(
                    texts.plain("video-funnel-stage", stage=stage),
                    value or 0,
                    note,
                    highlight=stage == "joins",
                )
            )
        panels.append((platform_name(texts, funnel.platform), bars))
    return panels
