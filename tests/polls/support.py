"""The polls' cast (a group with its owner, an administrator, a member and fans) and what the
poll tests read back: the polls sent and stopped, stored polls, tallies and votes."""

from __future__ import annotations

from aiogram.methods import SendPoll, StopPoll
from sqlalchemy import select

from bot.db.models import PollRecord, PollTally, PollVote
from tests.support import updates as u
from tests.support.scene import Scene

GROUP = u.group(-1001000000333, "Cat fans")
OWNER = u.user(9101, "Mei", username="mei", language_code="zh-hans")
ADMIN = u.user(9102, "Ada", username="ada", language_code="en")
MEMBER = u.user(9103, "Max", username="max", language_code="en")
FANS = [u.user(9200 + n, f"Fan{n}", username=f"fan{n}") for n in range(1, 6)]


def sent_polls(scene: Scene) -> list[SendPoll]:
    return scene.calls(SendPoll)


def stops(scene: Scene) -> list[StopPoll]:
    return scene.calls(StopPoll)


async def stored_polls(scene: Scene) -> list[PollRecord]:
    async with scene.session_factory() as session:
        return list((await session.scalars(select(PollRecord).order_by(PollRecord.id))).all())


async def tally_of(scene: Scene, telegram_poll_id: str) -> PollTally | None:
    async with scene.session_factory() as session:
        return await session.get(PollTally, telegram_poll_id)


async def stored_votes(scene: Scene) -> dict[tuple[str, int], str]:
    async with scene.session_factory() as session:
        rows = (await session.scalars(select(PollVote))).all()
    return {(row.telegram_poll_id, row.user_id): row.option_ids for row in rows}
