"""One grammar for command arguments, as people really type them. Pure, no I/O.

Phones and Chinese keyboards do not type what a manual says:
- iOS and macOS turn `--` into `—`; other keyboards give `–`; a Chinese keyboard types `——`,
  full-width `－－` or `｜：，；（）`. A flag is two dashes of any width or one long dash before
  a name; a single ASCII `-` starts a flag only before a name the command knows, so
  `well -known` stays text.
- Separators: `|` and its full-width and box-drawing look-alikes.
- Numbers: `#8`, `＃８`, `No.8`, `第8`, `8号` are all 8.
- Periods: `7d`, `7days`, `7 天`, `一周`, `两周`, `today`, `昨天`, `this week`, `上周`,
  `2026/11/30`, `11/30`, `12月1日`: a window of local days (or of hours, for a duration), in
  the group's time zone.
Free text (a question, an option, a prize) is never rewritten: only the syntax around it is
read loosely.

Every pattern here is linear in its input (no nested or adjacent unbounded repeats).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.domain.recurrence import ScheduleError, parse_duration, to_utc, zone

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
LONG_DASHES = DASHES[1:]
BARS = "|\uff5c\u2502\uffe8"
_FLAG = re.compile(rf"(?<!\S)(?P<prefix>[{DASHES}]{{1,2}})(?P<name>[A-Za-z][A-Za-z_]{{0,31}})")
_BAR = re.compile(f"[{BARS}]")
_NUMBER = re.compile(r"(?:#|no\.?|第)?\s?(\d{1,18})(?:号|號|个|個)?")
SUGGESTION_CUTOFF = 0.6


class ArgumentErrorCode(StrEnum):
    UNKNOWN_FLAG = "unknown-flag"
    REPEATED_FLAG = "repeated-flag"


class ArgumentError(ValueError):
    """A flag the command does not take, or one given twice; `suggestion` is the near miss."""

    def __init__(self, code: ArgumentErrorCode, flag: str, suggestion: str | None) -> None:
        super().__init__(f"{code.value}: {flag}")
        self.code = code
        self.flag = flag
        self.suggestion = suggestion


@dataclass(frozen=True, slots=True)
class Flag:
    name: str  # lower case, as the command declares it
    value: str  # the text up to the next flag, stripped
    written: str  # as typed, for messages: "—close"


@dataclass(frozen=True, slots=True)
class Arguments:
    body: str
    flags: tuple[Flag, ...]

    def get(self, name: str) -> str | None:
        return next((flag.value for flag in self.flags if flag.name == name), None)

    def __contains__(self, name: object) -> bool:
        return any(flag.name == name for flag in self.flags)


def split_flags(text: str, known: Collection[str]) -> Arguments:
    """The text before the first flag, and each flag with its value."""
    found = [m for m in _FLAG.finditer(text) if _is_flag(m, known)]
    flags: list[Flag] = []
    for index, match in enumerate(found):
        name = match["name"].lower()
        if name not in known:
            raise ArgumentError(ArgumentErrorCode.UNKNOWN_FLAG, name, suggest(name, known))
        if any(flag.name == name for flag in flags):
            raise ArgumentError(ArgumentErrorCode.REPEATED_FLAG, name, None)
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        flags.append(Flag(name, text[match.end() : end].strip(), match[0]))
    body = text[: found[0].start()] if found else text
    return Arguments(body.strip(), tuple(flags))


def _is_flag(match: re.Match[str], known: Collection[str]) -> bool:
    prefix = match["prefix"]
    if len(prefix) == 2 or prefix in LONG_DASHES:
        return True
    return match["name"].lower() in known


def suggest(word: str, choices: Collection[str]) -> str | None:
    """The closest of `choices` to a mistyped `word`, if one is close enough."""
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=SUGGESTION_CUTOFF)
    return close[0] if close else None


def has_bar(text: str) -> bool:
    return _BAR.search(text) is not None


def split_bars(text: str) -> list[str]:
    """Parts between bars (`|`, `｜`, `│`, `￨`), stripped."""
    return [part.strip() for part in _BAR.split(text)]


def syntax(text: str) -> str:
    """A word of syntax (a number, a unit, a date) in its plain form: full-width digits and
    punctuation become ASCII (NFKC), lower case."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def parse_number(word: str) -> int | None:
    """`8`, `#8`, `＃８`, `No.8`, `第8`, `8号`; None for anything else."""
    found = _NUMBER.fullmatch(syntax(word))
    return int(found[1]) if found else None


