from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.recurrence import (
    Cadence,
    DueRuns,
    Run,
    Schedule,
    ScheduleError,
    ScheduleErrorCode,
    due_runs,
    next_run,
    next_weekly_run,
    parse_duration,
    parse_local_datetime,
    period_key,
    to_utc,
)

ZONES = ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe"]
TIMES = [time(2, 30), time(9, 0), time(2, 15), time(1, 45), time(0, 0), time(23, 59)]
BERLIN = "Europe/Berlin"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def assert_run_is_at_local_time(run: Run, schedule: Schedule) -> None:
    """Where the wall time exists it is kept (first occurrence); in a gap, the gap's end."""
    tz = ZoneInfo(schedule.tz)
    wall = run.at.astimezone(tz)
    wanted = datetime.combine(run.local_date, schedule.local_time)
    first = wanted.replace(tzinfo=tz, fold=0)
    exists = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wanted
    if exists:
        assert wall.replace(tzinfo=None) == wanted
        assert run.at == first.astimezone(UTC)
        assert (run.at - timedelta(hours=1)).astimezone(tz).replace(tzinfo=None) < wanted
    else:
        assert wall.replace(tzinfo=None) > wanted
        assert (run.at - timedelta(seconds=1)).astimezone(tz).utcoffset() != wall.utcoffset()
        assert wall.date() == run.local_date


@pytest.mark.parametrize("tz", ZONES)
@pytest.mark.parametrize("local_time", TIMES)
def test_a_chain_of_next_runs_fires_every_local_day_once_for_two_years(
    tz: str, local_time: time
) -> None:
    schedule = Schedule(local_time, tz)
    moment = utc(2025, 12, 31, 0, 0)
    fired: list[Run] = []
    while moment < utc(2028, 1, 1):
        run = schedule.next_run(moment)
        assert run.at > moment
        assert_run_is_at_local_time(run, schedule)
        fired.append(run)
        moment = run.at
    days = [run.local_date for run in fired]
    assert days == [days[0] + timedelta(days=n) for n in range(len(days))]
    assert [run.period for run in fired] == [day.isoformat() for day in days]
    assert date(2026, 1, 1) in days
    assert date(2027, 12, 31) in days


@pytest.mark.parametrize(
    ("local_time", "day", "expected_local", "expected_utc"),
    [
        (time(2, 30), date(2026, 3, 29), "2026-03-29T03:00:00+02:00", utc(2026, 3, 29, 1, 0)),
        (time(9, 0), date(2026, 3, 29), "2026-03-29T09:00:00+02:00", utc(2026, 3, 29, 7, 0)),
        (time(2, 30), date(2026, 10, 25), "2026-10-25T02:30:00+02:00", utc(2026, 10, 25, 0, 30)),
        (time(9, 0), date(2026, 10, 25), "2026-10-25T09:00:00+01:00", utc(2026, 10, 25, 8, 0)),
        (time(2, 30), date(2027, 3, 28), "2027-03-28T03:00:00+02:00", utc(2027, 3, 28, 1, 0)),
        (time(2, 30), date(2027, 10, 31), "2027-10-31T02:30:00+02:00", utc(2027, 10, 31, 0, 30)),
    ],
)
def test_berlin_transitions_resolve_to_one_instant(
    local_time: time, day: date, expected_local: str, expected_utc: datetime
) -> None:
    run = Schedule(local_time, BERLIN).run_on(day)
    assert run.at == expected_utc
    assert run.at.astimezone(ZoneInfo(BERLIN)).isoformat() == expected_local


@pytest.mark.parametrize("local_time", [time(2, 30), time(9, 0)])
@pytest.mark.parametrize("days", [(date(2026, 3, 27), 5), (date(2026, 10, 23), 5)])
def test_berlin_fires_at_most_once_per_local_day_around_transitions_minute_by_minute(
    local_time: time, days: tuple[date, int]
) -> None:
    """A clock that asks "what is next?" every minute sees each local day exactly once."""
    tz = ZoneInfo(BERLIN)
    first, count = days
    start = datetime.combine(first, time(0, 0), tz).astimezone(UTC)
    fires: dict[datetime, int] = {}
    for minute in range(count * 24 * 60):
        upcoming = next_run(local_time, BERLIN, start + timedelta(minutes=minute))
        fires[upcoming] = fires.get(upcoming, 0) + 1
    local_days = [instant.astimezone(tz).date() for instant in sorted(fires)]
    assert len(local_days) == len(set(local_days))
    assert local_days == [first + timedelta(days=n) for n in range(len(local_days))]
    assert len(local_days) >= count


