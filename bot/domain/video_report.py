"""A video's report card and its digest lines, computed from stored snapshots and feedback.

Platform numbers are **cumulative snapshots** (see video_metrics_import): per platform the latest
day's row is the total so far, and the day-over-day change is the latest row minus the row of the
previous stored day on that platform (the most recent earlier snapshot; `previous_day` says which
day that was, so a gap is visible). Totals add up the platforms' latest snapshots; the total
change adds up the changes of the platforms that have a previous snapshot.

Engagement rate = (likes + comments + favourites + shares) / plays, from the latest snapshot,
over the numbers given; None when there are no plays or no other number. A number never given
is unknown (None, shown as "–"), not 0.

Feedback on a video is its active comment links: volume, sentiment counts, the most used tags,
and two or three quotes (tagged or non-neutral comments first, then the longer ones).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.tagging import Sentiment
from bot.domain.video_links import Funnel

TOP_TAGS = 5
QUOTES = 3
QUOTE_CHARS = 140


def _plus(left: int | None, right: int | None) -> int | None:
    if left is None:
        return right
    return left if right is None else left + right


def _minus(left: int | None, right: int | None) -> int | None:
    return None if left is None or right is None else left - right


@dataclass(frozen=True, slots=True)
class Numbers:
    """None where the number was never given: unknown, which adds as nothing and subtracts to
    unknown, so a missing column never reads as a drop to 0."""

    plays: int | None = None
    likes: int | None = None
    comments: int | None = None
    favourites: int | None = None
    shares: int | None = None

    @property
    def interactions(self) -> int | None:
        known = [
            value
            for value in (self.likes, self.comments, self.favourites, self.shares)
            if value is not None
        ]
        return sum(known) if known else None

    @property
    def engagement(self) -> float | None:
        interactions = self.interactions
        if interactions is None or self.plays is None or self.plays <= 0:
            return None
        return interactions / self.plays

    def __add__(self, other: Numbers) -> Numbers:
        return Numbers(
            _plus(self.plays, other.plays),
            _plus(self.likes, other.likes),
            _plus(self.comments, other.comments),
            _plus(self.favourites, other.favourites),
            _plus(self.shares, other.shares),
        )

    def __sub__(self, other: Numbers) -> Numbers:
        return Numbers(
            _minus(self.plays, other.plays),
            _minus(self.likes, other.likes),
            _minus(self.comments, other.comments),
            _minus(self.favourites, other.favourites),
            _minus(self.shares, other.shares),
        )


@dataclass(frozen=True, slots=True)
class Snapshot:
    platform: str
    day: date
    numbers: Numbers


@dataclass(frozen=True, slots=True)
class PlatformLine:
    platform: str
    day: date  # the latest snapshot's day
    numbers: Numbers
    previous_day: date | None
    change: Numbers | None  # numbers minus the previous snapshot's

    @property
    def engagement(self) -> float | None:
        return self.numbers.engagement


@dataclass(frozen=True, slots=True)
class LinkedComment:
    message_id: int
    text: str | None  # None: erased (retention, a fan's request) or not text
    sentiment: str  # Sentiment value; "neutral" without a feedback row
    tags: frozenset[str]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Feedback:
    volume: int
    positive: int
    neutral: int
    negative: int
    top_tags: tuple[tuple[str, int], ...]
    quotes: tuple[str, ...]

    @property
    def mood(self) -> str:
        """The sentiment that leads among non-neutral comments, "neutral" on a tie or none."""
        if self.positive > self.negative:
            return Sentiment.POSITIVE.value
        if self.negative > self.positive:
            return Sentiment.NEGATIVE.value
        return Sentiment.NEUTRAL.value


@dataclass(frozen=True, slots=True)
class VideoCard:
    platforms: tuple[PlatformLine, ...]  # most plays first
    totals: Numbers
    change: Numbers | None  # None while no platform has two snapshots
    feedback: Feedback
    # Per platform with a video link: plays -> joins -> the newcomers' first week
    # (bot/domain/video_links.py); filled by bot/services/video_links.py.
    funnels: tuple[Funnel, ...] = ()

    @property
    def engagement(self) -> float | None:
        return self.totals.engagement

    @property
    def latest_day(self) -> date | None:
        return max((line.day for line in self.platforms), default=None)


@dataclass(frozen=True, slots=True)
class VideoHeading:
    id: int
    code: str
    title: str
    platform: str


@dataclass(frozen=True, slots=True)
class ReportedVideo:
    video: VideoHeading
    card: VideoCard


def platform_lines(snapshots: Iterable[Snapshot]) -> tuple[PlatformLine, ...]:
    by_platform: dict[str, list[Snapshot]] = {}
    for snapshot in snapshots:
        by_platform.setdefault(snapshot.platform, []).append(snapshot)
    lines = []
    for platform, days in by_platform.items():
        days.sort(key=lambda snapshot: snapshot.day)
        latest = days[-1]
        previous = days[-2] if len(days) > 1 else None
        lines.append(
            PlatformLine(
                platform,
                latest.day,
                latest.numbers,
                previous.day if previous else None,
                latest.numbers - previous.numbers if previous else None,
            )
        )
    lines.sort(key=lambda line: (-(line.numbers.plays or 0), line.platform))
    return tuple(lines)


def summarize_feedback(comments: Sequence[LinkedComment]) -> Feedback:
    sentiments = Counter(comment.sentiment for comment in comments)
    tags = Counter(tag for comment in comments for tag in comment.tags)
    top_tags = tuple(sorted(tags.items(), key=lambda item: (-item[1], item[0]))[:TOP_TAGS])
    return Feedback(
        volume=len(comments),
        positive=sentiments[Sentiment.POSITIVE.value],
        neutral=len(comments)
        - sentiments[Sentiment.POSITIVE.value]
        - sentiments[Sentiment.NEGATIVE.value],
        negative=sentiments[Sentiment.NEGATIVE.value],
        top_tags=top_tags,
        quotes=tuple(_quote(comment.text or "") for comment in _quotable(comments)[:QUOTES]),
    )


def _quotable(comments: Sequence[LinkedComment]) -> list[LinkedComment]:
    """Comments with text, the telling ones (tagged, non-neutral) first, then the longer ones."""
    with_text = [comment for comment in comments if comment.text and comment.text.strip()]
    return sorted(
        with_text,
        key=lambda comment: (
            not (comment.tags or comment.sentiment != Sentiment.NEUTRAL.value),
            -len(comment.text or ""),
            comment.message_id,
        ),
    )


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"


def video_card(snapshots: Iterable[Snapshot], comments: Sequence[LinkedComment]) -> VideoCard:
    lines = platform_lines(snapshots)
    totals = sum((line.numbers for line in lines), Numbers())
    changes = [line.change for line in lines if line.change is not None]
    change = sum(changes, Numbers()) if changes else None
    return VideoCard(lines, totals, change, summarize_feedback(comments))


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f}%"


def count(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def signed(value: int | None) -> str:
    return "–" if value is None else f"{value:+,}"
