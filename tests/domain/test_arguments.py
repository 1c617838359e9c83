"""The shared argument grammar: dashes of every width, full-width separators, numbers, periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.arguments import (
    BARS,
    DASHES,
    ArgumentError,
    ArgumentErrorCode,
    Arguments,
    Flag,
    Period,
    parse_number,
    parse_period,
    split_bars,
    split_flags,
    suggest,
)

KNOWN = ("close", "start", "anonymous", "multi", "quiz", "explain", "tz")
# What keyboards make of `--`: iOS/macOS, Windows, a Chinese IME, full width, and the plain one.
PREFIXES = ("--", "—", "——", "–", "––", "－－", "−−", "-")
plain_text = st.text(
    alphabet=st.characters(blacklist_characters=DASHES + BARS, blacklist_categories=["Cs"]),
    max_size=40,
)
values = plain_text.map(str.strip)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_dash_a_keyboard_makes_starts_a_flag(prefix: str) -> None:
    parsed = split_flags(f"今晚直播吗？ | 要 | 不要 {prefix}close 2h", KNOWN)
    assert parsed.body == "今晚直播吗？ | 要 | 不要"
    assert parsed.flags == (Flag("close", "2h", f"{prefix}close"),)


@given(body=plain_text, name=st.sampled_from(KNOWN), value=values, prefix=st.sampled_from(PREFIXES))
def test_a_flag_reads_the_same_whatever_dash_typed_it(
    body: str, name: str, value: str, prefix: str
) -> None:
    parsed = split_flags(f"{body} {prefix}{name} {value}", KNOWN)
    assert parsed.body == body.strip()
    assert [(flag.name, flag.value) for flag in parsed.flags] == [(name, value)]


@given(text=plain_text)
def test_text_without_dashes_is_all_body(text: str) -> None:
    assert split_flags(text, KNOWN) == Arguments(text.strip(), ())


@given(
    body=plain_text,
    flags=st.lists(st.tuples(st.sampled_from(KNOWN), values), unique_by=lambda f: f[0]),
)
def test_flags_written_out_read_back(body: str, flags: list[tuple[str, str]]) -> None:
    text = " ".join([body, *(f"--{name} {value}" for name, value in flags)])
    parsed = split_flags(text, KNOWN)
    assert parsed.body == body.strip()
    assert [(flag.name, flag.value) for flag in parsed.flags] == flags


def test_a_single_ascii_dash_is_text_unless_it_names_a_flag() -> None:
    assert split_flags("a well -known band", KNOWN).body == "a well -known band"
    assert split_flags("a well-known band -multi", KNOWN).flags == (Flag("multi", "", "-multi"),)
    # Dashes inside words, a dash before a number or a Chinese word, a dash after a space.
    for text in ("e-mail", "-5 分", "——真的", "A — B", "x –– y"):
        assert split_flags(text, KNOWN) == Arguments(text, ())


def test_an_unknown_flag_says_which_and_suggests_the_near_miss() -> None:
    with pytest.raises(ArgumentError) as error:
        split_flags("Q? | a | b —clsoe 2h", KNOWN)
    assert (error.value.code, error.value.flag, error.value.suggestion) == (
        ArgumentErrorCode.UNKNOWN_FLAG,
        "clsoe",
        "close",
    )
    with pytest.raises(ArgumentError) as error:
        split_flags("Q? | a | b --banana", KNOWN)
    assert error.value.suggestion is None


def test_a_flag_given_twice_is_refused() -> None:
    with pytest.raises(ArgumentError) as error:
        split_flags("Q? | a | b --close 2h —close 3h", KNOWN)
    assert (error.value.code, error.value.flag) == (ArgumentErrorCode.REPEATED_FLAG, "close")


@given(
    parts=st.lists(values.filter(lambda v: v != ""), min_size=1, max_size=6),
    bar=st.sampled_from(BARS),
)
def test_bars_of_every_width_separate(parts: list[str], bar: str) -> None:
    assert split_bars(f" {bar} ".join(parts)) == parts


@given(number=st.integers(min_value=0, max_value=10**17))
def test_a_number_however_it_is_written(number: int) -> None:
    wide = str(number).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    for written in (
        str(number),
        f"#{number}",
        f"＃{wide}",
        f"No.{number}",
        f"第{number}",
        f"{number}号",
    ):
        assert parse_number(written) == number


@pytest.mark.parametrize("word", ["", "#", "8a", "eight", "#-3", "1e3", "8 8"])
def test_what_is_not_a_number(word: str) -> None:
    assert parse_number(word) is None


def test_suggestions_only_when_close() -> None:
    assert suggest("clos", KNOWN) == "close"
    assert suggest("anonymus", KNOWN) == "anonymous"
    assert suggest("xyz", KNOWN) is None


SHANGHAI = "Asia/Shanghai"
NOW = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)  # 09:30 on Wednesday 2 December in Beijing


def _local(period_start: datetime, tz: str = SHANGHAI) -> str:
    return period_start.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("word", "first", "days"),
    [
        ("today", "2026-12-02 00:00", 1),
        ("今天", "2026-12-02 00:00", 1),
        ("yesterday", "2026-12-01 00:00", 1),
        ("昨天", "2026-12-01 00:00", 1),
        ("前天", "2026-11-30 00:00", 1),
        ("this week", "2026-11-30 00:00", 7),
        ("本周", "2026-11-30 00:00", 7),
        ("上週", "2026-11-23 00:00", 7),
        ("2026/11/30", "2026-11-30 00:00", 1),
        ("2026-11-30", "2026-11-30 00:00", 1),
        ("11/30", "2026-11-30 00:00", 1),
        ("12/01", "2026-12-01 00:00", 1),
        ("１２／０１", "2026-12-01 00:00", 1),
        ("12月1日", "2026-12-01 00:00", 1),
        ("11月30号", "2026-11-30 00:00", 1),
        ("12/25", "2025-12-25 00:00", 1),  # no year: the latest one not in the future
    ],
)
def test_periods_of_whole_local_days(word: str, first: str, days: int) -> None:
    period = parse_period(word, now=NOW, timezone=SHANGHAI)
    assert period is not None
    assert (_local(period.start), period.days) == (first, days)
    assert period.end <= NOW


@pytest.mark.parametrize(
    ("word", "length"),
    [
        ("7d", timedelta(days=7)),
        ("7days", timedelta(days=7)),
        ("7 days", timedelta(days=7)),
        ("7天", timedelta(days=7)),
        ("７天", timedelta(days=7)),
        ("一周", timedelta(weeks=1)),
        ("两周", timedelta(weeks=2)),
        ("24h", timedelta(hours=24)),
        ("3小時", timedelta(hours=3)),
    ],
)
def test_periods_that_end_now(word: str, length: timedelta) -> None:
    assert parse_period(word, now=NOW, timezone=SHANGHAI) == Period(NOW - length, NOW, None)


@pytest.mark.parametrize("word", ["", "soon", "13/45", "2026/02/30", "7x", "#8", "明年"])
def test_what_is_not_a_period(word: str) -> None:
    assert parse_period(word, now=NOW, timezone=SHANGHAI) is None


def test_a_local_day_across_a_dst_change_has_its_real_length() -> None:
    # New York left DST on Sunday 1 November 2026: that day had 25 hours.
    monday = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    sunday = parse_period("yesterday", now=monday, timezone="America/New_York")
    assert sunday is not None
    assert sunday.end - sunday.start == timedelta(hours=25)
    # Berlin entered DST on Sunday 29 March 2026: 23 hours.
    later = datetime(2026, 3, 30, 12, 0, tzinfo=UTC)
    short = parse_period("2026-03-29", now=later, timezone="Europe/Berlin")
    assert short is not None
    assert short.end - short.start == timedelta(hours=23)
    # Shanghai has no DST: every day is 24 hours.
    plain = parse_period("2026-03-29", now=later, timezone=SHANGHAI)
    assert plain is not None
    assert plain.end - plain.start == timedelta(hours=24)


def test_today_ends_now() -> None:
    today = parse_period("today", now=NOW, timezone=SHANGHAI)
    assert today is not None
    assert today.end == NOW