@pytest.mark.parametrize("local_time", [time(2, 0), time(2, 15), time(2, 29)])
def test_lord_howe_half_hour_gap_runs_when_it_ends(local_time: time) -> None:
    run = Schedule(local_time, "Australia/Lord_Howe").run_on(date(2026, 10, 4))
    assert run.at.astimezone(ZoneInfo("Australia/Lord_Howe")).isoformat() == (
        "2026-10-04T02:30:00+11:00"
    )


def test_lord_howe_half_hour_fold_takes_the_first_occurrence() -> None:
    run = Schedule(time(1, 45), "Australia/Lord_Howe").run_on(date(2026, 4, 5))
    assert run.at.astimezone(ZoneInfo("Australia/Lord_Howe")).isoformat() == (
        "2026-04-05T01:45:00+11:00"
    )


def test_shanghai_has_no_transitions() -> None:
    runs = [
        Schedule(time(2, 30), "Asia/Shanghai").run_on(date(2026, 1, 1) + timedelta(n))
        for n in range(365)
    ]
    assert {run.at.time() for run in runs} == {time(18, 30)}


instants = st.datetimes(
    min_value=datetime.fromisoformat("2026-01-01T00:00"),
    max_value=datetime.fromisoformat("2027-12-31T23:59"),
    timezones=st.just(UTC),
)


@settings(deadline=None)  # nothing here is timed; CI machines are loaded
@given(
    after=instants,
    tz=st.sampled_from(ZONES),
    local_time=st.times(),
    cadence=st.sampled_from(Cadence),
)
def test_next_run_is_the_first_scheduled_instant_after(
    after: datetime, tz: str, local_time: time, cadence: Cadence
) -> None:
    schedule = Schedule(local_time, tz, cadence)
    upcoming = schedule.next_run(after)
    previous = schedule.last_run(after)
    assert previous.at <= after < upcoming.at
    assert schedule.run_after(previous) == upcoming
    assert_run_is_at_local_time(upcoming, schedule)
    step = 7 if cadence is Cadence.WEEKLY else 1
    assert upcoming.local_date - previous.local_date == timedelta(days=step)
    if cadence is Cadence.WEEKLY:
        assert upcoming.local_date.weekday() == 0
        assert next_weekly_run(local_time, tz, after) == upcoming.at
    else:
        assert next_run(local_time, tz, after) == upcoming.at


def test_period_keys() -> None:
    assert period_key(Cadence.DAILY, date(2026, 11, 28)) == "2026-11-28"
    assert period_key(Cadence.WEEKLY, date(2026, 11, 28)) == "2026-W48"
    assert period_key(Cadence.WEEKLY, date(2027, 1, 1)) == "2026-W53"
    weekly = Schedule(time(9, 0), BERLIN, Cadence.WEEKLY)
    assert weekly.run_on(date(2026, 11, 28)).local_date == date(2026, 11, 23)
    assert weekly.run_of_period("2026-W53").local_date == date(2026, 12, 28)
    with pytest.raises(ValueError, match="weekly period"):
        weekly.run_of_period("2026-11-28")


def test_naive_datetimes_and_unknown_zones_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_run(time(9, 0), BERLIN, datetime.fromisoformat("2026-01-01T00:00"))
    with pytest.raises(ScheduleError) as raised:
        next_run(time(9, 0), "Mars/Olympus_Mons", utc(2026, 1, 1))
    assert raised.value.code is ScheduleErrorCode.UNKNOWN_TIMEZONE


DAILY_9 = Schedule(time(9, 0), BERLIN)
HOUR = timedelta(hours=1)


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo(BERLIN))


def test_down_at_nine_back_at_half_past_sends_once() -> None:
    due = due_runs(DAILY_9, "2026-11-27", berlin(28, 9, 30), HOUR)
    assert due == DueRuns(DAILY_9.run_on(date(2026, 11, 28)), ())
    assert due_runs(DAILY_9, "2026-11-28", berlin(28, 9, 31), HOUR) == DueRuns(None, ())


