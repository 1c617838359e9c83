"""Local-time schedules across daylight saving, and the duration and deadline parsing of commands.

A schedule fires once per *period*: a local day (``"2026-11-28"``) or an ISO week
(``"2026-W48"``, fired on its Monday). The period key is the key of the run itself (the local date
or week in which it fires), not of the data it reports on, so ``job_runs(job, period)`` UNIQUE
makes each run happen at most once.

Daylight saving, for a local time on a given local date:
- nonexistent (spring forward, 02:30 Europe/Berlin on the last Sunday of March): the run happens
  at the first valid instant after the gap (03:00 CEST, the moment the clocks jump);
- ambiguous (fall back, 02:30 happens twice in October): the run happens at the first occurrence.
Either way each period has exactly one instant, so no local day fires twice and none is skipped.

Every datetime taken or returned here is timezone-aware; results are in UTC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MONDAY = 0


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


class ScheduleErrorCode(StrEnum):
    UNPARSABLE = "unparsable"
    IN_THE_PAST = "in_the_past"
    UNKNOWN_TIMEZONE = "unknown_timezone"
    TOO_SOON = "too_soon"
    TOO_FAR = "too_far"


class ScheduleError(ValueError):
    """Bad user input; ``code`` is stable so handlers can pick a localized message."""

    def __init__(self, code: ScheduleErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Run:
    period: str
    local_date: date
    at: datetime


@dataclass(frozen=True)
class Schedule:
    local_time: time
    tz: str
    cadence: Cadence = Cadence.DAILY

    def __post_init__(self) -> None:
        zone(self.tz)
        if self.local_time.tzinfo is not None:
            raise ValueError("local_time must be naive: the schedule's tz gives its zone")

    def run_on(self, local_date: date) -> Run:
        """The run of the period that ``local_date`` falls in (weekly: that week's Monday)."""
        if self.cadence is Cadence.WEEKLY:
            local_date -= timedelta(days=local_date.weekday() - MONDAY)
        moment = datetime.combine(local_date, self.local_time)
        return Run(period_key(self.cadence, local_date), local_date, to_utc(moment, zone(self.tz)))

    def next_run(self, after: datetime) -> Run:
        """The first run scheduled strictly after ``after``."""
        run = self.run_on(_local_date(after, self.tz) - timedelta(days=1))
        while run.at <= after:
            run = self.run_on(run.local_date + self._step)
        return run

    def last_run(self, until: datetime) -> Run:
        """The latest run scheduled at or before ``until``."""
        run = self.run_on(_local_date(until, self.tz) + timedelta(days=1))
        while run.at > until:
            run = self.run_on(run.local_date - self._step)
        return run

    def run_of_period(self, period: str) -> Run:
        """The run of a period key; ValueError if the key is malformed for this cadence."""
        return self.run_on(period_date(self.cadence, period))

    def run_after(self, run: Run) -> Run:
        """The run of the period that follows ``run``'s."""
        return self.run_on(run.local_date + self._step)

    @property
    def _step(self) -> timedelta:
        return timedelta(days=7 if self.cadence is Cadence.WEEKLY else 1)


@dataclass(frozen=True)
class DueRuns:
    """What to do now: send ``due`` (if any), record every ``missed`` run as missed."""

    due: Run | None
    missed: tuple[Run, ...]


def due_runs(
    schedule: Schedule,
    last_period: str | None,
    now: datetime,
    catch_up_window: timedelta = timedelta(hours=1),
) -> DueRuns:
    """Decide from the last recorded period (sent or missed) what runs now and what was missed.

    Only the latest run scheduled at or before ``now`` can be due, and only if ``now`` is at most
    ``catch_up_window`` after its instant; every earlier unrecorded run, and the latest one when it
    is older than the window, is missed (never sent late). ``last_period=None`` means no history:
    nothing before the latest run counts as missed.
    """
    _require_aware(now, "now")
    latest = schedule.last_run(now)
    if last_period is not None and latest.period <= last_period:
        return DueRuns(None, ())
    missed: list[Run] = []
    if last_period is not None:
        run = schedule.run_after(schedule.run_of_period(last_period))
        while run.period < latest.period:
            missed.append(run)
            run = schedule.run_after(run)
    if now - latest.at <= catch_up_window:
        return DueRuns(latest, tuple(missed))
    return DueRuns(None, (*missed, latest))


def next_run(local_time: time, tz: str, after: datetime) -> datetime:
    """The next daily run of ``local_time`` in ``tz`` strictly after ``after``, in UTC."""
    return Schedule(local_time, tz).next_run(after).at


def next_weekly_run(local_time: time, tz: str, after: datetime) -> datetime:
    """The next Monday run of ``local_time`` in ``tz`` strictly after ``after``, in UTC."""
    return Schedule(local_time, tz, Cadence.WEEKLY).next_run(after).at


def period_key(cadence: Cadence, local_date: date) -> str:
    if cadence is Cadence.WEEKLY:
        year, week, _ = local_date.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return local_date.isoformat()


def period_date(cadence: Cadence, period: str) -> date:
    """The first local date of a period key (weekly: its Monday); ValueError if malformed."""
    if cadence is Cadence.WEEKLY:
        found = re.fullmatch(r"(\d{4})-W(\d{2})", period)
        if found is None:
            raise ValueError(f"not a weekly period key: {period!r}")
        return date.fromisocalendar(int(found[1]), int(found[2]), 1)
    return date.fromisoformat(period)


def zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ScheduleError(
            ScheduleErrorCode.UNKNOWN_TIMEZONE, f"unknown timezone: {tz!r}"
        ) from error


def to_utc(local: datetime, tz: ZoneInfo) -> datetime:
    """A naive local wall time in ``tz`` as a UTC instant, with the DST rules of this module."""
    first = local.replace(tzinfo=tz, fold=0)
    instant = first.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == local:
        return instant  # exists; fold=0 is the first occurrence when ambiguous
    return _gap_end(local.replace(tzinfo=tz, fold=1).astimezone(UTC), instant, tz)


def _gap_end(low: datetime, high: datetime, tz: ZoneInfo) -> datetime:
    # In a gap, fold=1 reads the wall time with the offset after the jump and fold=0 with the one
    # before, so the transition lies in (low, high]; offsets change on whole seconds.
    after = high.astimezone(tz).utcoffset()
    lo, hi = int(low.timestamp()), int(high.timestamp())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)


