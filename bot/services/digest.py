"""A group's numbers for one local day (or ISO week), compared with the days before.

Definitions (a "message" is any stored comment that is neither a service message nor a
command). Fans are people, never a chat posting as itself, the bot, or staff: the group's owner
and administrators (as Telegram says now) and whoever they granted a fanpulse role.
- messages: the fans' messages;
- staff activity: the staff's messages (chats posting as themselves included: anonymous
  administrators, the creator's channel) and the commands anyone sent, apart from the fans';
- active fans: distinct fans who sent a message;
- new fans: active fans whose first message in this group is in the period;
- joins / leaves: distinct people from chat_member updates when the bot received any that day
  (it is an administrator), else the group's join and leave service messages;
- replies to the bot, reactions: from `group_events` (only what Telegram sends the bot);
- feedback per tag and sentiment: the tags and sentiment stored for each fan comment (tagged at
  ingest with the group's own tag set, corrected by operators' manual tags), read per day by
  `StoredTags`; `TextTags` tags the texts on the fly instead (benchmarks, stores without tags);
- busiest hours: fans' messages per local hour.
Feedback, sentiment, rising tags and quotes read the fans' messages only.

A finished day's numbers are kept in `digest_rollups`, so comparisons and the 14-day chart read
one row per day; only the reported day itself reads its comments (for the quotes).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import digest as store
from bot.db.digest import DayComment
from bot.db.stored_tags import window_tags
from bot.domain.recurrence import to_utc, zone
from bot.domain.tagging import DEFAULT_RULES, Sentiment, Tagger, TagResult

HISTORY_DAYS = 14
AVERAGE_DAYS = 7
RISING_MINIMUM = 2
RISING_FACTOR = 1.5
QUOTES = 3
QUOTE_MIN, QUOTE_MAX = 6, 160
COMMAND_PREFIX = "/"
FAN_KIND, BOT_KIND = "fan", "bot"
JOIN_SERVICE = "new_chat_members"
LEAVE_SERVICE = "left_chat_member"

Tagging = Callable[[str], TagResult]
CommentTagging = Callable[[DayComment], TagResult]
UNTAGGED = TagResult(frozenset(), Sentiment.NEUTRAL, (), ())


def default_tagging() -> Tagging:
    """Tags computed from the text now, with the default rules."""
    return Tagger.build(DEFAULT_RULES, learned_tags=True).tag


class TagSource(Protocol):
    async def for_window(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime
    ) -> CommentTagging: ...


class StoredTags:
    """What ingest and operators stored for each comment: no text is tagged again."""

    async def for_window(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime
    ) -> CommentTagging:
        stored = await window_tags(session, chat_id, start, end)

        def tagging(comment: DayComment) -> TagResult:
            found = stored.get(comment.message_id)
            if found is None:
                return UNTAGGED
            sentiment, tags = found
            return TagResult(tags, Sentiment(sentiment), (), ())

        return tagging


class TextTags:
    """Tags the window's texts now (for data without stored tags, and the digest benchmark)."""

    def __init__(self, tagging: Tagging) -> None:
        self._tagging = tagging

    async def for_window(
        self, session: AsyncSession, chat_id: int, start: datetime, end: datetime
    ) -> CommentTagging:
        return lambda comment: self._tagging(comment.text or "")


class DigestKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    PREVIEW = "preview"


@dataclass(frozen=True, slots=True)
class DayMetrics:
    day: date
    messages: int = 0
    active_fans: int = 0
    new_fans: int = 0
    joins: int = 0
    leaves: int = 0
    bot_replies: int = 0
    reactions: int = 0
    tags: dict[str, int] = field(default_factory=dict)
    sentiment: dict[str, int] = field(default_factory=dict)
    hours: tuple[int, ...] = (0,) * 24
    staff_messages: int = 0
    commands: int = 0

    def to_json(self) -> str:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["hours"] = list(self.hours)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> DayMetrics:
        data = json.loads(raw)
        data["day"] = date.fromisoformat(data["day"])
        data["hours"] = tuple(data["hours"])
        return cls(**data)