def test_back_the_next_morning_records_yesterday_missed_and_today_is_not_yet_due() -> None:
    due = due_runs(DAILY_9, "2026-11-27", berlin(29, 8, 0), HOUR)
    assert due == DueRuns(None, (DAILY_9.run_on(date(2026, 11, 28)),))
    assert due_runs(DAILY_9, "2026-11-28", berlin(29, 8, 59), HOUR) == DueRuns(None, ())
    later = due_runs(DAILY_9, "2026-11-28", berlin(29, 9, 0), HOUR)
    assert later == DueRuns(DAILY_9.run_on(date(2026, 11, 29)), ())


def test_the_catch_up_window_is_configurable_and_inclusive() -> None:
    today = DAILY_9.run_on(date(2026, 11, 28))
    assert due_runs(DAILY_9, "2026-11-27", berlin(28, 10, 30), HOUR).missed == (today,)
    assert due_runs(DAILY_9, "2026-11-27", berlin(28, 10, 30), 2 * HOUR).due == today
    assert due_runs(DAILY_9, "2026-11-27", berlin(28, 10, 0), HOUR).due == today


def test_a_long_outage_misses_every_day_and_never_sends_late() -> None:
    due = due_runs(DAILY_9, "2026-11-20", berlin(28, 9, 10), HOUR)
    assert [run.period for run in due.missed] == [f"2026-11-{day}" for day in range(21, 28)]
    assert due.due is not None
    assert due.due.period == "2026-11-28"


def test_no_history_sends_only_a_current_run() -> None:
    assert due_runs(DAILY_9, None, berlin(28, 9, 10), HOUR).due == DAILY_9.run_on(
        date(2026, 11, 28)
    )
    assert due_runs(DAILY_9, None, berlin(28, 12, 0), HOUR) == DueRuns(
        None, (DAILY_9.run_on(date(2026, 11, 28)),)
    )


def test_weekly_catch_up() -> None:
    weekly = Schedule(time(9, 0), BERLIN, Cadence.WEEKLY)
    assert due_runs(weekly, "2026-W47", berlin(23, 9, 5), HOUR) == DueRuns(
        weekly.run_of_period("2026-W48"), ()
    )
    late = due_runs(weekly, "2026-W45", berlin(24, 9, 5), HOUR)
    assert late.due is None
    assert [run.period for run in late.missed] == ["2026-W46", "2026-W47", "2026-W48"]


@settings(deadline=None)
@given(
    tz=st.sampled_from(ZONES),
    local_time=st.sampled_from(TIMES),
    checks=st.lists(st.integers(min_value=1, max_value=3 * 24 * 60), min_size=1, max_size=60),
    window_minutes=st.integers(min_value=0, max_value=180),
)
def test_a_bot_that_wakes_up_at_random_records_every_period_exactly_once(
    tz: str, local_time: time, checks: list[int], window_minutes: int
) -> None:
    """Whatever the outages, every period is recorded once: sent within the window or missed."""
    schedule = Schedule(local_time, tz)
    window = timedelta(minutes=window_minutes)
    start = utc(2026, 3, 20, 0, 0)
    now = start
    last = schedule.last_run(start).period
    recorded: dict[str, str] = {}
    for gap in checks:
        now += timedelta(minutes=gap)
        due = due_runs(schedule, last, now, window)
        for run in due.missed:
            assert run.period not in recorded
            recorded[run.period] = "missed"
        if due.due is not None:
            assert due.due.period not in recorded
            assert timedelta() <= now - due.due.at <= window
            recorded[due.due.period] = "sent"
        last = max([last, *recorded])
    expected: list[str] = []
    run = schedule.run_after(schedule.last_run(start))
    while run.at <= now:
        expected.append(run.period)
        run = schedule.run_after(run)
    assert sorted(recorded) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("3d", timedelta(days=3)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        (" 1H 30M ", timedelta(hours=1, minutes=30)),
        ("1w2d", timedelta(days=9)),
        ("90s", timedelta(seconds=90)),
        ("2小时30分钟", timedelta(hours=2, minutes=30)),
        ("3天", timedelta(days=3)),
        ("１０分", timedelta(minutes=10)),
        ("2 hours", timedelta(hours=2)),
        ("7days", timedelta(days=7)),
        ("90 mins", timedelta(minutes=90)),
        ("两周", timedelta(weeks=2)),
        ("三个小时", timedelta(hours=3)),
        ("1週", timedelta(weeks=1)),
        ("2小時30分鐘", timedelta(hours=2, minutes=30)),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["", " ", "30", "m", "1.5h", "-2h", "2 horas", "1h x", "h1", "一", "两", "hours"]
)
def test_parse_duration_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(ScheduleError) as raised:
        parse_duration(text)
    assert raised.value.code is ScheduleErrorCode.UNPARSABLE


