"""A scheduler leader killed in the middle of a draw: the next lease holder takes the attempt
over and finishes it. One transcript, one announcement, each winner told once, the creator told
once, the giveaway done and the attempt's run done, whatever step the leader died at.

Death is a `Killed` (BaseException, so nothing on the way catches it) raised by the courier
before a chosen message goes out, by the step hook, or by the final `job_runs.finish`: the
attempt stays `claimed` by instance "a", as after kill -9. Clock "b" runs once a's lease expired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import EditMessageText, SendDocument, SendMessage, TelegramMethod
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import job_runs
from bot.db.job_runs import RunStatus, runs_of
from bot.db.models import GiveawayRecord
from bot.domain import fairness
from bot.domain.transcript import Transcript
from bot.services.clock import LEASE_TTL, Clock
from bot.services.giveaway_draw import GiveawayDraws, Outcome, Person, Send
from bot.telegram.giveaway_courier import TelegramLookup
from handlers.giveaways import giveaway_courier
from tests.giveaways.support import GROUP, seed_due_giveaway
from tests.support.clock import FakeClock
from tests.support.scene import Scene

CHAT_ID = -1001000000777
CREATOR = 4243
SEED = bytes(range(40, 72))
FANS = list(range(7001, 7013))
WINNERS = 3
ENDS_AT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class Killed(BaseException):
    """The instance dies here (kill -9): nothing after this line of the action runs."""


@dataclass
class RecordingCourier:
    """What went out, one line per message; `kill_before` names the message the instance dies
    just before sending, e.g. ("winner", 2) for the second winner."""

    sent: list[tuple[str, Any]] = field(default_factory=list)
    kill_before: tuple[str, int] | None = None

    def _send(self, kind: str, line: Any) -> None:
        if self.kill_before is not None:
            wanted, number = self.kill_before
            if wanted == kind and number == 1 + sum(1 for k, _ in self.sent if k == kind):
                self.kill_before = None
                raise Killed
        self.sent.append((kind, line))

    async def announce(self, outcome: Outcome) -> int | None:
        for send in await self.announcement(outcome):
            await send()
        return None

    async def announcement(self, outcome: Outcome) -> list[Send]:
        """Two messages, like Telegram's courier: the result, then the transcript file."""
        winners = tuple(person.user_id for person in outcome.winners)

        async def text() -> int | None:
            self._send("announce", (winners, outcome.round_digest))
            return 1000 + len(self.sent)

        async def document() -> int | None:
            self._send("transcript", outcome.transcript.digest)
            return 1000 + len(self.sent)

        return [text, document]

    async def tell_winner(self, person: Person, outcome: Outcome) -> bool:
        self._send("winner", person.user_id)
        return True

    async def tell_creator(self, user_id: int, outcome: Outcome) -> bool:
        self._send("creator", user_id)
        return True

    async def show_count(self, record: GiveawayRecord, count: int) -> None:
        return None

    def of(self, kind: str) -> list[Any]:
        return [line for k, line in self.sent if k == kind]


class EveryoneIsAMember:
    async def status(self, chat_id: int, user_id: int) -> str:
        return "member"


async def prepare(session_factory: async_sessionmaker[AsyncSession], chat_id: int = CHAT_ID) -> int:
    async with session_factory() as session, session.begin():
        return await seed_due_giveaway(
            session,
            chat_id=chat_id,
            title="Resume fans",
            creator=CREATOR,
            prize="Mug",
            winners=WINNERS,
            seed=SEED,
            ends_at=ENDS_AT,
            message_id=55,
            fans=FANS,
        )


def expected_winners() -> tuple[int, ...]:
    ids = fairness.entrant_ids(SEED, FANS)
    users = {entrant: user for user, entrant in ids.items()}
    pick = fairness.draw(SEED, fairness.canonical_entrants(ids.values()), WINNERS, {})
    return tuple(users[entrant] for entrant in pick.winners)


@dataclass
class Leaders:
    session_factory: async_sessionmaker[AsyncSession]
    courier: RecordingCourier
    kill_after_step: str | None = None

    async def on_step(self, step: str, giveaway_id: int) -> None:
        if step == self.kill_after_step:
            self.kill_after_step = None
            raise Killed

    def clock(self, now: FakeClock, instance: str) -> Clock:
        draws = GiveawayDraws(
            self.session_factory,
            EveryoneIsAMember(),
            self.courier,
            on_step=self.on_step,
            now=now,
        )
        return Clock(self.session_factory, [draws], now=now, instance=instance)

    async def a_dies_then_b_resumes(self) -> None:
        now = FakeClock(ENDS_AT + timedelta(seconds=5))
        with pytest.raises(Killed):
            await self.clock(now, "a").tick()
        later = FakeClock(now() + LEASE_TTL + timedelta(seconds=1))
        [report] = await self.clock(later, "b").tick()
        assert report.status is RunStatus.DONE, report
        assert await self.clock(later, "b").tick() == []
        assert await self.clock(FakeClock(later() + timedelta(hours=1)), "c").tick() == []


