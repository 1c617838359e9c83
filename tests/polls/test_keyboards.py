"""/poll as phones and Chinese keyboards type it: the trial's inputs, through the dispatcher."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.types import InputPollOption

from tests.polls.support import ADMIN, GROUP, sent_polls, stored_polls
from tests.support.drafts import send_confirmed
from tests.support.scene import Scene


@pytest.mark.parametrize(
    "dash",
    [
        pytest.param("--", id="ascii"),
        pytest.param("—", id="ios-em-dash"),
        pytest.param("–", id="en-dash"),
        pytest.param("——", id="chinese-ime"),
        pytest.param("－－", id="full-width"),
    ],
)
async def test_a_flag_after_any_dash_is_a_flag_not_part_of_the_last_option(
    scene: Scene, dash: str
) -> None:
    await send_confirmed(scene, GROUP, ADMIN, f"/poll 下期拍什么？ ｜ 舞蹈 ｜ 问答 {dash}close 2h")
    [sent] = sent_polls(scene)
    assert [o.text for o in sent.options if isinstance(o, InputPollOption)] == ["舞蹈", "问答"]
    assert isinstance(sent.close_date, datetime)
    assert abs(sent.close_date - (datetime.now(UTC) + timedelta(hours=2))) < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/poll Q? | a | b —clsoe 2h", "There is no --clsoe flag: did you mean --close?"),
        ("/poll Q? | a | b ——anonymus no", "did you mean --anonymous?"),
        ("/poll Q? | a | b --close 2h —close 3h", "--close is given twice."),
        ("/poll Q? | a | b --banana", "There is no --banana flag."),
    ],
)
async def test_a_mistyped_flag_gets_the_near_miss_and_nothing_is_sent(
    scene: Scene, text: str, expected: str
) -> None:
    await scene.send(GROUP, ADMIN, text)
    assert sent_polls(scene) == []
    assert await stored_polls(scene) == []
    assert expected in scene.replies(GROUP["id"])[-1]


async def test_durations_in_words_and_chinese_counts(scene: Scene) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/poll 周末直播吗？ | 要 | 不要 —close 两个小时")
    [sent] = sent_polls(scene)
    assert isinstance(sent.close_date, datetime)
    assert abs(sent.close_date - (datetime.now(UTC) + timedelta(hours=2))) < timedelta(minutes=1)


@pytest.mark.parametrize("written", ["1", "#1", "＃１", "No.1"])
async def test_a_poll_is_named_by_its_number_however_it_is_written(
    scene: Scene, written: str
) -> None:
    await send_confirmed(scene, GROUP, ADMIN, "/poll Q? | a | b --start 1h")
    await scene.send(GROUP, ADMIN, f"/poll_cancel {written}")
    [poll] = await stored_polls(scene)
    assert poll.status == "cancelled"