def test_parse_duration_bounds() -> None:
    with pytest.raises(ScheduleError) as raised:
        parse_duration("0m")
    assert raised.value.code is ScheduleErrorCode.TOO_SOON
    with pytest.raises(ScheduleError) as raised:
        parse_duration("31d", maximum=timedelta(days=30))
    assert raised.value.code is ScheduleErrorCode.TOO_FAR
    assert parse_duration("30d", maximum=timedelta(days=30)) == timedelta(days=30)


SHANGHAI_NOW = datetime(2026, 11, 28, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "expected_local"),
    [
        ("2026-12-01 20:00", "2026-12-01T20:00:00+08:00"),
        ("2026-12-01T20:00:30", "2026-12-01T20:00:30+08:00"),
        ("2026/12/01 20:00", "2026-12-01T20:00:00+08:00"),
        ("12-01 20:00", "2026-12-01T20:00:00+08:00"),
        ("01-05 08:00", "2027-01-05T08:00:00+08:00"),
        ("11-28 20:00", "2026-11-28T20:00:00+08:00"),
        ("20:00", "2026-11-28T20:00:00+08:00"),
        ("9:05", "2026-11-29T09:05:00+08:00"),
        ("tomorrow 9:05", "2026-11-29T09:05:00+08:00"),
        ("明天 20:00", "2026-11-29T20:00:00+08:00"),
        ("后天20:00", "2026-11-30T20:00:00+08:00"),
        ("今天 16:31", "2026-11-28T16:31:00+08:00"),
        ("12月1日 20:00", "2026-12-01T20:00:00+08:00"),
        ("2027年1月2日 08:00", "2027-01-02T08:00:00+08:00"),
        ("２０：００", "2026-11-28T20:00:00+08:00"),
    ],
)
def test_parse_local_datetime(text: str, expected_local: str) -> None:
    parsed = parse_local_datetime(text, "Asia/Shanghai", SHANGHAI_NOW)
    assert parsed.tzinfo is UTC
    assert parsed == datetime.fromisoformat(expected_local)


@pytest.mark.parametrize(
    ("text", "tz", "code"),
    [
        ("next friday", "Asia/Shanghai", ScheduleErrorCode.UNPARSABLE),
        ("12/01 20:00", "Asia/Shanghai", ScheduleErrorCode.UNPARSABLE),
        ("2026-02-30 20:00", "Asia/Shanghai", ScheduleErrorCode.UNPARSABLE),
        ("25:00", "Asia/Shanghai", ScheduleErrorCode.UNPARSABLE),
        ("2026-11-28 16:00", "Asia/Shanghai", ScheduleErrorCode.IN_THE_PAST),
        ("11-28 16:30", "Asia/Shanghai", ScheduleErrorCode.IN_THE_PAST),
        ("今天 08:00", "Asia/Shanghai", ScheduleErrorCode.IN_THE_PAST),
        ("20:00", "Asia/Nowhere", ScheduleErrorCode.UNKNOWN_TIMEZONE),
        ("2027-06-01 20:00", "Asia/Shanghai", ScheduleErrorCode.TOO_FAR),
    ],
)
def test_parse_local_datetime_errors(text: str, tz: str, code: ScheduleErrorCode) -> None:
    with pytest.raises(ScheduleError) as raised:
        parse_local_datetime(text, tz, SHANGHAI_NOW, maximum=timedelta(days=30))
    assert raised.value.code is code


def test_parse_local_datetime_follows_the_dst_rules() -> None:
    now = utc(2026, 3, 1)
    assert parse_local_datetime("2026-03-29 02:30", BERLIN, now) == utc(2026, 3, 29, 1, 0)
    assert parse_local_datetime("2026-10-25 02:30", BERLIN, now) == utc(2026, 10, 25, 0, 30)


def test_to_utc_in_a_gap_is_the_moment_the_clocks_jump() -> None:
    new_york = ZoneInfo("America/New_York")
    assert to_utc(datetime.fromisoformat("2026-03-08T02:30"), new_york) == utc(2026, 3, 8, 7, 0)
    assert to_utc(datetime.fromisoformat("2026-11-01T01:30"), new_york) == utc(2026, 11, 1, 5, 30)
