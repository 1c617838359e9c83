"""Pacing: the token bucket's guarantee, and the limiter as seen through a real Bot."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from aiogram.methods import SendPaidMedia
from aiogram.types import InputMediaPhoto, InputPaidMediaPhoto, MediaUnion
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram.outbound import Pacing, messages_posted, pacing_of
from bot.telegram.rate_limit import (
    GROUP,
    OVERALL,
    PRIVATE,
    FloodPause,
    InMemoryRateLimiter,
    Rate,
    TokenBucket,
    chat_key,
    is_group,
)
from tests.support.clock import FakeClock
from tests.support.transport import ok
from tests.telegram.fake_outbound import Harness, build_harness

SUPERGROUP = -1001234567890
USER = 424242
EPSILON = 1e-9


@pytest.fixture
def h() -> Harness:
    return build_harness()


def most_in_any_window(times: Sequence[float], seconds: float) -> int:
    ordered = sorted(times)
    return max(
        sum(1 for other in ordered if start <= other <= start + seconds + EPSILON)
        for start in ordered
    )


# the bucket's guarantee


def grant_times(rate: Rate, arrivals: Sequence[float]) -> list[float]:
    bucket = TokenBucket(rate, now=0.0)
    return [arrival + bucket.reserve(arrival) for arrival in arrivals]


rates = st.builds(
    Rate,
    per_second=st.floats(min_value=0.05, max_value=50.0),
    burst=st.integers(min_value=1, max_value=10),
)
arrival_lists = st.lists(
    st.floats(min_value=0.0, max_value=100.0, allow_nan=False), min_size=1, max_size=60
).map(sorted)


@given(rate=rates, arrivals=arrival_lists)
def test_grants_never_exceed_burst_plus_refill_in_any_interval(
    rate: Rate, arrivals: list[float]
) -> None:
    grants = grant_times(rate, arrivals)
    for first in range(len(grants)):
        for last in range(first, len(grants)):
            granted = last - first + 1
            allowed = rate.at_most(grants[last] - grants[first])
            assert granted <= allowed + 1e-6 * granted


@given(rate=rates, arrivals=arrival_lists)
def test_grants_keep_arrival_order_and_never_come_early(rate: Rate, arrivals: list[float]) -> None:
    grants = grant_times(rate, arrivals)
    assert all(grant >= arrival for grant, arrival in zip(grants, arrivals, strict=True))
    assert grants == sorted(grants)


@given(rate=rates, count=st.integers(min_value=1, max_value=60))
def test_a_simultaneous_rush_is_served_as_fast_as_allowed(rate: Rate, count: int) -> None:
    grants = grant_times(rate, [0.0] * count)
    expected = [max(0.0, (index + 1 - rate.burst) / rate.per_second) for index in range(count)]
    assert grants == pytest.approx(expected)


def test_default_rates_stay_within_telegrams_limits() -> None:
    assert OVERALL.at_most(1.0) <= 30
    assert OVERALL.per_second >= 25
    assert GROUP.at_most(60.0) <= 20
    assert PRIVATE.per_second <= 1.0


def test_a_rate_needs_a_positive_refill_and_burst() -> None:
    with pytest.raises(ValueError, match="per_second"):
        Rate(per_second=0.0, burst=1)
    with pytest.raises(ValueError, match="burst"):
        Rate(per_second=1.0, burst=0)


@pytest.mark.parametrize(
    ("chat_id", "group"),
    [(-100123, True), (-5, True), (7, False), ("@fanclub", True), ("-100123", True), ("7", False)],
)
def test_chat_kind(chat_id: int | str, group: bool) -> None:
    assert is_group(chat_id) is group


def test_one_chat_has_one_key_however_it_is_written() -> None:
    assert chat_key("-100123") == chat_key(-100123)
    assert chat_key("@FanClub") == chat_key("@fanclub")


# the limiter on its own


async def test_a_channel_username_is_paced_like_a_group() -> None:
    clock = FakeClock()
    limiter = InMemoryRateLimiter(clock=clock.monotonic, sleep=clock.sleep)
    done: list[float] = []

    async def send(chat_id: str) -> None:
        await limiter.acquire(chat_id)
        done.append(clock.elapsed())

    await clock.run(send("@FanClub"), send("@fanclub"), send("@fanclub"))
    assert done == pytest.approx([0.0, 0.0, 60 / 18])


async def test_idle_chats_are_forgotten() -> None:
    clock = FakeClock()
    limiter = InMemoryRateLimiter(clock=clock.monotonic, sleep=clock.sleep, sweep_every=50)
    await clock.run(*(limiter.acquire(user) for user in range(1, 50)))
    assert limiter.tracked_chats() == 49
    clock.now += 10.0
    await clock.run(limiter.acquire(SUPERGROUP))
    assert limiter.tracked_chats() == 1


async def test_a_busy_chat_is_not_forgotten() -> None:
    clock = FakeClock()
    limiter = InMemoryRateLimiter(clock=clock.monotonic, sleep=clock.sleep, sweep_every=3)
    await clock.run(*(limiter.acquire(SUPERGROUP) for _ in range(3)))
    await clock.run(limiter.acquire(USER))
    assert limiter.tracked_chats() == 2


# the flood pause


async def test_a_pause_only_grows() -> None:
    clock = FakeClock()
    pause = FloodPause(clock=clock.monotonic, sleep=clock.sleep)
    first_end = pause.extend(10)
    assert pause.extend(3) == first_end
    assert pause.is_active()
    await clock.run(pause.wait())
    assert clock.elapsed() == 10
    assert not pause.is_active()


async def test_a_waiter_honours_a_pause_extended_while_it_sleeps() -> None:
    clock = FakeClock()
    pause = FloodPause(clock=clock.monotonic, sleep=clock.sleep)
    pause.extend(5)

    async def extend_later() -> None:
        await clock.sleep(2)
        pause.extend(10)

    await clock.run(pause.wait(), extend_later())
    assert clock.elapsed() == 12


# through the middleware


async def test_one_group_gets_at_most_twenty_messages_a_minute(h: Harness) -> None:
    await h.clock.run(*(h.bot.send_message(SUPERGROUP, str(n)) for n in range(30)))
    times = h.times()
    assert most_in_any_window(times, 60.0) <= 20
    assert times[:2] == [0.0, 0.0]
    gaps = [later - earlier for earlier, later in zip(times[1:], times[2:], strict=False)]
    assert gaps == pytest.approx([60 / 18] * 28)
    texts = [getattr(call.method, "text", None) for call in h.session.calls]
    assert texts == [str(n) for n in range(30)]


async def test_sends_to_many_users_are_bounded_by_the_overall_rate(h: Harness) -> None:
    await h.clock.run(*(h.bot.send_message(USER + n, "hi") for n in range(30)))
    times = h.times()
    assert most_in_any_window(times, 1.0) <= 30
    assert times[:5] == [0.0] * 5
    assert times[-1] == pytest.approx(25 / 25)


async def test_one_private_chat_gets_about_one_message_a_second(h: Harness) -> None:
    await h.clock.run(*(h.bot.send_message(USER, str(n)) for n in range(6)))
    assert h.times() == pytest.approx([0, 0, 1, 2, 3, 4])


async def test_a_busy_group_does_not_delay_a_private_chat(h: Harness) -> None:
    await h.clock.run(
        *(h.bot.send_message(SUPERGROUP, str(n)) for n in range(10)),
        h.clock.after(0.5, h.bot.send_message(USER, "dm")),
    )
    private = [call.at - h.clock.start for call in h.session.calls if call.chat_id == USER]
    assert private == [0.5]


async def test_a_private_chat_still_shares_the_overall_budget(h: Harness) -> None:
    await h.clock.run(
        *(h.bot.send_message(USER + 1 + n, "hi") for n in range(10)),
        h.bot.send_message(USER, "dm"),
    )
    private = [call.at - h.clock.start for call in h.session.calls if call.chat_id == USER]
    assert private == pytest.approx([(11 - 5) / 25])


async def test_updates_and_callback_answers_are_never_delayed(h: Harness) -> None:
    await h.clock.run(
        *(h.bot.send_message(USER + n, "hi") for n in range(60)),
        h.clock.after(0.1, h.bot.get_updates(offset=1, timeout=0)),
        h.clock.after(0.1, h.bot.answer_callback_query("query-id")),
        h.clock.after(0.1, h.bot.send_chat_action(SUPERGROUP, "typing")),
    )
    unpaced = [
        call.at - h.clock.start
        for call in h.session.calls
        if call.api_method in {"getUpdates", "answerCallbackQuery", "sendChatAction"}
    ]
    assert unpaced == pytest.approx([0.1, 0.1, 0.1])
    assert h.times()[-1] > 0.1


async def test_edits_spend_only_the_overall_budget(h: Harness) -> None:
    await h.clock.run(
        *(h.bot.edit_message_text(text=str(n), chat_id=SUPERGROUP, message_id=1) for n in range(8))
    )
    assert h.times() == pytest.approx([0] * 5 + [0.04, 0.08, 0.12])


async def test_an_album_counts_one_message_per_item(h: Harness) -> None:
    album: list[MediaUnion] = [InputMediaPhoto(media=f"photo-{n}") for n in range(5)]
    await h.clock.run(h.bot.send_media_group(SUPERGROUP, album))
    await h.clock.run(h.bot.send_message(SUPERGROUP, "after the album"))
    assert h.times() == pytest.approx([(5 - 2) * 60 / 18, (6 - 2) * 60 / 18])


async def test_a_batch_forward_counts_one_message_per_item(h: Harness) -> None:
    h.session.queue(ok([{"message_id": n} for n in range(4)]))
    await h.clock.run(h.bot.forward_messages(SUPERGROUP, -100777, message_ids=[1, 2, 3, 4]))
    await h.clock.run(h.bot.send_message(SUPERGROUP, "after the batch"))
    assert h.times() == pytest.approx([(4 - 2) * 60 / 18, (5 - 2) * 60 / 18])


def test_paid_media_is_one_message_however_many_items() -> None:
    paid = SendPaidMedia(
        chat_id=SUPERGROUP,
        star_count=5,
        media=[InputPaidMediaPhoto(media="photo-1"), InputPaidMediaPhoto(media="photo-2")],
    )
    assert messages_posted(paid) == 1


@pytest.mark.parametrize(
    ("api_method", "pacing"),
    [
        ("sendMessage", Pacing.CHAT),
        ("sendPoll", Pacing.CHAT),
        ("sendDice", Pacing.CHAT),
        ("copyMessages", Pacing.CHAT),
        ("forwardMessage", Pacing.CHAT),
        ("sendChatAction", Pacing.NONE),
        ("sendMessageDraft", Pacing.NONE),
        ("editMessageText", Pacing.OVERALL),
        ("stopPoll", Pacing.OVERALL),
        ("getUpdates", Pacing.NONE),
        ("answerCallbackQuery", Pacing.NONE),
        ("getChatMember", Pacing.NONE),
        ("setWebhook", Pacing.NONE),
        ("deleteMessage", Pacing.NONE),
    ],
)
def test_which_calls_are_paced(api_method: str, pacing: Pacing) -> None:
    assert pacing_of(api_method) is pacing
