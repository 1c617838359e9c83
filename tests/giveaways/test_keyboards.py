"""/giveaway as phones and Chinese keyboards type it: the trial's inputs, through the dispatcher."""

from __future__ import annotations

import pytest

from bot.domain.giveaway import Rules
from tests.giveaways.support import GROUP, audit_actions, giveaways
from tests.support.cast import ADMIN
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene


@pytest.mark.parametrize("bar", ["|", "｜", "│"])
async def test_the_rules_after_a_full_width_bar_are_rules_not_prize(scene: Scene, bar: str) -> None:
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway 1 2h 签名海报 {bar} member")
    [record] = await giveaways(scene.session_factory)
    assert record.prize == "签名海报"
    assert Rules.from_json(record.rules).member is True


async def test_full_width_digits_and_chinese_durations(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway ２ 两天 签名照 ｜ comments：3/7d")
    [record] = await giveaways(scene.session_factory)
    assert (record.winner_count, record.prize) == (2, "签名照")
    rules = Rules.from_json(record.rules)
    assert (rules.min_comments, rules.comment_days) == (3, 7)


async def test_the_end_before_the_winners_is_explained_and_nothing_is_created(
    scene: Scene,
) -> None:
    await scene.send(GROUP, ADMIN, "/giveaway 2h 1 签名海报")
    assert await giveaways(scene.session_factory) == []
    assert await audit_actions(scene.session_factory) == []
    assert "Winners first, then the end" in scene.telegram.sent(GROUP["id"])[-1]


@pytest.mark.parametrize("written", ["1", "#1", "＃１", "第1"])
async def test_a_giveaway_is_named_by_its_number_however_it_is_written(
    scene: Scene, written: str
) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h 签名海报")
    await send_confirmed(scene, GROUP, ADMIN, f"/giveaway_cancel {written} 奖品没有到货")
    [record] = await giveaways(scene.session_factory)
    assert record.status == "cancelled"


async def test_a_cancel_without_its_reason_says_so_and_changes_nothing(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway 1 2h 签名海报")
    await send_confirmed(scene, GROUP, ADMIN, "/giveaway_cancel #1")
    [record] = await giveaways(scene.session_factory)
    assert record.status == "open"
    assert "The reason is missing" in scene.telegram.sent(GROUP["id"])[-1]
    assert await audit_actions(scene.session_factory) == ["giveaway-created"]


async def test_a_number_past_64_bits_is_not_a_giveaway_and_gets_the_usage(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, f"/giveaway_end {'9' * 30}")
    assert "Usage: /giveaway_end ID" in scene.telegram.sent(GROUP["id"])[-1]
