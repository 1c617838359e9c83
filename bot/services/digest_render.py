"""A digest as the operator reads it: HTML text (Fluent, en and zh), the chart, an optional CSV.

Sections provided by other features (polls, giveaways) plug in as `DigestSection`s on a
`DigestSections`; until one is registered, its heading says honestly that it is not running.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.chart_data import Bar, DayActivity, DigestLabels
from bot.domain.export import neutralize
from bot.domain.tagging import Sentiment
from bot.i18n import Html, Texts, moment
from bot.services.digest import AVERAGE_DAYS, DayMetrics, Digest, DigestKind, TagLine, day_window

PLANNED_SECTIONS = ("polls", "giveaways")
CHART_TAGS = 8


class DigestSection(Protocol):
    """A feature's part of the digest for [start, end) of one group, in the reader's words."""

    async def lines(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime, texts: Texts
    ) -> list[Html]: ...


@dataclass
class DigestSections:
    providers: dict[str, DigestSection] = field(default_factory=dict)

    def register(self, name: str, section: DigestSection) -> None:
        self.providers[name] = section

    def names(self) -> list[str]:
        return [*PLANNED_SECTIONS, *(n for n in self.providers if n not in PLANNED_SECTIONS)]

    async def render(self, session: AsyncSession, digest: Digest, texts: Texts) -> list[Html]:
        start = day_window(digest.first_day, digest.timezone)[0]
        end = day_window(digest.last_day, digest.timezone)[1]
        lines: list[Html] = []
        for name in self.names():
            provider = self.providers.get(name)
            heading = _section_heading(texts, name)
            if provider is None:
                lines.append(texts("digest-section-not-yet", section=heading))
                continue
            body = await provider.lines(session, digest.chat_id, start, end, texts)
            lines.append(texts("digest-section", section=heading))
            lines.extend(body or [texts("digest-section-empty")])
        return lines


@dataclass(frozen=True, slots=True)
class Visibility:
    """What the bot could see in the group, from its rights now (None: could not ask)."""

    is_admin: bool | None
    reads_everything: bool | None


def render_text(
    digest: Digest,
    texts: Texts,
    *,
    visibility: Visibility,
    sections: Sequence[Html] = (),
    now: datetime | None = None,
) -> Html:
    lines: list[str] = [texts(f"digest-title-{digest.kind.value}", title=digest.title)]
    lines.append(_period(digest, texts))
    if digest.partial and now is not None:
        lines.append(texts("digest-partial", until=moment(now, digest.timezone)))
    lines.extend(["", texts("digest-activity"), *_activity(digest, texts, visibility)])
    lines.extend(["", *_feedback(digest, texts)])
    lines.append(_sentiment(digest.current, texts))
    lines.extend(["", *_rising(digest, texts)])
    lines.extend(["", _hours(digest, texts)])
    if sections:
        lines.extend(["", *sections])
    lines.extend(["", *_unseen(texts, visibility)])
    return Html("\n".join(lines))


def chart_inputs(digest: Digest, texts: Texts) -> tuple[list[DayActivity], list[Bar], DigestLabels]:
    activity = [DayActivity(day.day, day.messages, day.active_fans) for day in digest.activity]
    rising = {line.tag for line in digest.rising}
    bars = [
        Bar(tag_name(texts, line.tag), line.count, highlight=line.tag in rising)
        for line in digest.tags
        if line.count > 0
    ][:CHART_TAGS]
    labels = DigestLabels(
        title=texts.plain(f"digest-chart-title-{digest.kind.value}", title=digest.title),
        activity=texts.plain("digest-chart-activity"),
        messages=texts.plain("digest-chart-messages"),
        active_fans=texts.plain("digest-chart-active-fans"),
        feedback=texts.plain("digest-chart-feedback"),
        no_feedback=texts.plain("digest-chart-no-feedback"),
    )
    return activity, bars, labels


def render_csv(digest: Digest) -> bytes:
    """The period's numbers, one metric a row; UTF-8 with BOM so spreadsheets read Chinese."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    current, previous = digest.current, digest.previous
    writer.writerow(["metric", "value", "previous"])
    for name in (
        "messages",
        "active_fans",
        "new_fans",
        "joins",
        "leaves",
        "bot_replies",
        "reactions",
        "staff_messages",
        "commands",
    ):
        writer.writerow([name, getattr(current, name), getattr(previous, name)])
    for line in digest.tags:
        writer.writerow([neutralize(f"tag:{line.tag}"), line.count, line.previous])
    for kind in Sentiment:
        writer.writerow(
            [
                f"sentiment:{kind.value}",
                current.sentiment.get(kind.value, 0),
                previous.sentiment.get(kind.value, 0),
            ]
        )
    for hour, count in enumerate(current.hours):
        writer.writerow([f"hour:{hour:02d}", count, previous.hours[hour]])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def tag_name(texts: Texts, tag: str) -> str:
    key = f"digest-tag-{tag}"
    return texts.plain(key) if texts.translator.has(texts.locale, key) else tag


