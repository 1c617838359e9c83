"""Giveaways: what an operator asks for, who may enter, and why an entrant is skipped.

Pure domain logic (no Telegram, no SQL). The draw itself is `bot.domain.fairness`; the
resumable draw job is `bot.services.giveaway_draw`.

Creation syntax (after the command): ``<winners> <end> <prize> [| <rules>]`` where ``<end>`` is a
duration (``2h``, ``1d 12h``, ``3天``) or a local date and time (``2026-12-01 20:00``,
``tomorrow 20:00``, ``12月1日 20:00``) in the group's timezone, and the rules are any of
``member`` (still a member at the draw), ``joined`` (joined before the giveaway started),
``joined:<date>`` (joined before that local date: ``joined:2026-11-01``, ``joined:11月1日``),
``comments:N/D`` (at least N stored comments in the last D days), ``channel:@name``
(subscribed to that channel) and ``staff`` (the organiser, administrators and operators may
enter too: by default they may not), with Chinese aliases.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from bot.domain.arguments import has_bar, past_date, split_bars, syntax
from bot.domain.recurrence import (
    ScheduleError,
    ScheduleErrorCode,
    parse_duration,
    parse_local_datetime,
    to_utc,
    zone,
)
from bot.domain.roles import GONE_STATUSES

MIN_WINNERS = 1
MAX_WINNERS = 10_000
MAX_PRIZE_CHARS = 256
MIN_DURATION = timedelta(seconds=10)
MAX_DURATION = timedelta(days=90)
MAX_COMMENT_DAYS = 365
MAX_REASON_CHARS = 300
# Telegram's placeholder senders: the linked channel (777000), an anonymous administrator
# (GroupAnonymousBot) and someone posting as a channel (Channel_Bot). None of them is a fan.
FOREIGN_USER_IDS = frozenset({777000, 1087968824, 136817688})
MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})

_CHANNEL = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")
_COMMENTS = re.compile(r"(\d{1,5})/(\d{1,3})d?")
_RULE_WORDS = {
    "member": "member",
    "成员": "member",
    "joined": "joined",
    "入群": "joined",
    "comments": "comments",
    "发言": "comments",
    "channel": "channel",
    "频道": "channel",
    "staff": "staff",
    "工作人员": "staff",
    "工作人員": "staff",
}
STAFF_STATUSES = frozenset({"creator", "administrator"})


class CreateError(ValueError):
    """Refused creation input; `code` picks the localized message (giveaway-error-<code>)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Rules:
    member: bool = False
    joined_before: bool = False
    # With joined_before: joined before this local date (ISO) of the group, which starts at
    # `joined_before_at` (UTC), rather than before the giveaway started.
    joined_before_day: str | None = None
    joined_before_at: datetime | None = None
    min_comments: int = 0
    comment_days: int = 0
    channel: str | None = None  # "@name" as typed (normalized)
    channel_id: int | None = None  # resolved at creation
    # The organiser, the group's administrators and its operators cannot enter. On for every
    # giveaway created since it exists; a stored giveaway without it stays as it was.
    staff_excluded: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "member": self.member,
                "joined_before": self.joined_before,
                "joined_before_day": self.joined_before_day,
                "joined_before_at": (
                    self.joined_before_at.isoformat() if self.joined_before_at else None
                ),
                "min_comments": self.min_comments,
                "comment_days": self.comment_days,
                "channel": self.channel,
                "channel_id": self.channel_id,
                "staff_excluded": self.staff_excluded,
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Rules:
        data = json.loads(text)
        cutoff = data.get("joined_before_at")
        return cls(
            member=bool(data.get("member")),
            joined_before=bool(data.get("joined_before")),
            joined_before_day=data.get("joined_before_day"),
            joined_before_at=datetime.fromisoformat(cutoff) if cutoff else None,
            min_comments=int(data.get("min_comments") or 0),
            comment_days=int(data.get("comment_days") or 0),
            channel=data.get("channel"),
            channel_id=data.get("channel_id"),
            staff_excluded=bool(data.get("staff_excluded")),
        )

    @property
    def any(self) -> bool:
        return (
            self.member
            or self.joined_before
            or self.min_comments > 0
            or bool(self.channel)
            or self.staff_excluded
        )