# Periods of past activity, for /digest, /inbox, /poll_topics and the rest.
_TODAY_WORDS = {"today": 0, "今天": 0, "今日": 0, "yesterday": 1, "昨天": 1, "昨日": 1, "前天": 2}
_WEEK_WORDS = {
    "week": 0,
    "this week": 0,
    "thisweek": 0,
    "本周": 0,
    "本週": 0,
    "这周": 0,
    "這週": 0,
    "last week": 1,
    "lastweek": 1,
    "上周": 1,
    "上週": 1,
}
# What a near miss is compared with ("yesterdy" -> "yesterday").
PERIOD_WORDS = frozenset((*_TODAY_WORDS, *_WEEK_WORDS))
_SLASHED = re.compile(r"(?:(?P<year>\d{4})[/.-])?(?P<month>\d{1,2})[/.-](?P<day>\d{1,2})")
_CHINESE_DATE = re.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号號]?")


@dataclass(frozen=True, slots=True)
class Period:
    """[start, end) in UTC; `days` local days when it is a whole-day window, else None."""

    start: datetime
    end: datetime
    days: int | None


def parse_period(
    word: str, *, now: datetime, timezone: str, maximum: timedelta = timedelta(days=366)
) -> Period | None:
    """A window that ends now (a duration) or covers whole local days; None if not a period."""
    text = syntax(word)
    local_today = now.astimezone(zone(timezone)).date()
    if text in _TODAY_WORDS:
        day = local_today - timedelta(days=_TODAY_WORDS[text])
        return _days(day, day, timezone, now)
    if text in _WEEK_WORDS:
        monday = local_today - timedelta(days=local_today.weekday(), weeks=_WEEK_WORDS[text])
        return _days(monday, monday + timedelta(days=6), timezone, now)
    dated = _a_date(text, local_today)
    if dated is not None:
        return _days(dated, dated, timezone, now)
    duration = _duration(text, maximum)
    if duration is None:
        return None
    return Period(now - duration, now, None)


def calendar_date(word: str, today: date) -> date | None:
    """`2026/11/30`, `11-30`, `11月30日`, full-width or not (a date without a year is the latest
    one not after `today`); None for anything else."""
    return _a_date(syntax(word), today)


def past_date(word: str, today: date) -> date | None:
    """A `calendar_date` not after `today`."""
    day = calendar_date(word, today)
    return day if day is not None and day <= today else None


def _a_date(text: str, today: date) -> date | None:
    found = _SLASHED.fullmatch(text) or _CHINESE_DATE.fullmatch(text)
    if found is None:
        return None
    year = int(found["year"]) if found["year"] else today.year
    try:
        day = date(year, int(found["month"]), int(found["day"]))
    except ValueError:
        return None
    # A date without a year is the latest one that is not in the future.
    if not found["year"] and day > today:
        day = day.replace(year=year - 1)
    return day


def _days(first: date, last: date, timezone: str, now: datetime) -> Period:
    tz = zone(timezone)
    start = to_utc(datetime.combine(first, time()), tz)
    end = to_utc(datetime.combine(last + timedelta(days=1), time()), tz)
    return Period(start, min(end, max(now, start)), (last - first).days + 1)


def _duration(text: str, maximum: timedelta) -> timedelta | None:
    try:
        return parse_duration(text, maximum=maximum)
    except ScheduleError:
        return None
