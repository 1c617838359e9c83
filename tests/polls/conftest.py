"""A group with its owner, an operator's private chat and fans, all through the real dispatcher;
the clock is built like the composition root builds it, with an injected `now`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import SendMessage, SendPoll, StopPoll
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db.chat_settings import register_group
from bot.db.models import PollRecord, PollTally, PollVote
from bot.db.operators import select_group
from bot.services.clock import Clock
from bot.services.poll_lifecycle import PollLifecycle
from bot.telegram.poll_courier import TelegramPollCourier
from tests.operators.support import ScriptedTelegram, scripted_pipeline
from tests.support import updates as u
from tests.support.pipeline import Pipeline

GROUP = u.group(-1001000000333, "Cat fans")
OWNER = u.user(9101, "Mei", username="mei", language_code="zh-hans")
ADMIN = u.user(9102, "Ada", username="ada", language_code="en")
MEMBER = u.user(9103, "Max", username="max", language_code="en")
FANS = [u.user(9200 + n, f"Fan{n}", username=f"fan{n}") for n in range(1, 6)]


@dataclass
class Now:
    value: datetime

    def __call__(self) -> datetime:
        return self.value


@dataclass
class PollScene:
    pipeline: Pipeline
    telegram: ScriptedTelegram
    updates: u.Updates
    session_factory: async_sessionmaker[AsyncSession]
    clocks: list[Clock] = field(default_factory=list)

    async def send(self, chat: dict[str, Any], sender: dict[str, Any], text: str) -> None:
        await self.pipeline.deliver(self.updates.command(chat, sender, text))

    def clock(self, now: Now, instance: str = "one") -> Clock:
        """A clock with the bot's poll job source (as build_clock wires it), never started:
        tests drive passes with `tick()`."""
        dispatcher = self.pipeline.dispatcher
        clock = Clock(self.session_factory, now=now, instance=instance)
        settings = dispatcher["settings"]
        clock.add_source(
            PollLifecycle(
                self.session_factory,
                dispatcher["translator"],
                TelegramPollCourier(self.pipeline.bot),
                default_timezone=settings.default_timezone,
                default_language=settings.default_language,
            )
        )
        self.clocks.append(clock)
        return clock

    def replies(self, chat_id: int) -> list[str]:
        return [
            str(c.text)
            for c in self.telegram.calls
            if isinstance(c, SendMessage) and c.chat_id == chat_id
        ]

    def sent_polls(self) -> list[SendPoll]:
        return self.telegram.methods(SendPoll)

    def stops(self) -> list[StopPoll]:
        return self.telegram.methods(StopPoll)

    async def polls(self) -> list[PollRecord]:
        async with self.session_factory() as session:
            return list((await session.scalars(select(PollRecord).order_by(PollRecord.id))).all())

    async def tally(self, telegram_poll_id: str) -> PollTally | None:
        async with self.session_factory() as session:
            return await session.get(PollTally, telegram_poll_id)

    async def votes(self) -> dict[tuple[str, int], str]:
        async with self.session_factory() as session:
            rows = (await session.scalars(select(PollVote))).all()
        return {(row.telegram_poll_id, row.user_id): row.option_ids for row in rows}

    def poll_update(
        self, poll_id: str, question: str, counts: list[int], voters: int, *, closed: bool = False
    ) -> dict[str, Any]:
        """Telegram's `poll` update; the scripted Telegram's poll gets the same counts, so that
        stopPoll answers with them as Telegram would."""
        for key, sent in self.telegram.polls.items():
            if sent.id == poll_id:
                options = [
                    option.model_copy(update={"voter_count": count})
                    for option, count in zip(sent.options, counts, strict=True)
                ]
                self.telegram.polls[key] = sent.model_copy(
                    update={"options": options, "total_voter_count": voters}
                )
        return self.updates._update(
            "poll",
            {
                "id": poll_id,
                "question": question,
                "options": [
                    {"persistent_id": str(i), "text": f"o{i}", "voter_count": count}
                    for i, count in enumerate(counts)
                ],
                "total_voter_count": voters,
                "is_closed": closed,
                "is_anonymous": False,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": True,
                "members_only": False,
            },
        )

    def answer(self, poll_id: str, voter: dict[str, Any], option_ids: list[int]) -> dict[str, Any]:
        return self.updates._update(
            "poll_answer",
            {
                "poll_id": poll_id,
                "user": voter,
                "option_ids": option_ids,
                "option_persistent_ids": [str(i) for i in option_ids],
            },
        )


@pytest.fixture
async def scene(session_factory: async_sessionmaker[AsyncSession]) -> PollScene:
    pipeline, telegram = scripted_pipeline(session_factory, default_timezone="Asia/Shanghai")
    telegram.set_status(GROUP["id"], OWNER["id"], "creator")
    telegram.set_status(GROUP["id"], ADMIN["id"], "administrator")
    telegram.set_status(GROUP["id"], pipeline.bot.id, "administrator")
    telegram.started.update(person["id"] for person in (OWNER, ADMIN, MEMBER))
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=GROUP["id"],
            chat_type="supergroup",
            title=GROUP["title"],
            username=None,
            added_by_user_id=None,
            now=now,
        )
        await select_group(session, ADMIN["id"], GROUP["id"], now)
    return PollScene(pipeline, telegram, u.Updates(), session_factory)


def later(**delta: float) -> datetime:
    return datetime.now(UTC) + timedelta(**delta)
