"""The guided /giveaway's steps, each alone: what it accepts (the one-line form's words, full-width
digits, Chinese keyboards), what it refuses and why, and that a plan reads back through the
one-line form as the same giveaway."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.giveaway import (
    CreateError,
    Facts,
    Rules,
    SkipReason,
    first_unmet,
    parse_create,
    parse_end,
)
from bot.domain.giveaway_flow import (
    GiveawayPlan,
    QuickEnd,
    Rule,
    StepError,
    quick_end,
    read_channel,
    read_comments,
    read_end,
    read_joined_day,
    read_prize,
    read_winners,
)

# 10:00 in Shanghai (UTC+8), a Thursday.
NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
SHANGHAI = "Asia/Shanghai"


def refusal(call: object) -> str:
    assert callable(call)
    with pytest.raises(StepError) as caught:
        call()
    return caught.value.code


@pytest.mark.parametrize(
    ("typed", "prize"),
    [("Signed poster", "Signed poster"), ("  簽名\n海報 ", "簽名 海報"), ("A & <B>", "A & <B>")],
)
def test_a_prize_is_the_text_typed_with_its_spaces_tidied(typed: str, prize: str) -> None:
    assert read_prize(typed) == prize


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "prize-empty"),
        ("   ", "prize-empty"),
        ("x" * 257, "prize-long"),
        ("A ｜ B", "prize-bar"),
    ],
)
def test_a_prize_that_cannot_be_a_prize_is_refused(typed: str, code: str) -> None:
    assert refusal(lambda: read_prize(typed)) == code


@pytest.mark.parametrize(
    ("typed", "count"),
    [("3", 3), ("２", 2), ("１０", 10), (" 5 ", 5), ("3名", 3), ("3 个", 3), ("10000", 10_000)],
)
def test_winners_accept_digits_of_any_width(typed: str, count: int) -> None:
    assert read_winners(typed) == count


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0", "winners-range"),
        ("10001", "winners-range"),
        ("three", "winners-not-number"),
        ("-1", "winners-not-number"),
        ("2.5", "winners-not-number"),
        ("", "winners-not-number"),
    ],
)
def test_winners_out_of_range_or_not_a_number_are_refused(typed: str, code: str) -> None:
    assert refusal(lambda: read_winners(typed)) == code


def test_the_quick_ends_are_an_hour_a_day_and_the_groups_evening() -> None:
    assert quick_end(QuickEnd.HOUR, NOW, SHANGHAI).at == NOW + timedelta(hours=1)
    assert quick_end(QuickEnd.DAY, NOW, SHANGHAI).at == NOW + timedelta(days=1)
    tonight = quick_end(QuickEnd.EVENING, NOW, SHANGHAI)
    assert tonight.at == datetime(2026, 12, 3, 12, 0, tzinfo=UTC)  # 20:00 in Shanghai
    assert tonight.phrase == "2026-12-03 20:00"
    # In New York it is still the evening before: 20:00 there is 01:00 UTC the next day.
    assert quick_end(QuickEnd.EVENING, NOW, "America/New_York").at == datetime(
        2026, 12, 4, 1, 0, tzinfo=UTC
    )


def test_once_20_00_has_passed_the_evening_is_tomorrows() -> None:
    late = datetime(2026, 12, 3, 13, 0, tzinfo=UTC)  # 21:00 in Shanghai
    assert quick_end(QuickEnd.EVENING, late, SHANGHAI).at == datetime(
        2026, 12, 4, 12, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("typed", "at"),
    [
        ("2h", NOW + timedelta(hours=2)),
        ("1d 12h", NOW + timedelta(hours=36)),
        ("３天", NOW + timedelta(days=3)),
        ("90m", NOW + timedelta(minutes=90)),
        ("tomorrow 20:00", datetime(2026, 12, 4, 12, 0, tzinfo=UTC)),
        ("明天 ２０：００", datetime(2026, 12, 4, 12, 0, tzinfo=UTC)),
        ("2026-12-10 09:30", datetime(2026, 12, 10, 1, 30, tzinfo=UTC)),
        ("12月10日 9:30", datetime(2026, 12, 10, 1, 30, tzinfo=UTC)),
    ],
)
def test_the_end_reads_what_the_one_line_form_reads(typed: str, at: datetime) -> None:
    end = read_end(typed, NOW, SHANGHAI)
    assert end.at == at
    # Written back as the local time it is, so it is the end the flow showed.
    assert parse_end(end.phrase, NOW, SHANGHAI) == at


def test_an_end_is_written_to_the_second_in_the_groups_time() -> None:
    now = NOW + timedelta(seconds=17, microseconds=500)
    assert quick_end(QuickEnd.HOUR, now, SHANGHAI).phrase == "2026-12-03 11:00:17"
    assert quick_end(QuickEnd.DAY, NOW, SHANGHAI).phrase == "2026-12-04 10:00"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2026-12-01 20:00", "end-past"),
        ("5s", "end-too-soon"),
        ("100d", "end-too-far"),
        ("next friday", "end"),
        ("", "end"),
    ],
)
def test_an_end_in_the_past_too_soon_too_far_or_unreadable_is_refused(
    typed: str, code: str
) -> None:
    assert refusal(lambda: read_end(typed, NOW, SHANGHAI)) == code


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-11-01", date(2026, 11, 1)),
        ("2026/11/01", date(2026, 11, 1)),
        ("11/01", date(2026, 11, 1)),
        ("１１月１日", date(2026, 11, 1)),
        ("12-25", date(2025, 12, 25)),  # no year: the latest one not after today
        ("2026-12-03", date(2026, 12, 3)),  # today
    ],
)
def test_joined_before_reads_a_past_date(typed: str, day: date) -> None:
    assert read_joined_day(typed, NOW, SHANGHAI) == day


def test_joined_before_refuses_a_future_or_unreadable_date() -> None:
    assert refusal(lambda: read_joined_day("2026-12-24", NOW, SHANGHAI)) == "joined-future"
    assert refusal(lambda: read_joined_day("soon", NOW, SHANGHAI)) == "joined-day"
    assert refusal(lambda: read_joined_day("2026-02-30", NOW, SHANGHAI)) == "joined-day"


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("5/7", (5, 7)),
        ("５／７", (5, 7)),
        ("5 7", (5, 7)),
        ("5条，7天", (5, 7)),
        ("1/365", (1, 365)),
    ],
)
def test_n_comments_in_d_days(typed: str, rule: tuple[int, int]) -> None:
    assert read_comments(typed) == rule


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("5", "comments-no-days"),
        ("five", "comments-not-number"),
        ("1/2/3", "comments-not-number"),
        ("0/7", "comments-count"),
        ("5/0", "comments-days"),
        ("5/366", "comments-days"),
    ],
)
def test_n_comments_without_d_days_or_out_of_range_is_refused(typed: str, code: str) -> None:
    assert refusal(lambda: read_comments(typed)) == code


@pytest.mark.parametrize(
    "typed", ["@creator_news", "creator_news", "https://t.me/creator_news", "t.me/creator_news/"]
)
def test_a_channel_by_username_or_link(typed: str) -> None:
    assert read_channel(typed) == "@creator_news"


@pytest.mark.parametrize("typed", ["@ab", "my channel", "@1abc", ""])
def test_a_channel_that_is_no_username_is_refused(typed: str) -> None:
    assert refusal(lambda: read_channel(typed)) == "channel"


def full_plan() -> GiveawayPlan:
    return GiveawayPlan(
        prize="簽名海報 No. 2h",
        winners=3,
        member=True,
        joined=True,
        joined_day="2026-11-01",
        min_comments=5,
        comment_days=7,
        channel="@creator_news",
    ).with_end(read_end("tomorrow 20:00", NOW, SHANGHAI))


def test_a_plan_is_the_one_line_forms_arguments_for_the_same_giveaway() -> None:
    plan = full_plan()
    assert plan.arguments() == (
        "3 2026-12-04 20:00 簽名海報 No. 2h | member joined:2026-11-01 comments:5/7"
        " channel:@creator_news"
    )
    draft = parse_create(plan.arguments(), NOW, SHANGHAI)
    assert (draft.winner_count, draft.ends_at, draft.prize) == (3, plan.ends_at, plan.prize)
    assert draft.rules == Rules(
        member=True,
        joined_before=True,
        joined_before_day="2026-11-01",
        joined_before_at=datetime(2026, 10, 31, 16, 0, tzinfo=UTC),
        min_comments=5,
        comment_days=7,
        channel="@creator_news",
        staff_excluded=True,
    )
    assert GiveawayPlan.from_draft(draft, SHANGHAI) == plan


def test_a_plan_without_rules_has_no_bar_and_staff_may_be_let_in() -> None:
    plan = GiveawayPlan(prize="Poster", winners=1).with_end(quick_end(QuickEnd.HOUR, NOW, SHANGHAI))
    assert plan.arguments() == "1 2026-12-03 11:00 Poster"
    assert parse_create(plan.arguments(), NOW, SHANGHAI).rules == Rules(staff_excluded=True)
    open_to_staff = plan.without(Rule.STAFF)
    assert open_to_staff.arguments() == "1 2026-12-03 11:00 Poster | staff"
    assert not parse_create(open_to_staff.arguments(), NOW, SHANGHAI).rules.any


@pytest.mark.parametrize(
    "prize", ["2h pass", "30m poster", "20:00 party", "tomorrow 20:00 concert", "3 mugs", "1d"]
)
@pytest.mark.parametrize("choice", list(QuickEnd))
def test_a_prize_that_starts_like_an_end_stays_the_prize(prize: str, choice: QuickEnd) -> None:
    plan = GiveawayPlan(prize=read_prize(prize), winners=2).with_end(
        quick_end(choice, NOW, SHANGHAI)
    )
    draft = parse_create(plan.arguments(), NOW, SHANGHAI)
    assert (draft.prize, draft.ends_at, draft.winner_count) == (prize, plan.ends_at, 2)


def test_a_plan_survives_the_fsm_storage_as_json() -> None:
    plan = full_plan()
    assert GiveawayPlan.from_data(plan.to_data()) == plan
    assert GiveawayPlan.from_data({}) == GiveawayPlan()


def test_turning_a_rule_off_forgets_its_parameters() -> None:
    plan = full_plan()
    for rule in Rule:
        assert plan.rule_on(rule)
        assert not plan.without(rule).rule_on(rule)
    assert plan.without(Rule.JOINED).joined_day is None


def test_the_one_line_form_takes_joined_before_a_date_too() -> None:
    draft = parse_create("1 2h Poster | joined：11月1日", NOW, SHANGHAI)
    assert draft.rules.joined_before_day == "2026-11-01"
    with pytest.raises(CreateError):
        parse_create("1 2h Poster | joined:2027-01-01", NOW, SHANGHAI)
    assert Rules.from_json(draft.rules.to_json()) == draft.rules


def test_joined_on_or_after_the_date_is_skipped_with_the_date() -> None:
    rules = parse_create("1 2h Poster | joined:2026-11-01", NOW, SHANGHAI).rules
    before = Facts(joined_at=datetime(2026, 10, 31, 15, 59, tzinfo=UTC))
    on_the_day = Facts(joined_at=datetime(2026, 10, 31, 16, 0, tzinfo=UTC))
    assert first_unmet(rules, before, NOW) is None
    reason = first_unmet(rules, on_the_day, NOW)
    assert reason == SkipReason("joined-after-date", day="2026-11-01")
    assert SkipReason.parse(reason.published()) == reason
