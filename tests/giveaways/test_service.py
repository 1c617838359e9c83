"""The use cases without Telegram: what each answers, what it stores and audits, and that a
failed membership look-up while entering stores nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import load_settings
from bot.db import drafts
from bot.db.chat_settings import register_group
from bot.db.models import GiveawayRecord
from bot.devtools.recording_session import TOKEN
from bot.domain.giveaway import CreateError, Rules
from bot.domain.roles import Actor
from bot.services.clock import Clock
from bot.services.giveaway_draw import GiveawayDraws, Outcome, Person, RerollRefused
from bot.services.giveaways import Entrant, Entry, GiveawayService
from tests.giveaways.support import audit_actions, entries, giveaways

CHAT_ID = -1001000000555
OTHER_CHAT_ID = -1001000000556
ACTOR = Actor(user_id=88)
FAN = Entrant(user_id=5001, is_bot=False, first_name="Lin", last_name=None)


class Outage(Exception):
    pass


class FakeTelegram:
    """Lookup and courier: members unless told otherwise; records what it was asked to post."""

    def __init__(self) -> None:
        self.deleted: list[int] = []
        self.down = False
        self.announced: list[int] = []
        self.cancelled: list[tuple[int, int, str]] = []
        self.reopened: list[int] = []

    async def status(self, chat_id: int, user_id: int) -> str:
        if self.down:
            raise Outage
        return "member"

    async def resolve_channel(self, rules: Rules) -> Rules | str:
        return "channel-unknown" if rules.channel is not None else rules

    async def post_announcement(self, record: GiveawayRecord) -> int:
        self.announced.append(record.id)
        return 1000 + record.id

    async def post_cancelled(self, record: GiveawayRecord, count: int, reason: str) -> None:
        self.cancelled.append((record.id, count, reason))

    async def post_reopened(self, record: GiveawayRecord, count: int) -> None:
        self.reopened.append(record.id)

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        self.deleted.append(message_id)

    async def announce(self, outcome: Outcome) -> int | None:
        return None

    async def tell_winner(self, person: Person, outcome: Outcome) -> bool:
        return True

    async def tell_creator(self, user_id: int, outcome: Outcome) -> bool:
        return True

    async def show_count(self, record: GiveawayRecord, count: int) -> None:
        return None


async def create(
    service: GiveawayService,
    session_factory: async_sessionmaker[AsyncSession],
    arguments: str,
    now: datetime,
) -> GiveawayRecord:
    """Checked as the preview checks it, then sent as the operator's Send sends it."""
    await service.check(CHAT_ID, arguments, now)
    async with session_factory() as session, session.begin():
        draft = await drafts.create(
            session,
            kind="giveaway",
            chat_id=CHAT_ID,
            owner_user_id=ACTOR.user_id,
            subject_id=None,
            arguments=arguments,
            source="command",
            locale="en",
            now=now,
            expires_at=now + timedelta(minutes=30),
        )
    record = await service.send_draft(draft, ACTOR, now)
    assert record is not None
    assert await service.send_draft(draft, ACTOR, now) is None  # a second Send does nothing
    return record


@pytest.fixture
def telegram() -> FakeTelegram:
    return FakeTelegram()


@pytest.fixture
async def service(
    session_factory: async_sessionmaker[AsyncSession], telegram: FakeTelegram
) -> GiveawayService:
    now = datetime.now(UTC)
    async with session_factory() as session, session.begin():
        for chat_id in (CHAT_ID, OTHER_CHAT_ID):
            await register_group(
                session,
                chat_id=chat_id,
                chat_type="supergroup",
                title="Cats",
                username=None,
                added_by_user_id=None,
                now=now,
            )
    draws = GiveawayDraws(session_factory, telegram, telegram)
    settings = load_settings(bot_token=TOKEN)
    return GiveawayService(session_factory, draws, telegram, Clock(session_factory), settings)


async def test_a_created_giveaway_is_stored_audited_and_announced(
    service: GiveawayService,
    telegram: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    record = await create(service, session_factory, "2 2h Poster | member", datetime.now(UTC))
    [stored] = await giveaways(session_factory)
    assert (stored.id, stored.winner_count, stored.prize) == (record.id, 2, "Poster")
    assert stored.message_id == 1000 + record.id
    assert telegram.announced == [record.id]
    assert await audit_actions(session_factory) == ["giveaway-created"]
    listing = await service.listing(CHAT_ID)
    assert [r.id for r in listing.records] == [record.id]
    assert (await service.listing(OTHER_CHAT_ID)).records == []


async def test_an_unknown_channel_is_refused_with_its_code_and_nothing_stored(
    service: GiveawayService, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    with pytest.raises(CreateError) as refused:
        await create(service, session_factory, "1 2h Poster | channel:@nowhere", datetime.now(UTC))
    assert (refused.value.code, refused.value.detail) == ("channel-unknown", "@nowhere")
    assert await giveaways(session_factory) == []
    assert await audit_actions(session_factory) == []


async def test_entering_answers_each_case_once(
    service: GiveawayService,
    telegram: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    now = datetime.now(UTC)
    record = await create(service, session_factory, "1 2h Poster | member", now)
    robot = Entrant(user_id=5002, is_bot=True, first_name="Bot", last_name=None)
    assert (await service.enter(record.id, robot, CHAT_ID, now)).entry is Entry.NOT_A_PERSON
    assert (await service.enter(record.id, FAN, OTHER_CHAT_ID, now)).entry is Entry.CLOSED
    assert (await service.enter(record.id + 1, FAN, None, now)).entry is Entry.CLOSED
    telegram.down = True
    with pytest.raises(Outage):
        await service.enter(record.id, FAN, CHAT_ID, now)
    assert await entries(session_factory) == []
    telegram.down = False
    entered = await service.enter(record.id, FAN, CHAT_ID, now)
    assert (entered.entry, entered.giveaway_id) == (Entry.ENTERED, record.id)
    assert (await service.enter(record.id, FAN, None, now)).entry is Entry.ALREADY
    assert len(await entries(session_factory)) == 1


async def test_end_cancel_and_reroll_act_once_and_only_in_their_chat(
    service: GiveawayService,
    telegram: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    now = datetime.now(UTC)
    ended = await create(service, session_factory, "1 2h Poster", now)
    cancelled = await create(service, session_factory, "1 2h Mug", now)
    assert await service.end(OTHER_CHAT_ID, ACTOR, ended.id, now) is False
    assert await service.end(CHAT_ID, ACTOR, ended.id, now) is True
    assert await service.end(CHAT_ID, ACTOR, ended.id, now) is False
    assert await service.cancel(OTHER_CHAT_ID, ACTOR, cancelled.id, "sold out", now) is False
    assert await service.cancel(CHAT_ID, ACTOR, cancelled.id, "sold out", now) is True
    assert await service.cancel(CHAT_ID, ACTOR, cancelled.id, "sold out", now) is False
    assert telegram.cancelled == [(cancelled.id, 0, "sold out")]
    with pytest.raises(RerollRefused) as refused:
        await service.reroll(OTHER_CHAT_ID, ACTOR, ended.id, ranks=[1], reason="gone", now=now)
    assert refused.value.code == "not-drawn"
    with pytest.raises(RerollRefused) as refused:
        await service.reroll(CHAT_ID, ACTOR, ended.id, ranks=[1], reason="gone", now=now)
    assert refused.value.code == "not-drawn"
    assert await audit_actions(session_factory) == [
        "giveaway-created",
        "giveaway-created",
        "giveaway-ended",
        "giveaway-cancelled",
    ]