def _period(digest: Digest, texts: Texts) -> Html:
    if digest.kind is DigestKind.WEEKLY:
        return texts(
            "digest-period-week",
            first=digest.first_day.isoformat(),
            last=digest.last_day.isoformat(),
            timezone=digest.timezone,
        )
    return texts("digest-period-day", day=digest.first_day.isoformat(), timezone=digest.timezone)


def _change(texts: Texts, now: int, before: int, weekly: bool) -> Html:
    against = texts("digest-against-week" if weekly else "digest-against-day")
    if now > before:
        return texts("digest-change-up", delta=now - before, against=against)
    if now < before:
        return texts("digest-change-down", delta=before - now, against=against)
    return texts("digest-change-same", against=against)


def _activity(digest: Digest, texts: Texts, visibility: Visibility) -> list[Html]:
    current, previous = digest.current, digest.previous
    weekly = digest.kind is DigestKind.WEEKLY
    lines = [
        texts(
            "digest-messages",
            count=current.messages,
            change=_change(texts, current.messages, previous.messages, weekly),
        ),
        texts(
            "digest-active-fans-weekly" if weekly else "digest-active-fans",
            count=current.active_fans,
            change=_change(texts, current.active_fans, previous.active_fans, weekly),
        ),
        texts("digest-new-fans", count=current.new_fans),
        texts("digest-joins", joins=current.joins, leaves=current.leaves),
        texts("digest-bot-replies", count=current.bot_replies),
        texts("digest-staff", messages=current.staff_messages, commands=current.commands),
    ]
    if visibility.is_admin is False and current.reactions == 0:
        lines.append(texts("digest-reactions-unseen"))
    else:
        lines.append(texts("digest-reactions", count=current.reactions))
    return lines


def _feedback(digest: Digest, texts: Texts) -> list[Html]:
    lines = [texts("digest-feedback", count=digest.feedback_total)]
    shown = [line for line in digest.tags if line.count or line.previous]
    if not shown:
        return [*lines, texts("digest-feedback-none")]
    weekly = digest.kind is DigestKind.WEEKLY
    for line in shown:
        if weekly:
            lines.append(
                texts(
                    "digest-tag-line-weekly",
                    tag=tag_name(texts, line.tag),
                    count=line.count,
                    change=_change(texts, line.count, line.previous, True),
                )
            )
        else:
            lines.append(
                texts(
                    "digest-tag-line",
                    tag=tag_name(texts, line.tag),
                    count=line.count,
                    change=_change(texts, line.count, line.previous, False),
                    average=_average(line),
                    days=AVERAGE_DAYS,
                )
            )
    return lines


def _average(line: TagLine) -> str:
    return f"{line.average:.1f}"


def _sentiment(metrics: DayMetrics, texts: Texts) -> Html:
    total = sum(metrics.sentiment.values())
    if total == 0:
        return texts("digest-sentiment-none")
    shares = {kind: _percent(metrics.sentiment.get(kind.value, 0), total) for kind in Sentiment}
    return texts(
        "digest-sentiment",
        positive=shares[Sentiment.POSITIVE],
        neutral=shares[Sentiment.NEUTRAL],
        negative=shares[Sentiment.NEGATIVE],
        total=total,
    )


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def _rising(digest: Digest, texts: Texts) -> list[Html]:
    lines = [texts("digest-rising")]
    rising = digest.rising
    if not rising:
        return [*lines, texts("digest-rising-none")]
    for line in rising:
        lines.append(
            texts(
                "digest-rising-tag",
                tag=tag_name(texts, line.tag),
                count=line.count,
                average=_average(line),
            )
        )
        lines.extend(texts("digest-quote", text=quote) for quote in line.quotes)
    return lines


def _hours(digest: Digest, texts: Texts) -> Html:
    busiest = digest.busiest_hours()
    if not busiest:
        return texts("digest-hours-none")
    parts = [
        texts("digest-hour", start=f"{hour:02d}:00", end=f"{(hour + 1) % 24:02d}:00", count=count)
        for hour, count in busiest
    ]
    return texts("digest-hours", hours=Html(texts.plain("digest-hours-separator").join(parts)))


def _section_heading(texts: Texts, name: str) -> str:
    key = f"digest-section-name-{name}"
    return texts.plain(key) if texts.translator.has(texts.locale, key) else name


def _unseen(texts: Texts, visibility: Visibility) -> list[Html]:
    lines = [texts("digest-unseen-title"), texts("digest-unseen-views")]
    if visibility.is_admin is None:
        lines.append(texts("digest-unseen-rights"))
        return lines
    if not visibility.reads_everything:
        lines.append(texts("digest-unseen-privacy"))
    if not visibility.is_admin:
        lines.append(texts("digest-unseen-members"))
    return lines