@dataclass(frozen=True)
class Draft:
    winner_count: int
    ends_at: datetime
    prize: str
    rules: Rules


def parse_create(text: str, now: datetime, timezone: str) -> Draft:
    """The operator's words, checked; raises CreateError with a code for each refusal."""
    head, *rest = split_bars(text or "") if has_bar(text or "") else [text or ""]
    rule_text = " ".join(rest)
    words = head.split()
    if len(words) < 3:
        raise CreateError("usage")
    if not _is_count(words[0]) and _is_count(words[1]) and _reads_as_end(words[0]):
        raise CreateError("order")
    winner_count = _winner_count(words[0])
    ends_at, used = _end(words[1:], now, timezone)
    prize = " ".join(words[1 + used :]).strip()
    if not prize:
        raise CreateError("usage")
    if len(prize) > MAX_PRIZE_CHARS:
        raise CreateError("prize", str(MAX_PRIZE_CHARS))
    return Draft(winner_count, ends_at, prize, parse_rules(rule_text, now, timezone))


def _is_count(word: str) -> bool:
    return syntax(word).isdecimal()


def _reads_as_end(word: str) -> bool:
    try:
        parse_duration(word)
    except ScheduleError:
        return False
    return True


def _winner_count(word: str) -> int:
    if not _is_count(word):
        raise CreateError("winners")
    count = int(syntax(word))
    if not MIN_WINNERS <= count <= MAX_WINNERS:
        raise CreateError("winners")
    return count


def _end(words: list[str], now: datetime, timezone: str) -> tuple[datetime, int]:
    """The longest leading run of words (up to 3, leaving a prize) that reads as an end."""
    for used in range(min(3, len(words) - 1), 0, -1):
        try:
            return parse_end(" ".join(words[:used]), now, timezone), used
        except CreateError as error:
            if error.code != "end":
                raise
    raise CreateError("end")


def parse_end(phrase: str, now: datetime, timezone: str) -> datetime:
    """A duration (``2h``) or a local date and time (``tomorrow 20:00``) as the UTC instant the
    entries close; raises CreateError ``end`` (unreadable), ``end-past``, ``end-too-soon`` or
    ``end-too-far``."""
    try:
        length = parse_duration(phrase, minimum=MIN_DURATION, maximum=MAX_DURATION)
    except ScheduleError as failure:
        if failure.code is not ScheduleErrorCode.UNPARSABLE:
            raise CreateError(_schedule_code(failure)) from None
    else:
        return now + length
    try:
        ends_at = parse_local_datetime(phrase, timezone, now, maximum=MAX_DURATION)
    except ScheduleError as failure:
        raise CreateError(_schedule_code(failure)) from None
    if ends_at - now < MIN_DURATION:
        raise CreateError("end-too-soon")
    return ends_at


def _schedule_code(error: ScheduleError) -> str:
    return {
        ScheduleErrorCode.IN_THE_PAST: "end-past",
        ScheduleErrorCode.TOO_SOON: "end-too-soon",
        ScheduleErrorCode.TOO_FAR: "end-too-far",
    }.get(error.code, "end")


def parse_rules(text: str, now: datetime, timezone: str) -> Rules:
    rules = Rules(staff_excluded=True)
    for token in text.replace("，", " ").replace(",", " ").split():
        word, _, value = token.replace("：", ":").partition(":")
        kind = _RULE_WORDS.get(word.lower())
        if kind == "member" and not value:
            rules = replace(rules, member=True)
        elif kind == "joined" and not value:
            rules = replace(
                rules, joined_before=True, joined_before_day=None, joined_before_at=None
            )
        elif kind == "joined":
            day = joined_day(value, now, timezone)
            if day is None:
                raise CreateError("rules", token)
            rules = replace(
                rules,
                joined_before=True,
                joined_before_day=day.isoformat(),
                joined_before_at=to_utc(datetime.combine(day, time()), zone(timezone)),
            )
        elif kind == "comments" and (found := _COMMENTS.fullmatch(value.lower())):
            count, days = int(found[1]), int(found[2])
            if count < 1 or not 1 <= days <= MAX_COMMENT_DAYS:
                raise CreateError("rules", token)
            rules = replace(rules, min_comments=count, comment_days=days)
        elif kind == "channel" and (found := _CHANNEL.fullmatch(value)):
            rules = replace(rules, channel=f"@{found[1]}")
        elif kind == "staff" and not value:
            rules = replace(rules, staff_excluded=False)
        else:
            raise CreateError("rules", token)
    return rules