async def assert_drawn_once(
    session_factory: async_sessionmaker[AsyncSession], courier: RecordingCourier, giveaway_id: int
) -> None:
    winners = expected_winners()
    async with session_factory() as session:
        record = await session.get(GiveawayRecord, giveaway_id)
        runs = await runs_of(session, f"giveaway:{giveaway_id}")
    assert record is not None and record.status == "done" and record.transcript is not None
    transcript = Transcript.from_json(record.transcript)
    assert courier.of("announce") == [(winners, transcript.digest)]
    assert courier.of("transcript") == [transcript.digest]
    assert sorted(courier.of("winner")) == sorted(winners)
    assert len(courier.of("winner")) == WINNERS
    assert courier.of("creator") == [CREATOR]
    assert record.result_message_id is not None
    assert [run.status for run in runs] == [RunStatus.DONE]
    assert fairness.verify(transcript.to_dict(), expect_digest=transcript.digest).ok


MESSAGES = [
    ("announce", 1),
    ("transcript", 1),
    *(("winner", n) for n in range(1, WINNERS + 1)),
    ("creator", 1),
]


@pytest.mark.parametrize("message", MESSAGES, ids=[f"{kind}-{n}" for kind, n in MESSAGES])
async def test_a_leader_killed_before_a_message_is_resumed_without_a_gap_or_a_repeat(
    session_factory: async_sessionmaker[AsyncSession], message: tuple[str, int]
) -> None:
    giveaway_id = await prepare(session_factory)
    courier = RecordingCourier(kill_before=message)
    await Leaders(session_factory, courier).a_dies_then_b_resumes()
    await assert_drawn_once(session_factory, courier, giveaway_id)


@pytest.mark.parametrize("step", ["claimed", "transcript", "announced", "winners", "creator"])
async def test_a_leader_killed_after_a_step_is_resumed_from_the_next_one(
    session_factory: async_sessionmaker[AsyncSession], step: str
) -> None:
    giveaway_id = await prepare(session_factory)
    courier = RecordingCourier()
    await Leaders(session_factory, courier, kill_after_step=step).a_dies_then_b_resumes()
    await assert_drawn_once(session_factory, courier, giveaway_id)


async def test_a_leader_killed_before_finishing_its_run_leaves_only_the_run_to_finish(
    session_factory: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    giveaway_id = await prepare(session_factory)
    courier = RecordingCourier()
    finish = job_runs.finish

    async def dying_finish(*args: Any, **kwargs: Any) -> None:
        monkeypatch.setattr(job_runs, "finish", finish)
        raise Killed

    monkeypatch.setattr(job_runs, "finish", dying_finish)
    await Leaders(session_factory, courier).a_dies_then_b_resumes()
    await assert_drawn_once(session_factory, courier, giveaway_id)


async def test_the_attempt_is_taken_over_not_followed_by_a_new_one(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    giveaway_id = await prepare(session_factory)
    courier = RecordingCourier(kill_before=("winner", 2))
    await Leaders(session_factory, courier).a_dies_then_b_resumes()
    async with session_factory() as session:
        [run] = await runs_of(session, f"giveaway:{giveaway_id}")
    assert run.period == "attempt-000000" and run.status is RunStatus.DONE
    assert run.detail == f"{WINNERS} winner(s) of {len(FANS)}"


async def test_telegrams_courier_killed_between_the_result_and_the_transcript_file(
    scene: Scene,
) -> None:
    """Through the real courier: the result text, the transcript file and the closed
    announcement go out once each although the leader died between the text and the file."""
    giveaway_id = await prepare(scene.session_factory, GROUP["id"])
    telegram = scene.telegram
    original = telegram.make_request
    dying = [True]

    async def make_request(
        bot: Bot, method: TelegramMethod[Any], timeout: int | None = None
    ) -> Any:
        if dying[0] and isinstance(method, SendDocument):
            dying[0] = False
            raise Killed
        return await original(bot, method, timeout)

    telegram.make_request = make_request  # type: ignore[method-assign]
    telegram.calls.clear()
    dispatcher = scene.pipeline.dispatcher
    bot = scene.pipeline.bot

    def clock(now: FakeClock, instance: str) -> Clock:
        courier = giveaway_courier(
            bot, scene.session_factory, dispatcher["translator"], dispatcher["settings"]
        )
        draws = GiveawayDraws(scene.session_factory, TelegramLookup(bot), courier, now=now)
        return Clock(scene.session_factory, [draws], now=now, instance=instance)

    now = FakeClock(ENDS_AT + timedelta(seconds=5))
    with pytest.raises(Killed):
        await clock(now, "a").tick()
    later = FakeClock(now() + LEASE_TTL + timedelta(seconds=1))
    [report] = await clock(later, "b").tick()
    assert report.status is RunStatus.DONE
    assert await clock(later, "b").tick() == []

    [result] = [m for m in telegram.methods(SendMessage) if m.chat_id == GROUP["id"]]
    [document] = telegram.methods(SendDocument)
    [closed] = telegram.methods(EditMessageText)
    async with scene.session_factory() as session:
        record = await session.get(GiveawayRecord, giveaway_id)
    assert record is not None and record.status == "done" and record.transcript is not None
    transcript = Transcript.from_json(record.transcript)
    assert transcript.digest in result.text and document.chat_id == GROUP["id"]
    assert closed.reply_markup is None
    told = [m.chat_id for m in telegram.methods(SendMessage) if m.chat_id > 0]
    assert sorted(told) == sorted([*expected_winners(), CREATOR])
