"""Issue 9: with the default settings, a dead scheduler leader's clock moves to another instance
within a minute. Virtual time; each instance renews or tries the lease on its own heartbeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import load_settings
from bot.services.clock import Clock
from tests.support.clock import FakeClock

TOKEN = "123456:AAEfanpulse-scale-out-test-token-xyz"


async def test_the_default_lease_moves_to_a_survivor_within_a_minute(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    settings = load_settings(bot_token=TOKEN)
    lease_ttl = timedelta(seconds=settings.scheduler_lease_seconds)
    heartbeat = timedelta(seconds=settings.scheduler_heartbeat_seconds)
    start = datetime(2026, 11, 28, 12, tzinfo=UTC)
    survivor_now = FakeClock(start)
    leader = Clock(session_factory, instance="leader", now=FakeClock(start), lease_ttl=lease_ttl)
    survivor = Clock(session_factory, instance="survivor", now=survivor_now, lease_ttl=lease_ttl)
    # The worst case: the leader renews at `start` and dies just before its next heartbeat;
    # the survivor's heartbeats come just after the leader's renewals, so one falls just
    # before the expiry and it has to wait for the next.
    assert await leader.hold_lease()
    died = start + heartbeat - timedelta(milliseconds=1)
    survivor_now.value = start + timedelta(milliseconds=1)
    while not await survivor.hold_lease():
        survivor_now.value += heartbeat
    assert survivor_now.value - died <= timedelta(minutes=1)
    assert survivor_now.value - start <= lease_ttl + heartbeat