def joined_day(text: str, now: datetime, timezone: str) -> date | None:
    """``2026-11-01``, ``11/01``, ``11月1日``: the latest such date not after today in the
    group's time zone; None when it is not such a date."""
    return past_date(text, now.astimezone(zone(timezone)).date())


def parse_reason(text: str) -> str | None:
    reason = " ".join(text.split())
    if not reason or len(reason) > MAX_REASON_CHARS:
        return None
    return reason


@dataclass(frozen=True)
class SkipReason:
    """Why an entrant cannot win or enter. `published` is the transcript's stable wording
    (a code, with its numbers); the chat reads it localized through the code."""

    code: str  # left-group, joined-after-start, too-few-comments, not-subscribed, staff, ...
    count: int = 0
    days: int = 0
    channel: str = ""
    day: str = ""  # joined-after-date: the rule's date, ISO

    def published(self) -> str:
        if self.code == "too-few-comments":
            return f"{self.code}: fewer than {self.count} comments in {self.days} days"
        if self.code == "joined-after-date":
            return f"{self.code}: joined on or after {self.day}"
        if self.code == "not-subscribed":
            return f"{self.code}: not subscribed to {self.channel}"
        return self.code

    @classmethod
    def parse(cls, text: str) -> SkipReason:
        code, _, detail = text.partition(":")
        numbers = [int(n) for n in re.findall(r"\d+", detail)]
        if code == "too-few-comments" and len(numbers) == 2:
            return cls(code, count=numbers[0], days=numbers[1])
        if code == "not-subscribed":
            return cls(code, channel=detail.strip().removeprefix("not subscribed to "))
        if code == "joined-after-date":
            return cls(code, day=detail.strip().removeprefix("joined on or after "))
        return cls(code)


@dataclass(frozen=True)
class Facts:
    """What was looked up about one person for the rules that need it (None: not looked up)."""

    group_status: str | None = None
    joined_at: datetime | None = None
    comments: int | None = None
    channel_status: str | None = None
    staff: bool | None = None  # the organiser, an administrator or an operator of the group


def first_unmet(rules: Rules, facts: Facts, started_at: datetime) -> SkipReason | None:
    """The first rule the person does not meet, in the order the rules are listed."""
    if rules.staff_excluded and facts.staff:
        return SkipReason("staff")
    if rules.member and facts.group_status in GONE_STATUSES:
        return SkipReason("left-group")
    cutoff = rules.joined_before_at or started_at
    if rules.joined_before and facts.joined_at is not None and facts.joined_at >= cutoff:
        if rules.joined_before_at is None:
            return SkipReason("joined-after-start")
        return SkipReason("joined-after-date", day=rules.joined_before_day or "")
    if rules.min_comments and (facts.comments or 0) < rules.min_comments:
        return SkipReason("too-few-comments", count=rules.min_comments, days=rules.comment_days)
    if rules.channel and facts.channel_status not in MEMBER_STATUSES:
        return SkipReason("not-subscribed", channel=rules.channel)
    return None


def is_person(user_id: int, is_bot: bool) -> bool:
    return not is_bot and user_id not in FOREIGN_USER_IDS


def count_edit_due(
    shown: int, live: int, shown_at: datetime | None, now: datetime, interval: timedelta
) -> datetime | None:
    """When the announcement's entrant count should next be edited (None: it is current).
    At most one edit per interval per giveaway keeps well under a group's 20 messages/min."""
    if live == shown:
        return None
    if shown_at is None:
        return now
    return max(now, shown_at + interval)