def _local_date(moment: datetime, tz: str) -> date:
    _require_aware(moment, "datetime")
    return moment.astimezone(zone(tz)).date()


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


# Durations: "30m", "2h", "3d", "1h30m", "90s", "1d 12h", "7days", "2 hours", and the Chinese
# "2小时30分钟", "3天", "1周" (Traditional "2小時", "1週" too).
_WEEK = timedelta(weeks=1)
_DAY = timedelta(days=1)
_HOUR = timedelta(hours=1)
_MINUTE = timedelta(minutes=1)
_SECOND = timedelta(seconds=1)
_UNITS = {
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks", "周", "週", "星期", "礼拜", "禮拜"), _WEEK),
    **dict.fromkeys(("d", "day", "days", "天", "日"), _DAY),
    **dict.fromkeys(
        ("h", "hr", "hrs", "hour", "hours", "小时", "小時", "个小时", "個小時", "时", "時"), _HOUR
    ),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "分钟", "分鐘", "分"), _MINUTE),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "秒"), _SECOND),
}
# "两周", "三天", "十分钟": a one-character Chinese count before a unit.
_CHINESE_COUNTS = dict(
    zip("一二两兩三四五六七八九十", (1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True)
)
_CHINESE_COUNT = re.compile(f"([{''.join(_CHINESE_COUNTS)}])(?=\\s*[周週星礼禮天日小个個时時分秒])")
_UNIT_PATTERN = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_DURATION_PART = re.compile(rf"\s*(\d{{1,6}})\s*({_UNIT_PATTERN})", re.IGNORECASE)


def parse_duration(
    text: str,
    *,
    minimum: timedelta = timedelta(seconds=1),
    maximum: timedelta | None = None,
) -> timedelta:
    normalized = unicodedata.normalize("NFKC", text).strip().lower()
    normalized = _CHINESE_COUNT.sub(lambda found: str(_CHINESE_COUNTS[found[1]]), normalized)
    total, position = timedelta(), 0
    while position < len(normalized):
        found = _DURATION_PART.match(normalized, position)
        if found is None:
            raise ScheduleError(ScheduleErrorCode.UNPARSABLE, f"not a duration: {text!r}")
        total += int(found[1]) * _UNITS[found[2]]
        position = found.end()
        while position < len(normalized) and normalized[position].isspace():
            position += 1
    if position == 0:
        raise ScheduleError(ScheduleErrorCode.UNPARSABLE, f"not a duration: {text!r}")
    return _bounded(total, text, minimum, maximum)


# Deadlines: "2026-12-01 20:00", "2026/12/01 20:00", "12-01 20:00", "2026年12月1日 20:00",
# "12月1日 20:00", "20:00", and a bare time after a day word ("tomorrow 20:00", "明天 20:00").
# No "12/01" or "01.12": whether that is the 1st of December or the 12th of January depends on
# where the reader lives.
_DAY_WORDS = {"today": 0, "tomorrow": 1, "今天": 0, "明天": 1, "后天": 2}
_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
_DATES = (
    re.compile(rf"(?P<year>\d{{4}})([-/])(?P<month>\d{{1,2}})\2(?P<day>\d{{1,2}})(?:\s+|t){_TIME}"),
    re.compile(rf"(?P<year>)(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})\s+{_TIME}"),
    re.compile(
        rf"(?:(?P<year>\d{{4}})年)?(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})[日号]\s*{_TIME}"
    ),
)
_BARE = re.compile(rf"(?:(?P<word>{'|'.join(_DAY_WORDS)})\s*)?{_TIME}")


def parse_local_datetime(
    text: str,
    tz: str,
    now: datetime,
    *,
    maximum: timedelta | None = None,
) -> datetime:
    """A local date and time typed by a person, as an aware UTC datetime strictly after ``now``.

    Without a year, the date is this year's, or next year's if that date has already passed in
    ``tz``. A bare time is today's if still ahead, else tomorrow's; a day word fixes the day.
    """
    _require_aware(now, "now")
    zoneinfo = zone(tz)
    normalized = unicodedata.normalize("NFKC", text).strip().lower()
    today = now.astimezone(zoneinfo).date()
    full = next(filter(None, (pattern.fullmatch(normalized) for pattern in _DATES)), None)
    if full is not None:
        local = _local_from_full(full, today, text)
    elif bare := _BARE.fullmatch(normalized):
        local = _local_from_bare(bare, today, zoneinfo, now, text)
    else:
        raise ScheduleError(ScheduleErrorCode.UNPARSABLE, f"not a date and time: {text!r}")
    instant = to_utc(local, zoneinfo)
    if instant <= now:
        raise ScheduleError(ScheduleErrorCode.IN_THE_PAST, f"{text!r} is in the past")
    _bounded(instant - now, text, timedelta(), maximum)
    return instant


def _local_from_full(found: re.Match[str], today: date, text: str) -> datetime:
    explicit_year = bool(found["year"])
    year = int(found["year"]) if explicit_year else today.year
    day = _date(year, found, text)
    if not explicit_year and day < today:
        day = _date(year + 1, found, text)
    return datetime.combine(day, _time(found, text))


def _local_from_bare(
    found: re.Match[str], today: date, tz: ZoneInfo, now: datetime, text: str
) -> datetime:
    clock = _time(found, text)
    if found["word"] is not None:
        return datetime.combine(today + timedelta(days=_DAY_WORDS[found["word"]]), clock)
    local = datetime.combine(today, clock)
    if to_utc(local, tz) <= now:
        local = datetime.combine(today + timedelta(days=1), clock)
    return local


def _date(year: int, found: re.Match[str], text: str) -> date:
    try:
        return date(year, int(found["month"]), int(found["day"]))
    except ValueError as error:
        raise ScheduleError(ScheduleErrorCode.UNPARSABLE, f"no such date: {text!r}") from error


def _time(found: re.Match[str], text: str) -> time:
    try:
        return time(int(found["hour"]), int(found["minute"]), int(found["second"] or 0))
    except ValueError as error:
        raise ScheduleError(ScheduleErrorCode.UNPARSABLE, f"no such time: {text!r}") from error


def _bounded(
    value: timedelta, text: str, minimum: timedelta, maximum: timedelta | None
) -> timedelta:
    if value < minimum:
        raise ScheduleError(ScheduleErrorCode.TOO_SOON, f"{text!r} is shorter than {minimum}")
    if maximum is not None and value > maximum:
        raise ScheduleError(ScheduleErrorCode.TOO_FAR, f"{text!r} is further than {maximum}")
    return value
