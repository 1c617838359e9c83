"""The funnel's rules on records (bot/domain/video_links.py): what /video_link accepts, each
person once, the 7-day window's edges, and the shares shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.video_links import (
    LinkJoin,
    LinkProblem,
    LinkRefused,
    NewcomerActivity,
    first_joins,
    funnels,
    parse_link_ask,
    parse_link_name,
    rate,
)

T0 = datetime(2026, 11, 20, 12, tzinfo=UTC)
WEEK = timedelta(days=7)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("v12 douyin", "v12·douyin"),
        ("#V12 抖音", "v12·douyin"),
        ("ｖ１２　Ｂ站", "v12·bilibili"),
        ("v3，小红书", "v3·xiaohongshu"),
        ("v3 wechat", "v3·weixin"),
    ],
)
def test_what_video_link_accepts(typed: str, name: str) -> None:
    assert parse_link_ask(typed).name == name


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", LinkProblem.USAGE),
        ("v12", LinkProblem.USAGE),
        ("v12 douyin extra", LinkProblem.USAGE),
        ("twelve douyin", LinkProblem.NOT_A_VIDEO),
        ("v12 myspace", LinkProblem.UNKNOWN_PLATFORM),
    ],
)
def test_what_video_link_refuses(typed: str, problem: LinkProblem) -> None:
    with pytest.raises(LinkRefused) as refused:
        parse_link_ask(typed)
    assert refused.value.problem is problem


def test_a_new_name_is_tidied_and_held_to_telegrams_limit() -> None:
    assert parse_link_name("  v12 ·  主页 ") == "v12 · 主页"
    assert parse_link_name("x" * 32) == "x" * 32
    for bad, problem in (("   ", LinkProblem.EMPTY_NAME), ("x" * 33, LinkProblem.LONG_NAME)):
        with pytest.raises(LinkRefused) as refused:
            parse_link_name(bad)
        assert refused.value.problem is problem


def test_each_person_counts_once_at_their_first_join() -> None:
    joins = [
        LinkJoin(1, "douyin", 7, T0 + timedelta(days=2)),
        LinkJoin(1, "douyin", 7, T0),
        LinkJoin(1, "bilibili", 7, T0 + timedelta(days=1)),
    ]
    assert sorted(first_joins(joins), key=lambda join: join.platform) == [
        LinkJoin(1, "bilibili", 7, T0 + timedelta(days=1)),
        LinkJoin(1, "douyin", 7, T0),
    ]


def test_the_first_week_edges() -> None:
    joins = [LinkJoin(1, "douyin", user, T0) for user in (1, 2, 3, 4, 5)]
    activity = {
        1: NewcomerActivity(leaves=(T0 + WEEK,)),  # left on the last moment: did not stay
        2: NewcomerActivity(leaves=(T0 + WEEK + timedelta(seconds=1),)),  # after: stayed
        3: NewcomerActivity(messages=((T0 + WEEK - timedelta(seconds=1), frozenset({"bug"})),)),
        4: NewcomerActivity(messages=((T0 + WEEK, frozenset({"praise"})),)),  # too late
        5: NewcomerActivity(leaves=(T0,)),  # left in the second they joined
    }
    (funnel,) = funnels(joins, activity, {"douyin": 10_000}, ["douyin"], T0 + 2 * WEEK)
    assert (funnel.joins, funnel.stayed, funnel.settling, funnel.wrote) == (5, 3, 0, 1)
    assert funnel.top_tags == (("bug", 1),)
    assert funnel.join_rate == 5 / 10_000
    (early,) = funnels(joins, activity, {}, ["douyin"], T0 + timedelta(days=1))
    assert (early.plays, early.stayed, early.settling, early.settled) == (None, 0, 3, 2)


def test_a_platform_with_a_link_and_no_joins_still_has_its_funnel() -> None:
    (funnel,) = funnels([], {}, {"youtube": 500}, ["youtube"], T0)
    assert (funnel.platform, funnel.plays, funnel.joins, funnel.join_rate) == ("youtube", 500, 0, 0)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "–"), (0.0, "0%"), (4 / 12_000, "0.033%"), (0.025, "2.5%"), (0.5, "50%"), (1, "100%")],
)
def test_shares_keep_two_digits_when_tiny(value: float | None, shown: str) -> None:
    assert rate(value) == shown