@dataclass(frozen=True, slots=True)
class TagLine:
    tag: str
    count: int
    previous: int
    average: float  # over the AVERAGE_DAYS before (weekly: the previous week's count)
    rising: bool
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    chat_id: int
    title: str
    timezone: str
    kind: DigestKind
    first_day: date
    last_day: date
    partial: bool  # the period is not over yet (a preview of today)
    current: DayMetrics  # for a week: the week's sums (active fans: the daily average)
    previous: DayMetrics  # the day (or week) before
    tags: tuple[TagLine, ...]
    activity: tuple[DayMetrics, ...]  # the HISTORY_DAYS up to the last day, oldest first

    @property
    def feedback_total(self) -> int:
        return sum(self.current.tags.values())

    @property
    def rising(self) -> tuple[TagLine, ...]:
        return tuple(line for line in self.tags if line.rising)

    def busiest_hours(self, count: int = 3) -> list[tuple[int, int]]:
        ranked = sorted(enumerate(self.current.hours), key=lambda item: (-item[1], item[0]))
        return [(hour, messages) for hour, messages in ranked[:count] if messages > 0]


def day_window(day: date, timezone: str) -> tuple[datetime, datetime]:
    """A local day as a UTC half-open interval (23 or 25 hours across daylight saving)."""
    tz = zone(timezone)
    return to_utc(datetime.combine(day, time()), tz), to_utc(
        datetime.combine(day + timedelta(days=1), time()), tz
    )


def local_today(now: datetime, timezone: str) -> date:
    return now.astimezone(zone(timezone)).date()


@dataclass(frozen=True, slots=True)
class DayDetail:
    metrics: DayMetrics
    quotes: dict[str, tuple[str, ...]]


def measure_day(
    day: date,
    timezone: str,
    comments: Sequence[DayComment],
    *,
    new_fans: int,
    events: dict[str, tuple[int, int]],
    tagging: CommentTagging,
    staff: Collection[int] = frozenset(),
) -> DayDetail:
    """The day's numbers from its comments and events (pure); `staff`'s messages are counted
    apart from the fans'."""
    tz = zone(timezone)
    hours = [0] * 24
    fans: set[int] = set()
    service = Counter[str]()
    tags = Counter[str]()
    sentiment = Counter[str]()
    candidates: dict[str, list[tuple[int, str]]] = {}
    messages = staff_messages = commands = 0
    for comment in comments:
        if comment.service_kind is not None:
            service[comment.service_kind] += 1
            continue
        if comment.text is not None and comment.text.startswith(COMMAND_PREFIX):
            commands += 1
            continue
        if comment.author_kind == BOT_KIND:
            continue
        if (
            comment.author_user_id in staff
            or comment.author_kind != FAN_KIND
            or not comment.is_fan
            or comment.author_user_id is None
        ):
            staff_messages += 1  # a chat posting as itself: an anonymous admin, a channel
            continue
        messages += 1
        hours[comment.created_at.astimezone(tz).hour] += 1
        fans.add(comment.author_user_id)
        if not comment.text:
            continue
        result = tagging(comment)
        sentiment[result.sentiment.value] += 1
        evidence = len(result.matched) or len(result.tags)
        for tag in result.tags:
            tags[tag] += 1
            candidates.setdefault(tag, []).append((evidence, comment.text))
    joins = events.get("join", (0, 0))[0] or service[JOIN_SERVICE]
    leaves = events.get("leave", (0, 0))[0] or service[LEAVE_SERVICE]
    metrics = DayMetrics(
        day=day,
        messages=messages,
        active_fans=len(fans),
        new_fans=new_fans,
        joins=joins,
        leaves=leaves,
        bot_replies=events.get("bot_reply", (0, 0))[1],
        reactions=events.get("reaction", (0, 0))[1],
        tags=dict(sorted(tags.items())),
        sentiment={kind.value: sentiment[kind.value] for kind in Sentiment},
        hours=tuple(hours),
        staff_messages=staff_messages,
        commands=commands,
    )
    return DayDetail(metrics, {tag: _quotes(texts) for tag, texts in candidates.items()})


