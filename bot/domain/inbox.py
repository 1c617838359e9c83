"""The operators' inbox: filters typed after /inbox or /export, and pages of the result.

    /inbox #bug status:new sentiment:negative @lin_fan 7d subtitles
    /inbox tag:建议 状态:已计划 from:#12345 昨天

A token is a filter when it says so (`tag:`, `#`, `status:`, `sentiment:`, `from:` or `@`,
`period:` or a bare period of bot/domain/arguments.py such as `7d`, `昨天`, `11/30`);
everything else is the text to look for. A filter is resolved once, when it is typed (the author
to an id, the period to instants in the group's time zone), and stored as JSON so that a page
button carries only the stored query's id.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Final

from bot.domain.arguments import Period, parse_number, suggest
from bot.domain.arguments import parse_period as read_period
from bot.domain.feedback_status import parse_status, suggest_status
from bot.domain.recurrence import ScheduleError, parse_duration
from bot.domain.tag_set import TagSetError, resolve_tag
from bot.domain.tagging.normalization import normalize

PAGE_SIZE: Final = 5
# Past this many matches the inbox says "1000+": counting further grows with the history.
COUNT_CAP: Final = 1000
MAX_TEXT: Final = 100
# A trigram index finds texts of three characters or more; a shorter one (一个, "ok") is looked
# for among the group's newest comments only, so that a miss costs a bounded walk.
SHORT_TEXT: Final = 3
SHORT_TEXT_WINDOW: Final = 20_000
# /inbox_counts reads at most this many of the period's comments, newest first, so that a long
# period in a big group costs a bounded walk; past it the reply says what it counted.
COUNTS_WINDOW: Final = 30_000
MAX_ARGUMENTS: Final = 500
MAX_PERIOD: Final = timedelta(days=366)
QUERY_LIFETIME: Final = timedelta(days=7)
DEFAULT_COUNTS_PERIOD: Final = "7d"
SENTIMENTS: Final = {
    "positive": "positive",
    "pos": "positive",
    "+": "positive",
    "正面": "positive",
    "neutral": "neutral",
    "中性": "neutral",
    "negative": "negative",
    "neg": "negative",
    "-": "negative",
    "负面": "negative",
    "負面": "negative",
}
_TAG_PREFIXES: Final = ("tag:", "标签:", "標籤:", "#", "＃")
_STATUS_PREFIXES: Final = ("status:", "状态:", "狀態:")
_SENTIMENT_PREFIXES: Final = ("sentiment:", "mood:", "情绪:", "情緒:")
_AUTHOR_PREFIXES: Final = ("from:", "author:", "作者:")
_PERIOD_PREFIXES: Final = ("period:", "since:", "时间:", "時間:")


class InboxErrorCode(StrEnum):
    UNKNOWN_TAG = "unknown_tag"
    BAD_STATUS = "bad_status"
    BAD_SENTIMENT = "bad_sentiment"
    BAD_PERIOD = "bad_period"
    FUTURE_PERIOD = "future_period"
    UNKNOWN_AUTHOR = "unknown_author"
    TEXT_TOO_LONG = "text_too_long"
    TOO_LONG = "too_long"
    REPEATED = "repeated"
    EXPIRED = "expired"
    UNKNOWN_QUERY = "unknown_query"


class InboxError(Exception):
    """What is wrong, the word typed, and (for a near miss) the word that was probably meant."""

    def __init__(
        self, code: InboxErrorCode, value: str = "", suggestion: str | None = None
    ) -> None:
        super().__init__(f"{code.value}: {value}")
        self.code = code
        self.value = value
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class RawFilter:
    """What was typed, before the author is looked up: `author` is '@name' or digits."""

    tag: str | None = None
    status: str | None = None
    sentiment: str | None = None
    author: str | None = None
    period: Period | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class InboxFilter:
    """A resolved filter: every field narrows the set; None means "any"."""

    tag: str | None = None
    status: str | None = None
    sentiment: str | None = None
    author_user_id: int | None = None
    author: str | None = None  # as typed, for descriptions
    since: datetime | None = None
    until: datetime | None = None  # set for whole local days ("昨天"), None up to now
    text: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "tag": self.tag,
                "status": self.status,
                "sentiment": self.sentiment,
                "author_user_id": self.author_user_id,
                "author": self.author,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "text": self.text,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, raw: str) -> InboxFilter:
        data = json.loads(raw)
        since, until = data.get("since"), data.get("until")
        return cls(
            tag=data.get("tag"),
            status=data.get("status"),
            sentiment=data.get("sentiment"),
            author_user_id=data.get("author_user_id"),
            author=data.get("author"),
            since=datetime.fromisoformat(since) if since else None,
            until=datetime.fromisoformat(until) if until else None,
            text=data.get("text"),
        )

    def describe(self) -> str:
        """A compact, language-neutral echo of the filter, as it could be typed again."""
        parts = [
            f"#{self.tag}" if self.tag else "",
            f"status:{self.status}" if self.status else "",
            f"sentiment:{self.sentiment}" if self.sentiment else "",
            self.author or "",
            f"since:{self.since.isoformat(timespec='minutes')}" if self.since else "",
            f"until:{self.until.isoformat(timespec='minutes')}" if self.until else "",
            f'"{self.text}"' if self.text else "",
        ]
        return " ".join(part for part in parts if part)


def _strip_prefix(token: str, prefixes: tuple[str, ...]) -> str | None:
    lowered = token.lower()
    for prefix in prefixes:
        if lowered.startswith(prefix):
            return token[len(prefix) :]
    return None


def _set(current: RawFilter, field: str, value: object, token: str) -> RawFilter:
    if getattr(current, field) is not None:
        raise InboxError(InboxErrorCode.REPEATED, token)
    changes: dict[str, Any] = {field: value}
    return replace(current, **changes)


def parse_period(text: str, *, now: datetime, timezone: str) -> Period:
    """A period as bot/domain/arguments.py reads it, in the group's time zone; `InboxError` says
    whether it is not a period at all or one that has not begun."""
    period = read_period(text, now=now, timezone=timezone, maximum=MAX_PERIOD)
    if period is None:
        raise InboxError(InboxErrorCode.BAD_PERIOD, text)
    if period.start > now:
        raise InboxError(InboxErrorCode.FUTURE_PERIOD, text)
    return period


def _tag(value: str, tag_names: Collection[str], aliases: Mapping[str, str]) -> str:
    try:
        name = resolve_tag(value, tag_names, aliases)
    except TagSetError as error:
        raise InboxError(InboxErrorCode.UNKNOWN_TAG, value) from error
    if name not in tag_names:
        raise InboxError(InboxErrorCode.UNKNOWN_TAG, name, suggest(name, tag_names))
    return name


def _sentiment(value: str) -> str:
    found = SENTIMENTS.get(value.strip().lower())
    if found is None:
        raise InboxError(InboxErrorCode.BAD_SENTIMENT, value)
    return found


def _author(value: str) -> str:
    body = value.strip()
    if body.startswith("@") and len(body) > 1:
        return body
    number = parse_number(body)
    if number is not None and 0 < number < 2**63:
        return str(number)
    raise InboxError(InboxErrorCode.UNKNOWN_AUTHOR, value)


def _looks_like_period(token: str, now: datetime, timezone: str) -> bool:
    """A period, or a duration too long to be one (`999d` is refused, not searched for)."""
    if read_period(token, now=now, timezone=timezone, maximum=MAX_PERIOD) is not None:
        return True
    try:
        parse_duration(token)
    except ScheduleError:
        return False
    return True


def parse_filters(
    arguments: str,
    tag_names: Collection[str],
    *,
    now: datetime,
    timezone: str,
    aliases: Mapping[str, str] | None = None,
) -> RawFilter:
    """The filters typed after a command; `InboxError` names the first bad one. A tag is its
    name or, for a built-in one, its display name in any language (`aliases`)."""
    if len(arguments) > MAX_ARGUMENTS:
        raise InboxError(InboxErrorCode.TOO_LONG, str(MAX_ARGUMENTS))
    raw = RawFilter()
    words: list[str] = []
    for token in arguments.split():
        if (value := _strip_prefix(token, _TAG_PREFIXES)) is not None:
            raw = _set(raw, "tag", _tag(value, tag_names, aliases or {}), token)
        elif (value := _strip_prefix(token, _STATUS_PREFIXES)) is not None:
            status = parse_status(value)
            if status is None:
                raise InboxError(InboxErrorCode.BAD_STATUS, value, suggest_status(value))
            raw = _set(raw, "status", status.value, token)
        elif (value := _strip_prefix(token, _SENTIMENT_PREFIXES)) is not None:
            raw = _set(raw, "sentiment", _sentiment(value), token)
        elif (value := _strip_prefix(token, _AUTHOR_PREFIXES)) is not None:
            raw = _set(raw, "author", _author(value), token)
        elif token.startswith("@"):
            raw = _set(raw, "author", _author(token), token)
        elif (value := _strip_prefix(token, _PERIOD_PREFIXES)) is not None:
            raw = _set(raw, "period", parse_period(value, now=now, timezone=timezone), token)
        elif _looks_like_period(token, now, timezone):
            raw = _set(raw, "period", parse_period(token, now=now, timezone=timezone), token)
        else:
            words.append(token)
    text = " ".join(words)
    if len(text) > MAX_TEXT:
        raise InboxError(InboxErrorCode.TEXT_TOO_LONG, str(MAX_TEXT))
    return replace(raw, text=text or None)


def resolve(raw: RawFilter, author_user_id: int | None) -> InboxFilter:
    """The stored form: the author's id (looked up by the caller) and the period's instants."""
    period = raw.period
    return InboxFilter(
        tag=raw.tag,
        status=raw.status,
        sentiment=raw.sentiment,
        author_user_id=author_user_id,
        author=raw.author,
        since=period.start.astimezone(UTC) if period else None,
        until=period.end.astimezone(UTC) if period and period.days is not None else None,
        text=raw.text,
    )


def is_expired(created_at: datetime, now: datetime) -> bool:
    return now - created_at > QUERY_LIFETIME


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def clamp_page(wanted: int, pages: int) -> int:
    return min(max(wanted, 0), pages - 1)


def searches_recent_only(text: str | None) -> bool:
    """Whether the text is too short for the index (counted in its normal form)."""
    return text is not None and len(normalize(text)) < SHORT_TEXT


def excerpt(text: str | None, limit: int = 200) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
