"""A bot wired to the real outbound middleware over a scripted transport, on virtual time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiogram import Bot

from bot.telegram.outbound import OutboundMiddleware
from bot.telegram.rate_limit import RateLimiter
from tests.support.clock import FakeClock
from tests.support.lifecycle import RecordingLifecycle
from tests.support.transport import TOKEN, ScriptedSession, make_bot


@dataclass
class Harness:
    clock: FakeClock
    session: ScriptedSession
    lifecycle: RecordingLifecycle
    bot: Bot

    def times(self) -> list[float]:
        """When each request reached the transport, in seconds since the start."""
        return [call.at - self.clock.start for call in self.session.calls]

    async def run_one(self, awaitable: Any) -> Any:
        (result,) = await self.clock.run(awaitable)
        return result


def build_harness(
    jitter: float = 1.0, limiter: Callable[[FakeClock], RateLimiter] | None = None
) -> Harness:
    clock = FakeClock()
    session = ScriptedSession(clock.monotonic)
    lifecycle = RecordingLifecycle()
    session.middleware(
        OutboundMiddleware(
            lifecycle,
            token=TOKEN,
            limiter=None if limiter is None else limiter(clock),
            clock=clock.monotonic,
            sleep=clock.sleep,
            jitter=lambda: jitter,
        )
    )
    return Harness(clock, session, lifecycle, make_bot(session))