def _quotes(candidates: list[tuple[int, str]]) -> tuple[str, ...]:
    """The most explicit comments first (most tag evidence), then the fuller ones, short ones
    only when nothing else exists; each cut to QUOTE_MAX characters."""
    seen: set[str] = set()
    ranked = sorted(
        candidates,
        key=lambda item: (
            len(item[1].strip()) < QUOTE_MIN,
            -item[0],
            -min(len(item[1]), QUOTE_MAX),
        ),
    )
    quotes: list[str] = []
    for _, text in ranked:
        flat = " ".join(text.split())
        if flat in seen:
            continue
        seen.add(flat)
        quotes.append(flat if len(flat) <= QUOTE_MAX else flat[: QUOTE_MAX - 1] + "…")
        if len(quotes) == QUOTES:
            break
    return tuple(quotes)


def _settled(day: date, timezone: str, now: datetime) -> bool:
    """Whether the day may be rolled up: over for long enough that no message on time can still
    arrive for it (a late one makes ingest forget the rollup, bot/db/digest.py)."""
    return day_window(day, timezone)[1] <= now - store.LATE_AFTER


class DigestBuilder:
    """`tagging` tags texts on the fly (`TextTags`); by default the stored tags are read."""

    def __init__(self, tagging: Tagging | None = None, *, source: TagSource | None = None) -> None:
        self._source: TagSource = source or (TextTags(tagging) if tagging else StoredTags())

    async def day_detail(
        self,
        session: AsyncSession,
        chat_id: int,
        timezone: str,
        day: date,
        staff: Collection[int] = frozenset(),
    ) -> DayDetail:
        start, end = day_window(day, timezone)
        comments = await store.day_comments(session, chat_id, start, end)
        fans = await store.new_fans(session, chat_id, start, end, staff)
        events = await store.event_counts(session, chat_id, start, end)
        tagging = await self._source.for_window(session, chat_id, start, end)
        return measure_day(
            day, timezone, comments, new_fans=fans, events=events, tagging=tagging, staff=staff
        )

    async def history(
        self,
        session: AsyncSession,
        chat_id: int,
        timezone: str,
        days: Sequence[date],
        now: datetime,
        *,
        staff: Collection[int] = frozenset(),
    ) -> dict[date, DayMetrics]:
        """Finished days from their rollups, measuring (and keeping) the ones not rolled up yet;
        a day not over yet is measured and not kept."""
        stored = await store.rollups(session, chat_id, timezone, [d.isoformat() for d in days])
        result: dict[date, DayMetrics] = {}
        for day in days:
            raw = stored.get(day.isoformat())
            if raw is not None:
                result[day] = DayMetrics.from_json(raw)
                continue
            metrics = (await self.day_detail(session, chat_id, timezone, day, staff)).metrics
            result[day] = metrics
            if _settled(day, timezone, now):
                await store.save_rollup(
                    session, chat_id, timezone, day.isoformat(), metrics=metrics.to_json(), now=now
                )
        return result

    async def daily(
        self,
        session: AsyncSession,
        *,
        chat_id: int,
        title: str,
        timezone: str,
        day: date,
        now: datetime,
        kind: DigestKind = DigestKind.DAILY,
        staff: Collection[int] = frozenset(),
    ) -> Digest:
        detail = await self.day_detail(session, chat_id, timezone, day, staff)
        before = [day - timedelta(days=n) for n in range(HISTORY_DAYS - 1, 0, -1)]
        history = await self.history(session, chat_id, timezone, before, now, staff=staff)
        if _settled(day, timezone, now):
            await store.save_rollup(
                session,
                chat_id,
                timezone,
                day.isoformat(),
                metrics=detail.metrics.to_json(),
                now=now,
            )
        previous = history[day - timedelta(days=1)]
        week = [history[day - timedelta(days=n)] for n in range(1, AVERAGE_DAYS + 1)]
        tags = _tag_lines(detail, previous, week)
        return Digest(
            chat_id=chat_id,
            title=title,
            timezone=timezone,
            kind=kind,
            first_day=day,
            last_day=day,
            partial=day_window(day, timezone)[1] > now,
            current=detail.metrics,
            previous=previous,
            tags=tags,
            activity=(*(history[d] for d in before), detail.metrics),
        )

    async def weekly(
        self,
        session: AsyncSession,
        *,
        chat_id: int,
        title: str,
        timezone: str,
        monday: date,
        now: datetime,
        staff: Collection[int] = frozenset(),
    ) -> Digest:
        """The ISO week starting `monday`, compared with the week before."""
        days = [monday - timedelta(days=7 - n) for n in range(14)]
        history = await self.history(session, chat_id, timezone, days, now, staff=staff)
        previous = _week_sum([history[d] for d in days[:7]])
        current_days = [history[d] for d in days[7:]]
        current = _week_sum(current_days)
        quotes: dict[str, tuple[str, ...]] = {}
        tags = tuple(
            TagLine(
                tag=tag,
                count=count,
                previous=previous.tags.get(tag, 0),
                average=float(previous.tags.get(tag, 0)),
                rising=_rising(count, previous.tags.get(tag, 0), float(previous.tags.get(tag, 0))),
                quotes=quotes.get(tag, ()),
            )
            for tag, count in sorted(current.tags.items(), key=lambda item: (-item[1], item[0]))
        )
        return Digest(
            chat_id=chat_id,
            title=title,
            timezone=timezone,
            kind=DigestKind.WEEKLY,
            first_day=days[7],
            last_day=days[-1],
            partial=day_window(days[-1], timezone)[1] > now,
            current=current,
            previous=previous,
            tags=tags,
            activity=tuple(history[d] for d in days),
        )


