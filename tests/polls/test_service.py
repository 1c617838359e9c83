"""The use cases without Telegram: a send Telegram refuses cancels the poll, and each use case
answers plainly when the poll is not in the state it acts on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.db import drafts
from bot.db.chat_settings import register_group
from bot.db.models import AuditRecord
from bot.db.polls import StoredPoll, Tally
from bot.domain.polls import PollInputError
from bot.domain.roles import Actor
from bot.i18n import Html, Translator
from bot.services.clock import Clock
from bot.services.poll_lifecycle import PollLifecycle, SentPoll
from bot.services.polls import CreatedPoll, PollService, Sending, default_tagger

CHAT_ID = -1001000000444
ACTOR = Actor(user_id=77)


class RefusingCourier:
    async def send_poll(self, chat_id: int, poll: StoredPoll, now: datetime) -> SentPoll:
        raise RuntimeError("Bad Request: chat not found")

    async def stop_poll(self, chat_id: int, message_id: int) -> Tally | None:
        raise AssertionError("never sent, never stopped")

    async def post_results_text(self, chat_id: int, text: Html, reply_to: int | None) -> int:
        raise AssertionError("never closed")

    async def post_results_chart(self, chat_id: int, chart: bytes, caption: str) -> None:
        raise AssertionError("never closed")

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        raise AssertionError("never deleted")


@pytest.fixture
async def service(session_factory: async_sessionmaker[AsyncSession]) -> PollService:
    async with session_factory() as session, session.begin():
        await register_group(
            session,
            chat_id=CHAT_ID,
            chat_type="supergroup",
            title="Cats",
            username=None,
            added_by_user_id=None,
            now=datetime.now(UTC),
        )
    lifecycle = PollLifecycle(
        session_factory,
        Translator.load(),
        RefusingCourier(),
        default_timezone="UTC",
        default_language="en",
    )
    return PollService(session_factory, lifecycle, Clock(session_factory))


async def create(
    service: PollService,
    session_factory: async_sessionmaker[AsyncSession],
    arguments: str,
    now: datetime,
) -> CreatedPoll:
    """Checked as the preview checks it, then sent as the operator's Send sends it."""
    await service.check(CHAT_ID, arguments, now)
    async with session_factory() as session, session.begin():
        draft = await drafts.create(
            session,
            kind="poll",
            chat_id=CHAT_ID,
            owner_user_id=ACTOR.user_id,
            subject_id=None,
            arguments=arguments,
            source="command",
            locale="en",
            now=now,
            expires_at=now + timedelta(minutes=30),
        )
    created = await service.send_draft(draft, ACTOR, now)
    assert created is not None
    assert await service.send_draft(draft, ACTOR, now) is None  # a second Send does nothing
    return created


async def audit_actions(session_factory: async_sessionmaker[AsyncSession]) -> list[str]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditRecord.action))).all())


async def test_a_poll_telegram_refuses_is_cancelled(
    service: PollService, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    now = datetime.now(UTC)
    created = await create(service, session_factory, "Q? | a | b", now)
    assert created.sending is Sending.FAILED
    assert await service.cancel(CHAT_ID, ACTOR, created.poll.id, now) is False
    assert await service.close(CHAT_ID, ACTOR, created.poll.id, now) is False
    assert await service.export(CHAT_ID, created.poll.id) is None
    [line] = (await service.listing(CHAT_ID)).polls
    assert line.poll.status.value == "cancelled"
    assert await audit_actions(session_factory) == ["poll-created"]


async def test_a_scheduled_poll_is_cancelled_once_and_never_closed(
    service: PollService, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    now = datetime.now(UTC)
    start = (now + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    created = await create(service, session_factory, f"Q? | a | b --start {start}", now)
    assert created.sending is Sending.SCHEDULED
    assert await service.close(CHAT_ID, ACTOR, created.poll.id, now) is False
    assert await service.cancel(CHAT_ID, ACTOR, created.poll.id, now) is True
    assert await service.cancel(CHAT_ID, ACTOR, created.poll.id, now) is False
    assert await audit_actions(session_factory) == ["poll-created", "poll-cancelled"]


async def test_bad_input_raises_and_stores_nothing(
    service: PollService, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    with pytest.raises(PollInputError):
        await create(service, session_factory, "Q? | only one", datetime.now(UTC))
    assert (await service.listing(CHAT_ID)).polls == []
    assert await audit_actions(session_factory) == []


def test_the_default_tagger_is_built_once() -> None:
    assert default_tagger() is default_tagger()
