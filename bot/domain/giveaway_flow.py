"""The guided /giveaway's steps, pure: what the operator typed or tapped at each step, checked,
and the plan they add up to. Pure domain logic (no Telegram, no SQL).

The plan ends as the one-line form's arguments (`GiveawayPlan.arguments`), so the guided flow and
`/giveaway 3 2h Poster | member` make the same draft, previewed and sent by the same code; each
step reuses the one-line form's readers (bot/domain/giveaway.py) so both accept the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from bot.domain.arguments import calendar_date, has_bar, syntax
from bot.domain.giveaway import (
    MAX_COMMENT_DAYS,
    MAX_PRIZE_CHARS,
    MAX_WINNERS,
    MIN_DURATION,
    MIN_WINNERS,
    CreateError,
    Draft,
    parse_end,
)
from bot.domain.recurrence import to_utc, zone

EVENING = time(20, 0)
# A number, a date or a username is short: longer input is refused before it is read.
MAX_SHORT_ANSWER = 64
_CHANNEL = re.compile(r"(?:(?:https?://)?t\.me/|@)?([A-Za-z][A-Za-z0-9_]{3,31})/?")
_NUMBERS = re.compile(r"\d+")
# "3", "3名", "3 个", "3位": a count with the words Chinese keyboards add after it.
_COUNT = re.compile(r"(\d{1,9})\s*(?:名|个|個|位|人|winners?)?")


class StepError(ValueError):
    """Refused step input; `code` picks the localized message (giveaway-flow-error)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class QuickEnd(StrEnum):
    HOUR = "hour"
    DAY = "day"
    EVENING = "evening"  # 20:00 in the group's time zone: tonight, or tomorrow once it passed


class Rule(StrEnum):
    """The toggles of the rules step, in the order they are shown."""

    MEMBER = "member"
    JOINED = "joined"
    COMMENTS = "comments"
    CHANNEL = "channel"
    STAFF = "staff"  # staff excluded: on by default


def read_prize(text: str) -> str:
    prize = " ".join((text or "").split())
    if not prize:
        raise StepError("prize-empty")
    if len(prize) > MAX_PRIZE_CHARS:
        raise StepError("prize-long", str(MAX_PRIZE_CHARS))
    if has_bar(prize):
        # The one-line form reads a bar as the start of the rules.
        raise StepError("prize-bar")
    return prize


def read_winners(text: str) -> int:
    found = _COUNT.fullmatch(_short(text))
    if found is None:
        raise StepError("winners-not-number", (text or "").strip()[:32])
    count = int(found[1])
    if not MIN_WINNERS <= count <= MAX_WINNERS:
        raise StepError("winners-range", str(count))
    return count


@dataclass(frozen=True, slots=True)
class End:
    """When entries close, and how the one-line form writes that instant: a local date and
    time, so the end is the one the flow showed, and no prize word after it (``2h pass``) can
    be read as part of it."""

    at: datetime
    phrase: str


def read_end(text: str, now: datetime, timezone: str) -> End:
    phrase = " ".join((text or "").split())
    try:
        at = parse_end(phrase, now, timezone)
    except CreateError as error:
        raise StepError(error.code) from None
    return end_at(at, timezone)


def quick_end(choice: QuickEnd, now: datetime, timezone: str) -> End:
    if choice is QuickEnd.HOUR:
        return end_at(now + timedelta(hours=1), timezone)
    if choice is QuickEnd.DAY:
        return end_at(now + timedelta(days=1), timezone)
    return end_at(evening(now, timezone), timezone)


def end_at(at: datetime, timezone: str) -> End:
    # Whole seconds: the one-line form reads no finer.
    at = at.replace(microsecond=0)
    return End(at, local_phrase(at, timezone))


def evening(now: datetime, timezone: str) -> datetime:
    """The next 20:00 in the group's time zone far enough ahead to enter."""
    tz = zone(timezone)
    today = now.astimezone(tz).date()
    at = to_utc(datetime.combine(today, EVENING), tz)
    if at - now < MIN_DURATION:
        at = to_utc(datetime.combine(today + timedelta(days=1), EVENING), tz)
    return at


def evening_is_tonight(now: datetime, timezone: str) -> bool:
    tz = zone(timezone)
    return evening(now, timezone).astimezone(tz).date() == now.astimezone(tz).date()


def local_phrase(at: datetime, timezone: str) -> str:
    local = at.astimezone(zone(timezone))
    pattern = "%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M"
    return local.strftime(pattern)


def read_joined_day(text: str, now: datetime, timezone: str) -> date:
    """The date fans must have joined before: today or earlier, in the group's time zone."""
    today = now.astimezone(zone(timezone)).date()
    day = calendar_date(_short(text).replace(" ", ""), today)
    if day is None:
        raise StepError("joined-day")
    if day > today:
        raise StepError("joined-future")
    return day


