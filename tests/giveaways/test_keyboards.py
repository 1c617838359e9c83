"""/giveaway as phones and Chinese keyboards type it: the trial's inputs, through the dispatcher."""

from __future__ import annotations

import pytest

from bot.domain.giveaway import Rules
from tests.giveaways.conftest import ADMIN, GROUP
from tests.giveaways.support import audit_actions, giveaways
from tests.operators.conftest import Scene


@pytest.mark.parametrize("bar", ["|", "｜", "│"])
async def test_the_rules_after_a_full_width_bar_are_rules_not_prize(scene: Scene, bar: str) -> None:
    await scene.send(GROUP, ADMIN, f"/giveaway 1 2h 签名海报 {bar} member")
    [record] = await giveaways(scene.session_factory)
    assert record.prize == "签名海报"
    assert Rules.from_json(record.rules).member is True


async def test_full_width_digits_and_chinese_durations(scene: Scene) -> None:
    await scene.send(GROUP, ADMIN, "/giveaway ２ 两天 签名照 ｜ comments：3/7d")
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
