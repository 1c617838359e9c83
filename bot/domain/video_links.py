"""Where new fans come from: a named invite link per video and platform, and the funnel from a
video's plays to the fans who joined through its link and what they did in their first week.

The funnel, per video and platform (every link the video had there, live or revoked):

- plays: the platform's latest imported snapshot (bot/domain/video_report.py); None if never
  imported.
- joins: people who joined the group through one of the links while it was live (from its
  creation until it was revoked), each person once, at their first such join.
- stayed: of those whose first 7 days are over, the ones who did not leave within them;
  `settling` counts the newcomers still inside their first 7 days, who are in neither number.
- wrote: newcomers who wrote at least one fan message in the group within their first 7 days.
- tags: the most used tags of those messages.

A join through any other link (another administrator's, a revoked one) or through none (added
by someone, the public username) is counted as such, never as a video's.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.video_metrics_values import PLATFORM_NAMES, PLATFORMS
from bot.domain.videos import code, code_number

NAME_LIMIT = 32  # Telegram's limit on an invite link's name
NEWCOMER_DAYS = 7
NEWCOMER_WINDOW = timedelta(days=NEWCOMER_DAYS)
TOP_TAGS = 3
SEPARATOR = "·"


class LinkProblem(StrEnum):
    USAGE = "usage"
    NOT_A_VIDEO = "not-a-video"
    UNKNOWN_PLATFORM = "unknown-platform"
    EMPTY_NAME = "empty-name"
    LONG_NAME = "long-name"


class LinkRefused(ValueError):
    def __init__(self, problem: LinkProblem, typed: str = "") -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.typed = typed


@dataclass(frozen=True, slots=True)
class LinkAsk:
    number: int
    platform: str

    @property
    def name(self) -> str:
        return link_name(self.number, self.platform)


def link_name(number: int, platform: str) -> str:
    return f"{code(number)}{SEPARATOR}{platform}"


def platform_of(word: str) -> str | None:
    """The canonical platform for a name /video_stats accepts (douyin, 抖音, B站 ...)."""
    key = unicodedata.normalize("NFKC", word).strip().lower()
    return PLATFORM_NAMES.get(key) or PLATFORM_NAMES.get(key.replace(" ", ""))


def parse_link_ask(arguments: str) -> LinkAsk:
    """`v12 douyin`, `#v12 抖音`, `ｖ１２　B站`: the video and the platform."""
    words = unicodedata.normalize("NFKC", arguments).replace("，", " ").replace(",", " ").split()
    if len(words) != 2:  # noqa: PLR2004  (a video and a platform)
        raise LinkRefused(LinkProblem.USAGE)
    number = code_number(words[0])
    if number is None:
        raise LinkRefused(LinkProblem.NOT_A_VIDEO, words[0])
    platform = platform_of(words[1])
    if platform is None:
        raise LinkRefused(LinkProblem.UNKNOWN_PLATFORM, words[1])
    return LinkAsk(number, platform)


def known_platforms() -> str:
    return ", ".join(PLATFORMS)


def parse_link_name(typed: str) -> str:
    """A new name for a link as typed, spaces tidied; Telegram allows 32 characters."""
    name = " ".join(typed.split())
    if not name:
        raise LinkRefused(LinkProblem.EMPTY_NAME)
    if len(name) > NAME_LIMIT:
        raise LinkRefused(LinkProblem.LONG_NAME, name)
    return name


# the funnel


@dataclass(frozen=True, slots=True)
class LinkJoin:
    """A person's first join through one of a video's links on a platform."""

    video_id: int
    platform: str
    user_id: int
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class NewcomerActivity:
    """What one person did in the group after a join: when they left, what they wrote."""

    leaves: tuple[datetime, ...] = ()
    messages: tuple[tuple[datetime, frozenset[str]], ...] = ()  # fan messages and their tags


@dataclass(frozen=True, slots=True)
class Funnel:
    platform: str
    plays: int | None
    joins: int
    stayed: int
    settling: int  # still inside their first 7 days
    wrote: int
    top_tags: tuple[tuple[str, int], ...]

    @property
    def join_rate(self) -> float | None:
        """Joins per play; None without plays."""
        return self.joins / self.plays if self.plays else None

    @property
    def settled(self) -> int:
        return self.joins - self.settling


@dataclass(frozen=True, slots=True)
class JoinSources:
    """A window's joins by where they came from."""

    through_videos: int
    other_links: int
    no_link: int

    @property
    def total(self) -> int:
        return self.through_videos + self.other_links + self.no_link


def funnels(
    joins: Iterable[LinkJoin],
    activity: Mapping[int, NewcomerActivity],
    plays: Mapping[str, int | None],
    platforms: Iterable[str],
    now: datetime,
) -> tuple[Funnel, ...]:
    """One video's funnel per platform in `platforms` (those it has links on), most joins
    first; `activity` by user id, `plays` by platform."""
    by_platform: dict[str, list[LinkJoin]] = {platform: [] for platform in platforms}
    for join in joins:
        by_platform.setdefault(join.platform, []).append(join)
    found = [
        _funnel(platform, found, activity, plays.get(platform), now)
        for platform, found in by_platform.items()
    ]
    return tuple(sorted(found, key=lambda funnel: (-funnel.joins, funnel.platform)))


def _funnel(
    platform: str,
    joins: Sequence[LinkJoin],
    activity: Mapping[int, NewcomerActivity],
    plays: int | None,
    now: datetime,
) -> Funnel:
    stayed = settling = wrote = 0
    tags: Counter[str] = Counter()
    for join in joins:
        end = join.joined_at + NEWCOMER_WINDOW
        done = activity.get(join.user_id, NewcomerActivity())
        # Telegram dates are whole seconds: a leave in the second of the join came after it.
        left = any(join.joined_at <= at <= end for at in done.leaves)
        if end > now and not left:
            settling += 1
        elif not left:
            stayed += 1
        written = [found for at, found in done.messages if join.joined_at <= at < end]
        if written:
            wrote += 1
        tags.update(tag for found in written for tag in found)
    top = tuple(sorted(tags.items(), key=lambda item: (-item[1], item[0]))[:TOP_TAGS])
    return Funnel(platform, plays, len(joins), stayed, settling, wrote, top)


def first_joins(joins: Iterable[LinkJoin]) -> list[LinkJoin]:
    """Each person once per video and platform, at their first join through its links."""
    first: dict[tuple[int, str, int], LinkJoin] = {}
    for join in sorted(joins, key=lambda join: join.joined_at):
        first.setdefault((join.video_id, join.platform, join.user_id), join)
    return list(first.values())


def rate(value: float | None) -> str:
    """A share that is often tiny (joins per play): two significant digits below 1%."""
    if value is None:
        return "–"
    shown = value * 100
    if shown >= 10:  # noqa: PLR2004
        return f"{shown:.0f}%"
    if shown >= 1:
        return f"{shown:.1f}%"
    return f"{shown:.2g}%"