def read_comments(text: str) -> tuple[int, int]:
    """`5/7`, `5 7`, `５／７`, `5 条 7 天`: at least N comments in the last D days."""
    numbers = [int(n) for n in _NUMBERS.findall(_short(text))]
    if not numbers:
        raise StepError("comments-not-number")
    if len(numbers) == 1:
        raise StepError("comments-no-days", str(numbers[0]))
    if len(numbers) > 2:
        raise StepError("comments-not-number")
    count, days = numbers
    if count < 1:
        raise StepError("comments-count")
    if not 1 <= days <= MAX_COMMENT_DAYS:
        raise StepError("comments-days", str(MAX_COMMENT_DAYS))
    return count, days


def read_channel(text: str) -> str:
    found = _CHANNEL.fullmatch(_short(text))
    if found is None:
        raise StepError("channel")
    return f"@{found[1]}"


def _short(text: str | None) -> str:
    return syntax(text or "") if len(text or "") <= MAX_SHORT_ANSWER else "?"


@dataclass(frozen=True, slots=True)
class GiveawayPlan:
    """What the flow collected so far; each step fills one part."""

    prize: str | None = None
    winners: int | None = None
    ends_at: datetime | None = None
    end_phrase: str | None = None
    member: bool = False
    joined: bool = False
    joined_day: str | None = None  # ISO local date; None: before the giveaway starts
    min_comments: int = 0
    comment_days: int = 0
    channel: str | None = None
    staff_excluded: bool = True

    def rule_on(self, rule: Rule) -> bool:
        return {
            Rule.MEMBER: self.member,
            Rule.JOINED: self.joined,
            Rule.COMMENTS: self.min_comments > 0,
            Rule.CHANNEL: self.channel is not None,
            Rule.STAFF: self.staff_excluded,
        }[rule]

    def without(self, rule: Rule) -> GiveawayPlan:
        return {
            Rule.MEMBER: replace(self, member=False),
            Rule.JOINED: replace(self, joined=False, joined_day=None),
            Rule.COMMENTS: replace(self, min_comments=0, comment_days=0),
            Rule.CHANNEL: replace(self, channel=None),
            Rule.STAFF: replace(self, staff_excluded=False),
        }[rule]

    def with_end(self, end: End) -> GiveawayPlan:
        return replace(self, ends_at=end.at, end_phrase=end.phrase)

    @property
    def complete(self) -> bool:
        return self.prize is not None and self.winners is not None and self.end_phrase is not None

    def rule_words(self) -> list[str]:
        words = []
        if self.member:
            words.append("member")
        if self.joined:
            words.append(f"joined:{self.joined_day}" if self.joined_day else "joined")
        if self.min_comments:
            words.append(f"comments:{self.min_comments}/{self.comment_days}")
        if self.channel:
            words.append(f"channel:{self.channel}")
        if not self.staff_excluded:
            words.append("staff")
        return words

    def arguments(self) -> str:
        """The one-line form's arguments for this plan: `/giveaway <this>` makes the same draft."""
        if not self.complete:
            raise ValueError("an incomplete plan has no arguments")
        line = f"{self.winners} {self.end_phrase} {self.prize}"
        rules = self.rule_words()
        return f"{line} | {' '.join(rules)}" if rules else line

    @classmethod
    def from_draft(cls, draft: Draft, timezone: str) -> GiveawayPlan:
        """A previewed giveaway back into the flow (its Edit)."""
        rules = draft.rules
        return cls(
            prize=draft.prize,
            winners=draft.winner_count,
            ends_at=end_at(draft.ends_at, timezone).at,
            end_phrase=end_at(draft.ends_at, timezone).phrase,
            member=rules.member,
            joined=rules.joined_before,
            joined_day=rules.joined_before_day,
            min_comments=rules.min_comments,
            comment_days=rules.comment_days,
            channel=rules.channel,
            staff_excluded=rules.staff_excluded,
        )

    def to_data(self) -> dict[str, Any]:
        """As JSON-ready values, for the FSM storage."""
        return {
            "prize": self.prize,
            "winners": self.winners,
            "ends_at": self.ends_at.isoformat() if self.ends_at else None,
            "end_phrase": self.end_phrase,
            "member": self.member,
            "joined": self.joined,
            "joined_day": self.joined_day,
            "min_comments": self.min_comments,
            "comment_days": self.comment_days,
            "channel": self.channel,
            "staff_excluded": self.staff_excluded,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> GiveawayPlan:
        ends_at = data.get("ends_at")
        return cls(
            prize=data.get("prize"),
            winners=data.get("winners"),
            ends_at=datetime.fromisoformat(ends_at) if ends_at else None,
            end_phrase=data.get("end_phrase"),
            member=bool(data.get("member")),
            joined=bool(data.get("joined")),
            joined_day=data.get("joined_day"),
            min_comments=int(data.get("min_comments") or 0),
            comment_days=int(data.get("comment_days") or 0),
            channel=data.get("channel"),
            staff_excluded=bool(data.get("staff_excluded", True)),
        )
