"""The entrant list's memory of Telegram's membership answers: kept a minute, then asked
again; an outage is not remembered."""

from __future__ import annotations

import pytest

from bot.services.recent_statuses import RecentStatuses


class Telegram:
    def __init__(self) -> None:
        self.status = "member"
        self.asked = 0
        self.down = False

    async def lookup(self, chat_id: int, user_id: int) -> str:
        self.asked += 1
        if self.down:
            raise ConnectionError("Telegram unreachable")
        return self.status


class Asking:
    def __init__(self, telegram: Telegram) -> None:
        self.status = telegram.lookup


async def test_an_answer_is_reused_for_a_minute_then_asked_again() -> None:
    telegram = Telegram()
    now = [0.0]
    statuses = RecentStatuses(Asking(telegram), ttl=60, clock=lambda: now[0])
    assert await statuses.status(-1, 7) == "member"
    telegram.status = "left"
    now[0] = 59.0
    assert await statuses.status(-1, 7) == "member"
    assert telegram.asked == 1
    now[0] = 60.0
    assert await statuses.status(-1, 7) == "left"
    assert await statuses.status(-2, 7) == "left"  # another chat is another question
    assert telegram.asked == 3


async def test_an_outage_is_not_remembered_and_the_oldest_answer_goes_first() -> None:
    telegram = Telegram()
    statuses = RecentStatuses(Asking(telegram), kept=2, clock=lambda: 0.0)
    telegram.down = True
    with pytest.raises(ConnectionError):
        await statuses.status(-1, 7)
    telegram.down = False
    assert await statuses.status(-1, 7) == "member"
    await statuses.status(-1, 8)
    await statuses.status(-1, 9)
    asked = telegram.asked
    await statuses.status(-1, 9)
    await statuses.status(-1, 7)  # forgotten when 9 came in
    assert telegram.asked == asked + 1