def _tag_lines(
    detail: DayDetail, previous: DayMetrics, week: Sequence[DayMetrics]
) -> tuple[TagLine, ...]:
    names = set(detail.metrics.tags) | set(previous.tags)
    lines = []
    for tag in names:
        count = detail.metrics.tags.get(tag, 0)
        before = previous.tags.get(tag, 0)
        average = sum(day.tags.get(tag, 0) for day in week) / len(week)
        rising = _rising(count, before, average)
        lines.append(
            TagLine(
                tag=tag,
                count=count,
                previous=before,
                average=average,
                rising=rising,
                quotes=detail.quotes.get(tag, ()) if rising else (),
            )
        )
    return tuple(sorted(lines, key=lambda line: (-line.count, -line.previous, line.tag)))


def _rising(count: int, previous: int, average: float) -> bool:
    return count >= RISING_MINIMUM and count > previous and count >= RISING_FACTOR * average


def _week_sum(days: Sequence[DayMetrics]) -> DayMetrics:
    tags = Counter[str]()
    sentiment = Counter[str]()
    for day in days:
        tags.update(day.tags)
        sentiment.update(day.sentiment)
    return DayMetrics(
        day=days[0].day,
        messages=sum(day.messages for day in days),
        active_fans=round(sum(day.active_fans for day in days) / len(days)),
        new_fans=sum(day.new_fans for day in days),
        joins=sum(day.joins for day in days),
        leaves=sum(day.leaves for day in days),
        bot_replies=sum(day.bot_replies for day in days),
        reactions=sum(day.reactions for day in days),
        tags=dict(sorted(tags.items())),
        sentiment={kind.value: sentiment[kind.value] for kind in Sentiment},
        hours=tuple(sum(day.hours[hour] for day in days) for hour in range(24)),
        staff_messages=sum(day.staff_messages for day in days),
        commands=sum(day.commands for day in days),
    )
